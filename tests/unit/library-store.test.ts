import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { liveQuery } from 'dexie';
import { LibraryDB, type ReportRecord } from '../../lib/library/db';
import { prepareReport } from '../../lib/library/derive';
import {
  allReports,
  cardOf,
  catalogShardOf,
  getCards,
  getReport,
  getReports,
  hasReports,
  lookupIds,
  packOf,
  PACK_BUCKETS,
  putReports,
  readCatalog,
  readCounts,
} from '../../lib/library/store';
import { makeReport } from '../fixtures/library/build';

let n = 0;
const freshDb = async () => {
  const db = new LibraryDB(`store-${n++}`);
  await db.open();
  return db;
};

/** A small report: `url` and `text` picked from few values so that lookups collide and change. */
function record(id: string, url: number | null, text: number, trashed: boolean, tag: string): ReportRecord {
  // The text (and so the hash) depends on `text` only, not on the id.
  const data = {
    ...makeReport('shared', [['CZE', 'CHN', 'cyberattack']], { extra: `Story number ${text}.`, tags: tag ? [tag] : [] }),
    id,
    url: url === null ? null : `https://news.example/${url}`,
    canonicalUrl: url === null ? null : `https://news.example/${url}`,
  };
  return prepareReport({ ...data, ...(trashed ? { trashedAt: '2026-01-01T00:00:00.000Z' } : {}) }).record;
}

type Op = { kind: 'put'; id: number; url: number | null; text: number; trashed: boolean; tag: string } | { kind: 'remove'; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('put' as const),
    id: fc.integer({ min: 0, max: 40 }),
    url: fc.option(fc.integer({ min: 0, max: 6 })),
    text: fc.integer({ min: 0, max: 6 }),
    trashed: fc.boolean(),
    tag: fc.constantFrom('', 'apt31', 'Volt Typhoon'),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 40 }) }),
);

/** Checks every reader of the store against the model (id -> record). */
async function expectAgrees(db: LibraryDB, model: Map<string, ReportRecord>): Promise<void> {
  const ids = [...model.keys()].sort();
  expect((await allReports(db)).map((r) => r.id).sort()).toEqual(ids);
  const asked = [...ids, 'r-missing'];
  const got = await getReports(db, asked);
  asked.forEach((id, i) => expect(got[i], id).toEqual(model.get(id)));
  expect([...(await hasReports(db, asked))].sort()).toEqual(ids);
  const cards = await getCards(db, asked);
  asked.forEach((id, i) => expect(cards[i], id).toEqual(model.has(id) ? cardOf(model.get(id)!) : undefined));
  const catalog = await readCatalog(db);
  expect(catalog.map((r) => r.id).sort()).toEqual(ids);
  for (const row of catalog) {
    const r = model.get(row.id)!;
    expect(row).toEqual({
      id: r.id,
      canonicalUrl: r.canonicalUrl,
      contentHash: r.contentHash,
      savedAt: r.savedAt,
      publishedAt: r.publishedAt,
      source: r.source,
      tags: r.tags,
      trashedAt: r.trashedAt ?? null,
      countries: r.countries,
      categories: r.categories,
      sortTitle: r.sortTitle,
    });
  }
  const trashed = [...model.values()].filter((r) => r.trashedAt).length;
  expect(await readCounts(db)).toEqual({ reports: model.size, trashed });
  for (const kind of ['url', 'hash'] as const) {
    const values = [...new Set([...model.values()].map((r) => (kind === 'url' ? r.canonicalUrl : r.contentHash)).filter((v): v is string => !!v))];
    const found = await lookupIds(db, kind, [...values, 'nothing-like-it']);
    expect([...found.keys()].sort()).toEqual([...values].sort());
    for (const v of values)
      expect(found.get(v), v).toEqual(
        [...model.values()]
          .filter((r) => (kind === 'url' ? r.canonicalUrl : r.contentHash) === v)
          .map((r) => r.id)
          .sort(),
      );
  }
}

