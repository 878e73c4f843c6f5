import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ChargeCategory } from '../types';
import type { CardPack, CatalogShard, LibraryDB, LookupBucket, MetaRecord, PackRecord, ReportCard, ReportRecord, ReportSource } from './db';
import { fnv1a, pagesById } from './terms';

/**
 * Where reports live (schema 5). IndexedDB charges per record written far more than per byte: on the bench
 * machine, 100,000 one-report records take 11-14 s to write with no index at all, and 25-30 s with the nine report
 * indexes schema 4 kept, while the same reports 100 to a record take 2 s. So reports are stored in packs:
 *
 * - `packs`: `PACK_BUCKETS` records, each holding every report whose id hashes to it (about 25 at 100,000
 *   reports) as JSON strings. Reading one report reads its pack (copying strings, not building objects) and parses
 *   that one report. A save rewrites its pack.
 * - `cards`: beside each pack, in `CARD_SPLIT` card packs (`cardPackOf`), the match card of each of its reports
 *   (`cardOf`: title, links and accusations without the text), so that matching, which shows about 50 reports,
 *   reads a few KB a report instead of whole packs. A card is a copy of part of its report, written with it.
 * - `catalog`: `CATALOG_SHARDS` columnar records holding what lists, filters, sorts and counts need of every report
 *   (ids, dates, source, tags, trash, countries, charges, sort title, canonical URL, content hash). Lists read it
 *   whole (a few MB at 100,000 reports), and it is cached per database until the next write (`meta.stamp`).
 * - `lookup`: `LOOKUP_BUCKETS` records mapping canonical URLs (`u:`) and content hashes (`h:`) to report ids, so
 *   "is this page saved?" reads one bucket.
 * - `meta`: the counts of reports and trashed reports, and a stamp that changes on every write.
 *
 * `putReports` is the only writer, and keeps the five in step; call it inside a rw transaction over
 * `db.reportTables`. Readers: `getReport(s)`, `getCards`, `hasReports`, `readCatalog`, `lookupIds`, `readCounts`, `eachReport`.
 */

/** Packs: at 100,000 reports about 25 reports each, which is what a save rewrites and a read copies. */
export const PACK_BUCKETS = 4096;
/** Catalog shards; a report's shard is its pack number modulo this, so a pack's reports share a shard. */
export const CATALOG_SHARDS = 512;
/** Lookup buckets, by a hash of the key. */
export const LOOKUP_BUCKETS = 1024;
const COUNTS = 'counts';

