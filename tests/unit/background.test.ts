import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { createHandlers, restrictedReason, routeMessage, type BackgroundDeps } from '../../lib/extension/background-service';
import { extractPage } from '../../lib/extension/extract-page';
import type { PageExtract } from '../../lib/messaging';
import { freshDb } from '../helpers/library';
import { trashReport } from '../../lib/library/edit';
import { readCounts } from '../../lib/library/store';
import { FIXTURES, sourcePath } from '../helpers/fixtures';

function pageFrom(path: string, url: string, selection = ''): PageExtract {
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  return extractPage(document as unknown as Document, url, selection);
}

function deps(pages: Record<number, { url: string; extract?: PageExtract; fail?: boolean }>): BackgroundDeps & { badges: Record<number, string> } {
  const badges: Record<number, string> = {};
  return {
    db: freshDb(),
    badges,
    getTabUrl: async (id) => pages[id]?.url,
    extractFromTab: async (id) => {
      const p = pages[id];
      if (!p || p.fail || !p.extract) throw new Error('Cannot access contents of the page');
      return p.extract;
    },
    setBadge: async (id, text) => {
      badges[id] = text;
    },
  };
}

describe('background handlers', () => {
  it.each([
    ['chrome://settings', /chrome: pages/],
    ['https://chromewebstore.google.com/detail/x', /store pages/],
    ['about:blank', /about: pages/],
    [undefined, /no page/],
  ])('refuses %s with a clear reason', async (url, want) => {
    expect(restrictedReason(url)).toMatch(want);
    const d = deps({ 1: { url: url as string } });
    const res = await createHandlers(d).analyzeTab({ tabId: 1 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('restricted');
  });

  it('says when a page is not an article and offers the selection', async () => {
    const url = 'http://127.0.0.1/front';
    const d = deps({
      1: {
        url,
        extract: pageFrom(
          `${FIXTURES}/pages/front-page.html`,
          url,
          'The United States accused Russia of hacking the election systems, officials said on Monday.',
        ),
      },
    });
    const h = createHandlers(d);
    const res = await h.analyzeTab({ tabId: 1 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('not-article');
      expect(res.selectionAvailable).toBe(true);
    }
    const sel = await h.analyzeTab({ tabId: 1, useSelection: true });
    expect(sel.ok).toBe(true);
    if (sel.ok) {
      expect(sel.page.fromSelection).toBe(true);
      expect(sel.page.analysis.accusations[0]?.accused.code).toBe('RUS');
    }
  });

  it('asks for a selection when there is none', async () => {
    const url = 'http://127.0.0.1/front';
    const d = deps({ 1: { url, extract: pageFrom(`${FIXTURES}/pages/front-page.html`, url) } });
    const res = await createHandlers(d).analyzeTab({ tabId: 1, useSelection: true });
    expect(!res.ok && res.error.code).toBe('no-selection');
  });

  it('reports a page the browser would not let it read', async () => {
    const d = deps({ 1: { url: 'https://news.example/x', fail: true } });
    const res = await createHandlers(d).analyzeTab({ tabId: 1 });
    expect(!res.ok && res.error.code).toBe('injection-failed');
  });

  it('analyses, saves, and shows the saved article as the counterclaim of the next one, with a badge', async () => {
    const czUrl = 'http://127.0.0.1/articles/czech';
    const cnUrl = 'http://127.0.0.1/articles/china';
    const d = deps({
      1: { url: czUrl, extract: pageFrom(sourcePath('czech-china-apt31-foreign-ministry'), czUrl) },
      2: { url: cnUrl, extract: pageFrom(sourcePath('china-taiwan-dpp-hackers'), cnUrl) },
    });
    const h = createHandlers(d);
    const cz = await h.analyzeTab({ tabId: 1 });
    if (!cz.ok) throw new Error(cz.error.message);
    expect(cz.counterclaims).toEqual([]);
    expect(cz.libraryCount).toBe(0);
    expect(cz.saved).toBeNull();
    const saved = await h.saveReport({ page: cz.page });
    expect(saved.ok && saved.status).toBe('created');
    const again = await h.analyzeTab({ tabId: 1 });
    expect(again.ok && again.saved).toBeTruthy();

    const cn = await h.analyzeTab({ tabId: 2 });
    if (!cn.ok) throw new Error(cn.error.message);
    const top = cn.counterclaims[0];
    expect(top?.relation).toBe('turnabout');
    expect(top?.accusation.accuser.code).toBe('CZE');
    expect(top?.accusation.accused.code).toBe('CHN');
    expect(d.badges[2]).toBe(String(cn.counterclaims.filter((c) => c.relation !== 'echo').length));
  });

  it('saving an article whose report is in the trash brings it back and says so', async () => {
    const url = 'http://127.0.0.1/articles/czech';
    const d = deps({ 1: { url, extract: pageFrom(sourcePath('czech-china-apt31-foreign-ministry'), url) } });
    const h = createHandlers(d);
    const res = await h.analyzeTab({ tabId: 1 });
    if (!res.ok) throw new Error(res.error.message);
    const first = await h.saveReport({ page: res.page });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.restored).toBeUndefined();
    await trashReport(d.db, first.id);
    expect((await h.libraryStatus({})).count).toBe(0);
    const again = await h.saveReport({ page: res.page });
    expect(again).toMatchObject({ ok: true, id: first.id, status: 'updated', restored: true });
    expect((await h.libraryStatus({})).count).toBe(1);
  });

  it('reports a failed save and writes nothing', async () => {
    const d = deps({});
    await d.db.close();
    // A closed database makes every write fail the way a broken disk would.
    const res = await createHandlers(d).saveReport({
      page: {
        article: {
          url: 'https://a.example',
          canonicalUrl: null,
          title: 't',
          byline: null,
          siteName: null,
          publishedAt: null,
          declaredLanguage: null,
          text: 'x',
          excerpt: null,
        },
        analysis: { language: 'en', accusations: [], primary: null, truncated: false, notes: [] },
        fromSelection: false,
      },
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/Nothing was changed/);
  });
});

describe('incoming messages are checked against their schema', () => {
  const czUrl = 'http://127.0.0.1/articles/czech';
  const setup = () => {
    const d = deps({ 1: { url: czUrl, extract: pageFrom(sourcePath('czech-china-apt31-foreign-ministry'), czUrl) } });
    const logged: string[] = [];
    return { d, h: createHandlers(d), logged, log: (l: string) => logged.push(l) };
  };

  it('routes a valid message to its handler', async () => {
    const { h, logged, log } = setup();
    const reply = routeMessage(h, { type: 'libraryStatus', data: {} }, log);
    expect(await reply).toEqual({ count: 0 });
    expect(logged).toEqual([]);
  });

  it('ignores a save with junk in it, logs the type and path only, and stores nothing', async () => {
    const { d, h, logged, log } = setup();
    const res = await h.analyzeTab({ tabId: 1 });
    if (!res.ok) throw new Error(res.error.message);
    const page = structuredClone(res.page);
    Object.assign(page.analysis.accusations[0]!, { blob: 'PAYLOAD-MARKER'.repeat(1000) });
    expect(routeMessage(h, { type: 'saveReport', data: { page } }, log)).toBeNull();
    expect(logged).toEqual(['ignored saveReport: data.page.analysis.accusations[0].blob unexpected key']);
    expect((await readCounts(d.db)).reports).toBe(0);
    // The same page without the junk is saved.
    expect(await routeMessage(h, { type: 'saveReport', data: { page: res.page } }, log)).toMatchObject({ ok: true, status: 'created' });
    expect((await readCounts(d.db)).reports).toBe(1);
  });

  it.each([
    [{ type: 'analyzeTab', data: { tabId: '1' } }, 'ignored analyzeTab: data.tabId not an integer'],
    [{ type: 'judgeCounterclaim', data: { from: 'a', fromIndex: 0, to: 'b', toIndex: 0, kind: 'manual' } }, 'ignored judgeCounterclaim: data.kind'],
    [{ type: 'saveReport', data: { page: { article: 'x' } } }, 'ignored saveReport: data.page.article not an object'],
    [{ type: 'eval', data: { code: 'alert(1)' } }, 'ignored a message of unknown type: type'],
  ])('ignores %j', (message, want) => {
    const { h, logged, log } = setup();
    expect(routeMessage(h, message, log)).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(want);
    expect(logged[0]).not.toContain('alert');
  });
});
