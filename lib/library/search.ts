import type { Actor, ChargeCategory, Relation } from '../types';
import { chargeSimilarity } from '../charges/taxonomy';
import { relationBetween } from '../match/relations';
import type { AccusationRow, LibraryDB, LinkRecord, ReportRecord, ReportSource } from './db';
import { isSearchWord, STOP_WORDS, tokenize } from './derive';
import { similarCategories } from './reports';
import { readRows, reportIdsWithCategory } from './postings';
import { findByTerms, termsMatch } from './terms';

export interface ReportQuery {
  /** Words that must all be found (see `queryReports`). */
  text?: string;
  /** An actor code (CHN, EU): as accuser or accused. */
  country?: string;
  category?: ChargeCategory;
  /** Reports with at least one counterclaim of this relation in the library. */
  relation?: Relation;
  /** A tag, case-insensitive. */
  tag?: string;
  source?: ReportSource;
  /** Published on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Published on or before this date (YYYY-MM-DD). */
  to?: string;
  sort?: 'savedAt' | 'publishedAt' | 'title';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  includeTrashed?: boolean;
}

/** A report as a list shows it: no body text, notes cut to `NOTES_PREVIEW` characters. */
export interface ReportSummary {
  id: string;
  title: string;
  url: string | null;
  siteName: string | null;
  publishedAt: string | null;
  savedAt: string;
  source: ReportSource;
  tags: string[];
  notes: string;
  accusations: { accuser: Actor; accused: Actor; category: ChargeCategory; chargeText: string }[];
  primary: number | null;
  trashedAt?: string;
}

export interface ReportQueryResult {
  /** How many reports match (within the first `RELATION_CANDIDATES` when `truncated`). */
  total: number;
  items: ReportSummary[];
  /** The relation filter looked only at the first `RELATION_CANDIDATES` reports in sort order. */
  truncated?: boolean;
}

export const NOTES_PREVIEW = 200;
export const DEFAULT_LIMIT = 50;
/** The relation filter checks at most this many reports (in sort order); the result says when there were more. */
export const RELATION_CANDIDATES = 2000;
const CHUNK = 2000;
/** Up to this many matching reports are read and sorted in memory; above it, pages come from the sort index. */
export const LOAD_LIMIT = 2000;

export function toSummary(r: ReportRecord): ReportSummary {
  const s: ReportSummary = {
    id: r.id,
    title: r.title,
    url: r.url,
    siteName: r.siteName,
    publishedAt: r.publishedAt,
    savedAt: r.savedAt,
    source: r.source,
    tags: r.tags,
    notes: r.notes.length > NOTES_PREVIEW ? r.notes.slice(0, NOTES_PREVIEW) : r.notes,
    accusations: r.accusations.map((a) => ({ accuser: a.accuser, accused: a.accused, category: a.charge.category, chargeText: a.charge.text })),
    primary: r.primary,
  };
  if (r.trashedAt) s.trashedAt = r.trashedAt;
  return s;
}

/**
 * One filter: how many reports its index holds for it, their ids, and the same test in memory. The text filter has
 * no index (count `Infinity`): it is tested on the reports the other filters leave, or found in the term shards
 * (terms.ts, one read) when the others leave too many.
 */
interface Criterion {
  count(): Promise<number>;
  keys(): Promise<string[]>;
  test(r: ReportRecord): boolean;
  /** `keys` is one read whatever the library's size (the term shards). */
  cheapKeys?: boolean;
}

/** With more reports than this left by the indexed filters, the text filter's ids are read to narrow them first. */
const CHEAP_KEYS_FROM = 50;
/** A final set of more reports than this is paged through the sort index rather than read whole and sorted. */
const PAGE_FROM_INDEX = 200;

/**
 * The search words of a query. Every word must be found; the last one is a prefix (the user may still be typing)
 * unless the text ends with a space. Stop words and one-letter words are dropped, except as that prefix.
 */
export function queryWords(text: string): { exact: string[]; prefix: string | null } {
  const tokens = tokenize(text);
  const typing = !/\s$/.test(text);
  const last = typing ? tokens.pop() : undefined;
  const exact = [...new Set(tokens.filter(isSearchWord))];
  const prefix = last && /\p{L}|\p{N}/u.test(last) && (last.length >= 2 || !STOP_WORDS.has(last)) ? last : null;
  return { exact, prefix };
}

