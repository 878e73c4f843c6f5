// Finds Firefox ESR for the Firefox smoke test; installs Debian's firefox-esr through apt when running as root.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Returns a Firefox path or null, installing Debian's firefox-esr when root and apt is there. Says what to do when not. */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.FIREFOX_PATH) {
    console.log("Firefox is missing: installing Debian's firefox-esr with apt-get (about 20 s)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr'], { stdio: 'inherit', env });
    const now = findFirefox();
    if (now) return now;
  }
  console.error(
    'Firefox ESR was not found, so the Firefox smoke test will fail. Install it (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.',
  );
  return null;
}
