import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAccusationsCsv } from '../../lib/library/export';
import { makeReport, seed } from '../fixtures/library/build';
import { freshDb } from '../helpers/library';

// Issue #17, defect 5: the exported CSV opened in a real spreadsheet program (LibreOffice, headless; npm test
// installs it when missing), its cells read back from the converted sheet: no formula may survive.
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

const TRICKS = [
  '=1+1',
  '+2+3',
  '-4+4',
  '@SUM(1,2)',
  ' =5+5',
  '\u0000=6+6',
  '\u200b=7+7',
  '\ufeff=8+8',
  '\uff1d9+9',
  '\t=10+10',
  'text\t=11+11',
  '=HYPERLINK("http://evil.example","click")',
];

describe('the accusations CSV in a spreadsheet program', () => {
  it('keeps every tricky title as text: LibreOffice evaluates none of them', async () => {
    const db = freshDb();
    await seed(
      db,
      TRICKS.map((title, i) => makeReport(`t${i}`, [['RUS', 'UKR', 'war_crimes']], { title, url: null, publishedAt: null })),
    );
    const dir = mkdtempSync(join(tmpdir(), 'cc-csv-'));
    const csv = join(dir, 'accusations.csv');
    writeFileSync(csv, await exportAccusationsCsv(db));
    // Comma-separated, double quotes, UTF-8, from row 1: how a user opens it.
    const res = spawnSync(SOFFICE, ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', dir, csv], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    expect(res.status, `soffice at ${SOFFICE}: ${res.stderr ?? res.error}`).toBe(0);
    const sheet = readFileSync(join(dir, 'accusations.fods'), 'utf8');
    expect(sheet).not.toMatch(/table:formula=/);
    // Every title is there as text (with the guard's apostrophe where it needed one).
    for (const t of ['1+1', '2+3', '5+5', '9+9', '11+11', 'HYPERLINK']) expect(sheet).toContain(t);
  }, 150_000);
});
