import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryDB } from '../../lib/library/db';
import { importJobHandler, type ImportReply } from '../../lib/library/import-job';
import { MAX_NESTING, tooDeepPath, validateLibraryFile } from '../../lib/library/file-format';
import { runCli } from '../helpers/cli';
import { sourcePath } from '../helpers/fixtures';

// Issue #17, defect 4: a value nested 100,000 levels deep made the import job fail with "Maximum call stack size
// exceeded" and `counterclaim match --library deep.json` print "internal error". Both now refuse it with the field.
const deepText = (levels: number) => `{"format": ${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('a file nested deeper than any library file', () => {
  it.each([
    [{ a: 1, b: [1, 2, { c: 'x' }] }, null],
    [JSON.parse(deepText(MAX_NESTING - 1)), null],
    [JSON.parse(deepText(MAX_NESTING + 1)), /^format(\[0\])+$/],
    [{ reports: [{ accusations: [{ facets: JSON.parse(deepText(40)).format }] }] }, /^reports\[0\]\.accusations\[0\]\.facets(\[0\])+$/],
  ])('tooDeepPath(%#) names where it goes too deep', (value, want) => {
    const got = tooDeepPath(value);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });

  it('is refused by the check with the field named, 100,000 levels deep', () => {
    const res = validateLibraryFile(JSON.parse(deepText(100_000)));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.path).toMatch(/^format\[0\]/);
      expect(res.error).toMatch(/nested more than 32 levels deep/);
    }
  });

  it('is refused by the import job, not failed with a stack overflow', async () => {
    const replies: ImportReply[] = [];
    const name = `deep-${Date.now()}`;
    const handle = importJobHandler(
      (r) => replies.push(r),
      (n) => new LibraryDB(n),
    );
    await handle({ type: 'check', dbName: name, source: new Blob([deepText(100_000)]) });
    await handle({ type: 'close' });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'refused', reason: 'invalid' });
  });

  it('gets the CLI\'s one-line message and exit 1, not "internal error"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-deep-'));
    const file = join(dir, 'deep.json');
    writeFileSync(file, deepText(100_000));
    const { code, err } = await runCli(['match', sourcePath('czech-china-apt31-foreign-ministry'), '--library', file]);
    expect(code).toBe(1);
    expect(err).not.toMatch(/internal error/);
    expect(err).toMatch(/nested more than 32 levels deep/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
