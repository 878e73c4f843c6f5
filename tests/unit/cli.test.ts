import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { sourcePath } from '../helpers/fixtures';

const run = runCli;

const CZ = sourcePath('czech-china-apt31-foreign-ministry');
const CN = sourcePath('china-taiwan-dpp-hackers');

describe('counterclaim CLI', () => {
  it('analyze --json prints one object a file in the contract shape', async () => {
    const { code, out, err } = await run(['analyze', CZ, CN, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toHaveLength(2);
    for (const r of json) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['file', 'title', 'publishedAt', 'accusations', 'primary', 'timings']));
      expect(typeof r.timings.readabilityMs).toBe('number');
      expect(typeof r.timings.analysisMs).toBe('number');
      const p = r.accusations[r.primary];
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['accuser', 'accused', 'charge', 'quote', 'confidence']));
      expect(Object.keys(p.accuser)).toEqual(['code', 'name', 'detail']);
    }
    expect(json[0].accusations[json[0].primary].accuser.code).toBe('CZE');
    expect(json[1].accusations[json[1].primary].accused.code).toBe('TWN');
  });

  it('analyze shows the facets of the main accusation and the reasons of each, as text and in --json', async () => {
    const { code, out } = await run(['analyze', CZ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^ {6}targets: .*foreign ministry/m);
    expect(out).toMatch(/^ {6}response: .*summoned/m);
    const whys = out.split('\n').filter((l) => l.startsWith('      why: '));
    expect(whys.length).toBe(out.split('\n').filter((l) => /^ {2}[*-] /.test(l)).length);
    expect(whys[0]).toContain('cyberattack');
    const [json] = JSON.parse((await run(['analyze', CZ, '--json'])).out);
    const primary = json.accusations[json.primary];
    expect(primary.facets.targets.length).toBeGreaterThan(0);
    expect(primary.reasons.length).toBeGreaterThan(0);
  });

  it('reads .txt files: first line title, the rest body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-'));
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'Germany blames Russia for hack\n\nGermany attributed the cyberattack on its parliament to Russia.\n');
    const { code, out } = await run(['analyze', f, '--json']);
    expect(code).toBe(0);
    const [r] = JSON.parse(out);
    expect(r.title).toBe('Germany blames Russia for hack');
    expect(r.accusations[r.primary].accused.code).toBe('RUS');
  });

  it('match --json ranks the library, best first, with relation and reasons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-lib-'));
    mkdirSync(join(dir, 'lib'));
    copyFileSync(CN, join(dir, 'lib', 'china.html'));
    const { code, out } = await run(['match', CZ, '--library', join(dir, 'lib'), '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.primary.accuser.code).toBe('CZE');
    expect(r.matches[0].relation).toBe('mirror');
    expect(r.matches[0].score).toBeGreaterThan(0);
    expect(r.matches[0].score).toBeLessThanOrEqual(1);
    expect(r.matches[0].reasons.length).toBeGreaterThan(0);
    expect(r.matches[0].file).toBe(join(dir, 'lib', 'china.html'));
  });

  it('an empty or missing file gives a clear message and exit 1 after the other files are done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-bad-'));
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    const { code, out, err } = await run(['analyze', empty, CZ, join(dir, 'missing.txt'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toHaveLength(1);
    expect(err).toMatch(/empty\.html: the file is empty/);
    expect(err).toMatch(/missing\.txt: no such file/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a page that is not an article is an error, not a crash', async () => {
    const { code, err } = await run(['analyze', join(sourcePath('x'), '..', '..', '..', 'pages', 'front-page.html')]);
    expect(code).toBe(1);
    expect(err).toMatch(/No article found/);
  });

  it('prints usage for no command and for an unknown one', async () => {
    expect((await run([])).code).toBe(1);
    const bad = await run(['frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown command/);
  });
});

describe('counterclaim CLI in a pipe', () => {
  it('ends quietly with status 0 when the reader closes the pipe early (| head)', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'counterclaim.mjs');
    const files = [CZ, CN, CZ, CN, CZ, CN].map((f) => `"${f}"`).join(' ');
    const r = spawnSync('bash', ['-c', `node "${bin}" analyze ${files} | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/EPIPE/);
    expect(r.stdout.trim()).toBe('exit=0');
  });
});
