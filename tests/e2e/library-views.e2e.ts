import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

const CZECH = '/articles/czech-china-apt31-foreign-ministry/';
const CHINESE = '/articles/china-taiwan-dpp-hackers/';

let h: Harness;
let library: Page;
let optionsUrl: string;

beforeAll(async () => {
  h = await startHarness();
  // The seed pair, saved through the popup as a user would (the starter library installs on first run).
  for (const path of [CZECH, CHINESE]) {
    const { url, page } = await h.openArticle(path);
    const popup = await h.popupFor(url);
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await popup.getByText('Saved to your library').waitFor();
    await popup.close();
    await page.close();
  }
  library = await h.browser.context.newPage();
  await library.setViewportSize({ width: 1280, height: 800 });
  optionsUrl = `chrome-extension://${h.browser.extensionId}/options.html`;
  await library.goto(optionsUrl);
  await library.waitForFunction(() => Number(document.querySelector('.library-count')?.textContent?.split(' ')[0]) >= 60, null, { timeout: 30_000 });
});
afterAll(async () => {
  await h?.close();
});

const activeTab = () => library.evaluate(() => document.activeElement?.id ?? '');
const noHorizontalScroll = () => library.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('library views in Chromium', () => {
  it('switches views with the keyboard alone, and the URL hash follows', async () => {
    await library.locator('#tab-reports').focus();
    expect(await library.locator('#tab-reports').getAttribute('aria-selected')).toBe('true');
    await library.keyboard.press('ArrowRight');
    expect(await activeTab()).toBe('tab-map');
    expect(new URL(library.url()).hash).toBe('#map');
    await library.keyboard.press('ArrowRight');
    expect(new URL(library.url()).hash).toBe('#timeline');
    await library.keyboard.press('End');
    expect(await activeTab()).toBe('tab-settings');
    await library.keyboard.press('Home');
    expect(new URL(library.url()).hash).toBe('#reports');
    // The tab panel is labelled by its tab.
    expect(await library.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-reports');
    // A link to a view opens it.
    await library.goto(`${optionsUrl}#timeline`);
    expect(await library.locator('#tab-timeline').getAttribute('aria-selected')).toBe('true');
  });

  it('draws the country graph: the seed pair as a mirror, nodes reachable and selectable by keyboard', async () => {
    await library.getByRole('tab', { name: 'Map' }).click();
    const graph = library.locator('.graph-svg');
    await graph.waitFor({ timeout: 30_000 });
    for (const code of ['CHN', 'CZE', 'TWN']) await library.locator(`.graph-node[data-code="${code}"]`).waitFor();
    expect(await library.locator('.graph-node[data-code="CHN"]').getAttribute('aria-label')).toMatch(/^China: accuses \d+, accused by \d+$/);
    const czeChn = library.locator('.graph-edge[data-edge="CZE>CHN"]');
    expect(await czeChn.count()).toBe(1);
    expect(await czeChn.getAttribute('class')).toMatch(/cat-cyber/);
    // The seed pair stands out: CZE accuses CHN, CHN accuses TWN of the same charge.
    expect(await czeChn.getAttribute('class')).toMatch(/pair-(mirror|reversal)/);
    expect(await library.locator('.graph-edge[data-edge="CHN>TWN"]').getAttribute('class')).toMatch(/pair-mirror/);
    const mirrors = await library.locator('.pair-list-mirror li').allTextContents();
    expect(mirrors.some((m) => /CZE → CHN.*CHN → TWN/.test(m))).toBe(true);
    expect(await library.locator('.pair-list-reversal li').count()).toBeGreaterThan(0);
    const ms = Number(await library.locator('.graph-panel').getAttribute('data-build-ms'));
    const layoutMs = Number(await library.locator('.graph-panel').getAttribute('data-layout-ms'));
    console.log(`starter library + seed pair: graph and timeline data in ${ms} ms, layout in ${layoutMs} ms`);
    expect(ms + layoutMs).toBeLessThan(3000);
    await library.mouse.move(0, 0);
    await h.screenshot(library, 'library-graph-light');
    await library.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(library, 'library-graph-dark');
    await library.emulateMedia({ colorScheme: 'light' });

    // Keyboard: Tab from the Map tab reaches the graph's nodes; Enter selects one and lists its edges.
    await library.locator('#tab-map').focus();
    let onNode = false;
    for (let i = 0; i < 20 && !onNode; i++) {
      await library.keyboard.press('Tab');
      onNode = await library.evaluate(() => document.activeElement?.classList.contains('graph-node') ?? false);
    }
    expect(onNode).toBe(true);
    const focused = await library.evaluate(() => document.activeElement?.getAttribute('data-code'));
    await library.keyboard.press('Enter');
    expect(await library.locator(`.graph-node[data-code="${focused}"]`).getAttribute('aria-pressed')).toBe('true');
    await library.locator('#graph-node-heading').waitFor();
    expect(await library.locator('.graph-side .edge-table tbody tr').count()).toBeGreaterThan(0);
    await library.keyboard.press('Space');
    expect(await library.locator(`.graph-node[data-code="${focused}"]`).getAttribute('aria-pressed')).toBe('false');

    // Select China and follow its row to the reports in which the Czech Republic accuses China.
    await library.locator('.graph-node[data-code="CHN"]').focus();
    await library.keyboard.press('Enter');
    await library.locator('#graph-node-heading', { hasText: 'China' }).waitFor();
    await h.screenshot(library, 'library-graph-selected');
    await library.locator('.graph-side .edge-table').getByRole('button', { name: 'Show the reports in which Czech Republic accuses China' }).click();
    expect(new URL(library.url()).hash).toBe('#reports');
    await library.getByText('Reports in which CZE accuses CHN').waitFor();
    await library.locator('.report-row').first().waitFor();
    const titles = await library.locator('.report-title').allTextContents();
    expect(titles.some((t) => /APT31|Czech|Prague/i.test(t))).toBe(true);
    await library.getByRole('button', { name: 'Show all reports' }).click();
  });

  it('follows the filters: a charge filter leaves only that colour', async () => {
    await library.getByRole('tab', { name: 'Map' }).click();
    await library.getByLabel('Charge').selectOption('war_crimes');
    await library.waitForFunction(() => {
      const edges = [...document.querySelectorAll('.graph-edge')];
      return edges.length > 0 && edges.every((e) => e.classList.contains('cat-violence'));
    });
    expect(await library.locator('.graph-edge[data-edge="CZE>CHN"]').count()).toBe(0);
    await library.getByLabel('Charge').selectOption('');
    await library.locator('.graph-edge[data-edge="CZE>CHN"]').waitFor();
  });

  it('reads at 640 px wide (about 200% zoom) without horizontal scrolling', async () => {
    await library.setViewportSize({ width: 640, height: 900 });
    await library.locator('.graph-svg').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await h.screenshot(library, 'library-graph-640');
    await library.getByRole('tab', { name: 'Reports' }).click();
    await library.locator('.report-row').first().waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await library.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the timeline by month with pairs marked, reachable by keyboard', async () => {
    await library.getByRole('tab', { name: 'Timeline' }).click();
    const chart = library.locator('.timeline-svg');
    await chart.waitFor({ timeout: 30_000 });
    const bars = library.locator('.timeline-bar');
    expect(await bars.count()).toBeGreaterThan(12);
    expect(await library.locator('.timeline-bar[data-period="2025-05"]').getAttribute('data-total')).not.toBe('0');
    expect(await library.locator('.timeline-bar .bar').count()).toBeGreaterThan(10);
    expect(await library.locator('.pair-mark[data-pairs]').count()).toBeGreaterThan(0);
    await h.screenshot(library, 'library-timeline-light');
    await library.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(library, 'library-timeline-dark');
    await library.emulateMedia({ colorScheme: 'light' });

    await chart.focus();
    await library.keyboard.press('Home');
    const first = await library.locator('.timeline-bar[aria-selected="true"]').getAttribute('data-period');
    await library.keyboard.press('ArrowRight');
    const second = await library.locator('.timeline-bar[aria-selected="true"]').getAttribute('data-period');
    expect(first).not.toBe(second);
    await library.keyboard.press('End');
    const last = await library.locator('.timeline-bar[aria-selected="true"]').getAttribute('data-period');
    expect(await library.locator('.timeline-detail h3').textContent()).toMatch(new RegExp(last!.slice(0, 4)));
    // Enter lists that period's reports.
    await library.keyboard.press('Enter');
    expect(new URL(library.url()).hash).toBe('#reports');
    expect(await library.getByLabel('From', { exact: true }).inputValue()).toBe(`${last}-01`);
    await library.getByLabel('From', { exact: true }).fill('');
    await library.getByLabel('To', { exact: true }).fill('');
  });

  it('moves a report to the trash, restores it, deletes one forever after a confirm, and empties the trash', async () => {
    await library.getByRole('tab', { name: 'Reports' }).click();
    // Starter reports: the seed pair saved above stays for the link test.
    await library.getByLabel('Source').selectOption('starter');
    const before = await library.locator('.library-count').textContent();
    const rows = library.locator('.report-row');
    await rows.first().waitFor();
    const trashOne = async (i: number) => {
      await rows.nth(i).click();
      const title = await library.locator('.report-detail h2').textContent();
      await library.getByRole('button', { name: 'Move to trash' }).click();
      await library.getByText(/moved to the trash/).waitFor();
      return title!;
    };
    const a = await trashOne(0);
    const b = await trashOne(0);
    await library.waitForFunction((x) => document.querySelector('.library-count')?.textContent !== x, before);

    await library.getByRole('tab', { name: /Trash/ }).click();
    await library.getByText('2 reports in the trash').waitFor();
    await h.screenshot(library, 'library-trash');
    await library.getByRole('button', { name: `Restore “${a}”` }).click();
    await library.getByText('1 report in the trash').waitFor();

    await library.getByRole('button', { name: `Delete “${b}” forever` }).click();
    const confirm = library.getByRole('group', { name: /for good/ });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await library.locator('.trash-item').count()).toBe(1);
    await library.getByRole('button', { name: `Delete “${b}” forever` }).click();
    await library
      .getByRole('group', { name: /for good/ })
      .getByRole('button', { name: 'Delete forever' })
      .click();
    await library.getByText('The trash is empty').waitFor();

    // Empty trash (with its own confirm) on a fresh one.
    await library.getByRole('tab', { name: 'Reports' }).click();
    await trashOne(0);
    await library.getByRole('tab', { name: /Trash/ }).click();
    await library.getByRole('button', { name: 'Empty trash…' }).click();
    await library.getByRole('button', { name: 'Delete 1 for good' }).click();
    await library.getByText('The trash is empty').waitFor();
    await library.getByRole('tab', { name: 'Reports' }).click();
    await library.getByLabel('Source').selectOption('');
  });

  it('links two reports by hand: shown in both reports, in the popup as "Linked by you", and removable', async () => {
    await library.getByRole('tab', { name: 'Reports' }).click();
    await library.getByLabel('Source').selectOption('saved');
    await library.getByLabel('Search').fill('APT31');
    const czech = library.locator('.report-row', { hasText: /Czech|Prague|APT31/ }).first();
    await czech.waitFor();
    await czech.click();
    const detail = library.locator('.report-detail');
    await detail.getByRole('button', { name: 'Link to another report…' }).click();
    await detail.getByLabel('Find a report to link').fill('Skripal');
    const result = detail.locator('.link-results .report-row').first();
    await result.waitFor();
    const otherTitle = (await result.locator('.report-title').textContent())!;
    await result.click();
    await detail.getByRole('group', { name: 'Accusation in the other report' }).waitFor();
    await detail.getByLabel('Note (optional)').fill('both sides cite attribution');
    await detail.getByRole('button', { name: 'Link these accusations' }).click();
    await library.getByText(/^Linked\./).waitFor();
    const links = detail.locator('.manual-links');
    await links.getByRole('heading', { name: 'Linked by you' }).waitFor();
    expect(await links.textContent()).toContain(otherTitle);
    await h.screenshot(library, 'library-linked');

    // The other report shows the link too.
    await links.getByRole('button', { name: otherTitle, exact: true }).click();
    await library.locator('.report-detail h2', { hasText: otherTitle }).waitFor();
    await library
      .locator('.report-detail .manual-links')
      .getByText(/APT31|Czech|Prague/i)
      .waitFor();

    // The popup on the Czech article lists it under "Linked by you".
    const { url, page } = await h.openArticle(CZECH);
    const popup = await h.popupFor(url);
    await popup.waitForSelector('main.popup[aria-busy="false"]');
    await popup.getByText('Linked by you').first().waitFor();
    await h.screenshot(popup, 'popup-linked-by-you');
    await popup.close();
    await page.close();

    // Remove it.
    await library
      .locator('.report-detail .manual-links')
      .getByRole('button', { name: /Remove the link/ })
      .click();
    await library.getByText('Link removed.').waitFor();
    expect(await library.locator('.report-detail .manual-links').count()).toBe(0);
    await library.getByLabel('Source').selectOption('');
    await library.getByLabel('Search').fill('');
  });

  it('builds the graph of a 10,000-report library in one pass, in a few seconds at most', async () => {
    // The starter reports copied 100 times as imported reports, each with its own id and content hash.
    const starter = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'library', 'starter', 'starter-library.json'), 'utf8'));
    const reports = [];
    for (let i = 0; reports.length < 10_000; i++)
      for (const r of starter.reports) {
        if (reports.length >= 10_000) break;
        const copy = {
          ...r,
          id: `synthetic-${i}-${r.id}`,
          url: null,
          canonicalUrl: null,
          source: 'import',
          text: `${r.text}\n\nCopy ${i}.`,
          contentHash: `${i.toString(16).padStart(4, '0')}${r.contentHash.slice(4)}`,
        };
        delete copy.origin;
        reports.push(copy);
      }
    const file = join(mkdtempSync(join(tmpdir(), 'cc-10k-')), 'library-10k.json');
    writeFileSync(file, JSON.stringify({ ...starter, reports, links: [] }));
    await library.getByRole('tab', { name: 'Reports' }).click();
    await library.setInputFiles('input[type=file]', file);
    await library.getByText(/checked and ready/).waitFor({ timeout: 60_000 });
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(/Imported: /).waitFor({ timeout: 120_000 });
    await library.getByRole('tab', { name: 'Map' }).click();
    await library.waitForFunction(
      () =>
        Number(
          document
            .querySelector('.view-note')
            ?.textContent?.match(/^[\d,]+/)?.[0]
            ?.replace(/,/g, ''),
        ) > 10_000,
      null,
      {
        timeout: 60_000,
      },
    );
    const ms = Number(await library.locator('.graph-panel').getAttribute('data-build-ms'));
    const layoutMs = Number(await library.locator('.graph-panel').getAttribute('data-layout-ms'));
    console.log(`10,000+ reports: graph and timeline data in ${ms} ms, layout in ${layoutMs} ms`);
    expect(ms).toBeLessThan(3000);
    expect(await library.locator('.graph-node').count()).toBeLessThanOrEqual(40);
  }, 240_000);
});
