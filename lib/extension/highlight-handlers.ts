import type { ErrorInfo, ProtocolMap } from '../messaging';
import type { HighlightOutcome } from './highlight';

/** What highlighting needs from the browser (script injection into the tab), passed in so that tests can run it. */
export interface HighlightDeps {
  getTabUrl(tabId: number): Promise<string | undefined>;
  /** Injects `highlightQuotesInPage` (and its style) into the tab. Throws when the browser refuses. */
  highlightInTab?(tabId: number, quotes: string[]): Promise<HighlightOutcome>;
  /** Injects `clearHighlightsInPage` and removes the style. Throws when the browser refuses. */
  clearHighlightsInTab?(tabId: number): Promise<number>;
  log?(message: string): void;
}

type Handler<K extends 'highlightInTab' | 'clearHighlights'> = (data: ProtocolMap[K]['request']) => Promise<ProtocolMap[K]['response']>;

const failure = (code: ErrorInfo['code'], message: string) => ({ ok: false as const, error: { code, message } });

/** The side panel's "Highlight in page" and "Clear highlights": only on pages the extension may read. */
export function createHighlightHandlers(
  deps: HighlightDeps,
  restrictedReason: (url: string | undefined) => string | null,
): { highlightInTab: Handler<'highlightInTab'>; clearHighlights: Handler<'clearHighlights'> } {
  const refusal = async (tabId: number) => restrictedReason(await deps.getTabUrl(tabId).catch(() => undefined));
  return {
    async highlightInTab({ tabId, quotes }) {
      const restricted = await refusal(tabId);
      if (restricted) return failure('restricted', restricted);
      if (!deps.highlightInTab) return failure('internal', 'This browser cannot highlight in the page.');
      try {
        return { ok: true, ...(await deps.highlightInTab(tabId, quotes)) };
      } catch (e) {
        deps.log?.(`highlight failed: ${String(e)}`);
        return failure('injection-failed', 'Counterclaim could not reach this page. Reload the page and try again.');
      }
    },
    async clearHighlights({ tabId }) {
      const restricted = await refusal(tabId);
      if (restricted) return failure('restricted', restricted);
      if (!deps.clearHighlightsInTab) return { ok: true, removed: 0 };
      try {
        return { ok: true, removed: await deps.clearHighlightsInTab(tabId) };
      } catch (e) {
        deps.log?.(`clearing highlights failed: ${String(e)}`);
        return failure('injection-failed', 'Counterclaim could not reach this page. Reload the page and try again.');
      }
    },
  };
}
