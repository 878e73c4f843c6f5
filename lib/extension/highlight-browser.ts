import { browser } from 'wxt/browser';
import { clearHighlightsInPage, HIGHLIGHT_CSS, highlightQuotesInPage, type HighlightOutcome } from './highlight';
import type { HighlightDeps } from './highlight-handlers';

/**
 * The browser side of in-page highlighting: the functions are injected into the tab with `scripting.executeScript`
 * (the isolated world; the page's own scripts cannot see or replace them) and the style with `scripting.insertCSS`.
 * The same access rules as reading apply: the tab must have been granted (activeTab after a click, or a host
 * permission the user gave for automatic checking).
 */
export function browserHighlightDeps(): Pick<HighlightDeps, 'highlightInTab' | 'clearHighlightsInTab'> {
  const removeStyle = (tabId: number) => browser.scripting.removeCSS({ target: { tabId }, css: HIGHLIGHT_CSS }).catch(() => undefined);
  return {
    async highlightInTab(tabId, quotes) {
      // Once, not once per press: remove the style a previous press inserted before inserting it again.
      await removeStyle(tabId);
      await browser.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: highlightQuotesInPage, args: [quotes, {}] });
      const outcome = result?.result as HighlightOutcome | undefined;
      if (!outcome) throw new Error('the page script returned nothing');
      return outcome;
    },
    async clearHighlightsInTab(tabId) {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: clearHighlightsInPage });
      await removeStyle(tabId);
      return typeof result?.result === 'number' ? result.result : 0;
    },
  };
}
