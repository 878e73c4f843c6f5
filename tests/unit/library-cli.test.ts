import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import type { LibraryFile } from '../../lib/library/export';
import { sourcePath } from '../helpers/fixtures';
import { makeReport } from '../fixtures/library/build';

const run = runCli;

const CZ = sourcePath('czech-china-apt31-foreign-ministry');

function writeLibrary(file: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cc-libfile-')), 'library.json');
  writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file));
  return path;
}

const library: LibraryFile = {
  format: 'counterclaim-library',
  version: 1,
  exportedAt: '2025-07-01T00:00:00.000Z',
  reports: [
    makeReport('cn', [['CHN', 'TWN', 'cyberattack']], { title: 'China accuses Taiwan of cyberattacks', publishedAt: '2025-05-27' }),
    makeReport('fr', [['FRA', 'RUS', 'disinformation']], { title: 'France exposes Russian network' }),
  ],
  links: [],
};

describe('counterclaim match --library FILE.json', () => {
  it('matches against the reports of an exported library file', async () => {
    const path = writeLibrary(library);
    const { code, out, err } = await run(['match', CZ, '--library', path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.primary.accuser.code).toBe('CZE');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ file: `${path}#cn`, title: 'China accuses Taiwan of cyberattacks', relation: 'mirror' });
    expect(r.matches[0].reasons.join(' ')).toMatch(/1 day apart/);
  });

  it('prints the matches as text too', async () => {
    const { code, out } = await run(['match', CZ, '--library', writeLibrary(library)]);
    expect(code).toBe(0);
    expect(out).toMatch(/mirror\s+0\.\d+\s+China accuses Taiwan of cyberattacks/);
  });

  it.each([
    [
      'a bad record',
      { ...library, reports: [library.reports[0], { ...library.reports[1], publishedAt: '2025-02-30' }] },
      /library\.json: reports\[1\]\.publishedAt: "2025-02-30" is not a real date/,
    ],
    ['a newer version', { ...library, version: 9 }, /library\.json: version: the file is version 9/],
    ['not JSON', '{"format": ', /library\.json: not a readable JSON file/],
  ])('refuses %s in one line, exit 1', async (_, file, message) => {
    const { code, err } = await run(['match', CZ, '--library', writeLibrary(file)]);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});
