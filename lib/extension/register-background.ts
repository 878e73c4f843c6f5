import { browser } from 'wxt/browser';
import { LibraryDB } from '../library/db';
import type { Handlers, PageExtract } from '../messaging';
import { createHandlers, routeMessage } from './background-service';
import { installStarterLibrary } from './starter';
import { browserHighlightDeps } from './highlight-browser';
import { registerAutoCheck } from './auto-check-browser';

/** The toolbar button's API: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Wires the background service to the browser: messages from the extension's own pages, badge clearing. Returns the handlers. */
export function registerBackground(): Handlers {
  const db = new LibraryDB();
  const handlers: Handlers = createHandlers({
    db,
    getTabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    extractFromTab: async (tabId) => {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
      if (!result || result.result === undefined || result.result === null) throw new Error('the page script returned nothing');
      return result.result as PageExtract;
    },
    setBadge: async (tabId, text) => {
      const action = toolbarAction();
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#ea580c' });
    },
    log: (m) => console.warn(`[counterclaim] ${m}`),
    ...browserHighlightDeps(),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages may ask; a web page or another extension is ignored.
    if (sender.id !== browser.runtime.id || (sender.tab && !sender.url?.startsWith(browser.runtime.getURL('/')))) return false;
    // Every payload is checked against its schema; one that does not fit is ignored and logged (type and path only).
    const reply = routeMessage(handlers, message, (line) => console.warn(`[counterclaim] ${line}`));
    if (!reply) return false;
    reply.then(sendResponse, (e: unknown) => {
      console.error('[counterclaim]', e);
      sendResponse({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Counterclaim. Try again.' } });
    });
    return true;
  });

  // A starter library of real reports makes the first click useful; a new version refreshes it.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install' && details.reason !== 'update') return;
    installStarterLibrary(db).then(
      (r) => console.info(`[counterclaim] starter library: ${r.added} added, ${r.updated} updated`),
      (e: unknown) => console.error('[counterclaim] starter library not installed', e),
    );
  });

  // The badge belongs to the page it was computed for.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void toolbarAction().setBadgeText({ tabId, text: '' });
  });
  // Opt-in, off by default: read pages of the sites the user listed when they finish loading.
  registerAutoCheck(handlers);

  return handlers;
}
