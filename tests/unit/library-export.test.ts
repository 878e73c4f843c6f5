import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LibraryError, type LibraryDB, type ReportData } from '../../lib/library/db';
import {
  csvCell,
  CSV_COLUMNS,
  exportAccusationsCsv,
  exportLibrary,
  IMPORT_CHUNK,
  importLibrary,
  validateLibraryFile,
  type LibraryFile,
  type LibraryLink,
} from '../../lib/library/export';
import { trashReport } from '../../lib/library/edit';
import { allReports, getReport, readCounts } from '../../lib/library/store';
import { judgeCounterclaim, linkReports } from '../../lib/library/links';
import { findCounterclaims, saveReport } from '../../lib/library/reports';
import { contentHash } from '../../lib/article/content-hash';
import type { ChargeCategory } from '../../lib/types';
import { analysed, article, freshDb } from '../helpers/library';
import { makeReport, seed, type Spec, rowsOf } from '../fixtures/library/build';

const NOW = new Date('2025-07-01T12:00:00.000Z');

function libraryFile(reports: ReportData[], links: LibraryLink[] = []): LibraryFile {
  return { format: 'counterclaim-library', version: 1, exportedAt: '2025-07-01T12:00:00.000Z', reports, links };
}

const cz = makeReport('cz', [['CZE', 'CHN', 'cyberattack']], { tags: ['APT31'], notes: 'seed pair' });
const cn = makeReport('cn', [['CHN', 'TWN', 'cyberattack']], { publishedAt: '2025-05-27' });
const de = makeReport('de', [
  ['DEU', 'RUS', 'cyberattack'],
  ['EU', 'RUS', 'election_interference'],
]);

/** Everything in the library that a user could lose, in a stable order. */
async function snapshot(db: LibraryDB) {
  const file = await exportLibrary(db, NOW);
  const rows = (await rowsOf(db)).map(({ id: _id, ...r }) => r).sort((a, b) => `${a.reportId}${a.index}`.localeCompare(`${b.reportId}${b.index}`));
  return {
    ...file,
    reports: [...file.reports].sort((a, b) => a.id.localeCompare(b.id)),
    rows,
    trashed: (await allReports(db))
      .filter((r) => r.trashedAt)
      .map((r) => r.id)
      .sort(),
    counts: await readCounts(db),
  };
}

describe('exportLibrary', () => {
  it('writes every report outside the trash and the links between them, without derived fields', async () => {
    const db = freshDb();
    await seed(db, [cz, cn, de]);
    await judgeCounterclaim(db, { from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'confirmed' }, NOW);
    await linkReports(db, { from: 'cz', to: 'de', note: 'same month' }, NOW);
    await trashReport(db, 'de');
    const file = await exportLibrary(db, NOW);
    expect(file).toMatchObject({ format: 'counterclaim-library', version: 1, exportedAt: NOW.toISOString() });
    expect(file.reports.map((r) => r.id).sort()).toEqual(['cn', 'cz']);
    expect(file.reports.find((r) => r.id === 'cz')).toEqual(cz);
    for (const r of file.reports) for (const k of ['words', 'countries', 'categories', 'sortTitle', 'trashedAt']) expect(r).not.toHaveProperty(k);
    expect(file.links).toEqual([{ from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'confirmed', createdAt: NOW.toISOString() }]);
    expect(validateLibraryFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, file });
  });
});

describe('CSV', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    // Issue #17, defect 5: what spreadsheets skip before a formula, full-width signs, NULs and inner tabs.
    [' =1+1', "' =1+1"],
    ['\u0000=1+1', "'=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\uff0bcmd', "'\uff0bcmd"],
    ['  \u00a0-2', "'  \u00a0-2"],
    ['text\t=cmd', 'text =cmd'],
    ['a\u0000b', 'ab'],
    ['a=b', 'a=b'],
    [0.85, '0.85'],
    [null, ''],
    ['', ''],
  ])('cell %j -> %j', (value, want) => {
    expect(csvCell(value)).toBe(want);
  });

  it('one row per accusation, header first, CRLF, quoted and guarded', async () => {
    const db = freshDb();
    const tricky = makeReport('tricky', [['RUS', 'UKR', 'war_crimes']], { title: '=cmd|"/c calc"!A1, said "they"', publishedAt: null, url: null });
    await seed(db, [de, tricky, cz]);
    await trashReport(db, 'cz');
    const csv = await exportAccusationsCsv(db);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toBe(
      `de,Germany accuses Russia (de),https://news.example/de,2025-05-28,DEU,Germany,,RUS,Russia,,cyberattack,cyberattack,Germany accused Russia of cyberattack in report de.,0.9`,
    );
    expect(lines[2]!.split(',')[10]).toBe('election_interference');
    expect(lines[3]).toMatch(/^tricky,"'=cmd\|""\/c calc""!A1, said ""they""",,,RUS,/);
    expect(await exportAccusationsCsv(db, { bom: true })).toBe(`\ufeff${csv}`);
  });
});

