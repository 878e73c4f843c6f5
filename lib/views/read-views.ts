import type { LibraryDB, ReportRecord, ReportSource } from '../library/db';
import { toSummary, type ReportSummary } from '../library/search';
import type { ChargeCategory } from '../types';
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
 * The reports under the most selective index the query has (the actor, else the date range, else all), streamed
 * one at a time. Reads only the `reports` table and its long-standing indexes, so it does not depend on how the
 * match index is stored.
 */
function reportsFor(db: LibraryDB, q: ViewQuery, filter: ViewFilter) {
  if (filter.country) return db.reports.where('countries').equals(filter.country);
  if (filter.from || filter.to) return db.reports.where('publishedAt').between(filter.from ?? '', `${filter.to ?? '\uffff'}\uffff`, true, true);
  return db.reports.toCollection();
}

function* factsOf(r: ReportRecord): Generator<AccusationFact> {
  for (const a of r.accusations)
    yield { reportId: r.id, accuser: a.accuser.code, accused: a.accused.code, category: a.charge.category, publishedAt: r.publishedAt };
}

/**
 * The graph and the timeline of the library under `q`, in one streaming pass (`each`) over the reports outside the
 * trash. Memory grows with distinct (accuser, accused, charge) triples and months, not with the library.
 */
export async function readLibraryViews(db: LibraryDB, q: ViewQuery, options: { maxNodes?: number } = {}): Promise<LibraryViews> {
  const started = performance.now();
  const filter = toViewFilter(q);
  const graph = new GraphAggregate();
  const timeline = new TimelineAggregate();
  const names = new Map<string, string>();
  await reportsFor(db, q, filter).each((r) => {
    if (r.trashedAt || (q.source && r.source !== q.source)) return;
    for (const a of r.accusations)
      for (const actor of [a.accuser, a.accused]) if (actor.name && !names.has(actor.code)) names.set(actor.code, actor.name);
    for (const f of factsOf(r)) {
      if (!passesFilter(f, filter)) continue;
      graph.add(f);
      timeline.add(f);
    }
  });
  const g = graph.build({ maxNodes: options.maxNodes ?? 40, names });
  return { graph: g, timeline: timeline.build(g.allPairs), ms: Math.round(performance.now() - started) };
}

export interface PairReports {
  total: number;
  items: ReportSummary[];
}

/**
 * The reports in which `from` accuses `to`, under the same filters, newest first, a page at a time. Streams the
 * reports that name `from` (its index range), keeping ids and dates only, then reads the page.
 */
export async function readPairReports(
  db: LibraryDB,
  pair: { from: string; to: string },
  q: ViewQuery,
  page: { offset: number; limit: number },
): Promise<PairReports> {
  const filter = toViewFilter({ ...q, country: undefined });
  const hits: { id: string; date: string }[] = [];
  await db.reports
    .where('countries')
    .equals(pair.from)
    .each((r) => {
      if (r.trashedAt || (q.source && r.source !== q.source)) return;
      for (const f of factsOf(r))
        if (f.accuser === pair.from && f.accused === pair.to && passesFilter(f, filter)) {
          hits.push({ id: r.id, date: r.publishedAt ?? '' });
          return;
        }
    });
  hits.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  const reports = await db.reports.bulkGet(hits.slice(page.offset, page.offset + page.limit).map((h) => h.id));
  return { total: hits.length, items: reports.filter((r): r is ReportRecord => r !== undefined).map(toSummary) };
}
