import type { EntityTable, Table } from 'dexie';
import type { ChargeCategory } from '../types';
import { matchWords } from '../match/rank-counterclaims';
import type { AccusationRow, PostingRecord, PostingRole, ReportRecord } from './db';
import { pagesById } from './terms';

/**
 * The match index (schema 3). Every accusation of a report outside the trash is posted twice: under its charge
 * category, the accuser's code and role `accuser`, and under its category, the accused's code and role `accused`.
 * A list (category, role, code) is stored as chunks of at most `POSTING_CHUNK` postings, each chunk one record, so
 * matching reads a handful of records by key range where the accusation rows of schema 2 cost one index walk and
 * one record per accusation, and an import writes a few hundred records instead of one per accusation.
 */

/** Postings a chunk holds at most: a save rewrites at most the chunks of its lists, an import appends to the last. */
export const POSTING_CHUNK = 1024;

/** Above this many lists to update, the whole match index is read at once (one getAll) instead of list by list. */
const READ_ALL_LISTS = 64;

type PostingTable = EntityTable<PostingRecord, 'key'>;

/** The key prefix shared by every chunk of one list. */
export function listPrefix(category: ChargeCategory, role: PostingRole, code: string): string {
  return `${category}|${role}|${code}|`;
}

/** The key of chunk `chunk` of a list; chunk numbers are zero-padded so keys sort in chunk order. */
export function postingKey(category: ChargeCategory, role: PostingRole, code: string, chunk: number): string {
  return `${listPrefix(category, role, code)}${String(chunk).padStart(6, '0')}`;
}

/** The accusations of a report as the match index holds them (none when the report is in the trash). */
export function accusationRows(report: Pick<ReportRecord, 'id' | 'accusations' | 'publishedAt' | 'trashedAt'>): AccusationRow[] {
  if (report.trashedAt) return [];
  return report.accusations.map((a, index) => ({
    reportId: report.id,
    index,
    accuser: a.accuser.code,
    accused: a.accused.code,
    category: a.charge.category,
    publishedAt: report.publishedAt,
    words: matchWords(a.charge.text, a.quote),
  }));
}

/** Posting `i` of a chunk, as a row. */
export function rowAt(chunk: PostingRecord, i: number): AccusationRow {
  const isAccuser = chunk.role === 'accuser';
  return {
    reportId: chunk.reportIds[i]!,
    index: chunk.indexes[i]!,
    accuser: isAccuser ? chunk.code : chunk.others[i]!,
    accused: isAccuser ? chunk.others[i]! : chunk.code,
    category: chunk.category,
    publishedAt: chunk.dates[i] ?? null,
    words: chunk.words ? (chunk.words[i] ?? '') : null,
  };
}

/** The postings of one chunk, as rows. */
export function decodeChunk(chunk: PostingRecord): AccusationRow[] {
  return chunk.reportIds.map((_, i) => rowAt(chunk, i));
}

/** Every chunk of one list: one key-range read. */
export function readList(table: PostingTable, category: ChargeCategory, role: PostingRole, code: string): Promise<PostingRecord[]> {
  const prefix = listPrefix(category, role, code);
  return table.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray();
}

/**
 * The accusations in which one of `keys` (code, category) plays `role`: one key-range read per distinct list, all
 * in parallel. (Reading each code's lists of every charge in one range instead costs more than it saves: three times
 * the postings to copy out of IndexedDB, measured at 100,000 reports.)
 */
export async function readRows(table: PostingTable, role: PostingRole, keys: [code: string, category: ChargeCategory][]): Promise<AccusationRow[]> {
  return (await readChunks(table, role, keys)).flatMap(decodeChunk);
}

/** The chunks of the lists in which one of `keys` (code, category) plays `role`, each list once (see readRows). */
export async function readChunks(table: PostingTable, role: PostingRole, keys: [code: string, category: ChargeCategory][]): Promise<PostingRecord[]> {
  const unique = new Map(keys.map(([code, category]) => [listPrefix(category, role, code), [code, category] as const]));
  const lists = await Promise.all([...unique.values()].map(([code, category]) => readList(table, category, role, code)));
  return lists.flat();
}

/** The ids of the reports with an accusation of `category` (outside the trash): the accuser lists of that charge. */
export async function reportIdsWithCategory(table: PostingTable, category: ChargeCategory): Promise<Set<string>> {
  const prefix = `${category}|accuser|`;
  const chunks = await table.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray();
  const ids = new Set<string>();
  for (const c of chunks) for (const id of c.reportIds) ids.add(id);
  return ids;
}

/** Every posting of the index, once per accusation (from the accuser lists). For tests and checks. */
export async function allRows(table: PostingTable): Promise<AccusationRow[]> {
  return (await table.toArray()).filter((c) => c.role === 'accuser').flatMap(decodeChunk);
}

