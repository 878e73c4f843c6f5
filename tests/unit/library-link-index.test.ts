import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDB } from '../../lib/library/db';
import { checkLibraryFile, importLibrary, type LibraryFile, type LibraryLink } from '../../lib/library/export';
import { makeReport } from '../fixtures/library/build';

// Issue #17, defect 3: a link into the library whose accusation index is past the end of that report was accepted
// by the import (the check skipped reports already in the library). It is checked like a link inside the file.
const opened: LibraryDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const file = (links: LibraryLink[]): LibraryFile => ({
  format: 'counterclaim-library',
  version: 1,
  exportedAt: '2025-07-01T12:00:00.000Z',
  reports: [makeReport('new', [['CZE', 'CHN', 'cyberattack']])],
  links,
});
const link = (toIndex: number): LibraryLink => ({
  from: 'new',
  fromIndex: 0,
  to: 'old',
  toIndex,
  kind: 'confirmed',
  createdAt: '2025-07-01T12:00:00.000Z',
});

async function libraryWithOld() {
  const db = new LibraryDB(`link-index-${Date.now()}-${opened.length}`);
  opened.push(db);
  await importLibrary(db, { ...file([]), reports: [makeReport('old', [['CHN', 'TWN', 'cyberattack']])] });
  return db;
}

describe('a link into the library', () => {
  it.each([
    [0, true],
    [1, false],
    [7, false],
  ])('with accusation index %i into a one-accusation report is accepted: %s', async (toIndex, ok) => {
    const db = await libraryWithOld();
    const res = await checkLibraryFile(db, JSON.parse(JSON.stringify(file([link(toIndex)]))));
    expect(res.ok).toBe(ok);
    if (!res.ok) {
      expect(res.path).toBe('links[0].toIndex');
      expect(res.error).toMatch(/is not one of the report's 1 accusations/);
    }
  });

  it('to a report the library does not hold is still refused', async () => {
    const db = await libraryWithOld();
    const res = await checkLibraryFile(db, { ...file([link(0)]), links: [{ ...link(0), to: 'gone' }] });
    expect(res).toMatchObject({ ok: false, path: 'links[0].to' });
  });
});
