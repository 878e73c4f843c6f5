import Dexie from 'dexie';
import type { LibraryDB, ReportSource } from '../library/db';
import { toSummary, type ReportSummary } from '../library/search';
import type { ChargeCategory } from '../types';
import { GraphAggregate, passesFilter, type GraphData, type ViewFilter } from './graph-data';
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

async function toViewFilter(db: LibraryDB, q: ViewQuery): Promise<ViewFilter> {
  const filter: ViewFilter = {};
  if (q.category) filter.category = q.category;
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.country) filter.country = q.country.trim().toUpperCase();
  if (q.source) filter.reportIds = new Set((await db.reports.where('source').equals(q.source).primaryKeys()) as string[]);
  return filter;
}

/**
 * The graph and the timeline of the library under `q`, in one streaming pass over the accusation rows (reports in
 * the trash have none). Memory grows with distinct (accuser, accused, charge) triples and months, not with the
 * library; names are then read for the shown actors only (one report each).
 */
export async function readLibraryViews(db: LibraryDB, q: ViewQuery, options: { maxNodes?: number } = {}): Promise<LibraryViews> {
  const started = performance.now();
  const filter = await toViewFilter(db, q);
  const graph = new GraphAggregate();
  const timeline = new TimelineAggregate();
  // With a country, its two index ranges; otherwise every row, once.
  const rows = filter.country
    ? [
        db.accusations.where('[accuser+category]').between([filter.country, Dexie.minKey], [filter.country, Dexie.maxKey]),
        db.accusations.where('[accused+category]').between([filter.country, Dexie.minKey], [filter.country, Dexie.maxKey]),
      ]
    : [db.accusations.toCollection()];
  for (const [i, coll] of rows.entries())
    await coll.each((row) => {
      // The accused range must not count a self-accusation twice; the accuser range had it.
      if (i === 1 && row.accuser === filter.country) return;
      if (!passesFilter(row, filter)) return;
      graph.add(row);
      timeline.add(row);
    });
  const maxNodes = options.maxNodes ?? 40;
  const names = await actorNames(db, graph.rankedCodes().slice(0, maxNodes));
  const g = graph.build({ maxNodes, names });
  return { graph: g, timeline: timeline.build(g.allPairs), ms: Math.round(performance.now() - started) };
}

/** Names of actors by code, from a report that mentions each (the article's canonical name for the code). */
async function actorNames(db: LibraryDB, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    codes.map(async (code) => {
      const r = await db.reports.where('countries').equals(code).first();
      for (const a of r?.accusations ?? [])
        for (const actor of [a.accuser, a.accused]) if (actor.code === code && actor.name && !names.has(code)) names.set(code, actor.name);
    }),
  );
  return names;
}

export interface PairReports {
  total: number;
  items: ReportSummary[];
}

/**
 * The reports in which `from` accuses `to`, under the same filters, newest first, a page at a time. Reads the
 * accuser's index range only (bounded by what that actor accuses), then the page's reports.
 */
export async function readPairReports(
  db: LibraryDB,
  pair: { from: string; to: string },
  q: ViewQuery,
  page: { offset: number; limit: number },
): Promise<PairReports> {
  const filter = await toViewFilter(db, { ...q, country: undefined });
  const rows = await db.accusations
    .where('[accuser+category]')
    .between([pair.from, Dexie.minKey], [pair.from, Dexie.maxKey])
    .filter((r) => r.accused === pair.to && passesFilter(r, filter))
    .toArray();
  const dates = new Map<string, string>();
  for (const r of rows) dates.set(r.reportId, r.publishedAt ?? '');
  const ids = [...dates.keys()].sort((a, b) => (dates.get(b)! < dates.get(a)! ? -1 : dates.get(b)! > dates.get(a)! ? 1 : a < b ? -1 : 1));
  const slice = ids.slice(page.offset, page.offset + page.limit);
  const reports = await db.reports.bulkGet(slice);
  return { total: ids.length, items: reports.filter((r) => r !== undefined && !r.trashedAt).map((r) => toSummary(r!)) };
}
