import { describe, expect, it } from 'vitest';
import type { AccusationRow } from '../../lib/library/db';
import { allRows, listPrefix, POSTING_CHUNK, postingKey, readRows, reportIdsWithCategory, updatePostings } from '../../lib/library/postings';
import { findCounterclaims } from '../../lib/library/reports';
import { deleteForever, restoreReport, setNotes, setTags, trashReport } from '../../lib/library/edit';
import { importLibrary } from '../../lib/library/export';
import { freshDb } from '../helpers/library';
import { findByTerms, shardOf, TERM_SHARDS, termsMatch, termsOf, updateTerms } from '../../lib/library/terms';
import { queryReports } from '../../lib/library/search';
import { makeReport, rowsOf, seed } from '../fixtures/library/build';

const row = (reportId: string, accuser: string, accused: string, index = 0): AccusationRow => ({
  reportId,
  index,
  accuser,
  accused,
  category: 'cyberattack',
  publishedAt: '2025-05-28',
  words: 'cyberattack',
});

describe('match index keys', () => {
  it('sorts the chunks of a list in order and keeps lists of similar codes apart', () => {
    expect(postingKey('cyberattack', 'accuser', 'CHN', 2)).toBe('cyberattack|accuser|CHN|000002');
    expect(postingKey('cyberattack', 'accuser', 'CHN', 10) > postingKey('cyberattack', 'accuser', 'CHN', 9)).toBe(true);
    // "EU" is a prefix of "EUR" as text, not as a list.
    expect(postingKey('espionage', 'accused', 'EUR', 0).startsWith(listPrefix('espionage', 'accused', 'EU'))).toBe(false);
  });
});

describe('updatePostings', () => {
  it(`splits a list into chunks of ${POSTING_CHUNK}, reads it whole, and drops emptied chunks`, async () => {
    const db = freshDb();
    const n = POSTING_CHUNK + 10;
    const rows = Array.from({ length: n }, (_, i) => row(`r${i}`, 'CHN', i % 2 ? 'TWN' : 'USA'));
    await db.transaction('rw', db.postings, () => updatePostings(db.postings, [], rows));
    const chunks = await db.postings
      .where('key')
      .startsWith(listPrefix('cyberattack', 'accuser', 'CHN'))
      .toArray();
    expect(chunks.map((c) => c.reportIds.length)).toEqual([POSTING_CHUNK, 10]);
    expect(await readRows(db.postings, 'accuser', [['CHN', 'cyberattack']])).toHaveLength(n);
    expect(await readRows(db.postings, 'accused', [['TWN', 'cyberattack']])).toHaveLength(n / 2);
    expect(await readRows(db.postings, 'accuser', [['CHN', 'espionage']])).toEqual([]);

    // Take out every report of the second chunk and one of the first: the second chunk goes, the first shrinks.
    const gone = [rows[0]!, ...rows.slice(POSTING_CHUNK)];
    await db.transaction('rw', db.postings, () => updatePostings(db.postings, gone, []));
    const after = await db.postings
      .where('key')
      .startsWith(listPrefix('cyberattack', 'accuser', 'CHN'))
      .toArray();
    expect(after.map((c) => [c.chunk, c.reportIds.length])).toEqual([[0, POSTING_CHUNK - 1]]);
    const left = await readRows(db.postings, 'accuser', [['CHN', 'cyberattack']]);
    expect(left.map((r) => r.reportId)).not.toContain('r0');
    expect(left).toEqual(rows.slice(1, POSTING_CHUNK));
    // New postings fill the last chunk again before a new one is made.
    await db.transaction('rw', db.postings, () => updatePostings(db.postings, [], [row('x1', 'CHN', 'JPN'), row('x2', 'CHN', 'JPN')]));
    const refilled = await db.postings
      .where('key')
      .startsWith(listPrefix('cyberattack', 'accuser', 'CHN'))
      .toArray();
    expect(refilled.map((c) => c.reportIds.length)).toEqual([POSTING_CHUNK, 1]);
  });

  it('moves a report between lists when its accusations change, and only then', async () => {
    const db = freshDb();
    await seed(db, [makeReport('a', [['CZE', 'CHN', 'cyberattack']]), makeReport('b', [['CHN', 'TWN', 'cyberattack']])]);
    const before = await db.postings.toArray();
    await setTags(db, 'a', ['apt31']);
    expect(await db.postings.toArray()).toEqual(before);
    await seed(db, [makeReport('a', [['CZE', 'RUS', 'espionage']])]);
    expect(await rowsOf(db, 'a')).toEqual([
      {
        reportId: 'a',
        index: 0,
        accuser: 'CZE',
        accused: 'RUS',
        category: 'espionage',
        publishedAt: '2025-05-28',
        words: 'espionage czech republic russia report',
      },
    ]);
    expect(await readRows(db.postings, 'accused', [['CHN', 'cyberattack']])).toEqual([]);
    expect([...(await reportIdsWithCategory(db.postings, 'cyberattack'))]).toEqual(['b']);
  });

  it('follows trash, restore and delete', async () => {
    const db = freshDb();
    await seed(db, [makeReport('a', [['CZE', 'CHN', 'cyberattack']]), makeReport('b', [['CHN', 'TWN', 'cyberattack']])]);
    await trashReport(db, 'b');
    expect((await allRows(db.postings)).map((r) => r.reportId)).toEqual(['a']);
    await restoreReport(db, 'b');
    expect((await rowsOf(db)).map((r) => r.reportId)).toEqual(['a', 'b']);
    await deleteForever(db, 'a');
    expect((await rowsOf(db)).map((r) => r.reportId)).toEqual(['b']);
    expect(await db.postings.where('key').startsWith('cyberattack|accused|CHN|').count()).toBe(0);
  });
});

