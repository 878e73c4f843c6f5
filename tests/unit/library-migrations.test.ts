import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { applySchema, LibraryDB, SCHEMA, SCHEMA_VERSION, type AccusationRow, type LinkRecord, type ReportData } from '../../lib/library/db';
import { countReports, findCounterclaims, findSavedReport } from '../../lib/library/reports';
import { allReports, cardPackOf, getCards, getReport, packOf, readCounts } from '../../lib/library/store';
import { queryReports } from '../../lib/library/search';
import { FIXTURES } from '../helpers/fixtures';
import { analyzeArticle } from '../../lib/analyze';
import { article } from '../helpers/library';
import { rowsOf } from '../fixtures/library/build';
import { matchWords } from '../../lib/match/rank-counterclaims';

/** A database as an earlier schema version wrote it: the rows of each table. */
interface VersionFixture {
  version: number;
  /** The accusations as the match index must post them, for a version that kept no accusation rows (3 on). */
  rows?: Omit<AccusationRow, 'id' | 'words'>[];
  tables: { reports?: FixtureReport[]; accusations?: AccusationRow[]; links?: LinkRecord[] } & Record<string, object[]>;
  /** The reports the database holds, for a version that keeps them packed (5 on): what the upgrade must keep. */
  reports?: FixtureReport[];
}
type FixtureReport = ReportData & { trashedAt?: string };

/** The reports of a fixture: its reports table, or for a packed version the list it carries. */
const reportsOf = (f: VersionFixture): FixtureReport[] => f.tables.reports ?? f.reports ?? [];

const fixturePath = (version: number) => join(FIXTURES, 'library', `v${version}-reports.json`);

let n = 0;

/** Writes the fixture with only the schema versions up to `version`, closes it, and opens it with LibraryDB. */
async function upgradeFrom(version: number): Promise<{ db: LibraryDB; fixture: VersionFixture }> {
  const fixture = JSON.parse(readFileSync(fixturePath(version), 'utf8')) as VersionFixture;
  const name = `migration-v${version}-${n++}`;
  const old = new Dexie(name);
  applySchema(
    old,
    SCHEMA.filter((v) => v.version <= version),
  );
  await old.open();
  expect(old.verno).toBe(version);
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  const db = new LibraryDB(name);
  await db.open();
  return { db, fixture };
}

describe('schema', () => {
  it('declares versions in ascending order, version 1 as first released', () => {
    const versions = SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA[0]).toEqual({
      version: 1,
      stores: {
        reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags',
        accusations: '++id, reportId, accuser, accused, category',
      },
    });
    // Released versions are frozen: a change goes into a new version.
    expect(SCHEMA[1]!.stores).toEqual({
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags, trashedAt, *words, *countries, *categories, sortTitle',
      accusations: '++id, reportId, [accuser+category], [accused+category]',
      links: '++id, from, to, [from+to], kind',
    });
    expect(new LibraryDB('schema-check').verno).toBe(SCHEMA_VERSION);
  });

  it('keeps reports in packs (version 5 on) with match cards, a catalog, a lookup and counts, beside the match index and term shards', async () => {
    const db = new LibraryDB(`schema-tables-${n++}`);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['cards', 'catalog', 'links', 'lookup', 'meta', 'packs', 'postings', 'terms']);
    // No per-report record and no per-report index: every report table is keyed by a bucket number or a name.
    for (const t of db.reportTables) expect(t.schema.indexes, t.name).toEqual([]);
  });

  it('version 6 moves each match card from its pack number into its own card pack, losing none', async () => {
    const { db, fixture } = await upgradeFrom(5);
    const ids = reportsOf(fixture).map((r) => r.id);
    // The fixture has cards that move (schema 5 kept them under their pack's number).
    expect(ids.some((id) => cardPackOf(id) !== packOf(id))).toBe(true);
    const stored = await db.cards.toArray();
    for (const c of stored) for (const id of c.ids) expect(cardPackOf(id), id).toBe(c.b);
    expect(stored.flatMap((c) => c.ids).sort()).toEqual([...ids].sort());
    const cards = await getCards(db, ids);
    cards.forEach((c, i) => expect(c?.title, ids[i]).toBe(reportsOf(fixture)[i]!.title));
  });

  it.each(SCHEMA.filter((v) => v.version < SCHEMA_VERSION).map((v) => v.version))('has a fixture for version %i', (version) => {
    expect(existsSync(fixturePath(version))).toBe(true);
  });
});