function criteria(db: LibraryDB, q: ReportQuery): Criterion[] {
  const out: Criterion[] = [];
  const unique = (keys: string[]) => [...new Set(keys)];
  if (q.text?.trim()) {
    const { exact, prefix } = queryWords(q.text);
    // Only stop words: nothing can match.
    if (!exact.length && !prefix) out.push({ count: async () => 0, keys: async () => [], test: () => false });
    else {
      const test = (r: ReportRecord) => exact.every((w) => r.words.includes(w)) && (!prefix || r.words.some((w) => w.startsWith(prefix)));
      out.push({
        count: async () => Infinity,
        keys: () => findByTerms(db.terms, (terms) => termsMatch(terms, exact, prefix)),
        test,
        cheapKeys: true,
      });
    }
  }
  if (q.country) {
    const code = q.country.trim().toUpperCase();
    out.push({
      count: () => db.reports.where('countries').equals(code).count(),
      keys: async () => (await db.reports.where('countries').equals(code).primaryKeys()) as string[],
      test: (r) => r.countries.includes(code),
    });
  }
  if (q.category) {
    // From the match index: the accuser lists of the charge. Reports in the trash have no postings.
    const category = q.category;
    let ids: Promise<string[]> | null = null;
    const keys = () =>
      (ids ??= (async () => {
        const found = await reportIdsWithCategory(db.postings, category);
        if (q.includeTrashed)
          for (const r of await db.reports.where('trashedAt').above('').toArray()) if (r.categories.includes(category)) found.add(r.id);
        return [...found];
      })());
    out.push({ count: async () => (await keys()).length, keys, test: (r) => r.categories.includes(category) });
  }
  if (q.tag?.trim()) {
    const lower = q.tag.trim().toLowerCase();
    // The spellings of the tag in the library ("APT31", "apt31"): distinct index keys are few, and each spelling is
    // then one key-range read, where equalsIgnoreCase would walk a cursor over every report that has the tag.
    const spellings = async () => ((await db.reports.orderBy('tags').uniqueKeys()) as string[]).filter((t) => t.toLowerCase() === lower);
    out.push({
      count: async () => (await Promise.all((await spellings()).map((t) => db.reports.where('tags').equals(t).count()))).reduce((a, b) => a + b, 0),
      keys: async () =>
        unique((await Promise.all((await spellings()).map((t) => db.reports.where('tags').equals(t).primaryKeys()))).flat() as string[]),
      test: (r) => r.tags.some((t) => t.toLowerCase() === lower),
    });
  }
  if (q.source) {
    const source = q.source;
    out.push({
      count: () => db.reports.where('source').equals(source).count(),
      keys: async () => (await db.reports.where('source').equals(source).primaryKeys()) as string[],
      test: (r) => r.source === source,
    });
  }
  if (q.from || q.to) {
    // publishedAt is a date or a full timestamp: `to` takes the whole day.
    const lo = q.from ?? '';
    const hi = `${q.to ?? '\uffff'}\uffff`;
    out.push({
      count: () => (lo <= hi ? db.reports.where('publishedAt').between(lo, hi, true, true).count() : Promise.resolve(0)),
      keys: async () => (lo <= hi ? ((await db.reports.where('publishedAt').between(lo, hi, true, true).primaryKeys()) as string[]) : []),
      test: (r) => r.publishedAt !== null && r.publishedAt >= lo && r.publishedAt <= hi,
    });
  }
  return out;
}

type SortKey = NonNullable<ReportQuery['sort']>;
const SORT_INDEX: Record<SortKey, string> = { savedAt: 'savedAt', publishedAt: 'publishedAt', title: 'sortTitle' };

/** The in-memory order, the same as the indexes give: undated reports last either way, then by id. */
function comparator(sort: SortKey, order: 'asc' | 'desc') {
  const dir = order === 'asc' ? 1 : -1;
  const keyOf = (r: ReportRecord): string | null => (sort === 'title' ? r.sortTitle : sort === 'publishedAt' ? r.publishedAt : r.savedAt);
  return (a: ReportRecord, b: ReportRecord) => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x === null || y === null) return x === y ? cmp(a.id, b.id) * dir : x === null ? 1 : -1;
    return (cmp(x, y) || cmp(a.id, b.id)) * dir;
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function trashedIds(db: LibraryDB): Promise<Set<string>> {
  return new Set((await db.reports.where('trashedAt').above('').primaryKeys()) as string[]);
}

/**
 * The first `need` report ids of the whole library in sort order, read from the sort index (keys only). Undated
 * reports are not in the publishedAt index: they come last, and only a page that reaches them reads every key.
 */
