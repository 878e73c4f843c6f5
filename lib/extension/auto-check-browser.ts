import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging';
import { autoCheckTab } from './auto-check';

/**
 * Opt-in automatic checking: when a page finishes loading, read it if the user listed its site and granted the
 * permission (see `autoCheckTab`). Without the host permission the browser does not even tell the worker the tab's
 * URL, so nothing is read on any other site.
 */
export function registerAutoCheck(handlers: Handlers): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete') return;
    void autoCheckTab(
      {
        storage: browser.storage.local,
        hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
        analyzeTab: (id) => handlers.analyzeTab({ tabId: id }),
        log: (m) => console.warn(`[counterclaim] ${m}`),
      },
      tabId,
      tab.url,
    );
  });
}
