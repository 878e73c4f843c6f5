import { describe, expect, it } from 'vitest';
import { createHighlightHandlers, type HighlightDeps } from '../../lib/extension/highlight-handlers';
import { restrictedReason } from '../../lib/extension/background-service';

function deps(over: Partial<HighlightDeps> = {}): HighlightDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getTabUrl: async (id) => (id === 1 ? 'https://news.example/a' : id === 2 ? 'chrome://settings' : undefined),
    highlightInTab: async (id, quotes) => (
      calls.push(`highlight ${id} ${quotes.length}`),
      { found: quotes.length, total: quotes.length, method: 'highlight' }
    ),
    clearHighlightsInTab: async (id) => (calls.push(`clear ${id}`), 3),
    ...over,
  };
}

describe('highlight handlers', () => {
  it('highlights and clears on a readable page', async () => {
    const d = deps();
    const h = createHighlightHandlers(d, restrictedReason);
    expect(await h.highlightInTab({ tabId: 1, quotes: ['a', 'b'] })).toEqual({ ok: true, found: 2, total: 2, method: 'highlight' });
    expect(await h.clearHighlights({ tabId: 1 })).toEqual({ ok: true, removed: 3 });
    expect(d.calls).toEqual(['highlight 1 2', 'clear 1']);
  });

  it.each([2, 3])('refuses tab %i (a browser page, or a tab it may not see) without injecting', async (tabId) => {
    const d = deps();
    const h = createHighlightHandlers(d, restrictedReason);
    const res = await h.highlightInTab({ tabId, quotes: ['a'] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('restricted');
    expect((await h.clearHighlights({ tabId })).ok).toBe(false);
    expect(d.calls).toEqual([]);
  });

  it('says so calmly when the browser refuses the injection', async () => {
    const logs: string[] = [];
    const h = createHighlightHandlers(
      deps({
        highlightInTab: async () => {
          throw new Error('Cannot access contents of the page');
        },
        log: (m) => void logs.push(m),
      }),
      restrictedReason,
    );
    const res = await h.highlightInTab({ tabId: 1, quotes: ['a'] });
    expect(res).toMatchObject({ ok: false, error: { code: 'injection-failed' } });
    expect(logs.join()).toMatch(/Cannot access/);
  });
});
