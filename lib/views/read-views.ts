import type { LibraryDB, ReportRecord, ReportSource } from '../library/db';
import { readRows } from '../library/postings';
import { getReports, readCatalog } from '../library/store';
import { toSummary, type ReportSummary } from '../library/search';
import { CHARGE_CATEGORIES, type ChargeCategory } from '../types';
import { GraphAggregate, passesFilter, type AccusationFact, type GraphData, type ViewFilter } from './graph-data';
import { TimelineAggregate, type TimelineData } from './timeline-data';

/** The filters of the library page that the graph and the timeline follow. */
export interface ViewQuery {
  category?: ChargeCategory;
  from?: string;
  to?: string;
  country?: string;
  source?: ReportSource;
}

export interface LibraryViews {
  graph: GraphData;
  timeline: TimelineData;
  /** Milliseconds the pass and the build took. */
  ms: number;
}

function toViewFilter(q: ViewQuery): ViewFilter {
  const filter: ViewFilter = {};
  if (q.category) filter.category = q.category;
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.country) filter.country = q.country.trim().toUpperCase();
  return filter;
}

/**
 * The graph and the timeline of the library under `q`, in one streaming pass (`each`) over the library's match
 * index: packed postings, one per accusation of a report outside the trash (lib/library/postings.ts), so the pass
 * never reads report texts. With a charge filter only that charge's lists are read. Memory grows with distinct
 * (accuser, accused, charge) triples and months, not with the library. Names are then read for the shown actors
 * only (one report each).
 */
export async function readLibraryViews(db: LibraryDB, q: ViewQuery, options: { maxNodes?: number } = {}): Promise<LibraryViews> {
  const started = performance.now();
  const filter = toViewFilter(q);
  if (q.source) filter.reportIds = await idsFromSource(db, q.source);
  const graph = new GraphAggregate();
  const timeline = new TimelineAggregate();
  const prefix = filter.category ? `${filter.category}|accuser|` : null;
  const chunks = prefix ? db.postings.where('key').between(prefix, `${prefix}\uffff`, true, true) : db.postings.toCollection();
  await chunks.each((c) => {
    // Every accusation is posted twice (accuser and accused lists): count it once, from its accuser's list.
    if (c.role !== 'accuser') return;
    for (let i = 0; i < c.reportIds.length; i++) {
      const f: AccusationFact = {
        reportId: c.reportIds[i]!,
        accuser: c.code,
        accused: c.others[i]!,
        category: c.category,
        publishedAt: c.dates[i] ?? null,
      };
      if (!passesFilter(f, filter)) continue;
      graph.add(f);
      timeline.add(f);
    }
  });
  const maxNodes = options.maxNodes ?? 40;
  const names = await actorNames(db, graph.rankedCodes().slice(0, maxNodes));
  const g = graph.build({ maxNodes, names });
  return { graph: g, timeline: timeline.build(g.allPairs), ms: Math.round(performance.now() - started) };
}

/** The ids of the reports from `source` (the catalog). */
async function idsFromSource(db: LibraryDB, source: ReportSource): Promise<Set<string>> {
  return new Set((await readCatalog(db)).filter((r) => r.source === source).map((r) => r.id));
}

/**
 * Names of actors by code, from a report that names each (the canonical name the analysis gave the code): the
 * catalog gives the first report (by id) in which each code appears, and those reports are read.
 */
async function actorNames(db: LibraryDB, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = new Set(codes);
  const firstReport = new Map<string, string>();
  for (const r of await readCatalog(db))
    for (const code of r.countries) if (wanted.has(code) && (!firstReport.has(code) || r.id < firstReport.get(code)!)) firstReport.set(code, r.id);
  const reports = await getReports(db, [...firstReport.values()]);
  [...firstReport.keys()].forEach((code, i) => {
    for (const a of reports[i]?.accusations ?? [])
      for (const actor of [a.accuser, a.accused]) if (actor.code === code && actor.name && !names.has(code)) names.set(code, actor.name);
  });
  return names;
}

export interface PairReports {
  total: number;
  items: ReportSummary[];
}

/**
 * The reports in which `from` accuses `to`, under the same filters, newest first, a page at a time. Reads `from`'s
 * accuser lists of the match index (one key range per charge), then the page's reports.
 */
export async function readPairReports(
  db: LibraryDB,
  pair: { from: string; to: string },
  q: ViewQuery,
  page: { offset: number; limit: number },
): Promise<PairReports> {
  const filter = toViewFilter({ ...q, country: undefined });
  const categories = filter.category ? [filter.category] : CHARGE_CATEGORIES;
  const rows = await readRows(
    db.postings,
    'accuser',
    categories.map((c) => [pair.from, c]),
  );
  const dates = new Map<string, string>();
  for (const r of rows) if (r.accused === pair.to && passesFilter(r, filter)) dates.set(r.reportId, r.publishedAt ?? '');
  let ids = [...dates.keys()];
  if (q.source) {
    const bySource = await idsFromSource(db, q.source);
    ids = ids.filter((id) => bySource.has(id));
  }
  ids.sort((a, b) => (dates.get(a)! < dates.get(b)! ? 1 : dates.get(a)! > dates.get(b)! ? -1 : a < b ? -1 : 1));
  const reports = await getReports(db, ids.slice(page.offset, page.offset + page.limit));
  return { total: ids.length, items: reports.filter((r): r is ReportRecord => r !== undefined && !r.trashedAt).map(toSummary) };
}
