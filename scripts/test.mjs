// `npm test`: type-check, unit tests (Vitest, Node), end-to-end tests (real Chromium with the built extension).
// Prints one closing line "N passed, N failed" that sums all three, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureFirefox } from './lib/firefox.mjs';
import { ensureSoffice } from './lib/soffice.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const chrome = ensureChromium();
const firefox = ensureFirefox();
const soffice = ensureSoffice();
mkdirSync('.cache', { recursive: true });

let passed = 0;
let failed = 0;
const step = (name) => console.log(`\n=== ${name} ===`);

/** A check that passes or fails as a whole (type-check, lint, formatting) counts as one test. */
function check(label, cmd, args) {
  step(label);
  if (run(cmd, args) === 0) passed++;
  else {
    failed++;
    console.error(`${label}: FAILED`);
  }
}

check('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
check('lint (eslint)', bin('eslint'), ['.']);
check('formatting (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);

function vitest(label, args, reportFile) {
  step(label);
  rmSync(reportFile, { force: true });
  const status = run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${reportFile}`], {
    CHROME_PATH: chrome,
    ...(firefox ? { FIREFOX_PATH: firefox } : {}),
    ...(soffice ? { SOFFICE_PATH: soffice } : {}),
  });
  if (!existsSync(reportFile)) {
    console.error(`${label}: the test runner produced no report (exit ${status}).`);
    failed++;
    return;
  }
  const r = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load counts as a failure even with no test inside it.
  if (status !== 0 && r.numFailedTests === 0) failed++;
}

vitest('unit tests', [], '.cache/unit-report.json');

step('build the e2e extensions (wxt build --mode e2e, for Chromium and Firefox)');
if (run(bin('wxt'), ['build', '--mode', 'e2e']) !== 0 || run(bin('wxt'), ['build', '-b', 'firefox', '--mode', 'e2e']) !== 0) {
  failed++;
} else {
  vitest('end-to-end tests (Chromium, and Firefox ESR for the smoke test)', ['--config', 'vitest.e2e.config.ts'], '.cache/e2e-report.json');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
