import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// Shared with `npm start`, which runs the same demo flow by script.
import { launchWithExtension, openPopupFor } from '../../scripts/lib/browser.mjs';
import { startDemoServer } from '../../scripts/lib/demo-server.mjs';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', process.env.COUNTERCLAIM_OUT ?? '.output', 'chrome-mv3-e2e');
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export interface Harness {
  site: { url: string; close: () => Promise<void> };
  browser: Awaited<ReturnType<typeof launchWithExtension>>;
  /** Opens an article of the demo site in a new tab and returns its URL. */
  openArticle(path: string): Promise<{ url: string; page: Page }>;
  popupFor(url: string, options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  const site = await startDemoServer(0);
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, executablePath, headless: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    site,
    browser,
    async openArticle(path) {
      const page = await browser.context.newPage();
      const url = `${site.url}${path}`;
      await page.goto(url);
      return { url, page };
    },
    popupFor: (url, options) => openPopupFor(browser, url, options),
    async screenshot(page, name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
