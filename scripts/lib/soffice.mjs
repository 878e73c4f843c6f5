// Finds LibreOffice (soffice) for the CSV export test, which opens the exported file in a real spreadsheet program;
// installs Debian's libreoffice-calc-nogui through apt when running as root (about 20 s).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];

export function findSoffice() {
  if (process.env.SOFFICE_PATH) return existsSync(process.env.SOFFICE_PATH) ? process.env.SOFFICE_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Returns a soffice path or null, installing Debian's libreoffice-calc-nogui when root. Says what to do when not. */
export function ensureSoffice() {
  const found = findSoffice();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.SOFFICE_PATH) {
    console.log("LibreOffice is missing: installing Debian's libreoffice-calc-nogui with apt-get (about 20 s)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libreoffice-calc-nogui'], { stdio: 'inherit', env });
    const now = findSoffice();
    if (now) return now;
  }
  console.error(
    'LibreOffice was not found, so the CSV spreadsheet test will fail. Install it (sudo apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH.',
  );
  return null;
}