describe.each(SCHEMA.filter((v) => v.version < SCHEMA_VERSION).map((v) => v.version))('a library written by schema version %i', (version) => {
  it('opens at the current version with every report, tag and note as it was', async () => {
    const { db, fixture } = await upgradeFrom(version);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(reportsOf(fixture).length).toBeGreaterThanOrEqual(3);
    expect(await readCounts(db)).toEqual({
      reports: reportsOf(fixture).length,
      trashed: reportsOf(fixture).filter((r) => r.trashedAt).length,
    });
    expect((await allReports(db)).map((r) => r.id).sort()).toEqual(
      reportsOf(fixture)
        .map((r) => r.id)
        .sort(),
    );
    for (const r of reportsOf(fixture)) {
      const got = await getReport(db, r.id);
      expect(got, r.id).toMatchObject(r);
      expect(got?.tags).toEqual(r.tags);
      expect(got?.notes).toBe(r.notes);
      expect(got?.trashedAt).toBe(r.trashedAt);
    }
    expect(reportsOf(fixture).some((r) => r.tags.length > 0 && r.notes.length > 0)).toBe(true);
  });

  it('keeps every link', async () => {
    const { db, fixture } = await upgradeFrom(version);
    expect(await db.links.orderBy('id').toArray()).toEqual(fixture.tables.links ?? []);
  });

  it('posts every accusation outside the trash in the match index, as the old rows held it', async () => {
    const { db, fixture } = await upgradeFrom(version);
    const posted = await rowsOf(db);
    // Every posting keeps its accusation's words (schema 4), so matching never reads a report to score it.
    for (const r of posted) {
      const a = reportsOf(fixture).find((x) => x.id === r.reportId)!.accusations[r.index]!;
      expect(r.words).toBe(matchWords(a.charge.text, a.quote));
      expect(r.words).not.toBe('');
    }
    const rows = posted.map(({ words: _words, ...r }) => r);
    const old = fixture.rows ?? (fixture.tables.accusations ?? []).map(({ id: _id, words: _words, ...r }) => r);
    expect(old.length).toBeGreaterThan(0);
    const key = (r: Omit<AccusationRow, 'id' | 'words'>) => `${r.reportId}#${r.index}`;
    expect(rows.map(key).sort()).toEqual(old.map(key).sort());
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...old].sort((a, b) => key(a).localeCompare(key(b))));
    for (const r of reportsOf(fixture)) expect((await rowsOf(db, r.id)).length, r.id).toBe(r.trashedAt ? 0 : r.accusations.length);
  });

  it('fills the derived fields of every report', async () => {
    const { db, fixture } = await upgradeFrom(version);
    for (const r of reportsOf(fixture)) {
      const got = (await getReport(db, r.id))!;
      const codes = new Set(r.accusations.flatMap((a) => [a.accuser.code, a.accused.code]));
      expect(new Set(got.countries)).toEqual(codes);
      expect(new Set(got.categories)).toEqual(new Set(r.accusations.map((a) => a.charge.category)));
      expect(got.words.length).toBeGreaterThan(5);
      expect(got.words.length).toBeLessThanOrEqual(400);
      for (const t of r.tags) for (const w of t.toLowerCase().split(/\s+/)) if (w.length > 1) expect(got.words).toContain(w);
      expect(got.sortTitle).toBe(r.title.toLowerCase());
    }
  });

  it('works with the new queries: count, search, filters, matching', async () => {
    const { db, fixture } = await upgradeFrom(version);
    expect(await countReports(db)).toBe(reportsOf(fixture).filter((r) => !r.trashedAt).length);
    const first = reportsOf(fixture)[0]!;
    const word = first.title
      .toLowerCase()
      .split(/\W+/)
      .find((w) => w.length > 6)!;
    expect((await queryReports(db, { text: `${word} ` })).items.map((i) => i.id)).toContain(first.id);
    // Every report's terms are in the shards, trashed ones too (a search that includes the trash finds them).
    for (const r of reportsOf(fixture)) {
      const title = r.title
        .toLowerCase()
        .split(/\W+/)
        .find((w) => w.length > 4)!;
      expect(
        (await queryReports(db, { text: `${title} `, includeTrashed: true })).items.map((i) => i.id),
        r.id,
      ).toContain(r.id);
    }
    const code = first.accusations[0]!.accused.code;
    expect((await queryReports(db, { country: code })).items.map((i) => i.id)).toContain(first.id);
    const libDb = db;
    // The seed pair survives as a counterclaim pair: China, accused of cyberattacks, accuses Taiwan of the same.
    const cz = article({
      title: 'Czech Republic accuses China',
      text: 'The Czech Republic accused China of a malicious cyber campaign.',
      publishedAt: '2025-05-28',
    });
    const found = await findCounterclaims(libDb, analyzeArticle(cz), cz.publishedAt);
    expect(found.some((c) => c.relation === 'mirror' && c.stored.accused.code === 'TWN')).toBe(true);
    const live = reportsOf(fixture).filter((r) => !r.trashedAt);
    const cyber = live.filter((r) => r.accusations.some((a) => a.charge.category === 'cyberattack')).map((r) => r.id);
    expect(cyber.length).toBeGreaterThan(1);
    expect((await queryReports(db, { category: 'cyberattack' })).items.map((i) => i.id).sort()).toEqual(cyber.sort());
    // The dedupe lookup: each live report is found as saved by its URL and by its text.
    for (const r of live) {
      if (r.canonicalUrl)
        expect((await findSavedReport(db, { canonicalUrl: r.canonicalUrl, url: r.url ?? '', text: 'not the same text' }))?.id, r.id).toBe(r.id);
      expect((await findSavedReport(db, { canonicalUrl: null, url: 'https://elsewhere.example/x', text: r.text }))?.id, r.id).toBe(r.id);
    }
  });
});