async function orderedIds(db: LibraryDB, sort: SortKey, order: 'asc' | 'desc', need: number, skip: Set<string>): Promise<string[]> {
  let coll = db.reports.orderBy(SORT_INDEX[sort]);
  if (order === 'desc') coll = coll.reverse();
  const ids = ((await coll.limit(need + skip.size).primaryKeys()) as string[]).filter((id) => !skip.has(id));
  if (sort !== 'publishedAt' || ids.length >= need) return ids.slice(0, need);
  const dated = new Set((await db.reports.orderBy('publishedAt').primaryKeys()) as string[]);
  let undated = db.reports.orderBy(':id');
  if (order === 'desc') undated = undated.reverse();
  for (const id of (await undated.primaryKeys()) as string[]) {
    if (ids.length >= need) break;
    if (!dated.has(id) && !skip.has(id)) ids.push(id);
  }
  return ids;
}

/** The first `need` of `members` in sort order, read from the sort index (keys only); undated reports last. */
async function orderedMembers(db: LibraryDB, sort: SortKey, order: 'asc' | 'desc', members: Set<string>, need: number): Promise<string[]> {
  // Every key in index order (one getAllKeys), turned round in memory: a reversed collection walks a cursor instead.
  const keys = (await db.reports.orderBy(SORT_INDEX[sort]).primaryKeys()) as string[];
  if (order === 'desc') keys.reverse();
  const ids: string[] = [];
  for (const id of keys) {
    if (ids.length >= need) return ids;
    if (members.has(id)) ids.push(id);
  }
  if (sort !== 'publishedAt') return ids;
  const dated = new Set(keys);
  const undated = [...members].filter((id) => !dated.has(id)).sort();
  if (order === 'desc') undated.reverse();
  return [...ids, ...undated].slice(0, need);
}

async function loadRecords(db: LibraryDB, ids: string[]): Promise<ReportRecord[]> {
  const out: ReportRecord[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) for (const r of await db.reports.bulkGet(ids.slice(i, i + CHUNK))) if (r) out.push(r);
  return out;
}

/**
 * Searches and filters the library, a page at a time.
 *
 * - `text`: every word must be a search term of the report (title, quotes, charge words, tags, the start of the
 *   text; see `searchWords`); the last word matches as a prefix. Case and accents do not matter.
 * - Filters combine with AND. Each is counted on its index, the most selective one is read, and the others are
 *   tested in memory on those reports only. Without any filter the page is read straight from the sort index.
 * - `relation`: for each candidate (the first `RELATION_CANDIDATES` in sort order; `truncated` says when there were
 *   more), whether the library holds a counterclaim of that relation: one batched read of the accusation indexes for
 *   all candidates, plus the candidates' links so a rejected counterclaim does not count. Cost grows with the number
 *   of candidates (about 2,000 report reads and one index read per distinct actor and charge), not with the library.
 * - Reports in the trash are left out unless `includeTrashed`.
 */
