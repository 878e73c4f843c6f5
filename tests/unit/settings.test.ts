import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  normalizeSite,
  readSettings,
  saveSettings,
  siteForUrl,
  siteOrigin,
  SETTINGS_KEY,
  type SettingsStorage,
} from '../../lib/extension/settings';

function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('sites as the user types them', () => {
  it.each([
    ['www.reuters.com', 'www.reuters.com', 'https://www.reuters.com/*'],
    ['  WWW.Reuters.COM  ', 'www.reuters.com', 'https://www.reuters.com/*'],
    ['https://www.reuters.com/world/europe?x=1', 'www.reuters.com', 'https://www.reuters.com/*'],
    ['http://127.0.0.1:8787/articles/', 'http://127.0.0.1', 'http://127.0.0.1/*'],
    ['*.bbc.co.uk', '*.bbc.co.uk', 'https://*.bbc.co.uk/*'],
    ['localhost', 'localhost', 'https://localhost/*'],
    ['bücher.de', 'xn--bcher-kva.de', 'https://xn--bcher-kva.de/*'],
  ])('%j is %j, origin %j', (input, canonical, origin) => {
    expect(normalizeSite(input)).toBe(canonical);
    expect(siteOrigin(canonical)).toBe(origin);
  });

  it.each([
    '',
    '   ',
    '*',
    '*.com',
    '*.127.0.0.1',
    'ftp://example.com',
    'javascript:alert(1)',
    'exa mple.com',
    '-bad-.com',
    'a..b',
    '999.1.1.1',
    'x'.repeat(400),
    '<script>',
  ])('refuses %j', (input) => {
    expect(normalizeSite(input)).toBeNull();
  });

  it.each([
    ['https://www.reuters.com/world/x', ['www.reuters.com'], 'www.reuters.com'],
    ['http://www.reuters.com/world/x', ['www.reuters.com'], null],
    ['https://reuters.com/', ['www.reuters.com'], null],
    ['https://news.bbc.co.uk/a', ['*.bbc.co.uk'], '*.bbc.co.uk'],
    ['https://bbc.co.uk/a', ['*.bbc.co.uk'], '*.bbc.co.uk'],
    ['https://evilbbc.co.uk/a', ['*.bbc.co.uk'], null],
    ['http://127.0.0.1:8787/articles/a/', ['http://127.0.0.1'], 'http://127.0.0.1'],
    ['not a url', ['www.reuters.com'], null],
  ])('%s under %j is covered by %j', (url, sites, want) => {
    expect(siteForUrl(url, sites)).toBe(want);
  });
});

describe('settings in storage', () => {
  it('is off with no sites by default, and when storage holds junk', async () => {
    expect(await loadSettings(memoryStorage())).toEqual(DEFAULT_SETTINGS);
    for (const junk of [null, 'on', 42, { autoCheck: { enabled: 'yes', sites: [] } }, { autoCheck: { enabled: true, sites: 'a.com' } }]) {
      expect(readSettings(junk)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('stores sites in canonical form, once each, dropping what is not a site', async () => {
    const storage = memoryStorage();
    const saved = await saveSettings(storage, {
      autoCheck: { enabled: true, sites: ['WWW.Reuters.com', 'https://www.reuters.com/x', 'not a site', 'http://127.0.0.1:8787'] },
    });
    expect(saved).toEqual({ autoCheck: { enabled: true, sites: ['www.reuters.com', 'http://127.0.0.1'] } });
    expect(storage.data[SETTINGS_KEY]).toEqual(saved);
    expect(await loadSettings(storage)).toEqual(saved);
  });

  it('does not hand out the defaults object to be changed', async () => {
    const s = await loadSettings(memoryStorage());
    s.autoCheck.sites.push('a.com');
    expect(DEFAULT_SETTINGS.autoCheck.sites).toEqual([]);
  });
});
