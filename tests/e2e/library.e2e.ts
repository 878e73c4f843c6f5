import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

const STARTER = join(import.meta.dirname, '..', '..', 'lib', 'library', 'starter', 'starter-library.json');
const CZECH = '/articles/czech-china-apt31-foreign-ministry/';
const CHINESE = '/articles/china-taiwan-dpp-hackers/';

let h: Harness;
let library: Page;

beforeAll(async () => {
  h = await startHarness();
  library = await h.browser.context.newPage();
  await library.setViewportSize({ width: 1280, height: 900 });
  await library.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
});
afterAll(async () => {
  await h?.close();
});

async function importFile(path: string) {
  await library.setInputFiles('input[type=file]', path);
}

describe('library page in Chromium', () => {
  it('starts with the starter library, which can be removed (then the empty state shows)', async () => {
    await library.waitForFunction(() => Number(document.querySelector('.library-count')?.textContent?.split(' ')[0]) >= 60, null, {
      timeout: 30_000,
    });
    await library.getByLabel('Source').selectOption('starter');
    await library.waitForFunction(() => [...document.querySelectorAll('.report-meta')].every((m) => /Starter library/.test(m.textContent ?? '')));
    await library.getByLabel('Source').selectOption('');
    await library.getByRole('button', { name: /Remove starter reports/ }).click();
    await library.getByText('Your library is empty').waitFor();
    await h.screenshot(library, 'library-empty');
    await library.locator('.toast').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('refuses a malformed file, names the bad record, and imports nothing', async () => {
    const file = JSON.parse(readFileSync(STARTER, 'utf8'));
    file.reports[3].accusations[0].accused.code = 'XXX';
    const dir = mkdtempSync(join(tmpdir(), 'cc-import-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(file));
    await importFile(bad);
    const alert = library.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/reports\[3\]\.accusations\[0\]\.accused\.code/);
    expect(await alert.textContent()).toMatch(/Nothing was imported/);
    await h.screenshot(library, 'library-import-error');
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(await library.locator('.library-count').textContent()).toBe('0 reports');

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ this is not json');
    await importFile(notJson);
    expect(await library.getByRole('alert').textContent()).toMatch(/not a JSON file/);
    await library.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  });

  it('cancels the check of a large file: the worker ends and nothing is imported', async () => {
    // About 40 MB: reading, parsing and checking it takes the worker well over the moment a click takes.
    const starter = JSON.parse(readFileSync(STARTER, 'utf8'));
    const filler = ' Officials declined to comment further.'.repeat(100);
    const reports = Array.from({ length: 10_000 }, (_, i) => {
      const r = starter.reports[i % starter.reports.length];
      const copy = { ...r, id: `big-${i}`, url: null, canonicalUrl: null, source: 'import', text: `${r.text}${filler} ${i}` };
      delete copy.origin;
      return copy;
    });
    const big = join(mkdtempSync(join(tmpdir(), 'cc-big-')), 'big-library.json');
    writeFileSync(big, JSON.stringify({ ...starter, reports, links: [] }));
    await importFile(big);
    await library.getByText(/Checking big-library.json/).waitFor();
    await h.screenshot(library, 'library-import-checking');
    await library.getByRole('button', { name: 'Cancel' }).click();
    await library.getByRole('alert').getByText('Import cancelled. The library is as it was.').waitFor();
    await expect.poll(() => library.workers().filter((w) => /import-worker/.test(w.url())).length).toBe(0);
    expect(await library.locator('.library-count').textContent()).toBe('0 reports');
    await library.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  });

  it('imports the starter library after a check, with progress, and lists it', async () => {
    await importFile(STARTER);
    await library.getByText(/checked and ready/).waitFor();
    // The file is checked and imported by a dedicated worker, not on the page's thread; it ends with the import.
    const importWorkers = () => library.workers().filter((w) => /import-worker/.test(w.url()));
    expect(importWorkers()).toHaveLength(1);
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(/Imported: /).waitFor({ timeout: 30_000 });
    await expect.poll(() => importWorkers().length).toBe(0);
    // The count is a live query: it follows the import.
    await library.waitForFunction(() => Number(document.querySelector('.library-count')?.textContent?.split(' ')[0]) >= 60);
    await library.waitForFunction(() => document.querySelectorAll('.report-row').length > 10);
  });

  it('searches and filters', async () => {
    await library.getByLabel('Search').fill('APT31');
    await library.waitForFunction(
      () =>
        document.querySelectorAll('.report-row').length > 0 &&
        [...document.querySelectorAll('.report-title')].every((t) => /APT31|Chin|Czech|Prague/i.test(t.textContent ?? '')),
    );
    const titles = await library.locator('.report-title').allTextContents();
    expect(titles.some((t) => /APT31/.test(t))).toBe(true);
    await library.getByLabel('Search').fill('');
    await library.getByLabel('Country').selectOption('CZE');
    // Every listed report involves the Czech Republic (as accuser or accused).
    await library.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.report-claim')].map((r) => r.textContent ?? '');
      return rows.length > 0 && rows.every((r) => r.includes('CZE'));
    });
    const rows = await library.locator('.report-claim').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/CZE/);
    await library.getByLabel('Country').selectOption('');
  });

  it('shows a report with its counterclaims, keeps tags and notes, and deletes with undo', async () => {
    await library.getByLabel('Search').fill('APT31 foreign ministry');
    const row = library.locator('.report-row', { hasText: /Prague|Czech/ }).first();
    await row.waitFor();
    await row.click();
    const detail = library.locator('.report-detail');
    await detail.locator('.claim-primary').waitFor();
    expect(await detail.locator('.claim-primary .actor-accuser .actor-name').textContent()).toBe('Czech Republic');
    const mirror = detail.locator('.counterclaim[data-relation="mirror"]').first();
    await mirror.waitFor();
    expect(await mirror.locator('.side-stored .actor-accused .actor-name').first().textContent()).toBe('Taiwan');

    await detail.getByLabel('Add a tag').fill('seed pair');
    await detail.getByLabel('Add a tag').press('Enter');
    await detail.getByText('seed pair').waitFor();
    await detail.locator('.notes textarea').fill('The case the product was conceived from.');
    await detail.locator('.notes textarea').blur();
    await h.screenshot(library, 'library-report');

    // Reload: tags and notes were stored.
    await library.reload();
    await library.getByLabel('Search').fill('seed');
    await library
      .locator('.report-row', { hasText: /Prague|Czech/ })
      .first()
      .click();
    await library.locator('.report-detail').getByText('seed pair').waitFor();
    expect(await library.locator('.notes textarea').inputValue()).toBe('The case the product was conceived from.');

    const before = await library.locator('.library-count').textContent();
    await library.getByRole('button', { name: 'Move to trash' }).click();
    await library.getByText(/moved to the trash/).waitFor();
    await library.waitForFunction((b) => document.querySelector('.library-count')?.textContent !== b, before);
    await library.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await library.waitForFunction((b) => document.querySelector('.library-count')?.textContent === b, before);
  });

  it('exports the library as JSON and the accusations as CSV', async () => {
    const [json] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export library (JSON)' }).click()]);
    const file = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(file.format).toBe('counterclaim-library');
    expect(file.reports.length).toBeGreaterThanOrEqual(60);
    expect(file.reports.some((r: { tags: string[] }) => r.tags.includes('seed pair'))).toBe(true);
    const [csv] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export accusations (CSV)' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^report_id,/);
    expect(text).toMatch(/CZE/);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    // For Excel: the same file with a byte-order mark first.
    await library.getByRole('checkbox', { name: 'CSV for Excel' }).check();
    const [excel] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export accusations (CSV)' }).click()]);
    const excelText = readFileSync((await excel.path())!, 'utf8');
    expect(excelText.charCodeAt(0)).toBe(0xfeff);
    expect(excelText.slice(1).split('\n')[0]).toMatch(/^report_id,/);
  });
});

