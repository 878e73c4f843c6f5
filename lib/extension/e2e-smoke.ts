import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging';

/**
 * Test-only (e2e builds for Firefox): Playwright cannot open moz-extension:// pages in Firefox, so the smoke test
 * asks through a page instead. A content script on 127.0.0.1 sends this message; the background answers it with its
 * real handlers (the same injection, Readability, extraction, IndexedDB library and matcher that the popup uses).
 * Registered only when the build mode is 'e2e'; shipped builds contain neither this listener nor the content script
 * (tests/e2e/manifest.e2e.ts checks that shipped builds have no content script).
 */
export const SMOKE_MESSAGE = 'counterclaim-e2e-smoke';

export interface SmokeRequest {
  kind: typeof SMOKE_MESSAGE;
  action: 'analyze' | 'save' | 'status' | 'extract';
}

export function registerE2eSmoke(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const m = message as Partial<SmokeRequest> | null;
    if (!m || m.kind !== SMOKE_MESSAGE || sender.id !== browser.runtime.id || !sender.tab?.id) return false;
    const tabId = sender.tab.id;
    const run = async () => {
      if (m.action === 'status') return handlers.libraryStatus({});
      if (m.action === 'extract') {
        const [r] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
        return r?.result;
      }
      const analysed = await handlers.analyzeTab({ tabId });
      if (m.action === 'save' && analysed.ok) return { analysed, saved: await handlers.saveReport({ page: analysed.page }) };
      return analysed;
    };
    run().then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String(e) }));
    return true;
  });
}
