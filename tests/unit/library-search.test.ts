import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LibraryDB, ReportData } from '../../lib/library/db';
import { queryReports, queryWords, RELATION_CANDIDATES, type ReportQuery } from '../../lib/library/search';
import { searchWords } from '../../lib/library/derive';
import { trashReport } from '../../lib/library/edit';
import { judgeCounterclaim } from '../../lib/library/links';
import { importLibrary } from '../../lib/library/export';
import { freshDb } from '../helpers/library';
import { makeReport, seed } from '../fixtures/library/build';
import { packOf } from '../../lib/library/store';

const reports = [
  makeReport('cz', [['CZE', 'CHN', 'cyberattack']], {
    title: 'Czech Republic accuses China of cyber campaign',
    extra: 'The hacker group APT31 targeted the foreign ministry network.',
    publishedAt: '2025-05-28',
    savedAt: '2025-06-03T00:00:00.000Z',
    tags: ['APT31', 'seed pair'],
    notes: 'n'.repeat(250),
  }),
  makeReport('cn', [['CHN', 'TWN', 'cyberattack']], {
    title: 'China accuses Taiwan of backing hackers',
    extra: 'Guangzhou police offered a reward.',
    publishedAt: '2025-05-27',
    savedAt: '2025-06-02T00:00:00.000Z',
    tags: ['seed pair'],
  }),
  makeReport('de', [['DEU', 'RUS', 'cyberattack']], {
    title: 'Germany blames Russia for hack',
    extra: 'APT28 broke into party email accounts.',
    publishedAt: '2024-05-03',
    savedAt: '2025-06-01T00:00:00.000Z',
  }),
  makeReport('uk', [['GBR', 'RUS', 'war_crimes']], {
    title: 'Britain says Russia poisoned Skripal',
    extra: 'Salisbury nerve agent attack.',
    publishedAt: '2018-03-12',
    savedAt: '2025-06-04T00:00:00.000Z',
    source: 'starter',
  }),
  makeReport('ru', [['RUS', 'GBR', 'disinformation']], {
    title: 'Moscow calls British claims a provocation',
    publishedAt: null,
    savedAt: '2025-06-05T00:00:00.000Z',
    tags: ['Skripal'],
  }),
];

let db: LibraryDB;
beforeAll(async () => {
  db = freshDb();
  await seed(db, reports);
});

const ids = async (q: ReportQuery) => (await queryReports(db, q)).items.map((i) => i.id);

describe('queryWords', () => {
  it.each([
    ['china cyber', { exact: ['china'], prefix: 'cyber' }],
    ['china cyber ', { exact: ['china', 'cyber'], prefix: null }],
    ['the china of ', { exact: ['china'], prefix: null }],
    ['Česká', { exact: [], prefix: 'ceska' }],
    ['c', { exact: [], prefix: 'c' }],
    ['  ', { exact: [], prefix: null }],
  ])('%j -> %j', (text, want) => {
    expect(queryWords(text)).toEqual(want);
  });
});