describe('GDELT import on the library page', () => {
  const GDELT = join(import.meta.dirname, '..', 'fixtures', 'gdelt');

  it('imports a real GDELT export after a summary, and says where the reports came from', async () => {
    await library.getByLabel('Search').fill('');
    await importFile(join(GDELT, '20151027220000.export.CSV'));
    await library.getByText(/GDELT events read, \d+ accusations between states kept/).waitFor({ timeout: 30_000 });
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(/Imported: /).waitFor({ timeout: 30_000 });
    await library.getByLabel('Source').selectOption('gdelt');
    await library.waitForFunction(() => {
      const metas = [...document.querySelectorAll('.report-meta')].map((m) => m.textContent ?? '');
      return metas.length > 0 && metas.every((m) => m.includes('GDELT'));
    });
    await h.screenshot(library, 'library-gdelt');
    await library.getByLabel('Source').selectOption('');
  });

  it('stops at a bad line with its number, imports nothing, and offers to keep the good rows', async () => {
    const before = await library.locator('.library-count').textContent();
    await importFile(join(GDELT, 'bad-column-count.export.CSV'));
    const alert = library.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/line \d+/);
    expect(await alert.textContent()).toMatch(/Nothing was imported/);
    expect(await library.locator('.library-count').textContent()).toBe(before);
    await alert.getByRole('button', { name: 'Import the good rows only' }).click();
    await library.getByText(/bad lines? skipped/).waitFor({ timeout: 30_000 });
    await library.locator('.import-panel').getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('popup, judgements and the full comparison', () => {
  it('confirms a counterclaim, rejects one, and opens the full comparison', async () => {
    // The library holds the starter reports; save the two seed pages too.
    const cz = await h.openArticle(CZECH);
    const p1 = await h.popupFor(cz.url);
    await p1.getByRole('button', { name: 'Save to library' }).click();
    await p1.getByText('Saved to your library').waitFor();
    await p1.close();

    const cn = await h.openArticle(CHINESE);
    const p2 = await h.popupFor(cn.url);
    await p2.locator('.counterclaim').first().waitFor();
    // Not saved yet: judging needs a saved article.
    await p2.getByText('Save this article to confirm or reject its counterclaims.').waitFor();
    await p2.getByRole('button', { name: 'Save to library' }).click();
    await p2.getByText('Saved to your library').waitFor();
    await p2.reload();
    await p2.waitForSelector('main.popup[aria-busy="false"]');
    const rows = p2.locator('.counterclaim');
    const total = await rows.count();
    expect(total).toBeGreaterThan(1);
    await rows.first().getByRole('button', { name: 'Confirm' }).click();
    await p2.getByText('You confirmed this link').first().waitFor();
    // A judgement holds for the pair of reports: reject the last suggestion, from another report.
    const lastTitle = await rows.last().locator('.side-stored .source-line').textContent();
    await rows.last().getByRole('button', { name: 'Not a counterclaim' }).click();
    await p2.getByText(/you marked as not a counterclaim (is|are) hidden/).waitFor();
    expect(await p2.locator('.counterclaim .side-stored .source-line').allTextContents()).not.toContain(lastTitle);
    await h.screenshot(p2, 'popup-judged');

    const [compare] = await Promise.all([
      h.browser.context.waitForEvent('page'),
      p2.locator('.counterclaim').first().getByRole('button', { name: 'Open full comparison' }).click(),
    ]);
    await compare.setViewportSize({ width: 1280, height: 900 });
    await compare.locator('table.comparison').waitFor({ timeout: 30_000 });
    expect(await compare.locator('thead th').nth(1).textContent()).toBe('This article');
    expect(await compare.locator('tbody tr', { hasText: 'Who accuses' }).locator('td').first().textContent()).toMatch(/China/);
    expect(await compare.locator('.compare-switcher li').count()).toBeGreaterThan(1);
    await h.screenshot(compare, 'compare-light');
    await compare.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(compare, 'compare-dark');
    // Switch to another counterclaim without leaving the page.
    const second = compare.locator('.compare-switcher button').nth(1);
    await second.click();
    expect(await second.getAttribute('aria-current')).toBe('true');
    await compare.close();
  });
});
