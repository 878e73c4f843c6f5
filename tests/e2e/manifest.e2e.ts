import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = join(import.meta.dirname, '..', '..');

// The shipped builds ask for the least: activeTab, scripting, storage; no host permissions; a strict CSP.
describe('built manifests ask for no more than they need', () => {
  it.each([
    ['chrome', 'chrome-mv3', []],
    ['firefox', 'firefox-mv2', ['-b', 'firefox']],
  ])('%s', (_name, dir, args) => {
    const out = join(ROOT, process.env.COUNTERCLAIM_OUT ?? '.output', dir);
    // Built now, from the current code: a stale build must not pass for it.
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', ...args], { cwd: ROOT, stdio: 'ignore' });
    expect(r.status).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    // No page of the shipped build is the benchmark page (e2e only).
    expect(existsSync(join(out, 'bench.html'))).toBe(false);
    const csp = m.content_security_policy;
    if (csp) expect(JSON.stringify(csp)).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});
