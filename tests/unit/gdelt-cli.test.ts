import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { benchGdelt, syntheticGdeltLine } from '../../lib/gdelt/bench';
import { validateLibraryFile } from '../../lib/library/export';

const DIR = join(__dirname, '../fixtures/gdelt');
const fx = (name: string) => join(DIR, name);

const run = runCli;

describe('counterclaim gdelt', () => {
  it('writes a valid library file with --out and prints a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-gdelt-'));
    const out = join(dir, 'library.json');
    const r = await run(['gdelt', fx('20151027220000.export.CSV'), fx('20191024143000.export.CSV.zip'), '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2 files: 4,227 rows read, 18 accusation events kept, 13 reports\n/);
    expect(r.out).toContain('skipped: not-accusation 4,118');
    expect(r.out).toMatch(/rows per second/);
    expect(r.out).toContain(`wrote ${out}`);
    expect(r.out).toContain('Data: The GDELT Project, https://www.gdeltproject.org/');
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateLibraryFile(file).ok).toBe(true);
    expect(file.reports).toHaveLength(13);
    expect(readdirSync(dir)).toEqual(['library.json']);
  });

  it('prints the library file with --json, and --include-criticism adds CAMEO 111', async () => {
    const r = await run(['gdelt', fx('20191024143000.export.CSV'), '--json', '--include-criticism']);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.out);
    expect(file.format).toBe('counterclaim-library');
    expect(file.reports.map((x: { id: string }) => x.id)).toContain('gdelt-EU-TUR-111-20191024');
  });

  it('fails on a bad line with one stderr line naming the file and the line, exit 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-gdelt-'));
    const out = join(dir, 'library.json');
    const r = await run(['gdelt', fx('bad-truncated.export.CSV'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `counterclaim: ${fx('bad-truncated.export.CSV')}: line 11: truncated line (the file ends in the middle of it, after 51 of 61 columns); nothing imported (--keep-good-rows skips bad lines)\n`,
    );
    expect(existsSync(out)).toBe(false);
    const kept = await run(['gdelt', fx('bad-truncated.export.CSV'), '--keep-good-rows', '--out', out]);
    expect(kept.code).toBe(0);
    expect(kept.out).toContain('bad line skipped: ');
    expect(JSON.parse(readFileSync(out, 'utf8')).reports).toHaveLength(2);
  });

  it('says so for a file that is not GDELT, a missing file and a missing argument', async () => {
    const notGdelt = await run(['gdelt', fx('not-gdelt.csv')]);
    expect(notGdelt.code).toBe(1);
    expect(notGdelt.err).toMatch(/^counterclaim: .*not-gdelt\.csv: This is not a GDELT event export: the first 20 lines fail \(line 1: .*\)\n$/);
    const missing = await run(['gdelt', fx('nope.CSV')]);
    expect(missing.err).toBe(`counterclaim: ${fx('nope.CSV')}: no such file\n`);
    const none = await run(['gdelt']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/^counterclaim: usage: counterclaim gdelt FILE\.\.\./);
    expect((await run(['gdelt', fx('bad-date.export.CSV'), '--frobnicate'])).err).toMatch(/unknown option --frobnicate/);
    expect((await run(['--help'])).out).toContain('counterclaim gdelt FILE...');
  });
});

describe('benchGdelt', () => {
  it('synthesises valid 61-column lines and reports speed and peak heap', async () => {
    expect(syntheticGdeltLine(7).split('\t')).toHaveLength(61);
    const r = await benchGdelt(5000);
    expect(r.rows).toBe(5000);
    expect(r.kept).toBeGreaterThan(0);
    expect(r.reports).toBeGreaterThan(0);
    expect(r.rowsPerSecond).toBeGreaterThan(0);
    expect(r.peakHeapBytes).toBeGreaterThan(0);
  });
});
