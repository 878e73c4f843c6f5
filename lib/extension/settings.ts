/**
 * The user's settings, kept in `storage.local` under one key. Today that is automatic checking: off by default, and
 * when on, only for the sites the user listed (each one also needs its host permission, asked for when it is added).
 *
 * A site is written the way a user types it and stored in one canonical form:
 * - `www.reuters.com`: pages on exactly that host, over https;
 * - `*.reuters.com`: that host and every subdomain, over https;
 * - `http://127.0.0.1`: a plain-http site (the scheme is written only when it is not https).
 * Ports and paths are dropped: a browser grants host permissions by scheme and host.
 */

export const SETTINGS_KEY = 'settings';

export interface AutoCheckSettings {
  enabled: boolean;
  /** Canonical site strings (see `parseSite`), each once, in the order they were added. */
  sites: string[];
}

export interface Settings {
  autoCheck: AutoCheckSettings;
}

export const DEFAULT_SETTINGS: Settings = { autoCheck: { enabled: false, sites: [] } };

/** At most this many sites: a list is for the few sites one reads daily, not a crawl. */
export const MAX_SITES = 100;

export interface Site {
  scheme: 'https' | 'http';
  /** Lowercase host (punycode for international names), without the `*.` */
  host: string;
  /** `*.host`: the host and its subdomains. */
  subdomains: boolean;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function validHost(host: string): boolean {
  if (host.length > 253) return false;
  const ip = IPV4.exec(host);
  if (ip) return ip.slice(1).every((n) => Number(n) <= 255);
  const labels = host.split('.');
  // A bare word ("localhost") is a host too, but "com" alone under `*.` would cover a whole top-level domain.
  return labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/** Reads what a user typed as a site, or null when it is not one (a path, another scheme, `*` alone, junk). */
export function parseSite(input: string): Site | null {
  let rest = input.trim().toLowerCase();
  if (!rest || rest.length > 300) return null;
  let scheme: Site['scheme'] = 'https';
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(rest);
  if (withScheme) {
    if (withScheme[1] !== 'https' && withScheme[1] !== 'http') return null;
    scheme = withScheme[1];
    rest = rest.slice(withScheme[0].length);
  }
  rest = rest.replace(/[/?#].*$/, '');
  let subdomains = false;
  if (rest.startsWith('*.')) {
    subdomains = true;
    rest = rest.slice(2);
  }
  if (!rest || /[^a-z0-9.\-:\u00a0-\uffff]/.test(rest)) return null;
  let host: string;
  try {
    // The URL parser gives the punycode form of an international name and drops the port.
    host = new URL(`${scheme}://${rest}/`).hostname;
  } catch {
    return null;
  }
  if (!validHost(host)) return null;
  if (subdomains && (!host.includes('.') || IPV4.test(host))) return null;
  return { scheme, host, subdomains };
}

/** The canonical string of a site: what is stored and shown. */
export function formatSite(site: Site): string {
  return `${site.scheme === 'https' ? '' : 'http://'}${site.subdomains ? '*.' : ''}${site.host}`;
}

/** The canonical form of what the user typed, or null. */
export function normalizeSite(input: string): string | null {
  const site = parseSite(input);
  return site ? formatSite(site) : null;
}

/** The host-permission match pattern for a site: exactly the origin(s) it names. */
export function siteOrigin(site: string): string | null {
  const s = parseSite(site);
  return s ? `${s.scheme}://${s.subdomains ? '*.' : ''}${s.host}/*` : null;
}

/** The listed site that covers `url`, or null. */
export function siteForUrl(url: string, sites: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const scheme = u.protocol.slice(0, -1);
  const host = u.hostname.toLowerCase();
  for (const entry of sites) {
    const s = parseSite(entry);
    if (!s || s.scheme !== scheme) continue;
    if (host === s.host || (s.subdomains && host.endsWith(`.${s.host}`))) return entry;
  }
  return null;
}

/** Settings as stored, checked: anything malformed falls back to the defaults (the safe choice: off). */
export function readSettings(stored: unknown): Settings {
  const value = stored as { autoCheck?: { enabled?: unknown; sites?: unknown } } | null | undefined;
  const auto = value && typeof value === 'object' ? value.autoCheck : undefined;
  if (!auto || typeof auto !== 'object' || typeof auto.enabled !== 'boolean' || !Array.isArray(auto.sites)) return structuredClone(DEFAULT_SETTINGS);
  const sites: string[] = [];
  for (const s of auto.sites.slice(0, MAX_SITES)) {
    const n = typeof s === 'string' ? normalizeSite(s) : null;
    if (n && !sites.includes(n)) sites.push(n);
  }
  return { autoCheck: { enabled: auto.enabled, sites } };
}

/** The part of `storage.local` this module uses (browser.storage.local fits; tests pass a Map-backed one). */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Loads the settings (the defaults when nothing or junk is stored). */
export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  const got = await storage.get(SETTINGS_KEY);
  return readSettings(got[SETTINGS_KEY]);
}

/** Stores the settings, normalised first so that storage never holds what `loadSettings` would refuse. */
export async function saveSettings(storage: SettingsStorage, settings: Settings): Promise<Settings> {
  const clean = readSettings(settings);
  await storage.set({ [SETTINGS_KEY]: clean });
  return clean;
}
