import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { applySchema, LibraryDB, SCHEMA, SCHEMA_VERSION, type AccusationRow, type ReportData } from '../../lib/library/db';
import { countReports, findCounterclaims } from '../../lib/library/reports';
import { queryReports } from '../../lib/library/search';
import { FIXTURES } from '../helpers/fixtures';
import { analyzeArticle } from '../../lib/analyze';
import { article } from '../helpers/library';

/** A database as an earlier schema version wrote it: the rows of each table. */
interface VersionFixture {
  version: number;
  tables: { reports: ReportData[]; accusations: AccusationRow[] } & Record<string, object[]>;
}

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
    expect(new LibraryDB('schema-check').verno).toBe(SCHEMA_VERSION);
  });

  it.each(SCHEMA.filter((v) => v.version < SCHEMA_VERSION).map((v) => v.version))('has a fixture for version %i', (version) => {
    expect(existsSync(fixturePath(version))).toBe(true);
  });
});

describe.each(SCHEMA.filter((v) => v.version < SCHEMA_VERSION).map((v) => v.version))('a library written by schema version %i', (version) => {
  it('opens at the current version with every report, tag and note as it was', async () => {
    const { db, fixture } = await upgradeFrom(version);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(fixture.tables.reports.length).toBeGreaterThanOrEqual(3);
    expect(await db.reports.count()).toBe(fixture.tables.reports.length);
    for (const r of fixture.tables.reports) {
      const got = await db.reports.get(r.id);
      expect(got, r.id).toMatchObject(r);
      expect(got?.tags).toEqual(r.tags);
      expect(got?.notes).toBe(r.notes);
      expect(got?.trashedAt).toBeUndefined();
    }
    expect(fixture.tables.reports.some((r) => r.tags.length > 0 && r.notes.length > 0)).toBe(true);
  });

  it('keeps every accusation row, id included', async () => {
    const { db, fixture } = await upgradeFrom(version);
    const rows = await db.accusations.orderBy('id').toArray();
    expect(rows).toEqual([...fixture.tables.accusations].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)));
    for (const r of fixture.tables.reports) expect(await db.accusations.where('reportId').equals(r.id).count()).toBe(r.accusations.length);
    // Version 2 dropped the single accuser/accused indexes for the compound ones, which still answer them.
    const chn = fixture.tables.accusations.filter((r) => r.accuser === 'CHN').map((r) => r.id);
    expect(chn.length).toBeGreaterThan(0);
    expect((await db.accusations.where('accuser').equals('CHN').toArray()).map((r) => r.id)).toEqual(chn);
  });

  it('fills the derived fields of every report', async () => {
    const { db, fixture } = await upgradeFrom(version);
    for (const r of fixture.tables.reports) {
      const got = (await db.reports.get(r.id))!;
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
    expect(await countReports(db)).toBe(fixture.tables.reports.length);
    const first = fixture.tables.reports[0]!;
    const word = first.title
      .toLowerCase()
      .split(/\W+/)
      .find((w) => w.length > 6)!;
    expect((await queryReports(db, { text: `${word} ` })).items.map((i) => i.id)).toContain(first.id);
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
  });
});