describe('queryReports', () => {
  it.each<[string, ReportQuery, string[]]>([
    ['no filter: newest saved first, undated included', {}, ['ru', 'uk', 'cz', 'cn', 'de']],
    ['a word of the title', { text: 'skripal ' }, ['ru', 'uk']],
    ['a word of the text', { text: 'guangzhou ' }, ['cn']],
    ['a word of a tag', { text: 'apt31 ' }, ['cz']],
    ['a word of a quote', { text: 'accused ' }, ['ru', 'uk', 'cz', 'cn', 'de']],
    ['a prefix, while typing', { text: 'salis' }, ['uk']],
    ['every word must match', { text: 'china hack' }, ['cz', 'cn']],
    ['words and a prefix, any case and accent', { text: 'CHÍNA Taiw' }, ['cn']],
    ['a word no report has', { text: 'zanzibar' }, []],
    ['only stop words', { text: 'the of ' }, []],
    ['country as accuser or accused', { country: 'RUS' }, ['ru', 'uk', 'de']],
    ['country, lowercase', { country: 'twn' }, ['cn']],
    ['category', { category: 'cyberattack' }, ['cz', 'cn', 'de']],
    ['tag, any case', { tag: 'SEED PAIR' }, ['cz', 'cn']],
    ['source', { source: 'starter' }, ['uk']],
    ['from a date', { from: '2025-01-01' }, ['cz', 'cn']],
    ['up to a date, whole day', { to: '2025-05-27' }, ['uk', 'cn', 'de']],
    ['a date range', { from: '2024-01-01', to: '2025-05-27' }, ['cn', 'de']],
    ['an empty range', { from: '2025-06-01', to: '2025-01-01' }, []],
    ['filters combine with AND', { country: 'RUS', category: 'cyberattack' }, ['de']],
    ['words and filters', { text: 'russia', tag: 'skripal' }, ['ru']],
    ['sorted by date published, oldest first, undated last', { sort: 'publishedAt', order: 'asc' }, ['uk', 'de', 'cn', 'cz', 'ru']],
    ['sorted by date published, newest first, undated last', { sort: 'publishedAt' }, ['cz', 'cn', 'de', 'uk', 'ru']],
    ['sorted by title', { sort: 'title' }, ['uk', 'cn', 'cz', 'de', 'ru']],
    ['filtered and sorted by title, descending', { country: 'RUS', sort: 'title', order: 'desc' }, ['ru', 'de', 'uk']],
    ['filtered and sorted by date published, undated last', { text: 'skripal', sort: 'publishedAt', order: 'asc' }, ['uk', 'ru']],
  ])('%s', async (_, q, want) => {
    expect(await ids(q)).toEqual(want);
    expect((await queryReports(db, q)).total).toBe(want.length);
  });

  it('pages with offset and limit; total counts them all', async () => {
    for (const q of [{}, { sort: 'publishedAt' as const }, { category: 'cyberattack' as const }]) {
      const all = await ids(q);
      const page = await queryReports(db, { ...q, offset: 1, limit: 2 });
      expect(page.items.map((i) => i.id)).toEqual(all.slice(1, 3));
      expect(page.total).toBe(all.length);
    }
    expect((await queryReports(db, { sort: 'publishedAt', offset: 4, limit: 5 })).items.map((i) => i.id)).toEqual(['ru']);
  });

  it('gives summaries: no text, notes cut to 200 characters, the accusations in short', async () => {
    const [cz] = (await queryReports(db, { text: 'apt31 ' })).items;
    expect(cz).toMatchObject({ id: 'cz', title: reports[0]!.title, tags: ['APT31', 'seed pair'], primary: 0, savedAt: '2025-06-03T00:00:00.000Z' });
    expect(cz!.notes).toHaveLength(200);
    expect(cz!.accusations).toEqual([
      {
        accuser: { code: 'CZE', name: 'Czech Republic', detail: '' },
        accused: { code: 'CHN', name: 'China', detail: '' },
        category: 'cyberattack',
        chargeText: 'cyberattack',
      },
    ]);
    expect(cz).not.toHaveProperty('text');
    expect(cz).not.toHaveProperty('words');
  });

  it('filters on the catalog and reads only the reports it returns', async () => {
    const big = freshDb();
    await seed(big, [
      ...reports,
      ...Array.from({ length: 80 }, (_, i) => makeReport(`n${i}`, [['USA', 'RUS', 'cyberattack']], { title: `Routine report ${i}` })),
    ]);
    // Reports are read a pack at a time (store.ts); the filters are tested on the catalog, so only the pack of the
    // one answer is read, and no pack is scanned.
    const bulkGet = vi.spyOn(big.packs, 'bulkGet');
    const scans = [vi.spyOn(big.packs, 'toArray'), vi.spyOn(big.packs, 'where'), vi.spyOn(big.packs, 'toCollection')];
    const out = await queryReports(big, { text: 'salisbury ', country: 'RUS', category: 'war_crimes' });
    expect(out.items.map((i) => i.id)).toEqual(['uk']);
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    expect(bulkGet.mock.calls.flatMap((c) => c[0] as number[])).toEqual([packOf('uk')]);
  });
});

