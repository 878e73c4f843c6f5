import { describe, expect, it } from 'vitest';
import { deleteForever, listTrash, purgeTrash, restoreReport, setNotes, setTags, trashReport } from '../../lib/library/edit';
import { normalizeTags, searchWords } from '../../lib/library/derive';
import { countReports, findCounterclaims, findSavedReport, saveReport } from '../../lib/library/reports';
import { queryReports } from '../../lib/library/search';
import { judgeCounterclaim } from '../../lib/library/links';
import { LibraryError } from '../../lib/library/db';
import { allReports, getReport } from '../../lib/library/store';
import { analyzeArticle } from '../../lib/analyze';
import { analysed, freshDb, czechMini, chineseMini } from '../helpers/library';
import { makeReport, seed, rowsOf } from '../fixtures/library/build';

const long = 'x'.repeat(60);

describe('normalizeTags', () => {
  it.each([
    [
      ['apt31', ' APT31 ', 'Cyber'],
      ['apt31', 'Cyber'],
    ],
    [['', '   ', 'a'], ['a']],
    [['  seed   pair '], ['seed pair']],
    [[long], ['x'.repeat(50)]],
    [
      ['Élection', 'élection', 'ÉLECTION', 'Election'],
      ['Élection', 'Election'],
    ],
    [
      ['Russia', 'russia', 'RUSSIA', 'Ukraine'],
      ['Russia', 'Ukraine'],
    ],
  ])('%j -> %j', (input, want) => {
    expect(normalizeTags(input)).toEqual(want);
  });
});

