// Finds a Chromium to drive; installs Debian's through apt when running as root, else says how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Returns a Chromium path, installing Debian's chromium when root; exits with a clear message otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH points at ${process.env.CHROME_PATH}, which does not exist.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium with apt-get (about 30 s)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const now = findChromium();
    if (r.status === 0 && now) return now;
  }
  console.error(
    [
      'Counterclaim needs Chromium to run its browser tests and demo, and none was found.',
      hasApt ? '  Install it:   sudo apt-get install -y chromium' : '  Install Chromium or Google Chrome for your system.',
      '  Or point at one:   CHROME_PATH=/path/to/chromium npm test',
    ].join('\n'),
  );
  process.exit(1);
}