describe('queryReports: trash', () => {
  it('leaves the trash out unless asked', async () => {
    const local = freshDb();
    await seed(local, reports);
    await trashReport(local, 'cn', new Date('2025-07-01T00:00:00Z'));
    expect((await queryReports(local, {})).items.map((i) => i.id)).toEqual(['ru', 'uk', 'cz', 'de']);
    expect((await queryReports(local, {})).total).toBe(4);
    expect((await queryReports(local, { tag: 'seed pair' })).items.map((i) => i.id)).toEqual(['cz']);
    const all = await queryReports(local, { includeTrashed: true, tag: 'seed pair' });
    expect(all.items.map((i) => [i.id, i.trashedAt])).toEqual([
      ['cz', undefined],
      ['cn', '2025-07-01T00:00:00.000Z'],
    ]);
    expect((await queryReports(local, { offset: 3, limit: 1 })).items.map((i) => i.id)).toEqual(['de']);
  });
});

describe('queryReports: relation', () => {
  it.each<[ReportQuery['relation'], string[]]>([
    // cz: China (accused) accuses Taiwan in cn -> mirror. cn: the Czech Republic accuses China (its accuser) -> turnabout.
    ['mirror', ['cz']],
    ['turnabout', ['cn']],
    // uk and ru accuse each other (war crimes and disinformation are not related: no reversal).
    ['reversal', []],
    // de and uk both accuse Russia, of unrelated charges: no echo.
    ['echo', []],
  ])('%s', async (relation, want) => {
    expect(await ids({ relation })).toEqual(want);
  });

  it('combines with other filters and finds reversals and echoes', async () => {
    const local = freshDb();
    await seed(local, [
      ...reports,
      makeReport('ru2', [['RUS', 'DEU', 'cyberattack']], { savedAt: '2025-06-06T00:00:00.000Z' }),
      makeReport('fr', [['FRA', 'RUS', 'espionage']], { savedAt: '2025-06-07T00:00:00.000Z' }),
    ]);
    expect(await queryReports(local, { relation: 'reversal' }).then((r) => r.items.map((i) => i.id))).toEqual(['ru2', 'de']);
    expect(await queryReports(local, { relation: 'echo' }).then((r) => r.items.map((i) => i.id))).toEqual(['fr', 'de']);
    expect(await queryReports(local, { relation: 'echo', country: 'FRA' }).then((r) => r.items.map((i) => i.id))).toEqual(['fr']);
  });

  it('a counterclaim the user rejected does not count', async () => {
    const local = freshDb();
    await seed(local, reports);
    await judgeCounterclaim(local, { from: 'cz', fromIndex: 0, to: 'cn', toIndex: 0, kind: 'rejected' });
    expect((await queryReports(local, { relation: 'mirror' })).items).toEqual([]);
    expect((await queryReports(local, { relation: 'turnabout' })).items).toEqual([]);
  });
});