/** FNV-1a of a string, with a final mix so the low bits spread well. */
export function hashString(s: string): number {
  let h = fnv1a(s);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** The pack of a report id. */
export const packOf = (id: string): number => hashString(id) % PACK_BUCKETS;
/**
 * Each pack's match cards are split this many ways (schema 6): the matcher reads one card pack per answer, and a read
 * costs by its size as well as per record (here 50 reads of 16 KB card packs took 4.8 ms median, of 7.5 KB 3.2 ms).
 */
export const CARD_SPLIT = 2;
/** The card pack of a report id: one of its pack's `CARD_SPLIT` card packs (card pack % PACK_BUCKETS is the pack). */
export const cardPackOf = (id: string): number => hashString(id) % (PACK_BUCKETS * CARD_SPLIT);
const cardKeysOf = (b: number): number[] => Array.from({ length: CARD_SPLIT }, (_, k) => b + k * PACK_BUCKETS);
const shardOfPack = (b: number): number => b % CATALOG_SHARDS;
/** The catalog shard of a report id. */
export const catalogShardOf = (id: string): number => shardOfPack(packOf(id));
const lookupOf = (key: string): number => hashString(key) % LOOKUP_BUCKETS;

/** One report as the catalog holds it. */
export interface CatalogRow {
  id: string;
  canonicalUrl: string | null;
  contentHash: string;
  savedAt: string;
  publishedAt: string | null;
  source: ReportSource;
  tags: string[];
  trashedAt: string | null;
  countries: string[];
  categories: ChargeCategory[];
  sortTitle: string;
}

/** The tables `putReports` writes (a Dexie transaction or `LibraryDB`'s own). */
export interface ReportTables {
  packs: Table<PackRecord, number> | EntityTable<PackRecord, 'b'>;
  cards: Table<CardPack, number> | EntityTable<CardPack, 'b'>;
  catalog: Table<CatalogShard, number> | EntityTable<CatalogShard, 'shard'>;
  lookup: Table<LookupBucket, number> | EntityTable<LookupBucket, 'b'>;
  meta: Table<MetaRecord, string> | EntityTable<MetaRecord, 'key'>;
}

const tablesOf = (db: LibraryDB | ReportTables): ReportTables => ({
  packs: db.packs,
  cards: db.cards,
  catalog: db.catalog,
  lookup: db.lookup,
  meta: db.meta,
});

const split = (s: string, sep: string): string[] => (s ? s.split(sep) : []);

function rowAt(s: CatalogShard, i: number): CatalogRow {
  return {
    id: s.ids[i]!,
    canonicalUrl: s.canonicalUrls[i] ?? null,
    contentHash: s.contentHashes[i]!,
    savedAt: s.savedAt[i]!,
    publishedAt: s.publishedAt[i] ?? null,
    source: s.sources[i]!,
    tags: split(s.tags[i]!, '\n'),
    trashedAt: s.trashedAt[i] ?? null,
    countries: split(s.countries[i]!, ' '),
    categories: split(s.categories[i]!, ' ') as ChargeCategory[],
    sortTitle: s.sortTitles[i]!,
  };
}

function emptyShard(shard: number): CatalogShard {
  return {
    shard,
    ids: [],
    canonicalUrls: [],
    contentHashes: [],
    savedAt: [],
    publishedAt: [],
    sources: [],
    tags: [],
    trashedAt: [],
    countries: [],
    categories: [],
    sortTitles: [],
  };
}

const COLUMNS = [
  'ids',
  'canonicalUrls',
  'contentHashes',
  'savedAt',
  'publishedAt',
  'sources',
  'tags',
  'trashedAt',
  'countries',
  'categories',
  'sortTitles',
] as const;

/**
 * A report's catalog row as the shard columns hold it (lists joined): all that a write keeps of a report once its
 * pack is written, so an import does not hold 100,000 whole records (and their word lists) until the end.
 */
interface CatalogEntry {
  id: string;
  canonicalUrl: string | null;
  contentHash: string;
  savedAt: string;
  publishedAt: string | null;
  source: ReportSource;
  tags: string;
  trashedAt: string | null;
  countries: string;
  categories: string;
  sortTitle: string;
}

function entryOf(r: ReportRecord): CatalogEntry {
  return {
    id: r.id,
    canonicalUrl: r.canonicalUrl,
    contentHash: r.contentHash,
    savedAt: r.savedAt,
    publishedAt: r.publishedAt,
    source: r.source,
    tags: r.tags.join('\n'),
    trashedAt: r.trashedAt ?? null,
    countries: r.countries.join(' '),
    categories: r.categories.join(' '),
    sortTitle: r.sortTitle,
  };
}

/** Writes entry `r` into position `i` of a shard's columns. */
function setRow(s: CatalogShard, i: number, r: CatalogEntry): void {
  s.ids[i] = r.id;
  s.canonicalUrls[i] = r.canonicalUrl;
  s.contentHashes[i] = r.contentHash;
  s.savedAt[i] = r.savedAt;
  s.publishedAt[i] = r.publishedAt;
  s.sources[i] = r.source;
  s.tags[i] = r.tags;
  s.trashedAt[i] = r.trashedAt;
  s.countries[i] = r.countries;
  s.categories[i] = r.categories;
  s.sortTitles[i] = r.sortTitle;
}

/** Removes position `i` from a shard (the last row moves into it). */
function removeRow(s: CatalogShard, i: number): void {
  const last = s.ids.length - 1;
  for (const c of COLUMNS) {
    const col = s[c] as unknown[];
    col[i] = col[last];
    col.length = last;
  }
}

/** The dedupe keys of a report: its canonical URL and its content hash (an empty text has no hash key, as in dedupe). */
function keysOf(r: Pick<CatalogEntry, 'canonicalUrl' | 'contentHash'>): string[] {
  const keys: string[] = [];
  if (r.canonicalUrl) keys.push(`u:${r.canonicalUrl}`);
  if (r.contentHash) keys.push(`h:${r.contentHash}`);
  return keys;
}

export interface PutOptions {
  /** Called after each batch of packs is written, with how many of the reports are done. */
  onProgress?: (done: number) => void;
  /** Checked between batches; throwing aborts the caller's transaction. */
  checkpoint?: () => void;
}

/** Packs written per batch (progress and abort are checked between batches). */
const PACK_BATCH = 256;

/**
 * Reports to write, made on demand: `make(i)` builds the report of `ids[i]`. `putReports` makes them a batch of
 * packs at a time, while IndexedDB is still writing the previous batch, so an import's derivation and its writes
 * overlap, and keeps only their catalog rows once they are written.
 */
export interface LazyReports {
  ids: readonly string[];
  make(i: number): ReportRecord;
}

/**
 * Writes `put` reports (new or replacing the stored report of the same id; the last of equal ids wins) and deletes
 * `remove` ids, keeping the packs, the catalog, the lookup and the counts in step. Reads only the packs, shards and
 * buckets it touches (all of them when it touches more than a quarter). Call it inside a rw transaction over
 * `db.reportTables`.
 */
export async function putReports(
  db: LibraryDB | ReportTables,
  put: readonly ReportRecord[] | LazyReports,
  remove: readonly string[] = [],
  options: PutOptions = {},
): Promise<void> {
  const t = tablesOf(db);
  const lazy = isLazy(put) ? put : null;
  const ids = lazy ? lazy.ids : (put as readonly ReportRecord[]).map((r) => r.id);
  const recordAt = (i: number): ReportRecord => (lazy ? lazy.make(i) : (put as readonly ReportRecord[])[i]!);
  const entries: CatalogEntry[] = new Array<CatalogEntry>(ids.length);
  if (!ids.length && !remove.length) return;
  // The last of equal ids wins.
  const lastOf = new Map<string, number>();
  ids.forEach((id, i) => lastOf.set(id, i));
  const removing = remove.filter((id) => !lastOf.has(id));

  // The packs first, a batch at a time: the next batch's reports are made and serialised while IndexedDB writes.
  const byPack = new Map<number, { put: number[]; remove: string[] }>();
  const entry = (b: number) => {
    let e = byPack.get(b);
    if (!e) byPack.set(b, (e = { put: [], remove: [] }));
    return e;
  };
  for (const [id, i] of lastOf) entry(packOf(id)).put.push(i);
  for (const id of removing) entry(packOf(id)).remove.push(id);
  const packNumbers = [...byPack.keys()];
  let done = 0;
  let writing: Promise<unknown> | null = null;
  for (let i = 0; i < packNumbers.length; i += PACK_BATCH) {
    options.checkpoint?.();
    const batch = packNumbers.slice(i, i + PACK_BATCH);
    const reading = t.packs.bulkGet(batch);
    const json = new Map<number, { report: string[]; card: string[] }>();
    for (const b of batch) {
      const report: string[] = [];
      const card: string[] = [];
      for (const k of byPack.get(b)!.put) {
        const r = recordAt(k);
        entries[k] = entryOf(r);
        report.push(JSON.stringify(r));
        card.push(JSON.stringify(cardOf(r)));
      }
      json.set(b, { report, card });
    }
    const oldPacks = await reading;
    // Card packs exist only beside a pack: a new pack (all of them in an import into an empty library) reads none.
    const cardKeys = batch.flatMap((b, j) => (oldPacks[j] ? cardKeysOf(b) : []));
    const oldCards = new Map<number, CardPack>();
    for (const c of cardKeys.length ? await t.cards.bulkGet(cardKeys) : []) if (c) oldCards.set(c.b, c);
    const write: { packs: PackRecord[]; cards: CardPack[] } = { packs: [], cards: [] };
    const drop: number[] = [];
    const dropCards: number[] = [];
    batch.forEach((b, j) => {
      const e = byPack.get(b)!;
      const texts = json.get(b)!;
      const pack = updatePack(
        oldPacks[j],
        b,
        e.put.map((k) => ids[k]!),
        texts.report,
        e.remove,
      );
      // The pack's cards, in their card packs.
      const cardIds = new Map<number, { ids: string[]; json: string[]; remove: string[] }>();
      const cardEntry = (c: number) => {
        let x = cardIds.get(c);
        if (!x) cardIds.set(c, (x = { ids: [], json: [], remove: [] }));
        return x;
      };
      e.put.forEach((k, n) => {
        const x = cardEntry(cardPackOf(ids[k]!));
        x.ids.push(ids[k]!);
        x.json.push(texts.card[n]!);
      });
      for (const id of e.remove) cardEntry(cardPackOf(id)).remove.push(id);
      cardKeysOf(b).forEach((c) => {
        const old = oldCards.get(c);
        const x = cardIds.get(c);
        if (!x) return;
        const cards = updatePack(old, c, x.ids, x.json, x.remove);
        if (cards.ids.length) write.cards.push(cards);
        else if (old) dropCards.push(c);
      });
      if (pack.ids.length) write.packs.push(pack);
      else if (oldPacks[j]) drop.push(b);
      done += e.put.length;
    });
    if (writing) await writing;
    writing = Promise.all([
      drop.length ? t.packs.bulkDelete(drop) : null,
      dropCards.length ? t.cards.bulkDelete(dropCards) : null,
      write.packs.length ? t.packs.bulkPut(write.packs) : null,
      write.cards.length ? t.cards.bulkPut(write.cards) : null,
    ]);
    // Awaited with the next batch; a failure aborts the transaction, which every later request reports too.
    writing.catch(() => {});
    options.onProgress?.(done);
  }
  if (writing) await writing;
  options.checkpoint?.();

  // The catalog: it says which reports existed and what their old lookup keys and trash state were.
  const records = [...lastOf.values()].map((i) => entries[i]!);
  const shardNumbers = [...new Set([...records.map((r) => catalogShardOf(r.id)), ...removing.map(catalogShardOf)])];
  const shards = new Map<number, CatalogShard>();
  const readShards = shardNumbers.length > CATALOG_SHARDS / 4 ? await t.catalog.toArray() : await t.catalog.bulkGet(shardNumbers);
  for (const s of readShards) if (s) shards.set(s.shard, s);
  const positions = new Map<number, Map<string, number>>();
  const positionsOf = (n: number) => {
    let m = positions.get(n);
    if (!m) {
      const s = shards.get(n) ?? emptyShard(n);
      shards.set(n, s);
      m = new Map(s.ids.map((id, i) => [id, i]));
      positions.set(n, m);
    }
    return m;
  };
  const touchedShards = new Set<number>();
  const keyRemovals: [string, string][] = [];
  const keyAdditions: [string, string][] = [];
  let reportsDelta = 0;
  let trashedDelta = 0;
  for (const r of records) {
    const n = catalogShardOf(r.id);
    const m = positionsOf(n);
    const s = shards.get(n)!;
    const at = m.get(r.id);
    const newKeys = keysOf(r);
    if (at === undefined) {
      m.set(r.id, s.ids.length);
      setRow(s, s.ids.length, r);
      reportsDelta++;
      if (r.trashedAt) trashedDelta++;
      for (const k of newKeys) keyAdditions.push([k, r.id]);
    } else {
      const oldKeys = keysOf({ canonicalUrl: s.canonicalUrls[at] ?? null, contentHash: s.contentHashes[at]! });
      if (s.trashedAt[at]) trashedDelta--;
      if (r.trashedAt) trashedDelta++;
      setRow(s, at, r);
      for (const k of oldKeys) if (!newKeys.includes(k)) keyRemovals.push([k, r.id]);
      for (const k of newKeys) if (!oldKeys.includes(k)) keyAdditions.push([k, r.id]);
    }
    touchedShards.add(n);
  }
  for (const id of removing) {
    const n = catalogShardOf(id);
    const m = positionsOf(n);
    const s = shards.get(n)!;
    const at = m.get(id);
    if (at === undefined) continue;
    for (const k of keysOf({ canonicalUrl: s.canonicalUrls[at] ?? null, contentHash: s.contentHashes[at]! })) keyRemovals.push([k, id]);
    if (s.trashedAt[at]) trashedDelta--;
    reportsDelta--;
    const last = s.ids[s.ids.length - 1]!;
    removeRow(s, at);
    m.delete(id);
    if (last !== id) m.set(last, at);
    touchedShards.add(n);
  }
  const shardWrites: CatalogShard[] = [];
  const shardDrops: number[] = [];
  for (const n of touchedShards) {
    const s = shards.get(n)!;
    if (s.ids.length) shardWrites.push(s);
    else shardDrops.push(n);
  }
  if (shardDrops.length) await t.catalog.bulkDelete(shardDrops);
  if (shardWrites.length) await t.catalog.bulkPut(shardWrites);
  await updateLookup(t, keyRemovals, keyAdditions);
  const counts = (await t.meta.get(COUNTS)) ?? { key: COUNTS, reports: 0, trashed: 0, stamp: '' };
  await t.meta.put({ key: COUNTS, reports: counts.reports + reportsDelta, trashed: counts.trashed + trashedDelta, stamp: newStamp() });
}

/** A pack (or card pack) with `json[i]` set for `ids[i]` (added or replaced) and the `remove` ids taken out. */
function updatePack(old: { ids: string[]; json: string[] } | undefined, b: number, ids: string[], json: string[], remove: string[]) {
  const pack = old ? { b, ids: old.ids, json: old.json } : { b, ids: [] as string[], json: [] as string[] };
  const at = new Map(pack.ids.map((id, k) => [id, k]));
  ids.forEach((id, n) => {
    const where = at.get(id);
    if (where === undefined) {
      at.set(id, pack.ids.length);
      pack.ids.push(id);
      pack.json.push(json[n]!);
    } else pack.json[where] = json[n]!;
  });
  if (remove.length) {
    const gone = new Set(remove);
    const keep = pack.ids.map((id, k) => (gone.has(id) ? -1 : k)).filter((k) => k >= 0);
    pack.json = keep.map((k) => pack.json[k]!);
    pack.ids = keep.map((k) => pack.ids[k]!);
  }
  return pack;
}

/** The match card of a report: what a counterclaim shows of it. */
export function cardOf(r: ReportRecord): ReportCard {
  const card: ReportCard = {
    id: r.id,
    title: r.title,
    url: r.url,
    siteName: r.siteName,
    publishedAt: r.publishedAt,
    source: r.source,
    accusations: r.accusations.map((a) => ({
      accuser: a.accuser,
      accused: a.accused,
      charge: { category: a.charge.category, text: a.charge.text },
      quote: a.quote,
    })),
  };
  if (r.trashedAt) card.trashedAt = r.trashedAt;
  return card;
}

/**
 * Puts every match card into the card pack `cardPackOf` gives it (the schema 6 upgrade: schema 5 kept one card pack
 * beside each pack, under the pack's number). Reads and rewrites the whole table; cards are not parsed.
 */
export async function splitCardPacks(cards: Table<CardPack, number>): Promise<void> {
  const regrouped = new Map<number, CardPack>();
  for (const old of await cards.toArray())
    old.ids.forEach((id, i) => {
      const c = cardPackOf(id);
      let pack = regrouped.get(c);
      if (!pack) regrouped.set(c, (pack = { b: c, ids: [], json: [] }));
      pack.ids.push(id);
      pack.json.push(old.json[i]!);
    });
  await cards.clear();
  await cards.bulkPut([...regrouped.values()]);
}

/** The match cards of these report ids, in the same order (undefined where there is none). Reads each card pack once. */
export async function getCards(db: LibraryDB, ids: readonly string[]): Promise<(ReportCard | undefined)[]> {
  return readPacked(db.cards, ids, cardPackOf);
}

const isLazy = (put: readonly ReportRecord[] | LazyReports): put is LazyReports => !Array.isArray(put);

let stamps = 0;
const newStamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++stamps}`;

async function updateLookup(t: ReportTables, removals: [string, string][], additions: [string, string][]): Promise<void> {
  if (!removals.length && !additions.length) return;
  const numbers = [...new Set([...removals, ...additions].map(([k]) => lookupOf(k)))];
  const read = numbers.length > LOOKUP_BUCKETS / 4 ? await t.lookup.toArray() : await t.lookup.bulkGet(numbers);
  const buckets = new Map<number, LookupBucket>();
  for (const b of read) if (b) buckets.set(b.b, b);
  const bucket = (n: number) => {
    let b = buckets.get(n);
    if (!b) buckets.set(n, (b = { b: n, keys: [], ids: [] }));
    return b;
  };
  const touched = new Set<number>();
  const gone = new Map<number, Set<string>>();
  for (const [k, id] of removals) {
    const n = lookupOf(k);
    let set = gone.get(n);
    if (!set) gone.set(n, (set = new Set()));
    set.add(`${k}\u0000${id}`);
  }
  for (const [n, set] of gone) {
    const b = bucket(n);
    const keep = b.keys.map((k, i) => (set.has(`${k}\u0000${b.ids[i]}`) ? -1 : i)).filter((i) => i >= 0);
    b.ids = keep.map((i) => b.ids[i]!);
    b.keys = keep.map((i) => b.keys[i]!);
    touched.add(n);
  }
  for (const [k, id] of additions) {
    const n = lookupOf(k);
    const b = bucket(n);
    b.keys.push(k);
    b.ids.push(id);
    touched.add(n);
  }
  const write: LookupBucket[] = [];
  const drop: number[] = [];
  for (const n of touched) {
    const b = buckets.get(n)!;
    if (b.keys.length) write.push(b);
    else drop.push(n);
  }
  if (drop.length) await t.lookup.bulkDelete(drop);
  if (write.length) await t.lookup.bulkPut(write);
}

/** The reports with these ids, in the same order (undefined where there is none). Reads each pack once. */
export async function getReports(db: LibraryDB, ids: readonly string[]): Promise<(ReportRecord | undefined)[]> {
  return readPacked(db.packs, ids);
}

interface PackedTable {
  bulkGet(keys: number[]): PromiseLike<({ b: number; ids: string[]; json: string[] } | undefined)[]>;
}

async function readPacked<T>(table: PackedTable, ids: readonly string[], keyOf: (id: string) => number = packOf): Promise<(T | undefined)[]> {
  if (!ids.length) return [];
  const numbers = [...new Set(ids.filter((id) => typeof id === 'string').map(keyOf))];
  const packs = new Map<number, { ids: string[]; json: string[] }>();
  for (const p of await table.bulkGet(numbers)) if (p) packs.set(p.b, p);
  return ids.map((id) => {
    if (typeof id !== 'string') return undefined;
    const p = packs.get(keyOf(id));
    const at = p ? p.ids.indexOf(id) : -1;
    return at < 0 ? undefined : (JSON.parse(p!.json[at]!) as T);
  });
}

/** The reports among `ids` that the library holds, in the order given. */
export async function getExistingReports(db: LibraryDB, ids: readonly string[]): Promise<ReportRecord[]> {
  return (await getReports(db, ids)).filter((r): r is ReportRecord => !!r);
}

/** The report with this id, if there is one. */
export async function getReport(db: LibraryDB, id: string): Promise<ReportRecord | undefined> {
  return typeof id === 'string' ? (await getReports(db, [id]))[0] : undefined;
}

/** How many accusations each of `ids` that the library holds has (for the indexes of links into the library). */
export async function accusationCounts(db: LibraryDB, ids: readonly string[]): Promise<Map<string, number>> {
  return new Map((await getExistingReports(db, ids)).map((r) => [r.id, r.accusations.length]));
}

/** Which of `ids` the library holds (trashed ones included), without parsing any report. */
export async function hasReports(db: LibraryDB, ids: readonly string[]): Promise<Set<string>> {
  const wanted = ids.filter((id) => typeof id === 'string');
  const found = new Set<string>();
  if (!wanted.length) return found;
  const packs = new Map<number, Set<string>>();
  for (const p of await db.packs.bulkGet([...new Set(wanted.map(packOf))])) if (p) packs.set(p.b, new Set(p.ids));
  for (const id of wanted) if (packs.get(packOf(id))?.has(id)) found.add(id);
  return found;
}

/** Report ids by canonical URL (`url`) or content hash (`hash`): for each value asked, the ids that have it, sorted. */
export async function lookupIds(db: LibraryDB, kind: 'url' | 'hash', values: readonly string[]): Promise<Map<string, string[]>> {
  const prefix = kind === 'url' ? 'u:' : 'h:';
  const wanted = new Set(values.filter((v) => !!v).map((v) => prefix + v));
  const out = new Map<string, string[]>();
  if (!wanted.size) return out;
  const numbers = [...new Set([...wanted].map(lookupOf))];
  const buckets = numbers.length > LOOKUP_BUCKETS / 4 ? await db.lookup.toArray() : await db.lookup.bulkGet(numbers);
  for (const b of buckets)
    if (b)
      b.keys.forEach((k, i) => {
        if (!wanted.has(k)) return;
        const v = k.slice(2);
        const list = out.get(v);
        if (list) list.push(b.ids[i]!);
        else out.set(v, [b.ids[i]!]);
      });
  for (const list of out.values()) list.sort();
  return out;
}

/** How many reports the library holds, and how many of them are in the trash: one read. */
export async function readCounts(db: LibraryDB): Promise<{ reports: number; trashed: number }> {
  const m = await db.meta.get(COUNTS);
  return { reports: m?.reports ?? 0, trashed: m?.trashed ?? 0 };
}

const catalogCache = new WeakMap<LibraryDB, { stamp: string; rows: readonly CatalogRow[] }>();

/**
 * Every report of the library as the catalog holds it (trashed ones included), in no particular order. Cached per
 * database until the next write, so a list page that filters and sorts as the user types reads the catalog once.
 * The rows are shared: do not change them.
 */
export async function readCatalog(db: LibraryDB): Promise<readonly CatalogRow[]> {
  // The stamp and the shards from one snapshot, in an explicit transaction (or the caller's): a stamp newer than the
  // shards would keep stale rows in the cache until the next write. Two separate reads inside a live query could do
  // just that, as Dexie may answer the shards from its query cache while another context (the background, the
  // import worker) commits a write; an explicit transaction is never answered from that cache.
  const read = async () => {
    const stamp = (await db.meta.get(COUNTS))?.stamp ?? '';
    const cached = catalogCache.get(db);
    if (cached && cached.stamp === stamp && stamp) return cached.rows;
    const rows: CatalogRow[] = [];
    for (const s of await db.catalog.toArray()) for (let i = 0; i < s.ids.length; i++) rows.push(rowAt(s, i));
    if (stamp) catalogCache.set(db, { stamp, rows });
    return rows;
  };
  return Dexie.currentTransaction ? read() : db.transaction('r', [db.meta, db.catalog], read);
}

/** Calls `fn` with every report, a pack at a time (`batch` packs a read), in no particular order. */
export async function eachReport(db: LibraryDB | Pick<ReportTables, 'packs'>, fn: (r: ReportRecord) => void, batch = 256): Promise<void> {
  let last = -1;
  for (;;) {
    const packs = await db.packs.where('b').above(last).limit(batch).toArray();
    if (!packs.length) return;
    for (const p of packs) for (const json of p.json) fn(JSON.parse(json) as ReportRecord);
    last = packs[packs.length - 1]!.b;
  }
}

/** Every report, in no particular order. */
export async function allReports(db: LibraryDB): Promise<ReportRecord[]> {
  const out: ReportRecord[] = [];
  await eachReport(db, (r) => out.push(r));
  return out;
}

/** Moves the reports of a schema 4 `reports` table into packs, catalog and lookup (the schema 5 upgrade). */
export async function movePacked(reports: Table<ReportRecord, string>, tables: ReportTables): Promise<void> {
  for await (const page of pagesById(reports, 25000)) await putReports(tables, page);
}
