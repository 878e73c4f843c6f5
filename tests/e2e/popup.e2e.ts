import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness';

const CZECH = '/articles/czech-china-apt31-foreign-ministry/';
const CHINESE = '/articles/china-taiwan-dpp-hackers/';

/** A corpus article with no accusation (a hard negative), for the empty state. */
function hardNegative(): string {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'articles');
  const slug = readdirSync(dir).find((s) => {
    try {
      return JSON.parse(readFileSync(join(dir, s, 'expected.json'), 'utf8')).primary === null;
    } catch {
      return false;
    }
  });
  if (!slug) throw new Error('the corpus has no hard negative');
  return `/articles/${slug}/`;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('popup in Chromium with the built extension', () => {
  it('ships a starter library that makes the first click useful, and lets the user remove it', async () => {
    const library = await h.browser.context.newPage();
    await library.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    // Installed when the extension is installed.
    await library.waitForFunction(() => Number(document.querySelector('.library-count')?.textContent?.split(' ')[0]) >= 60, null, {
      timeout: 30_000,
    });

    const { url } = await h.openArticle(CZECH);
    const popup = await h.popupFor(url);
    const mirror = popup.locator('.counterclaim[data-relation="mirror"]', { hasText: 'Taiwan' }).first();
    await mirror.waitFor();
    expect(await mirror.locator('.side-stored .actor-accuser .actor-name').textContent()).toBe('China');
    expect(await mirror.locator('.side-stored .source-line').textContent()).toMatch(/Starter|Taiwan/);
    await h.screenshot(popup, 'popup-czech-starter-library');
    await popup.close();

    await library.getByRole('button', { name: /Remove starter reports/ }).click();
    await library.getByText(/Removed \d+ starter reports/).waitFor();
    await library.waitForFunction(() => document.querySelector('.library-count')?.textContent === '0 reports');
    await library.close();
  });

  it('reads the Czech article: accusation card, empty library, save', async () => {
    const { url } = await h.openArticle(CZECH);
    const popup = await h.popupFor(url);
    const primary = popup.locator('.claim-primary');
    await expect(primary.locator('.actor-accuser .actor-name').textContent()).resolves.toBe('Czech Republic');
    await expect(primary.locator('.actor-accused .actor-name').textContent()).resolves.toBe('China');
    expect(await primary.locator('.badge').first().textContent()).toBe('Cyberattack');
    expect(await primary.locator('.claim-quote').textContent()).toMatch(/People's Republic of China/);
    expect(await popup.getByText('Your library is empty').count()).toBe(1);
    await h.screenshot(popup, 'popup-czech-empty-library');

    await popup.getByRole('button', { name: 'Save to library' }).click();
    await popup.getByText('Saved to your library').waitFor();
    expect(await popup.locator('.library-count').textContent()).toBe('1 in library');
    await popup.close();

    // Opening it again says it is already saved, and saving again does not copy it.
    const again = await h.popupFor(url);
    await again.getByText('Already in your library').waitFor();
    await again.getByRole('button', { name: 'Update' }).click();
    await again.getByText('Updated in your library').waitFor();
    expect(await again.locator('.library-count').textContent()).toBe('1 in library');
    await again.close();
  });

  it('reads the Chinese article and shows the Czech one side by side as a counterclaim', async () => {
    const { url } = await h.openArticle(CHINESE);
    const popup = await h.popupFor(url);
    const primary = popup.locator('.claim-primary');
    expect(await primary.locator('.actor-accuser .actor-name').textContent()).toBe('China');
    expect(await primary.locator('.actor-accused .actor-name').textContent()).toBe('Taiwan');
    const row = popup.locator('.counterclaim[data-relation="turnabout"]').first();
    await row.waitFor();
    expect(await row.locator('.side-current .actor-accuser .actor-name').textContent()).toBe('China');
    expect(await row.locator('.side-stored .actor-accuser .actor-name').textContent()).toBe('Czech Republic');
    expect(await row.locator('.side-stored .actor-accused .actor-name').textContent()).toBe('China');
    expect(await row.locator('.side-stored .source-line').textContent()).toMatch(/malicious cyber campaign/i);
    expect(await row.locator('.match-reasons-line').textContent()).toMatch(/1 day apart/);
    await h.screenshot(popup, 'popup-chinese-counterclaim');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(popup, 'popup-chinese-counterclaim-dark');
    await popup.close();
  });

  it('says a front page is not an article and analyses the selected text instead', async () => {
    const { url, page } = await h.openArticle('/pages/front-page.html');
    const popup = await h.popupFor(url);
    await popup.getByText('No article found on this page').first().waitFor();
    await h.screenshot(popup, 'popup-not-an-article');
    // Without a selection, the fallback asks for one.
    await popup.getByRole('button', { name: 'Analyse selected text' }).click();
    await popup.getByText('Nothing is selected').waitFor();
    // Select a stretch of text on the page, then try again.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The United States accused Russia of hacking the election systems of several states, officials said on Monday.';
      document.body.prepend(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await popup.getByRole('button', { name: 'Analyse selected text' }).click();
    await popup.locator('.claim-primary').waitFor();
    expect(await popup.locator('.claim-primary .actor-accused .actor-name').textContent()).toBe('Russia');
    expect(await popup.locator('.article-meta').textContent()).toMatch(/from your selection/);
    await popup.close();
  });

  it('shows a calm empty state for an article with no accusation', async () => {
    const { url } = await h.openArticle(hardNegative());
    const popup = await h.popupFor(url);
    await popup.getByText('No accusation between states found').waitFor();
    expect(await popup.locator('.claim-card').count()).toBe(0);
    await h.screenshot(popup, 'popup-no-accusation');
    await popup.close();
  });

  it('explains that browser pages cannot be read', async () => {
    const page = await h.browser.context.newPage();
    await page.goto('chrome://version');
    const popup = await h.popupFor('chrome://version/');
    await popup.getByText('This page cannot be read').waitFor();
    // With the toolbar click the browser shows the URL ("chrome: pages"); a test has no click, so the tab's URL is hidden.
    expect(await popup.getByRole('alert').textContent()).toMatch(/chrome: pages|no page that Counterclaim can read/);
    expect(await popup.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await h.screenshot(popup, 'popup-restricted');
    await popup.close();
  });
});