interface ListChange {
  category: ChargeCategory;
  role: PostingRole;
  code: string;
  /** Reports whose postings leave this list. */
  remove: Set<string>;
  add: AccusationRow[];
}

function listChanges(remove: readonly AccusationRow[], add: readonly AccusationRow[]): Map<string, ListChange> {
  const lists = new Map<string, ListChange>();
  const at = (category: ChargeCategory, role: PostingRole, code: string) => {
    const prefix = listPrefix(category, role, code);
    let list = lists.get(prefix);
    if (!list) lists.set(prefix, (list = { category, role, code, remove: new Set(), add: [] }));
    return list;
  };
  for (const r of remove) {
    at(r.category, 'accuser', r.accuser).remove.add(r.reportId);
    at(r.category, 'accused', r.accused).remove.add(r.reportId);
  }
  for (const r of add) {
    at(r.category, 'accuser', r.accuser).add.push(r);
    at(r.category, 'accused', r.accused).add.push(r);
  }
  return lists;
}

/**
 * Takes the postings of the reports of `remove` out of the lists those rows name, then posts `add`: appended to the
 * last chunk of each list, new chunks when full. Only the chunks that change are written; emptied ones are deleted.
 * Call it inside a rw transaction that holds the postings table (and the reports it is about).
 */
export async function updatePostings(table: PostingTable, remove: readonly AccusationRow[], add: readonly AccusationRow[]): Promise<void> {
  const lists = listChanges(remove, add);
  if (!lists.size) return;
  const existing = new Map<string, PostingRecord[]>();
  if (lists.size > READ_ALL_LISTS) {
    for (const c of await table.toArray()) {
      const prefix = listPrefix(c.category, c.role, c.code);
      if (!lists.has(prefix)) continue;
      const got = existing.get(prefix);
      if (got) got.push(c);
      else existing.set(prefix, [c]);
    }
  } else {
    const read = await Promise.all([...lists.values()].map((l) => readList(table, l.category, l.role, l.code)));
    [...lists.keys()].forEach((prefix, i) => existing.set(prefix, read[i]!));
  }

  const put: PostingRecord[] = [];
  const drop: string[] = [];
  for (const [prefix, change] of lists) {
    const chunks = (existing.get(prefix) ?? []).sort((a, b) => a.chunk - b.chunk);
    const changed = new Set<PostingRecord>();
    if (change.remove.size)
      for (const c of chunks) {
        if (!c.reportIds.some((id) => change.remove.has(id))) continue;
        const keep = c.reportIds.map((id, i) => (change.remove.has(id) ? -1 : i)).filter((i) => i >= 0);
        c.reportIds = keep.map((i) => c.reportIds[i]!);
        c.indexes = keep.map((i) => c.indexes[i]!);
        c.others = keep.map((i) => c.others[i]!);
        c.dates = keep.map((i) => c.dates[i] ?? null);
        const words = c.words;
        if (words) c.words = keep.map((i) => words[i] ?? '');
        changed.add(c);
      }
    let last = chunks[chunks.length - 1];
    const isAccuser = change.role === 'accuser';
    for (const r of change.add) {
      if (!last || last.reportIds.length >= POSTING_CHUNK) {
        const chunk = last ? last.chunk + 1 : 0;
        last = {
          key: postingKey(change.category, change.role, change.code, chunk),
          category: change.category,
          role: change.role,
          code: change.code,
          chunk,
          reportIds: [],
          indexes: [],
          others: [],
          dates: [],
          words: [],
        };
        chunks.push(last);
      }
      last.reportIds.push(r.reportId);
      last.indexes.push(r.index);
      last.others.push(isAccuser ? r.accused : r.accuser);
      last.dates.push(r.publishedAt);
      // A schema 3 chunk has no words: its postings stay unknown (scored by bounds), new ones are known.
      if (last.words) last.words.push(r.words ?? '');
      changed.add(last);
    }
    for (const c of changed) {
      if (c.reportIds.length) put.push(c);
      else drop.push(c.key);
    }
  }
  if (drop.length) await table.bulkDelete(drop);
  if (put.length) await table.bulkPut(put);
}

/** Whether two reports' rows post the same entries (then a write need not touch the index: tags, notes). */
export function sameRows(a: readonly AccusationRow[], b: readonly AccusationRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.reportId === y.reportId &&
        x.index === y.index &&
        x.accuser === y.accuser &&
        x.accused === y.accused &&
        x.category === y.category &&
        x.publishedAt === y.publishedAt &&
        x.words === y.words
      );
    })
  );
}

/** Rebuilds the whole match index from the reports table (the schema 3 upgrade), reading reports a page at a time. */
export async function rebuildPostings(reports: Table<ReportRecord, string>, postings: PostingTable | Table<PostingRecord, string>): Promise<void> {
  await postings.clear();
  const rows: AccusationRow[] = [];
  for await (const page of pagesById(reports, 2000)) for (const r of page) rows.push(...accusationRows(r));
  await updatePostings(postings, [], rows);
}
