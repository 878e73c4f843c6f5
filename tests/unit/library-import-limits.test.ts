import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDB } from '../../lib/library/db';
import { importLibrary, type LibraryFile } from '../../lib/library/export';
import { IMPORT_LIMITS, validateLibraryFile } from '../../lib/library/file-format';
import { getReport } from '../../lib/library/store';
import { makeReport } from '../fixtures/library/build';

// Issue #17, defect 6 (in part): an imported file is held to the sizes a page read is, a GDELT report's source
// addresses are web addresses, and bidirectional controls are taken out of what has no offsets into the text.
const opened: LibraryDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const base = (): LibraryFile => ({
  format: 'counterclaim-library',
  version: 1,
  exportedAt: '2025-07-01T12:00:00.000Z',
  reports: [makeReport('r1', [['CZE', 'CHN', 'cyberattack']])],
  links: [],
});
type R = Record<string, unknown>;
const edited = (edit: (r: R, f: R) => void): unknown => {
  const f = JSON.parse(JSON.stringify(base())) as R & { reports: R[] };
  edit(f.reports[0]!, f);
  return f;
};

describe('an imported file is held to the limits of a page read', () => {
  it.each<[string, (r: R, f: R) => void, string, RegExp]>([
    ['a 10 MB title', (r) => (r.title = 'x'.repeat(10_000_000)), 'reports[0].title', /longer than 2000 characters/],
    ['a long byline', (r) => (r.byline = 'b'.repeat(IMPORT_LIMITS.shortText + 1)), 'reports[0].byline', /longer than 1000/],
    ['a 1 MB note', (r) => (r.notes = 'n'.repeat(1_000_000)), 'reports[0].notes', /longer than 100000/],
    ['a tag of 300 characters', (r) => (r.tags = ['t'.repeat(300)]), 'reports[0].tags[0]', /longer than 200/],
    ['600 tags', (r) => (r.tags = Array.from({ length: 600 }, (_, i) => `tag${i}`)), 'reports[0].tags', /more than 500 tags/],
    [
      'a javascript: source address',
      (r) => (r.origin = { kind: 'gdelt', eventIds: [1], sourceUrls: ['javascript:alert(1)'], cameo: '112' }),
      'reports[0].origin.sourceUrls[0]',
      /not an http or https address/,
    ],
    [
      'a link note of 20,000 characters',
      (_r, f) => {
        (f.reports as R[]).push(JSON.parse(JSON.stringify(makeReport('r2', [['CHN', 'TWN', 'cyberattack']]))) as R);
        f.links = [
          { from: 'r1', fromIndex: 0, to: 'r2', toIndex: 0, kind: 'manual', createdAt: '2025-07-01T12:00:00.000Z', note: 'x'.repeat(20_000) },
        ];
      },
      'links[0].note',
      /longer than 10000/,
    ],
  ])('refuses %s', (_why, edit, path, error) => {
    const res = validateLibraryFile(edited(edit));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.path).toBe(path);
      expect(res.error).toMatch(error);
    }
  });

  it('accepts a GDELT report with web source addresses', () => {
    const res = validateLibraryFile(
      edited((r) => (r.origin = { kind: 'gdelt', eventIds: [1], sourceUrls: ['https://news.example/a'], cameo: '112' })),
    );
    expect(res.ok).toBe(true);
  });

  it('takes bidirectional controls out of an imported title, notes and tags', async () => {
    const db = new LibraryDB(`limits-${Date.now()}`);
    opened.push(db);
    const file = edited((r) => {
      r.title = 'Czech \u202etxet desrever\u202c accusation';
      r.notes = 'my \u2066note\u2069';
      r.tags = ['\u202etag'];
    }) as LibraryFile;
    await importLibrary(db, file);
    const stored = await getReport(db, 'r1');
    expect(stored?.title).toBe('Czech txet desrever accusation');
    expect(stored?.notes).toBe('my note');
    expect(stored?.tags).toEqual(['tag']);
  });
});
