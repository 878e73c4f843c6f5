import type { EntityTable, Table } from 'dexie';
import type { ReportRecord, TermShard } from './db';

/**
 * The search terms of every report (schema 3), packed into `TERM_SHARDS` records by a hash of the report id, so a
 * search by words reads one getAll of small strings instead of every report, and an import writes a few hundred
 * records instead of one index entry per word (the *words index of schema 2 was most of an import's cost). A save
 * rewrites the one shard of its report, and only when its words changed. Reports in the trash keep their terms (a
 * search that includes the trash finds them); a report deleted for good leaves its shard.
 */

/** How many shards: at 100,000 reports about 50 reports (tens of KB) a shard, which is what a save rewrites. */
export const TERM_SHARDS = 2048;

type ShardTable = EntityTable<TermShard, 'shard'>;

/** FNV-1a of a string (32 bits, unsigned). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The shard of a report: FNV-1a of its id. */
export function shardOf(id: string): number {
  return fnv1a(id) % TERM_SHARDS;
}

/** A report's search terms as a shard holds them: one string, each word between spaces. */
export function termsOf(words: readonly string[]): string {
  return ` ${words.join(' ')} `;
}

/** Whether terms (from `termsOf`) hold every `exact` word and, when given, a word starting with `prefix`. */
export function termsMatch(terms: string, exact: readonly string[], prefix: string | null): boolean {
  return exact.every((w) => terms.includes(` ${w} `)) && (!prefix || terms.includes(` ${prefix}`));
}

/** The ids of the reports (trashed ones included) whose terms pass `test`: one read of every shard. */
export async function findByTerms(table: ShardTable, test: (terms: string) => boolean): Promise<string[]> {
  const ids: string[] = [];
  for (const shard of await table.toArray()) shard.terms.forEach((t, i) => test(t) && ids.push(shard.ids[i]!));
  return ids;
}

/**
 * Sets the terms of `put` reports and removes `remove` ids, rewriting only the shards they fall in. Call it inside a
 * rw transaction that holds the shards.
 */
export async function updateTerms(table: ShardTable, put: readonly { id: string; terms: string }[], remove: readonly string[] = []): Promise<void> {
  const touched = new Set([...put.map((r) => shardOf(r.id)), ...remove.map(shardOf)]);
  if (!touched.size) return;
  const numbers = [...touched];
  const read = touched.size > TERM_SHARDS / 4 ? await table.toArray() : (await table.bulkGet(numbers)).filter((s): s is TermShard => !!s);
  const shards = new Map<number, Map<string, string>>();
  for (const s of read) if (touched.has(s.shard)) shards.set(s.shard, new Map(s.ids.map((id, i) => [id, s.terms[i]!])));
  const at = (n: number) => {
    let m = shards.get(n);
    if (!m) shards.set(n, (m = new Map()));
    return m;
  };
  for (const id of remove) at(shardOf(id)).delete(id);
  for (const r of put) at(shardOf(r.id)).set(r.id, r.terms);
  const out: TermShard[] = [];
  const empty: number[] = [];
  for (const [shard, m] of shards) {
    if (m.size) out.push({ shard, ids: [...m.keys()], terms: [...m.values()] });
    else empty.push(shard);
  }
  if (empty.length) await table.bulkDelete(empty);
  if (out.length) await table.bulkPut(out);
}

/** Fills the shards from the reports table (the schema 3 upgrade), reading reports a page at a time. */
export async function rebuildTerms(reports: Table<ReportRecord, string>, table: ShardTable): Promise<void> {
  await table.clear();
  const all: { id: string; terms: string }[] = [];
  for await (const page of pagesById(reports, 2000)) for (const r of page) all.push({ id: r.id, terms: termsOf(r.words) });
  await updateTerms(table, all);
}

/** The records of a table keyed by report id (the `reports` table of schemas 1-4), `size` at a time in id order. */
export async function* pagesById(reports: Table<ReportRecord, string>, size: number): AsyncGenerator<ReportRecord[]> {
  let last: string | null = null;
  for (;;) {
    const page: ReportRecord[] = await (last === null ? reports.orderBy(':id') : reports.where(':id').above(last)).limit(size).toArray();
    if (!page.length) return;
    yield page;
    last = page[page.length - 1]!.id;
  }
}
