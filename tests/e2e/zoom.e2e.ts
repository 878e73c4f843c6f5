import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tabIdOf } from '../../scripts/lib/browser.mjs';
import { startHarness, type Harness } from './harness';

// 200% zoom: Chrome caps a popup at 800×600 device pixels, which is 400×300 CSS pixels at 200%; a 1280-pixel window
// shows pages 640 CSS pixels wide. At those sizes every view must reflow: no sideways scrolling, nothing cut off.
const CZECH = '/articles/czech-china-apt31-foreign-ministry/';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Widths of the elements that stick out past the right edge of the viewport (none when the page reflows). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`document ${document.documentElement.scrollWidth}px > ${width}px`);
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      // Visually hidden helpers are 1px clipped boxes; skip them.
      if (r.width > 1 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(r.right)}px`);
    }
    return out.slice(0, 10);
  });
}

describe('readable at 200% zoom', () => {
  it('popup at 400×300 CSS pixels: no sideways scroll, the claim and Save reachable', async () => {
    const { url } = await h.openArticle(CZECH);
    const popup = await h.popupFor(url, { width: 400, height: 300 });
    await popup.waitForSelector('.claim-primary');
    expect(await overflow(popup)).toEqual([]);
    const save = popup.getByRole('button', { name: 'Save to library' });
    await save.scrollIntoViewIfNeeded();
    expect(await save.isVisible()).toBe(true);
    await h.screenshot(popup, 'zoom-200-popup');
    await popup.close();
  });

  it('comparison page at 640 CSS pixels: no sideways scroll, both sides shown', async () => {
    const { url } = await h.openArticle(CZECH);
    const tabId = await tabIdOf(h.browser.worker, url);
    const page = await h.browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto(`chrome-extension://${h.browser.extensionId}/compare.html?tabId=${tabId}`);
    await page.waitForSelector('table.comparison');
    expect(await overflow(page)).toEqual([]);
    await expect(page.locator('table.comparison thead th').nth(2).textContent()).resolves.toMatch(/Counterclaim|Also reported/);
    await h.screenshot(page, 'zoom-200-compare');
    await page.close();
  });
});