describe('searchWords', () => {
  it('takes lowercase words of two letters or more, without stop words or accents, from every source', () => {
    const r = makeReport('w', [['CZE', 'CHN', 'cyberattack']], { title: 'Česká republika: Prague blames Beijing', tags: ['APT31', 'seed pair'] });
    const words = searchWords(r);
    expect(words).toEqual(
      expect.arrayContaining(['ceska', 'republika', 'prague', 'blames', 'beijing', 'apt31', 'seed', 'pair', 'cyberattack', 'czech']),
    );
    expect(words).not.toContain('the');
    expect(words).not.toContain('of');
    expect(words.every((w) => w === w.toLowerCase() && w.length >= 2)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('reads only the start of the text and keeps at most 400 words', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    const words = searchWords({ title: 'T', accusations: [], tags: [], text });
    expect(words).toContain('worda0');
    expect(words).not.toContain(`worda${26 * 20}`);
    expect(words.length).toBeLessThanOrEqual(400);
    expect(words.length).toBe(300);
  });
});

describe('tags and notes', () => {
  it('setTags normalises, stores, and makes the tags searchable (and the old ones not)', async () => {
    const db = freshDb();
    await seed(db, [makeReport('r', [['CZE', 'CHN', 'cyberattack']], { tags: ['oldtag'] })]);
    expect(await setTags(db, 'r', [' Skripal ', 'skripal', '', 'Salisbury'])).toEqual(['Skripal', 'Salisbury']);
    expect((await getReport(db, 'r'))?.tags).toEqual(['Skripal', 'Salisbury']);
    expect((await queryReports(db, { text: 'salisbury ' })).total).toBe(1);
    expect((await queryReports(db, { text: 'oldtag ' })).total).toBe(0);
    expect((await queryReports(db, { tag: 'SKRIPAL' })).total).toBe(1);
  });

  it('setNotes replaces the notes and leaves the rest', async () => {
    const db = freshDb();
    await seed(db, [makeReport('r', [['CZE', 'CHN', 'cyberattack']], { tags: ['a'] })]);
    await setNotes(db, 'r', 'Compare with the Guangzhou statement.');
    const r = await getReport(db, 'r');
    expect(r).toMatchObject({ notes: 'Compare with the Guangzhou statement.', tags: ['a'] });
    expect((await rowsOf(db, 'r')).length).toBe(1);
  });

  it.each([
    ['setTags', (db: ReturnType<typeof freshDb>) => setTags(db, 'nope', ['a'])],
    ['setNotes', (db: ReturnType<typeof freshDb>) => setNotes(db, 'nope', 'a')],
    ['trashReport', (db: ReturnType<typeof freshDb>) => trashReport(db, 'nope')],
    ['restoreReport', (db: ReturnType<typeof freshDb>) => restoreReport(db, 'nope')],
  ])('%s of an unknown report is a LibraryError', async (_, run) => {
    const db = freshDb();
    await expect(run(db)).rejects.toBeInstanceOf(LibraryError);
    await expect(run(db)).rejects.toThrow(/no report "nope"/);
  });
});

const czech = czechMini;
const chinese = chineseMini;

describe('trash', () => {
  it('trash -> not counted, not found, not matched -> restore -> all back', async () => {
    const db = freshDb();
    const { id } = await saveReport(db, analysed(chinese));
    const match = () => findCounterclaims(db, analyzeArticle(czech), czech.publishedAt);
    expect((await match()).map((c) => c.report.id)).toEqual([id]);

    const { trashedAt } = await trashReport(db, id, new Date('2025-07-01T00:00:00Z'));
    expect(trashedAt).toBe('2025-07-01T00:00:00.000Z');
    expect(await countReports(db)).toBe(0);
    expect(await findSavedReport(db, chinese)).toBeUndefined();
    expect(await match()).toEqual([]);
    expect(await db.postings.count()).toBe(0);
    expect((await queryReports(db, {})).total).toBe(0);
    expect((await queryReports(db, { text: 'taiwan' })).total).toBe(0);
    expect((await queryReports(db, { includeTrashed: true })).items[0]).toMatchObject({ id, trashedAt });
    expect((await listTrash(db)).map((r) => r.id)).toEqual([id]);

    await restoreReport(db, id);
    expect(await countReports(db)).toBe(1);
    expect((await getReport(db, id))?.trashedAt).toBeUndefined();
    expect((await match()).map((c) => c.report.id)).toEqual([id]);
    expect(await listTrash(db)).toEqual([]);
  });

  it('trashing twice keeps the first date', async () => {
    const db = freshDb();
    await seed(db, [makeReport('r', [['CZE', 'CHN', 'cyberattack']])]);
    await trashReport(db, 'r', new Date('2025-07-01T00:00:00Z'));
    expect((await trashReport(db, 'r', new Date('2025-08-01T00:00:00Z'))).trashedAt).toBe('2025-07-01T00:00:00.000Z');
  });

  it('saving a trashed article again restores and updates it, and says so', async () => {
    const db = freshDb();
    const first = await saveReport(db, { ...analysed(chinese), tags: ['keep'] });
    await trashReport(db, first.id);
    const again = await saveReport(db, analysed({ ...chinese, title: 'New title' }));
    expect(again).toEqual({ id: first.id, status: 'updated', restored: true });
    const r = await getReport(db, first.id);
    expect(r).toMatchObject({ title: 'New title', tags: ['keep'] });
    expect(r?.trashedAt).toBeUndefined();
    expect((await rowsOf(db, first.id)).length).toBeGreaterThan(0);
    expect(await saveReport(db, analysed(chinese))).toEqual({ id: first.id, status: 'updated' });
  });

  it('listTrash gives the most recently trashed first', async () => {
    const db = freshDb();
    await seed(db, [makeReport('a', []), makeReport('b', []), makeReport('c', [])]);
    await trashReport(db, 'a', new Date('2025-07-01T00:00:00Z'));
    await trashReport(db, 'c', new Date('2025-07-03T00:00:00Z'));
    expect((await listTrash(db)).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('purgeTrash deletes for good what has been in the trash longer than the given days, with rows and links', async () => {
    const db = freshDb();
    await seed(db, [
      makeReport('old', [['CHN', 'TWN', 'cyberattack']]),
      makeReport('recent', [['CHN', 'TWN', 'cyberattack']]),
      makeReport('live', [['CZE', 'CHN', 'cyberattack']]),
    ]);
    await judgeCounterclaim(db, { from: 'live', fromIndex: 0, to: 'old', toIndex: 0, kind: 'confirmed' });
    await trashReport(db, 'old', new Date('2025-06-01T00:00:00Z'));
    await trashReport(db, 'recent', new Date('2025-06-25T00:00:00Z'));
    expect(await purgeTrash(db, 30, new Date('2025-07-05T00:00:00Z'))).toBe(1);
    expect(await getReport(db, 'old')).toBeUndefined();
    expect(await getReport(db, 'recent')).toBeDefined();
    expect(await db.links.count()).toBe(0);
    expect(await purgeTrash(db, 5, new Date('2025-07-05T00:00:00Z'))).toBe(1);
    expect((await allReports(db)).length).toBe(1);
  });

  it('deleteForever removes the report, its rows and its links', async () => {
    const db = freshDb();
    await seed(db, [makeReport('a', [['CZE', 'CHN', 'cyberattack']]), makeReport('b', [['CHN', 'TWN', 'cyberattack']])]);
    await judgeCounterclaim(db, { from: 'a', fromIndex: 0, to: 'b', toIndex: 0, kind: 'confirmed' });
    expect(await deleteForever(db, 'b')).toBe(true);
    expect(await deleteForever(db, 'b')).toBe(false);
    expect(await getReport(db, 'b')).toBeUndefined();
    expect((await rowsOf(db, 'b')).length).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect((await rowsOf(db, 'a')).length).toBe(1);
  });
});
