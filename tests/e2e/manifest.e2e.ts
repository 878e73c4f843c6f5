import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = join(import.meta.dirname, '..', '..');

/** What automatic checking may ask for, site by site, when the user turns it on: never granted at install. */
const OPTIONAL_ORIGINS = ['http://*/*', 'https://*/*'];

// The shipped builds ask for the least: activeTab, scripting, storage (and sidePanel on Chrome); no host permission
// at install; optional origins only for opt-in automatic checking; no content script; a strict CSP.
describe('built manifests ask for no more than they need', () => {
  it.each([
    ['chrome', 'chrome-mv3', []],
    ['firefox', 'firefox-mv2', ['-b', 'firefox']],
  ])('%s', (name, dir, args) => {
    const out = join(ROOT, process.env.COUNTERCLAIM_OUT ?? '.output', dir);
    // Built now, from the current code: a stale build must not pass for it.
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', ...args], { cwd: ROOT, stdio: 'ignore' });
    expect(r.status).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    if (name === 'chrome') {
      expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
      expect(m.optional_host_permissions.sort()).toEqual(OPTIONAL_ORIGINS);
      expect(m.optional_permissions ?? []).toEqual([]);
      expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    } else {
      expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
      // Manifest V2 has no optional_host_permissions: origins are optional permissions there.
      expect(m.optional_permissions.sort()).toEqual(OPTIONAL_ORIGINS);
      expect(m.optional_host_permissions).toBeUndefined();
      expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    }
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(existsSync(join(out, 'sidepanel.html'))).toBe(true);
    // No page of the shipped build is the benchmark page (e2e only).
    expect(existsSync(join(out, 'bench.html'))).toBe(false);
    // No CSP key means the browser's strict default (script-src 'self'); one that is set must be as strict.
    const csp = m.content_security_policy;
    if (csp) expect(JSON.stringify(csp)).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});