/** A deep copy of `file` with `edit` applied to it. */
function broken(
  file: LibraryFile,
  edit: (f: Record<string, unknown> & { reports: Record<string, unknown>[]; links: Record<string, unknown>[] }) => void,
): unknown {
  const copy = JSON.parse(JSON.stringify(file));
  edit(copy);
  return copy;
}

describe('validateLibraryFile', () => {
  const good = libraryFile([cz, cn, de], [{ from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'confirmed', createdAt: '2025-06-01T00:00:00Z' }]);
  type Edit = Parameters<typeof broken>[1];
  const acc = (f: Parameters<Edit>[0], r = 0, a = 0) => (f.reports[r]!.accusations as Record<string, Record<string, unknown>>[])[a]!;

  it('accepts a good file, and a file without links', () => {
    expect(validateLibraryFile(JSON.parse(JSON.stringify(good)))).toMatchObject({ ok: true });
    const res = validateLibraryFile(broken(good, (f) => delete (f as Record<string, unknown>).links));
    expect(res.ok && res.file.links).toEqual([]);
    expect(validateLibraryFile(broken(good, (f) => (f.extra = 'ignored')))).toMatchObject({ ok: true });
  });

  it.each<[string, Edit | null, string, RegExp]>([
    ['not an object', null, 'file', /should be an object/],
    ['another format', (f) => (f.format = 'zotero'), 'format', /not a Counterclaim library file/],
    ['a newer version', (f) => (f.version = 2), 'version', /version 2, newer than this Counterclaim reads \(1\)/],
    ['a bad export date', (f) => (f.exportedAt = 'yesterday'), 'exportedAt', /not a date and time/],
    ['reports not a list', (f) => (f.reports = {} as never), 'reports', /should be a list/],
    ['an empty id', (f) => (f.reports[1]!.id = ''), 'reports[1].id', /is empty/],
    ['a long id', (f) => (f.reports[1]!.id = 'x'.repeat(101)), 'reports[1].id', /longer than 100/],
    ['an id twice', (f) => (f.reports[2]!.id = 'cz'), 'reports[2].id', /used twice \(also by reports\[0\]\)/],
    ['a url that is not http', (f) => (f.reports[0]!.url = 'javascript:alert(1)'), 'reports[0].url', /not an http or https address/],
    ['a canonical url that is not a url', (f) => (f.reports[0]!.canonicalUrl = 'news'), 'reports[0].canonicalUrl', /not a web address/],
    ['a bad hash', (f) => (f.reports[0]!.contentHash = 'abc'), 'reports[0].contentHash', /16 hexadecimal/],
    ['a title that is not text', (f) => (f.reports[0]!.title = 5), 'reports[0].title', /should be text, not 5/],
    ['a byline missing', (f) => delete f.reports[0]!.byline, 'reports[0].byline', /text or null, not missing/],
    ['a date that does not exist', (f) => (f.reports[0]!.publishedAt = '2025-02-30'), 'reports[0].publishedAt', /not a real date/],
    ['a timestamp as published date', (f) => (f.reports[0]!.publishedAt = '2025-02-03T10:00:00Z'), 'reports[0].publishedAt', /YYYY-MM-DD/],
    ['a language name', (f) => (f.reports[0]!.language = 'English'), 'reports[0].language', /language code/],
    [
      'an unknown actor',
      (f) => ((acc(f, 0).accused as Record<string, unknown>).code = 'XXX'),
      'reports[0].accusations[0].accused.code',
      /"XXX" is not a known actor code/,
    ],
    [
      'an actor without name',
      (f) => delete (acc(f, 2, 1).accuser as Record<string, unknown>).name,
      'reports[2].accusations[1].accuser.name',
      /should be text/,
    ],
    [
      'the accuser accused',
      (f) => ((acc(f, 0).accused as Record<string, unknown>).code = 'CZE'),
      'reports[0].accusations[0].accused.code',
      /the accused is the accuser/,
    ],
    [
      'an unknown category',
      (f) => ((acc(f, 1).charge as Record<string, unknown>).category = 'hacking'),
      'reports[1].accusations[0].charge.category',
      /not a charge category/,
    ],
    [
      'a quote not at its place',
      (f) => ((acc(f, 1).location as Record<string, unknown>).start = 1),
      'reports[1].accusations[0].location',
      /is not the quote/,
    ],
    [
      'a location past the end',
      (f) => ((acc(f, 1).location as Record<string, unknown>).end = 10_000),
      'reports[1].accusations[0].location.end',
      /past the end of the text/,
    ],
    [
      'a location field',
      (f) => ((acc(f, 1).location as Record<string, unknown>).field = 'body'),
      'reports[1].accusations[0].location.field',
      /"title" or "text"/,
    ],
    [
      'an end before the start',
      (f) => ((acc(f, 1).location as Record<string, unknown>).end = -1),
      'reports[1].accusations[0].location.end',
      /should be 0 or more/,
    ],
    ['a confidence above 1', (f) => (acc(f, 0).confidence = 1.5 as never), 'reports[0].accusations[0].confidence', /from 0 to 1/],
    ['no mentions', (f) => (acc(f, 0).mentions = 0 as never), 'reports[0].accusations[0].mentions', /1 or more/],
    [
      'facets without denial',
      (f) => delete (acc(f, 0).facets as Record<string, unknown>).denial,
      'reports[0].accusations[0].facets.denial',
      /should be a list/,
    ],
    ['a reason that is not text', (f) => (acc(f, 0).reasons = [1] as never), 'reports[0].accusations[0].reasons[0]', /should be text/],
    ['a primary out of range', (f) => (f.reports[0]!.primary = 1), 'reports[0].primary', /not one of the 1 accusations/],
    ['an unknown source', (f) => (f.reports[0]!.source = 'web'), 'reports[0].source', /not a source/],
    ['an empty tag', (f) => (f.reports[0]!.tags = ['a', ' ']), 'reports[0].tags[1]', /is empty/],
    ['a tag twice', (f) => (f.reports[0]!.tags = ['a', 'a']), 'reports[0].tags[1]', /there twice/],
    ['a tag with spaces', (f) => (f.reports[0]!.tags = [' a']), 'reports[0].tags[0]', /spaces around/],
    ['notes missing', (f) => delete f.reports[0]!.notes, 'reports[0].notes', /should be text, not missing/],
    ['a save date that does not exist', (f) => (f.reports[0]!.savedAt = '2025-13-01T00:00:00Z'), 'reports[0].savedAt', /not a date and time/],
    ['an origin of an unknown kind', (f) => (f.reports[0]!.origin = { kind: 'rss' }), 'reports[0].origin.kind', /"gdelt" or "starter"/],
    [
      'a gdelt origin without cameo',
      (f) => (f.reports[0]!.origin = { kind: 'gdelt', eventIds: [1], sourceUrls: [] }),
      'reports[0].origin.cameo',
      /should be text/,
    ],
    ['a link to an unknown report', (f) => (f.links[0]!.to = 'elsewhere'), 'links[0].to', /"elsewhere" is not a report in the file or the library/],
    ['a link to itself', (f) => (f.links[0]!.to = 'cz'), 'links[0].to', /to itself/],
    ['a link index out of range', (f) => (f.links[0]!.toIndex = 1), 'links[0].toIndex', /not one of the report's 1 accusations/],
    ['a link kind', (f) => (f.links[0]!.kind = 'maybe'), 'links[0].kind', /"confirmed", "rejected" or "manual"/],
    ['a link without date', (f) => delete f.links[0]!.createdAt, 'links[0].createdAt', /should be text, not missing/],
  ])('names the first bad record: %s', (_, edit, path, message) => {
    const json = edit ? broken(good, edit) : null;
    const res = validateLibraryFile(json);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.path).toBe(path);
    expect(res.error.startsWith(`${path}: `)).toBe(true);
    expect(res.error).toMatch(message);
    expect(res.error).not.toMatch(/\n/);
  });

  it('lets links point at reports already in the library', () => {
    const file = broken(good, (f) => (f.links[0]!.to = 'in-library'));
    expect(validateLibraryFile(file).ok).toBe(false);
    expect(validateLibraryFile(file, { existingIds: new Set(['in-library']) }).ok).toBe(true);
  });

  it('accepts reports made by the analyser from real text', async () => {
    const db = freshDb();
    await saveReport(
      db,
      analysed(article({ title: 'Czech Republic accuses China', text: 'The Czech Republic accused China of a malicious cyber campaign.' })),
    );
    expect(validateLibraryFile(JSON.parse(JSON.stringify(await exportLibrary(db))))).toMatchObject({ ok: true });
  });
});

