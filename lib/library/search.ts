import type { Actor, ChargeCategory, Relation } from '../types';
import { chargeSimilarity } from '../charges/taxonomy';
import { relationBetween } from '../match/relations';
import type { AccusationRow, LibraryDB, LinkRecord, ReportRecord, ReportSource } from './db';
import { isSearchWord, STOP_WORDS, tokenize } from './derive';
import { similarCategories } from './reports';
import { readRows } from './postings';
import { getExistingReports, readCatalog, type CatalogRow } from './store';
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

/** The catalog filters of a query (everything but the words and the relation), as one test on a catalog row. */
function rowFilter(q: ReportQuery): (r: CatalogRow) => boolean {
  const tests: ((r: CatalogRow) => boolean)[] = [];
  if (!q.includeTrashed) tests.push((r) => r.trashedAt === null);
  if (q.country) {
    const code = q.country.trim().toUpperCase();
    tests.push((r) => r.countries.includes(code));
  }
  if (q.category) {
    const category = q.category;
    tests.push((r) => r.categories.includes(category));
  }
  if (q.tag?.trim()) {
    const lower = q.tag.trim().toLowerCase();
    tests.push((r) => r.tags.some((t) => t.toLowerCase() === lower));
  }
  if (q.source) {
    const source = q.source;
    tests.push((r) => r.source === source);
  }
  if (q.from || q.to) {
    // publishedAt is a date or a full timestamp: `to` takes the whole day.
    const lo = q.from ?? '';
    const hi = `${q.to ?? '\uffff'}\uffff`;
    tests.push((r) => r.publishedAt !== null && r.publishedAt >= lo && r.publishedAt <= hi);
  }
  return (r) => tests.every((t) => t(r));
}

type SortKey = NonNullable<ReportQuery['sort']>;

/** The list order: by the sort key, then by id; undated reports last either way. */
function comparator(sort: SortKey, order: 'asc' | 'desc') {
  const dir = order === 'asc' ? 1 : -1;
  const keyOf = (r: CatalogRow): string | null => (sort === 'title' ? r.sortTitle : sort === 'publishedAt' ? r.publishedAt : r.savedAt);
  return (a: CatalogRow, b: CatalogRow) => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x === null || y === null) return x === y ? cmp(a.id, b.id) * dir : x === null ? 1 : -1;
    return (cmp(x, y) || cmp(a.id, b.id)) * dir;
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Searches and filters the library, a page at a time.
 *
 * - `text`: every word must be a search term of the report (title, quotes, charge words, tags, the start of the
 *   text; see `searchWords`), found in one read of the term shards; the last word matches as a prefix. Case and
 *   accents do not matter.
 * - The other filters combine with AND and are tested on the catalog (store.ts: one read of a few dozen columnar
 *   records, cached until the library changes), which is then sorted; only the page's reports are read.
 * - `relation`: for each candidate (the first `RELATION_CANDIDATES` in sort order; `truncated` says when there were
 *   more), whether the library holds a counterclaim of that relation: one batched read of the match index for all
 *   candidates, plus the candidates' links so a rejected counterclaim does not count.
 * - Reports in the trash are left out unless `includeTrashed`.
 */
export async function queryReports(db: LibraryDB, query: ReportQuery = {}): Promise<ReportQueryResult> {
  const sort: SortKey = query.sort ?? 'savedAt';
  const order = query.order ?? (sort === 'title' ? 'asc' : 'desc');
  const limit = Math.max(0, query.limit ?? DEFAULT_LIMIT);
  const offset = Math.max(0, query.offset ?? 0);

  let words: Set<string> | null = null;
  if (query.text?.trim()) {
    const { exact, prefix } = queryWords(query.text);
    // Only stop words: nothing can match.
    words = !exact.length && !prefix ? new Set() : new Set(await findByTerms(db.terms, (terms) => termsMatch(terms, exact, prefix)));
    if (!words.size) return { total: 0, items: [] };
  }
  const keep = rowFilter(query);
  const rows = (await readCatalog(db)).filter((r) => keep(r) && (!words || words.has(r.id)));
  rows.sort(comparator(sort, order));

  if (!query.relation)
    return {
      total: rows.length,
      items: (
        await getExistingReports(
          db,
          rows.slice(offset, offset + limit).map((r) => r.id),
        )
      ).map(toSummary),
    };

  const truncated = rows.length > RELATION_CANDIDATES;
  let candidates = await getExistingReports(
    db,
    rows.slice(0, RELATION_CANDIDATES).map((r) => r.id),
  );
  const found = await withCounterclaim(db, candidates, query.relation);
  candidates = candidates.filter((r) => found.has(r.id));
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
