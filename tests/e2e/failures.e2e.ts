import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

// Failures in real Chromium: the service worker stopped (CDP ServiceWorker.stopAllWorkers) before and during a
// save, and two popups saving the same article at once. The library is read straight from IndexedDB.

const ARTICLES = ['/articles/czech-china-apt31-foreign-ministry/', '/articles/china-taiwan-dpp-hackers/'];

let h: Harness;
let library: Page;
beforeAll(async () => {
  h = await startHarness();
  library = await h.browser.context.newPage();
  await library.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
});
afterAll(async () => {
  await h?.close();
});

/** Reports outside the trash whose URL or canonical URL contains `part`, read from the extension's IndexedDB. */
async function reportsFor(part: string): Promise<number> {
  return library.evaluate(
    (u) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('counterclaim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // Reports live in packs (lib/library/store.ts), each report as the JSON of its record.
          const req = open.result.transaction('packs').objectStore('packs').getAll();
          req.onsuccess = () => {
            const packs = req.result as { json: string[] }[];
            const rows = packs.flatMap((p) =>
              p.json.map((j) => JSON.parse(j) as { url: string | null; canonicalUrl: string | null; trashedAt?: string }),
            );
            resolve(rows.filter((r) => !r.trashedAt && (r.url?.includes(u) || r.canonicalUrl?.includes(u))).length);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    part,
  );
}

/** Stops every service worker of the browser, as Chrome does to an idle extension worker. */
async function stopWorkers(page: Page): Promise<void> {
  const stamp = `run-${Date.now()}`;
  const worker = h.browser.context.serviceWorkers()[0]!;
  await worker.evaluate((v) => ((globalThis as unknown as { stamp: string }).stamp = v), stamp);
  const cdp = await h.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  stopped.push(stamp);
}
const stopped: string[] = [];

/** Whether the running worker is a new one (its global state gone), after a message woke it. */
async function workerRestarted(page: Page): Promise<boolean> {
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'libraryStatus',
      data: {},
    }),
  );
  const worker = h.browser.context.serviceWorkers().at(-1)!;
  const stamp = await worker.evaluate(() => (globalThis as unknown as { stamp?: string }).stamp ?? null);
  return stamp !== stopped.at(-1);
}

/** The popup for a tab, opened by tab id (the harness's own helper asks the worker, which may be stopped here). */
async function popupForTab(url: string): Promise<Page> {
  const worker = h.browser.context.serviceWorkers()[0] ?? (await h.browser.context.waitForEvent('serviceworker'));
  const tabId = await worker.evaluate(
    async (u) =>
      (
        await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string; id?: number }[]> } } }).chrome.tabs.query({})
      ).find((t) => t.url === u)?.id,
    url,
  );
  const popup = await h.browser.context.newPage();
  await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup[aria-busy="false"]', { timeout: 30_000 });
  return popup;
}

const saveButton = (popup: Page) => popup.getByRole('button', { name: /^(Save|Update|Try again)/ }).first();

describe('the service worker stopped', () => {
  it('between reading and saving: Save wakes it and saves once', async () => {
    const { url } = await h.openArticle(ARTICLES[0]!);
    const popup = await popupForTab(url);
    await stopWorkers(popup);
    expect(await workerRestarted(popup), 'the worker was stopped').toBe(true);
    await stopWorkers(popup);
    await popup.getByRole('button', { name: /^Save/ }).click();
    await popup
      .getByText(/Saved to your library/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await reportsFor(ARTICLES[0]!)).toBe(1);
    await popup.close();
  });

  it('in the middle of a save: the popup and the library agree, and a retry leaves one report', async () => {
    const { url } = await h.openArticle(ARTICLES[1]!);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const popup = await popupForTab(url);
      const before = await reportsFor(ARTICLES[1]!);
      // Click and stop at once: the save may finish, fail, or never be answered; whichever, nothing half-written.
      await Promise.all([saveButton(popup).click(), stopWorkers(popup)]);
      const said = await popup
        .locator('main.popup')
        .getByText(/Saved to your library|Updated in your library|could not be saved/)
        .first()
        .textContent({ timeout: 30_000 });
      outcomes.push(said ?? '');
      const after = await reportsFor(ARTICLES[1]!);
      if (/could not be saved/.test(said ?? '')) {
        expect(said).toMatch(/Nothing was changed; try again/);
        expect(after).toBe(before);
        // The retry the message asks for.
        await saveButton(popup).click();
        await popup
          .getByText(/Saved to your library|Updated in your library/)
          .first()
          .waitFor({ timeout: 30_000 });
      }
      expect(await reportsFor(ARTICLES[1]!)).toBe(1);
      expect(await workerRestarted(popup), 'the worker was stopped').toBe(true);
      await popup.close();
    }
    console.info(`stopped mid-save, what the popup said: ${outcomes.join(' | ')}`);
  });
});

describe('two tabs saving the same article at once', () => {
  it.each([
    ['the same URL', ['/articles/albania-cuts-ties-iran-over-cyberattack/', '/articles/albania-cuts-ties-iran-over-cyberattack/']],
    [
      'the same article, one URL with a tracking parameter',
      ['/articles/russia-denies-jets-violated-estonian-airspace/', '/articles/russia-denies-jets-violated-estonian-airspace/?utm_source=two-tabs'],
    ],
  ])('leaves one report (%s)', async (_name, paths) => {
    const slug = paths[0]!.split('/')[2]!;
    expect(await reportsFor(slug)).toBe(0);
    const tabs = [];
    for (const p of paths) tabs.push((await h.openArticle(p)).url);
    const [a, b] = await Promise.all(tabs.map((u) => popupForTab(u)));
    // Both read it as unsaved; both press Save at the same moment.
    await Promise.all([a!.getByRole('button', { name: /^Save/ }).click(), b!.getByRole('button', { name: /^Save/ }).click()]);
    for (const p of [a!, b!])
      await p
        .getByText(/Saved to your library|Updated in your library/)
        .first()
        .waitFor({ timeout: 30_000 });
    expect(await reportsFor(slug)).toBe(1);
    await a!.close();
    await b!.close();
  });
});