describe('importLibrary', () => {
  it('adds new reports with their rows and links, and reports progress up to the total', async () => {
    const db = freshDb();
    const progress: [number, number][] = [];
    const out = await importLibrary(
      db,
      libraryFile([cz, cn, de], [{ from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'confirmed', createdAt: NOW.toISOString() }]),
      {
        onProgress: (d, t) => progress.push([d, t]),
      },
    );
    expect(out).toEqual({ added: 3, updated: 0, skipped: 0, links: 1 });
    expect((await rowsOf(db)).length).toBe(4);
    expect(progress.at(-1)).toEqual([3, 3]);
    const found = await findCounterclaims(db, cz, cz.publishedAt, 'cz', { currentReportId: 'cz' });
    expect(found[0]).toMatchObject({ report: { id: 'cn' }, judgement: 'confirmed' });
  });

  it('reports progress as it writes', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    // Reports are written a batch of packs at a time (store.ts), with progress after each: enough reports to fill
    // several hundred packs give more than one batch.
    const many = [cz, ...Array.from({ length: 599 }, (_, i) => makeReport(`p${i}`, [['CHN', 'TWN', 'cyberattack']]))];
    const progress: [number, number][] = [];
    await importLibrary(db, libraryFile(many), { onProgress: (d, t) => progress.push([d, t]) });
    // The unchanged report is done at once; the 599 new ones in more than one step.
    expect(progress[0]).toEqual([1, 600]);
    expect(progress[progress.length - 1]).toEqual([600, 600]);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every(([d, t], i) => t === 600 && (i === 0 || d > progress[i - 1]![0]))).toBe(true);
    expect((await allReports(db)).length).toBe(600);
    expect(IMPORT_CHUNK).toBe(2000);
  });

  it.each<[string, (r: ReportData) => ReportData]>([
    [
      'the same id',
      (r) => ({ ...r, url: 'https://elsewhere.example/x', canonicalUrl: null, text: `${r.text} More.`, contentHash: contentHash(`${r.text} More.`) }),
    ],
    [
      'the same canonical URL, tracking parameters and all',
      (r) => ({
        ...r,
        id: 'other-id',
        url: `${r.url}?utm_source=x#top`,
        canonicalUrl: null,
        text: 'Different text.',
        contentHash: contentHash('Different text.'),
        accusations: [],
        primary: null,
      }),
    ],
    [
      'the same text under another URL',
      (r) => ({
        ...r,
        id: 'other-id',
        url: 'https://mirror.example/copy',
        canonicalUrl: null,
        text: `  ${r.text.toUpperCase()} `,
        contentHash: '0000000000000000',
        accusations: [],
        primary: null,
      }),
    ],
  ])('dedupes by %s: the library id stays, tags merge, notes are appended', async (_, variant) => {
    const db = freshDb();
    await seed(db, [cz]);
    const incoming = { ...variant(cz), tags: ['apt31', 'Prague'], notes: 'From the backup.' };
    const out = await importLibrary(db, libraryFile([incoming]));
    expect(out).toEqual({ added: 0, updated: 1, skipped: 0, links: 0 });
    expect((await allReports(db)).length).toBe(1);
    const r = (await getReport(db, 'cz'))!;
    expect(r.tags).toEqual(['APT31', 'Prague']);
    expect(r.notes).toBe('seed pair\n\nFrom the backup.');
    expect(r.words).toContain('prague');
  });

  it('takes the content of the newer copy, keeps the earlier save date, and rebuilds the rows', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    const newer = makeReport('cz', [['CZE', 'RUS', 'espionage']], {
      updatedAt: '2025-08-01T00:00:00.000Z',
      savedAt: '2025-07-01T00:00:00.000Z',
      tags: ['APT31'],
      notes: 'seed pair',
    });
    await importLibrary(db, libraryFile([newer]));
    const r = (await getReport(db, 'cz'))!;
    expect(r.accusations[0]!.accused.code).toBe('RUS');
    expect(r.savedAt).toBe(cz.savedAt);
    expect((await rowsOf(db, 'cz')).map((x) => x.accused)).toEqual(['RUS']);
    const older = makeReport('cz', [['CZE', 'USA', 'espionage']], { updatedAt: '2024-01-01T00:00:00.000Z' });
    expect((await importLibrary(db, libraryFile([older]))).skipped).toBe(1);
    expect((await getReport(db, 'cz'))!.accusations[0]!.accused.code).toBe('RUS');
  });

  it('never lets a starter report overwrite a saved one, but a saved one replaces a starter', async () => {
    const db = freshDb();
    await seed(db, [cz, { ...cn, source: 'starter' }]);
    const starterCz = { ...cz, source: 'starter' as const, title: 'Starter title', tags: ['starter'], updatedAt: '2030-01-01T00:00:00.000Z' };
    const savedCn = { ...cn, source: 'saved' as const, title: 'My copy', tags: ['mine'], updatedAt: '2020-01-01T00:00:00.000Z' };
    expect(await importLibrary(db, libraryFile([starterCz, savedCn]))).toEqual({ added: 0, updated: 1, skipped: 1, links: 0 });
    expect(await getReport(db, 'cz')).toMatchObject({ title: cz.title, tags: ['APT31'], source: 'saved' });
    expect(await getReport(db, 'cn')).toMatchObject({ title: 'My copy', tags: ['mine'], source: 'saved' });
  });

  it('merges duplicates inside the file, and moves links to the report they were merged into', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    const dupOfCz = { ...cz, id: 'backup-cz' };
    const dupOfCn = { ...cn, id: 'cn-copy', tags: ['copy'] };
    const out = await importLibrary(
      db,
      libraryFile(
        [dupOfCz, cn, dupOfCn],
        [
          { from: 'backup-cz', fromIndex: 0, to: 'cn-copy', toIndex: 0, kind: 'rejected', createdAt: NOW.toISOString() },
          { from: 'cn', fromIndex: 0, to: 'cz', toIndex: 0, kind: 'confirmed', createdAt: '2025-01-01T00:00:00.000Z' },
        ],
      ),
    );
    expect(out).toEqual({ added: 1, updated: 0, skipped: 2, links: 1 });
    expect((await allReports(db)).map((r) => r.id).sort()).toEqual(['cn', 'cz']);
    expect((await getReport(db, 'cn'))!.tags).toEqual(['copy']);
    // Both links are the same pair once moved: the newer judgement wins.
    expect(await db.links.toArray()).toEqual([expect.objectContaining({ from: 'cz', to: 'cn', kind: 'rejected' })]);
  });

  it('brings a report back from the trash', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    await trashReport(db, 'cz');
    expect(await importLibrary(db, libraryFile([cz]))).toMatchObject({ updated: 1 });
    expect((await getReport(db, 'cz'))!.trashedAt).toBeUndefined();
    expect((await rowsOf(db)).length).toBe(1);
  });

  it('accepts links to reports already in the library', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    const out = await importLibrary(
      db,
      libraryFile([cn], [{ from: 'cn', fromIndex: 0, to: 'cz', toIndex: 0, kind: 'manual', createdAt: NOW.toISOString(), note: 'n' }]),
    );
    expect(out.links).toBe(1);
    await expect(
      importLibrary(db, libraryFile([de], [{ from: 'de', fromIndex: 0, to: 'gone', toIndex: 0, kind: 'manual', createdAt: NOW.toISOString() }])),
    ).rejects.toThrow(/links\[0\]\.to: "gone" is not a report/);
  });

  it('is all or nothing: record 57 of 100 bad leaves the library as it was, and the error names it', async () => {
    const db = freshDb();
    await seed(db, [cz, cn]);
    await judgeCounterclaim(db, { from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'confirmed' }, NOW);
    const before = await snapshot(db);
    const reports = Array.from({ length: 100 }, (_, i) => makeReport(`bulk-${i}`, [['FRA', 'RUS', 'disinformation']], { tags: ['bulk'] }));
    reports[0] = { ...cz, tags: ['changed'] };
    const bad = JSON.parse(JSON.stringify(reports)) as ReportData[];
    (bad[56]!.accusations[0]!.accused as { code: string }).code = 'XXX';
    const err = await importLibrary(db, libraryFile(bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).path).toBe('reports[56].accusations[0].accused.code');
    expect((err as LibraryError).message).toBe('reports[56].accusations[0].accused.code: "XXX" is not a known actor code');
    expect(await snapshot(db)).toEqual(before);
  });

  it('is all or nothing when aborted halfway: the library is as it was', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    const before = await snapshot(db);
    // Enough reports for more than one batch of packs, so the abort comes between two of them.
    const many = Array.from({ length: 600 }, (_, i) => makeReport(`a${i}`, [['CHN', 'TWN', 'cyberattack']]));
    many[0] = { ...cz, tags: ['changed'] };
    const abort = new AbortController();
    const seen: number[] = [];
    const err = await importLibrary(db, libraryFile(many), {
      signal: abort.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done > 0) abort.abort();
      },
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    // A batch was written inside the transaction before the abort; none of it stays.
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(0);
    expect(seen[1]).toBeGreaterThan(0);
    expect(seen[1]).toBeLessThan(600);
    expect(await snapshot(db)).toEqual(before);
  });

  it('is all or nothing when something fails halfway: the library is as it was', async () => {
    const db = freshDb();
    await seed(db, [cz]);
    const before = await snapshot(db);
    const many = [{ ...cz, notes: 'new notes' }, ...Array.from({ length: 30 }, (_, i) => makeReport(`f${i}`, [['IRN', 'ISR', 'terrorism']]))];
    const err = await importLibrary(db, libraryFile(many), {
      chunkSize: 10,
      onProgress: (done) => {
        if (done >= 20) throw new Error('disk full');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('does nothing when aborted before it starts', async () => {
    const db = freshDb();
    const abort = new AbortController();
    abort.abort();
    await expect(importLibrary(db, libraryFile([cz]), { signal: abort.signal })).rejects.toThrow();
    expect((await allReports(db)).length).toBe(0);
  });

  it('a round trip into the same library changes nothing', async () => {
    const db = freshDb();
    await seed(db, [cz, cn, de]);
    await linkReports(db, { from: 'cz', to: 'de' }, NOW);
    const before = await snapshot(db);
    expect(await importLibrary(db, await exportLibrary(db, NOW))).toEqual({ added: 0, updated: 0, skipped: 3, links: 0 });
    expect(await snapshot(db)).toEqual(before);
  });
});

// Small random libraries: distinct articles (own id, URL and text), random roles, charges, tags, notes and links.
const CODES = ['CHN', 'CZE', 'TWN', 'USA', 'RUS', 'EU', 'DEU', 'IRN'];
const CATEGORIES: ChargeCategory[] = ['cyberattack', 'espionage', 'disinformation', 'war_crimes', 'other'];
const specArb: fc.Arbitrary<Spec> = fc
  .tuple(fc.constantFrom(...CODES), fc.constantFrom(...CODES), fc.constantFrom(...CATEGORIES))
  .filter(([a, b]) => a !== b);
const reportArb = fc.record({
  specs: fc.array(specArb, { maxLength: 3 }),
  tags: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][a-z0-9-]{0,9}$/), { maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  notes: fc.string({ maxLength: 40 }),
  publishedAt: fc.option(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  source: fc.constantFrom('saved', 'selection', 'starter', 'import', 'gdelt' as const),
});
const libraryArb = fc
  .array(reportArb, { maxLength: 8 })
  .chain((specs) =>
    fc
      .array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('confirmed', 'rejected', 'manual' as const)), { maxLength: 4 })
      .map((links) => ({ specs, links })),
  );

describe('export -> import round trip (property)', () => {
  it('gives the same library', async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb, async ({ specs, links }) => {
        const reports = specs.map((s, i) =>
          makeReport(`r${i}`, s.specs, { tags: s.tags, notes: s.notes, publishedAt: s.publishedAt, source: s.source }),
        );
        const fileLinks: LibraryLink[] = [];
        const pairs = new Set<string>();
        for (const [a, b, kind] of links) {
          if (reports.length < 2) break;
          const from = a % reports.length;
          const to = b % reports.length;
          const key = [Math.min(from, to), Math.max(from, to)].join();
          if (from === to || pairs.has(key)) continue;
          pairs.add(key);
          fileLinks.push({ from: `r${from}`, fromIndex: 0, to: `r${to}`, toIndex: 0, kind, createdAt: NOW.toISOString() });
        }
        const source = freshDb();
        await importLibrary(source, libraryFile(reports, fileLinks));
        const exported = JSON.parse(JSON.stringify(await exportLibrary(source, NOW))) as LibraryFile;
        expect(validateLibraryFile(exported).ok).toBe(true);
        const target = freshDb();
        expect(await importLibrary(target, exported)).toEqual({ added: reports.length, updated: 0, skipped: 0, links: fileLinks.length });
        expect(await snapshot(target)).toEqual(await snapshot(source));
        expect((await exportLibrary(target, NOW)).reports.sort((x, y) => x.id.localeCompare(y.id))).toEqual(reports);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