describe('the packed report store', () => {
  it('agrees with a plain map after any sequence of writes, replacements and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const db = await freshDb();
        const model = new Map<string, ReportRecord>();
        try {
          for (const batch of batches) {
            const put = new Map<string, ReportRecord>();
            const remove: string[] = [];
            for (const o of batch) {
              const id = `r-${o.id}`;
              if (o.kind === 'put') {
                put.set(id, record(id, o.url, o.text, o.trashed, o.tag));
                remove.splice(0, remove.length, ...remove.filter((x) => x !== id));
              } else {
                remove.push(id);
                put.delete(id);
              }
            }
            await db.transaction('rw', db.reportTables, () => putReports(db, [...put.values()], remove));
            for (const id of remove) model.delete(id);
            for (const [id, r] of put) model.set(id, r);
            await expectAgrees(db, model);
          }
        } finally {
          db.close();
          await LibraryDB.delete(db.name);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('agrees after large batches that remove and replace many reports of the same shards at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const db = await freshDb();
        const model = new Map<string, ReportRecord>();
        let s = seed;
        const rand = (k: number) => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return s % k;
        };
        try {
          for (let round = 0; round < 3; round++) {
            const put: ReportRecord[] = [];
            const remove: string[] = [];
            const seen = new Set<string>();
            for (let i = 0; i < 300; i++) {
              const id = `r-${rand(400)}`;
              if (seen.has(id)) continue;
              seen.add(id);
              if (rand(3) === 0) remove.push(id);
              else put.push(record(id, rand(2) ? rand(50) : null, rand(50), rand(4) === 0, ['', 'apt31'][rand(2)]!));
            }
            await db.transaction('rw', db.reportTables, () => putReports(db, put, remove));
            for (const id of remove) model.delete(id);
            for (const r of put) model.set(r.id, r);
            await expectAgrees(db, model);
          }
        } finally {
          db.close();
          await LibraryDB.delete(db.name);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('keeps a pack and a catalog shard per hash of the id, and drops a pack when its last report goes', async () => {
    const db = await freshDb();
    const a = record('a', 1, 1, false, '');
    await db.transaction('rw', db.reportTables, () => putReports(db, [a]));
    const pack = await db.packs.get(packOf('a'));
    expect(pack?.ids).toEqual(['a']);
    expect(JSON.parse(pack!.json[0]!)).toEqual(a);
    expect((await db.catalog.get(catalogShardOf('a')))?.ids).toEqual(['a']);
    await db.transaction('rw', db.reportTables, () => putReports(db, [], ['a']));
    expect(await db.packs.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
    expect(await db.catalog.count()).toBe(0);
    expect(await db.lookup.count()).toBe(0);
    expect(await readCounts(db)).toEqual({ reports: 0, trashed: 0 });
  });

  it('spreads ids evenly over the packs', () => {
    const counts = new Array<number>(PACK_BUCKETS).fill(0);
    for (let i = 0; i < 100_000; i++) counts[packOf(`bench-1-${i}`)]!++;
    // About 24 a pack: none empty, none more than twice the mean (a poor hash of sequential ids fails this).
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * 100_000) / PACK_BUCKETS);
  });

  it('reports progress a batch of packs at a time and stops where the checkpoint throws, writing nothing', async () => {
    const db = await freshDb();
    const records = Array.from({ length: 600 }, (_, i) => record(`p-${i}`, null, i, false, ''));
    const progress: number[] = [];
    await db.transaction('rw', db.reportTables, () => putReports(db, records, [], { onProgress: (d) => progress.push(d) }));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(600);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    let calls = 0;
    const more = Array.from({ length: 600 }, (_, i) => record(`q-${i}`, null, i, false, ''));
    await expect(
      db.transaction('rw', db.reportTables, () =>
        putReports(db, more, [], {
          checkpoint: () => {
            if (++calls === 2) throw new Error('stop');
          },
        }),
      ),
    ).rejects.toThrow('stop');
    expect(await readCounts(db)).toEqual({ reports: 600, trashed: 0 });
    expect(await getReport(db, 'q-0')).toBeUndefined();
  });

  it('serves a cached catalog only while nothing was written', async () => {
    const db = await freshDb();
    await db.transaction('rw', db.reportTables, () => putReports(db, [record('a', 1, 1, false, '')]));
    const first = await readCatalog(db);
    expect(await readCatalog(db)).toBe(first);
    await db.transaction('rw', db.reportTables, () => putReports(db, [record('a', 1, 1, true, 'x')]));
    const second = await readCatalog(db);
    expect(second).not.toBe(first);
    expect(second[0]?.trashedAt).not.toBeNull();
    expect(second[0]?.tags).toEqual(['x']);
  });

  it('keeps a live query over the catalog in step with writes from another connection (the background, the import worker)', async () => {
    const page = await freshDb();
    const other = new LibraryDB(page.name);
    const seen: number[] = [];
    const sub = liveQuery(async () => (await readCatalog(page)).length).subscribe((v) => seen.push(v));
    try {
      await expect.poll(() => seen.at(-1)).toBe(0);
      for (let k = 1; k <= 3; k++) {
        await other.transaction('rw', other.reportTables, () => putReports(other, [record(`w${k}`, k, k, false, '')]));
        await expect.poll(() => seen.at(-1)).toBe(k);
      }
      // What the page then reads (and caches) is what was written.
      expect((await readCatalog(page)).map((r) => r.id).sort()).toEqual(['w1', 'w2', 'w3']);
    } finally {
      sub.unsubscribe();
      other.close();
    }
  });
});