describe('matching from the match index', () => {
  it('gives the same counterclaims after an import as after saves one by one', async () => {
    const reports = [
      makeReport('cn', [['CHN', 'TWN', 'cyberattack']], { publishedAt: '2025-05-27' }),
      makeReport('us', [['USA', 'CHN', 'espionage']], { publishedAt: '2024-01-10' }),
      makeReport('ru', [
        ['RUS', 'CZE', 'cyberattack'],
        ['CHN', 'CZE', 'disinformation'],
      ]),
      makeReport('tw', [['TWN', 'CZE', 'espionage']], { publishedAt: null }),
    ];
    const one = freshDb();
    await seed(one, reports);
    const two = freshDb();
    await importLibrary(two, { format: 'counterclaim-library', version: 1, exportedAt: '2025-07-01T00:00:00.000Z', reports, links: [] });
    const cz = makeReport('cz', [['CZE', 'CHN', 'cyberattack']]);
    const a = await findCounterclaims(one, cz, cz.publishedAt);
    const b = await findCounterclaims(two, cz, cz.publishedAt);
    expect(a.map((c) => [c.report.id, c.relation])).toEqual([
      ['cn', 'mirror'],
      ['ru', 'turnabout'],
      // Espionage is related to cyberattack: a weaker turnabout, undated.
      ['tw', 'turnabout'],
      ['us', 'echo'],
    ]);
    expect(b).toEqual(a);
  });
});

describe('term shards', () => {
  it('spreads reports over the shards, the same way every time', () => {
    const shards = new Set(Array.from({ length: 20000 }, (_, i) => shardOf(`r${i}`)));
    expect(shardOf('r1')).toBe(shardOf('r1'));
    expect([...shards].every((s) => s >= 0 && s < TERM_SHARDS)).toBe(true);
    expect(shards.size).toBeGreaterThan(TERM_SHARDS * 0.9);
  });

  it.each<[string[], string | null, boolean]>([
    [['china', 'cyber'], null, false],
    [['china'], 'cyb', true],
    [['china', 'taiwan'], null, true],
    [['chin'], null, false],
    [[], 'aiwan', false],
    [[], 'taiw', true],
  ])('matches words %j and prefix %j: %s', (exact, prefix, want) => {
    expect(termsMatch(termsOf(['china', 'accuses', 'taiwan', 'cyberattack']), exact, prefix)).toBe(want);
  });

  it('follow saves, edits of words, and deletes; a notes edit leaves them alone', async () => {
    const db = freshDb();
    await seed(db, [
      makeReport('a', [['CZE', 'CHN', 'cyberattack']], { extra: 'Prague summoned the ambassador.' }),
      makeReport('b', [['CHN', 'TWN', 'cyberattack']]),
    ]);
    const find = (exact: string[]) => findByTerms(db.terms, (t) => termsMatch(t, exact, null));
    expect(await find(['prague'])).toEqual(['a']);
    await setTags(db, 'b', ['Guangzhou']);
    expect(await find(['guangzhou'])).toEqual(['b']);
    const shard = await db.terms.get(shardOf('b'));
    await setNotes(db, 'b', 'changed');
    expect(await db.terms.get(shardOf('b'))).toEqual(shard);
    await trashReport(db, 'b');
    expect(await find(['guangzhou'])).toEqual(['b']);
    expect((await queryReports(db, { text: 'guangzhou ' })).total).toBe(0);
    await deleteForever(db, 'b');
    expect(await find(['guangzhou'])).toEqual([]);
    await db.transaction('rw', db.terms, () => updateTerms(db.terms, [], ['a']));
    expect(await db.terms.count()).toBe(0);
  });
});