export async function queryReports(db: LibraryDB, query: ReportQuery = {}): Promise<ReportQueryResult> {
  const sort: SortKey = query.sort ?? 'savedAt';
  const order = query.order ?? (sort === 'title' ? 'asc' : 'desc');
  const limit = Math.max(0, query.limit ?? DEFAULT_LIMIT);
  const offset = Math.max(0, query.offset ?? 0);
  const skip = query.includeTrashed ? new Set<string>() : await trashedIds(db);
  const filters = criteria(db, query);

  if (!filters.length && !query.relation) {
    const ids = await orderedIds(db, sort, order, offset + limit, skip);
    const items = (await loadRecords(db, ids.slice(offset))).map(toSummary);
    return { total: (await db.reports.count()) - skip.size, items };
  }

  let candidates: ReportRecord[];
  if (filters.length) {
    const counts = await Promise.all(filters.map((f) => f.count()));
    const ranked = filters.map((f, i) => ({ f, n: counts[i]! })).sort((a, b) => a.n - b.n);
    // Intersect the filters' key sets, most selective first, until few enough reports are left to read.
    let ids: string[] | null = null;
    let applied = 0;
    while (applied < ranked.length && (ids === null || ids.length > LOAD_LIMIT)) {
      const keys = await ranked[applied]!.f.keys();
      if (ids === null) ids = keys;
      else {
        const inKeys = new Set(keys);
        ids = ids.filter((id) => inKeys.has(id));
      }
      applied++;
    }
    const members = (ids ?? []).filter((id) => !skip.has(id));
    if (members.length > LOAD_LIMIT) {
      // Many reports match: page through the sort index (keys only) and read just the page, or the relation candidates.
      const need = query.relation ? RELATION_CANDIDATES + 1 : offset + limit;
      const page = await orderedMembers(db, sort, order, new Set(members), need);
      if (!query.relation) return { total: members.length, items: (await loadRecords(db, page.slice(offset))).map(toSummary) };
      candidates = await loadRecords(db, page);
    } else {
      const rest = ranked.slice(applied).map((r) => r.f);
      // The words' ids come from one read of the term shards: cheaper than reading reports only to drop them.
      let load = members;
      let tests = rest;
      const words = rest.find((f) => f.cheapKeys);
      if (words && members.length > CHEAP_KEYS_FROM) {
        const found = new Set(await words.keys());
        load = members.filter((id) => found.has(id));
        tests = rest.filter((f) => f !== words);
      }
      // Nothing left to test: the set is final, so only the page is read, in the order of the sort index.
      if (!tests.length && !query.relation && load.length > PAGE_FROM_INDEX) {
        const page = await orderedMembers(db, sort, order, new Set(load), offset + limit);
        return { total: load.length, items: (await loadRecords(db, page.slice(offset))).map(toSummary) };
      }
      candidates = (await loadRecords(db, load)).filter((r) => tests.every((f) => f.test(r)));
      candidates.sort(comparator(sort, order));
    }
  } else {
    candidates = await loadRecords(db, await orderedIds(db, sort, order, RELATION_CANDIDATES + 1, skip));
  }

  let truncated = false;
  if (query.relation) {
    truncated = candidates.length > RELATION_CANDIDATES;
    candidates = candidates.slice(0, RELATION_CANDIDATES);
    const keep = await withCounterclaim(db, candidates, query.relation);
    candidates = candidates.filter((r) => keep.has(r.id));
  }
  const result: ReportQueryResult = { total: candidates.length, items: candidates.slice(offset, offset + limit).map(toSummary) };
  if (truncated) result.truncated = true;
  return result;
}

/** The ids of `reports` that have at least one counterclaim of `relation` in the library (not rejected by the user). */
async function withCounterclaim(db: LibraryDB, reports: ReportRecord[], relation: Relation): Promise<Set<string>> {
  // reversal and mirror: the stored accuser is this accused; turnabout and echo: the stored accused is one of ours.
  const byAccuser = relation === 'reversal' || relation === 'mirror';
  const keys = new Map<string, [string, ChargeCategory]>();
  for (const r of reports)
    for (const a of r.accusations) {
      const code = byAccuser || relation === 'echo' ? a.accused.code : a.accuser.code;
      for (const c of similarCategories(a.charge.category)) keys.set(`${code}|${c}`, [code, c]);
    }
  if (!keys.size) return new Set();
  const rows = await readRows(db.postings, byAccuser ? 'accuser' : 'accused', [...keys.values()]);
  const byKey = new Map<string, AccusationRow[]>();
  for (const row of rows) {
    const k = `${byAccuser ? row.accuser : row.accused}|${row.category}`;
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }

  const hits = new Map<string, { index: number; row: AccusationRow }[]>();
  for (const r of reports)
    r.accusations.forEach((a, index) => {
      const code = byAccuser || relation === 'echo' ? a.accused.code : a.accuser.code;
      for (const c of similarCategories(a.charge.category))
        for (const row of byKey.get(`${code}|${c}`) ?? [])
          if (
            row.reportId !== r.id &&
            chargeSimilarity(a.charge.category, row.category) > 0 &&
            relationBetween({ accuser: a.accuser.code, accused: a.accused.code }, row) === relation
          ) {
            const list = hits.get(r.id);
            if (list) list.push({ index, row });
            else hits.set(r.id, [{ index, row }]);
          }
    });
  if (!hits.size) return new Set();

  // A counterclaim the user rejected does not count.
  const ids = [...hits.keys()];
  const [out, back] = await Promise.all([
    db.links
      .where('from')
      .anyOf(ids)
      .and((l) => l.kind === 'rejected')
      .toArray(),
    db.links
      .where('to')
      .anyOf(ids)
      .and((l) => l.kind === 'rejected')
      .toArray(),
  ]);
  const rejected = new Set<string>();
  const add = (l: LinkRecord) => {
    rejected.add(`${l.from}|${l.fromIndex}|${l.to}|${l.toIndex}`);
    rejected.add(`${l.to}|${l.toIndex}|${l.from}|${l.fromIndex}`);
  };
  out.forEach(add);
  back.forEach(add);
  const keep = new Set<string>();
  for (const [id, list] of hits) if (list.some((h) => !rejected.has(`${id}|${h.index}|${h.row.reportId}|${h.row.index}`))) keep.add(id);
  return keep;
}
