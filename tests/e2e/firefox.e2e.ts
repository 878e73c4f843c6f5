import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { firefox, type BrowserContext, type Page } from 'playwright-core';
import { zipSync } from 'fflate';
import { startDemoServer } from '../../scripts/lib/demo-server.mjs';
import { findFirefox } from '../../scripts/lib/firefox.mjs';

// Smoke test of the Firefox build in Firefox ESR. Playwright cannot open moz-extension:// pages there, so the test
// talks to the real background through the e2e-only content script (lib/extension/e2e-smoke.ts): the same injection,
// Readability, extraction, IndexedDB library, starter library and matcher that the popup uses.

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION_DIR = join(ROOT, process.env.COUNTERCLAIM_OUT ?? '.output', 'firefox-mv2-e2e');
const GECKO_ID = 'counterclaim@counterclaim.example';
const CZECH = '/articles/czech-china-apt31-foreign-ministry/';

function zipFolder(dir: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else entries[relative(dir, p).split('\\').join('/')] = readFileSync(p);
    }
  };
  walk(dir);
  return zipSync(entries);
}

interface Answer {
  action: string;
  answer?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the background's JSON answer, checked field by field below
  error?: string;
}

async function ask(page: Page, action: 'analyze' | 'save' | 'status' | 'extract'): Promise<Answer> {
  await page.waitForSelector('html[data-counterclaim-smoke-ready]', { state: 'attached', timeout: 20_000 });
  await page.evaluate((a) => {
    document.documentElement.removeAttribute('data-counterclaim-smoke');
    document.documentElement.setAttribute('data-counterclaim-smoke-ask', a);
  }, action);
  const handle = await page.waitForFunction(() => document.documentElement.getAttribute('data-counterclaim-smoke'), null, { timeout: 30_000 });
  return JSON.parse((await handle.jsonValue()) as string) as Answer;
}

describe('Firefox ESR', () => {
  let profile: string;
  let context: BrowserContext;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const executablePath = findFirefox();
    if (!executablePath) throw new Error('Firefox ESR is not installed: apt-get install -y firefox-esr (npm test installs it when run as root).');
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
      throw new Error(`No Firefox e2e build in ${EXTENSION_DIR}: run wxt build -b firefox --mode e2e.`);
    profile = mkdtempSync(join(tmpdir(), 'counterclaim-firefox-'));
    mkdirSync(join(profile, 'extensions'));
    writeFileSync(join(profile, 'extensions', `${GECKO_ID}.xpi`), zipFolder(EXTENSION_DIR));
    site = await startDemoServer(0);
    // 'moz-' channels drive a stock Firefox over WebDriver BiDi (Playwright's own protocol needs its patched build).
    context = await firefox.launchPersistentContext(profile, {
      executablePath,
      channel: 'moz-firefox',
      headless: true,
      firefoxUserPrefs: {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
      },
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await site?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs the background, installs the starter library, reads the seed article, finds its mirror and saves it', async () => {
    const page = await context.newPage();
    await page.goto(site.url + CZECH);

    // The starter library is installed when the add-on is installed; wait until it is there.
    let count = 0;
    for (let i = 0; i < 40 && count === 0; i++) {
      count = (await ask(page, 'status')).answer?.count ?? 0;
      if (count === 0) await page.waitForTimeout(500);
    }
    expect(count).toBeGreaterThan(50);

    // The page script reads the article in Firefox's content-script sandbox (where, for one, a URLSearchParams
    // iterator is not iterable: that once broke every read in Firefox).
    const extract = await ask(page, 'extract');
    expect(extract.answer.read.ok, JSON.stringify(extract.answer.read)).toBe(true);
    expect(extract.answer.read.article.title).toMatch(/malicious cyber campaign/);
    const analysed = await ask(page, 'analyze');
    expect(analysed.error).toBeUndefined();
    expect(analysed.answer.ok, JSON.stringify(analysed.answer.error)).toBe(true);
    const { analysis } = analysed.answer.page;
    const primary = analysis.accusations[analysis.primary];
    expect([primary.accuser.code, primary.accused.code, primary.charge.category]).toEqual(['CZE', 'CHN', 'cyberattack']);
    const mirrors = (
      analysed.answer.counterclaims as { relation: string; accusation: { accuser: { code: string }; accused: { code: string } } }[]
    ).filter((c) => c.relation === 'mirror' && c.accusation.accuser.code === 'CHN');
    expect(mirrors.map((c) => c.accusation.accused.code)).toContain('TWN');

    const saved = await ask(page, 'save');
    expect(saved.answer.saved).toMatchObject({ ok: true, status: 'created' });
    expect((await ask(page, 'status')).answer.count).toBe(count + 1);
  });
});
