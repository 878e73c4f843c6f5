import { loadSettings, siteForUrl, siteOrigin, type SettingsStorage } from './settings';

/** What automatic checking needs from the browser, passed in so that tests can run it in Node. */
export interface AutoCheckDeps {
  storage: SettingsStorage;
  /** `permissions.contains` for one origin pattern. */
  hasOrigin(origin: string): Promise<boolean>;
  /** Reads the tab and sets its badge (the `analyzeTab` handler). */
  analyzeTab(tabId: number): Promise<unknown>;
  log?(message: string): void;
}

export type AutoCheckOutcome = 'checked' | 'off' | 'not-listed' | 'no-permission' | 'failed';

/**
 * Called when a tab has finished loading. Reads the page only when the user turned automatic checking on, listed
 * the page's site, and the browser still grants that site's host permission (the user may have revoked it in the
 * browser's own settings); otherwise it does nothing. Reads the settings every time: the worker keeps no state.
 */
export async function autoCheckTab(deps: AutoCheckDeps, tabId: number, url: string | undefined): Promise<AutoCheckOutcome> {
  if (!url || !/^https?:/i.test(url)) return 'not-listed';
  const { autoCheck } = await loadSettings(deps.storage);
  if (!autoCheck.enabled) return 'off';
  const site = siteForUrl(url, autoCheck.sites);
  if (!site) return 'not-listed';
  const origin = siteOrigin(site);
  if (!origin || !(await deps.hasOrigin(origin).catch(() => false))) return 'no-permission';
  try {
    await deps.analyzeTab(tabId);
    return 'checked';
  } catch (e) {
    deps.log?.(`automatic check failed: ${String(e)}`);
    return 'failed';
  }
}
