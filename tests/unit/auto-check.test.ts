import { describe, expect, it } from 'vitest';
import { autoCheckTab, type AutoCheckDeps } from '../../lib/extension/auto-check';
import { SETTINGS_KEY } from '../../lib/extension/settings';

function deps(settings: unknown, granted: string[]): AutoCheckDeps & { analysed: number[] } {
  const analysed: number[] = [];
  return {
    analysed,
    storage: { get: async () => (settings === undefined ? {} : { [SETTINGS_KEY]: settings }), set: async () => undefined },
    hasOrigin: async (o) => granted.includes(o),
    analyzeTab: async (id) => void analysed.push(id),
  };
}

const ON = { autoCheck: { enabled: true, sites: ['www.reuters.com', 'http://127.0.0.1'] } };

describe('automatic checking when a page has loaded', () => {
  it.each([
    ['nothing stored (off by default)', undefined, ['https://www.reuters.com/*'], 'https://www.reuters.com/world/a', 'off'],
    ['turned off', { autoCheck: { enabled: false, sites: ['www.reuters.com'] } }, ['https://www.reuters.com/*'], 'https://www.reuters.com/a', 'off'],
    ['a site not listed', ON, ['https://www.reuters.com/*'], 'https://www.bbc.com/news/a', 'not-listed'],
    ['a browser page', ON, ['https://www.reuters.com/*'], 'chrome://settings', 'not-listed'],
    ['no URL (the tab is not ours to see)', ON, ['https://www.reuters.com/*'], undefined, 'not-listed'],
    ['a listed site whose permission was revoked', ON, [], 'https://www.reuters.com/a', 'no-permission'],
    ['a listed site with its permission', ON, ['https://www.reuters.com/*'], 'https://www.reuters.com/world/a', 'checked'],
    ['the e2e site', ON, ['http://127.0.0.1/*'], 'http://127.0.0.1:8787/articles/x/', 'checked'],
  ])('%s', async (_name, settings, granted, url, want) => {
    const d = deps(settings, granted);
    expect(await autoCheckTab(d, 7, url)).toBe(want);
    expect(d.analysed).toEqual(want === 'checked' ? [7] : []);
  });

  it('says so when the analysis throws, and does not throw itself', async () => {
    const logs: string[] = [];
    const d: AutoCheckDeps = {
      ...deps(ON, ['https://www.reuters.com/*']),
      analyzeTab: async () => {
        throw new Error('tab closed');
      },
      log: (m) => void logs.push(m),
    };
    expect(await autoCheckTab(d, 1, 'https://www.reuters.com/a')).toBe('failed');
    expect(logs.join()).toMatch(/tab closed/);
  });
});
