import { analyzeArticle } from '../analyze';
import { articleFromSelection } from '../article/read-article';
import { countReports, findCounterclaims, findSavedReport, saveReport } from '../library/reports';
import { getReport } from '../library/store';
import { toCounterclaimView } from './views';
import { judgeCounterclaim } from '../library/links';
import type { LibraryDB } from '../library/db';
import type { AnalyzeTabResponse, ErrorInfo, Handlers, PageAnalysis, PageExtract } from '../messaging';
import { checkMessage, clampArticle, describeRejection } from './schemas';
import { createHighlightHandlers, type HighlightDeps } from './highlight-handlers';

/** What the service needs from the browser, passed in so that tests can run it in Node. */
export interface BackgroundDeps {
  db: LibraryDB;
  getTabUrl(tabId: number): Promise<string | undefined>;
  /** Injects the extractor into the tab and returns what it found. Throws when the browser refuses. */
  extractFromTab(tabId: number): Promise<PageExtract>;
  setBadge(tabId: number, text: string): Promise<void>;
  log?(message: string): void;
  /** The side panel's in-page highlighting (lib/extension/highlight-handlers.ts); optional so tests may leave it out. */
  highlightInTab?: HighlightDeps['highlightInTab'];
  clearHighlightsInTab?: HighlightDeps['clearHighlightsInTab'];
}

const READABLE = /^(https?|file):/i;
const STORE_HOSTS =
  /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i;

export function restrictedReason(url: string | undefined): string | null {
  if (!url) return 'This tab has no page that Counterclaim can read.';
  if (STORE_HOSTS.test(url)) return 'Browsers do not let extensions read extension store pages.';
  if (!READABLE.test(url)) return `Browsers do not let extensions read ${url.split(':')[0]}: pages. Open a news article and try again.`;
  return null;
}

const fail = (code: ErrorInfo['code'], message: string, selectionAvailable = false): AnalyzeTabResponse => ({
  ok: false,
  error: { code, message },
  selectionAvailable,
});

/** The background's message handlers. It keeps no state between messages: the library is in IndexedDB. */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db } = deps;
  return {
    ...createHighlightHandlers(deps, restrictedReason),
    async analyzeTab({ tabId, useSelection }) {
      if (!Number.isInteger(tabId)) return fail('bad-request', 'No tab was given.');
      const url = await deps.getTabUrl(tabId).catch(() => undefined);
      const restricted = restrictedReason(url);
      if (restricted) return fail('restricted', restricted);
      let extract: PageExtract;
      try {
        extract = await deps.extractFromTab(tabId);
      } catch (e) {
        deps.log?.(`injection failed: ${String(e)}`);
        return fail('injection-failed', 'Counterclaim could not read this page. Reload the page and try again.');
      }
      const selectionAvailable = extract.selection.trim().length > 0;
      let page: PageAnalysis;
      if (useSelection) {
        if (!selectionAvailable) return fail('no-selection', 'Select the article text on the page first, then try again.');
        const article = clampArticle(
          articleFromSelection(extract.selection, { url: extract.url, title: extract.pageTitle, declaredLanguage: extract.declaredLanguage }),
        );
        page = { article, analysis: analyzeArticle(article), fromSelection: true };
      } else if (!extract.read.ok) {
        return fail(
          extract.read.reason === 'too-large' ? 'too-large' : 'not-article',
          // The popup's title says what went wrong; the message says what to do.
          extract.read.reason === 'too-large'
            ? 'The page is too large to read whole. Select the article text on the page, then analyse the selection.'
            : 'Readability found no article here. Select the article text on the page, then analyse the selection.',
          selectionAvailable,
        );
      } else {
        // The page decides how long its title or first paragraph is: cut to what a save accepts.
        const article = clampArticle(extract.read.article);
        const analysis = analyzeArticle(article);
        if (extract.read.note) analysis.notes.unshift(extract.read.note);
        page = { article, analysis, fromSelection: false };
      }
      const saved = await findSavedReport(db, page.article);
      const counterclaims = (
        await findCounterclaims(db, page.analysis, page.article.publishedAt, saved?.id ?? null, {
          currentReportId: saved?.id ?? null,
          includeRejected: true,
          limit: 50,
        })
      ).map(toCounterclaimView);
      const nonEcho = counterclaims.filter((c) => c.relation !== 'echo').length;
      await deps.setBadge(tabId, nonEcho ? String(nonEcho) : '').catch(() => undefined);
      return {
        ok: true,
        page,
        saved: saved ? { id: saved.id, savedAt: saved.savedAt } : null,
        counterclaims,
        libraryCount: await countReports(db),
      };
    },
    async saveReport({ page }) {
      if (!page?.article || typeof page.article.text !== 'string' || !page.analysis)
        return { ok: false, error: { code: 'bad-request', message: 'Nothing to save.' } };
      try {
        const outcome = await saveReport(db, { article: page.article, analysis: page.analysis, source: page.fromSelection ? 'selection' : 'saved' });
        const saved = await getReport(db, outcome.id);
        return {
          ok: true,
          id: outcome.id,
          status: outcome.status,
          ...(outcome.restored ? { restored: true } : {}),
          savedAt: saved?.savedAt ?? new Date().toISOString(),
        };
      } catch (e) {
        deps.log?.(`save failed: ${String(e)}`);
        const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
        return {
          ok: false,
          error: {
            code: 'save-failed',
            message: quota
              ? 'The browser has no room left for the library. Nothing was saved; free some disk space and try again.'
              : 'The article could not be saved. Nothing was changed; try again.',
          },
        };
      }
    },
    async libraryStatus() {
      return { count: await countReports(db) };
    },
    async judgeCounterclaim({ from, fromIndex, to, toIndex, kind }) {
      if (
        typeof from !== 'string' ||
        typeof to !== 'string' ||
        !Number.isInteger(fromIndex) ||
        !Number.isInteger(toIndex) ||
        (kind !== 'confirmed' && kind !== 'rejected')
      )
        return { ok: false, error: { code: 'bad-request', message: 'That link cannot be recorded.' } };
      try {
        await judgeCounterclaim(db, { from, fromIndex, to, toIndex, kind });
        return { ok: true };
      } catch (e) {
        deps.log?.(`judgement failed: ${String(e)}`);
        return { ok: false, error: { code: 'save-failed', message: 'Your choice could not be saved. Try again.' } };
      }
    },
  };
}

/**
 * Routes one incoming message to its handler after checking it against its schema (lib/extension/schemas.ts).
 * Returns null for a message that does not fit: it is ignored, and logged with its type and first bad path only.
 */
export function routeMessage(handlers: Handlers, message: unknown, log: (line: string) => void): Promise<unknown> | null {
  const check = checkMessage(message);
  if (!check.ok) {
    log(describeRejection(check));
    return null;
  }
  const handler = handlers[check.message.type] as (data: unknown) => Promise<unknown>;
  return handler(check.message.data);
}