describe('queryReports on a library larger than it reads at once', () => {
  /**
   * Up to this many matching reports were read and sorted in memory before search filtered the catalog (schema 4's
   * LOAD_LIMIT); the library is larger, and one page straddles it.
   */
  const LOAD_LIMIT = 2000;
  const CODES = ['CHN', 'TWN', 'USA', 'RUS', 'CZE', 'IRN'];
  const CATS = ['cyberattack', 'espionage', 'disinformation', 'terrorism'] as const;
  const big: ReportData[] = Array.from({ length: Math.max(RELATION_CANDIDATES, LOAD_LIMIT) + 5 }, (_, i) => {
    const accuser = CODES[i % CODES.length]!;
    const accused = CODES[(i * 7 + 1) % CODES.length] === accuser ? 'JPN' : CODES[(i * 7 + 1) % CODES.length]!;
    return makeReport(`r${String(i).padStart(5, '0')}`, [[accuser, accused, CATS[i % 4]!]], {
      savedAt: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 5000) * 60_000).toISOString(),
      publishedAt: i % 13 === 0 ? null : new Date(Date.UTC(2015, 0, 1) + ((i * 104729) % 3650) * 86_400_000).toISOString().slice(0, 10),
      tags: i % 3 === 0 ? ['Tri'] : [],
      extra: i % 2 ? 'Critical infrastructure was hit.' : 'Officials spoke.',
    });
  });
  let lib: LibraryDB;
  beforeAll(async () => {
    lib = freshDb();
    await importLibrary(lib, { format: 'counterclaim-library', version: 1, exportedAt: '2025-07-01T00:00:00.000Z', reports: big, links: [] });
    await trashReport(lib, 'r00010');
  }, 60_000);

  /** The same query done the slow, obvious way. */
  function reference(q: ReportQuery): string[] {
    const { exact, prefix } = queryWords(q.text ?? '');
    const rows = big
      .filter((r) => r.id !== 'r00010')
      .map((r) => ({ r, words: searchWords(r), codes: r.accusations.flatMap((a) => [a.accuser.code, a.accused.code]) }))
      .filter(({ words }) => exact.every((w) => words.includes(w)) && (!prefix || words.some((w) => w.startsWith(prefix))))
      .filter(({ codes }) => !q.country || codes.includes(q.country))
      .filter(({ r }) => !q.category || r.accusations.some((a) => a.charge.category === q.category))
      .filter(({ r }) => !q.tag || r.tags.some((t) => t.toLowerCase() === q.tag!.toLowerCase()))
      .filter(({ r }) => (!q.from && !q.to) || (r.publishedAt !== null && r.publishedAt >= (q.from ?? '') && r.publishedAt <= (q.to ?? '9999')))
      .map(({ r }) => r);
    const sort = q.sort ?? 'savedAt';
    const dir = (q.order ?? (sort === 'title' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
    const key = (r: ReportData) => (sort === 'title' ? r.title.toLowerCase() : sort === 'publishedAt' ? r.publishedAt : r.savedAt);
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === null || y === null) return x === y ? (a.id < b.id ? -dir : dir) : x === null ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * dir;
    });
    return rows.map((r) => r.id);
  }

  it.each<ReportQuery>([
    {},
    { text: 'critical' },
    { text: 'accused infra', sort: 'publishedAt', order: 'asc', offset: 900, limit: 20 },
    { text: 'accused', sort: 'publishedAt', offset: LOAD_LIMIT - 20, limit: 40 },
    { tag: 'tri', sort: 'title', offset: 100, limit: 10 },
    { country: 'CHN', text: 'critical', limit: 500 },
    { country: 'USA', category: 'espionage', from: '2018-01-01', to: '2020-12-31', limit: 100 },
    { category: 'cyberattack', sort: 'publishedAt', order: 'asc', offset: 480, limit: 50 },
  ])('gives what a full scan gives: %j', async (q) => {
    const want = reference(q);
    const got = await queryReports(lib, q);
    expect(got.total).toBe(want.length);
    const offset = q.offset ?? 0;
    expect(got.items.map((i) => i.id)).toEqual(want.slice(offset, offset + (q.limit ?? 50)));
  });

  it(`checks at most ${RELATION_CANDIDATES} candidates for a relation and says so`, async () => {
    const out = await queryReports(lib, { relation: 'mirror', limit: 3 });
    expect(out.truncated).toBe(true);
    expect(out.total).toBeGreaterThan(0);
    expect(out.total).toBeLessThanOrEqual(RELATION_CANDIDATES);
    expect(out.items).toHaveLength(3);
    // r00012: China accuses Taiwan of a cyberattack; Taiwan accuses the United States of espionage in r00001.
    const narrow = await queryReports(lib, { relation: 'mirror', text: 'r00012 ' });
    expect(narrow).toMatchObject({ total: 1, items: [{ id: 'r00012' }] });
    expect(narrow.truncated).toBeUndefined();
  });
});
