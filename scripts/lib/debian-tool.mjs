// Finds a program the tests need (Firefox ESR, LibreOffice); installs its Debian package through apt when running as
// root, and otherwise says how to install it or which variable points at one.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The program at `process.env[envVar]` (null when that path is missing), else the first of `candidates` there. */
export function findTool({ envVar, candidates }) {
  if (process.env[envVar]) return existsSync(process.env[envVar]) ? process.env[envVar] : null;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Returns the program's path or null, installing `pkg` with apt-get when root and apt is there. */
export function ensureTool({ name, envVar, candidates, pkg, seconds, purpose }) {
  const found = findTool({ envVar, candidates });
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && !process.env[envVar]) {
    console.log(`${name} is missing: installing Debian's ${pkg} with apt-get (about ${seconds} s)...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env });
    const now = findTool({ envVar, candidates });
    if (now) return now;
  }
  console.error(`${name} was not found, so ${purpose} will fail. Install it (sudo apt-get install -y ${pkg}) or set ${envVar}.`);
  return null;
}
