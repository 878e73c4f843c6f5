// Drives Chromium with the built extension loaded (playwright-core), for the e2e tests and the scripted demo.
import { chromium } from 'playwright-core';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/** Launches Chromium with the unpacked extension at `extensionDir`; resolves to { context, extensionId, close }. */
export async function launchWithExtension({ extensionDir, executablePath, headless = true }) {
  const dir = resolve(extensionDir);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: run the build first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'counterclaim-profile-'));
  const args = [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...QUIET_FLAGS];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless, args, viewport: { width: 1280, height: 900 } });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser's id for the tab showing `url`. Without the "tabs" permission the extension cannot see the URL of a
 * browser page (chrome://...): for those, the newest tab whose URL is hidden is taken.
 */
export async function tabIdOf(worker, url) {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const exact = tabs.find((t) => t.url === u);
    if (exact) return exact.id;
    if (!/^https?:/.test(u)) return tabs.filter((t) => !t.url).sort((a, b) => b.id - a.id)[0]?.id ?? null;
    return null;
  }, url);
}

/**
 * Opens the popup for the tab showing `url`, as a page (a test cannot click the toolbar), and waits until it has
 * finished reading. Returns the popup page.
 */
export async function openPopupFor(browserCtx, url, { width = 600, height = 900, colorScheme = 'light' } = {}) {
  const { context, worker, extensionId } = browserCtx;
  const tabId = await tabIdOf(worker, url);
  if (tabId === null) throw new Error(`No tab shows ${url}`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width, height });
  await popup.emulateMedia({ colorScheme });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup[aria-busy="false"]', { timeout: 30_000 });
  return popup;
}

/** Asks the background directly, through the popup page's messaging, for the structured analysis of a tab. */
export async function analyzeThroughPopup(popup, browserCtx, url) {
  const tabId = await tabIdOf(browserCtx.worker, url);
  return popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'analyzeTab', data: { tabId: id } }), tabId);
}
