import { chargeSimilarity } from '../charges/taxonomy';
import { CHARGE_CATEGORIES, type ChargeCategory } from '../types';
import { categoryGroup, type CategoryGroup } from './categories';

/** One accusation as the views read it: an accusation row of the library (see AccusationRow in lib/library/db.ts). */
export interface AccusationFact {
  reportId: string;
  accuser: string;
  accused: string;
  category: ChargeCategory;
  publishedAt: string | null;
}

/** The filters the graph and the timeline share with the report list (text search and relation are the list's own). */
export interface ViewFilter {
  category?: ChargeCategory;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive (the whole day). */
  to?: string;
  /** Only accusations this actor makes or receives. */
  country?: string;
  /** Only accusations of these reports (the source filter, resolved to report ids by the caller). */
  reportIds?: ReadonlySet<string>;
}

/** Whether an accusation passes the filter; `publishedAt` may be a date or a full timestamp. */
export function passesFilter(f: AccusationFact, filter: ViewFilter): boolean {
  if (filter.category && f.category !== filter.category) return false;
  if (filter.country && f.accuser !== filter.country && f.accused !== filter.country) return false;
  if (filter.from || filter.to) {
    if (!f.publishedAt) return false;
    if (filter.from && f.publishedAt < filter.from) return false;
    if (filter.to && f.publishedAt > `${filter.to}\uffff`) return false;
  }
  if (filter.reportIds && !filter.reportIds.has(f.reportId)) return false;
  return true;
}

export interface GraphNode {
  code: string;
  name: string;
  /** Accusations it makes. */
  accuses: number;
  /** Accusations it receives. */
  accusedBy: number;
}

export interface CategoryCount {
  category: ChargeCategory;
  count: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  count: number;
  /** By category, most frequent first (ties in taxonomy order). */
  categories: CategoryCount[];
  /** The colour family of the most frequent category. */
  group: CategoryGroup;
  /** Part of a reversal pair (the two sides accuse each other of the same or related charges). */
  reversal: boolean;
  /** Part of a mirror pair (the accused levels the same or a related charge at a third party). */
  mirror: boolean;
}

/** Two edges that answer each other, as mission.md defines reversal and mirror. */
export interface CounterPair {
  kind: 'reversal' | 'mirror';
  /** The edge whose charge came first (by first date); for a mirror, the accusation of the middle actor. */
  first: { from: string; to: string; category: ChargeCategory };
  second: { from: string; to: string; category: ChargeCategory };
  /** Accusations on both edges in the matching categories. */
  count: number;
  /** YYYY-MM when both sides had been made (the later first date), null when either is undated. */
  month: string | null;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Reversal pairs first, then mirrors, each by count; only pairs whose actors are all shown. */
  pairs: CounterPair[];
  /** Every pair in the filtered library (for the timeline), capped at `maxPairs`. */
  allPairs: CounterPair[];
  /** Actors left out by the node cap, and the accusations that touch them. */
  hiddenNodes: number;
  hiddenAccusations: number;
  /** Accusations that passed the filter. */
  total: number;
}

/** An edge while it is being counted: its accusations by category, with the first date of each. */
export interface EdgeAcc {
  from: string;
  to: string;
  count: number;
  byCategory: Map<ChargeCategory, { count: number; first: string | null }>;
}

const CATEGORY_ORDER = new Map<string, number>(CHARGE_CATEGORIES.map((c, i) => [c, i]));

export interface GraphBuildOptions {
  /** Show at most this many actors, the most connected ones (default 40). */
  maxNodes?: number;
  /** List at most this many pairs of each kind (default 50). */
  maxPairs?: number;
  /** Actor names by code; a code without one is shown as its code. */
  names?: ReadonlyMap<string, string>;
}

/**
 * Builds the country graph in one pass: `add` each accusation (already filtered), then `build`. Memory grows with
 * the number of distinct (accuser, accused, charge) triples, not with the number of accusations.
 */
export class GraphAggregate {
  private edges = new Map<string, EdgeAcc>();
  private degree = new Map<string, { out: number; in: number }>();
  total = 0;

  add(f: AccusationFact): void {
    if (f.accuser === f.accused) return;
    this.total++;
    const key = `${f.accuser}>${f.accused}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { from: f.accuser, to: f.accused, count: 0, byCategory: new Map() }));
    e.count++;
    const c = e.byCategory.get(f.category);
    if (!c) e.byCategory.set(f.category, { count: 1, first: f.publishedAt });
    else {
      c.count++;
      if (f.publishedAt && (!c.first || f.publishedAt < c.first)) c.first = f.publishedAt;
    }
    this.bump(f.accuser, 'out');
    this.bump(f.accused, 'in');
  }

  private bump(code: string, side: 'out' | 'in') {
    const d = this.degree.get(code);
    if (d) d[side]++;
    else this.degree.set(code, { out: side === 'out' ? 1 : 0, in: side === 'in' ? 1 : 0 });
  }

  /** The codes by degree, most connected first (ties by code), for the caller to look up names. */
  rankedCodes(): string[] {
    return [...this.degree.entries()].sort((a, b) => b[1].out + b[1].in - (a[1].out + a[1].in) || cmp(a[0], b[0])).map(([code]) => code);
  }

  build(options: GraphBuildOptions = {}): GraphData {
    const maxNodes = options.maxNodes ?? 40;
    const maxPairs = options.maxPairs ?? 50;
    const ranked = this.rankedCodes();
    const shown = new Set(ranked.slice(0, maxNodes));
    const nodes: GraphNode[] = ranked.slice(0, maxNodes).map((code) => {
      const d = this.degree.get(code)!;
      return { code, name: options.names?.get(code) ?? code, accuses: d.out, accusedBy: d.in };
    });
    let hiddenAccusations = 0;
    const visible: EdgeAcc[] = [];
    for (const e of this.edges.values()) {
      if (shown.has(e.from) && shown.has(e.to)) visible.push(e);
      else hiddenAccusations += e.count;
    }
    const allPairs = findPairs([...this.edges.values()], maxPairs);
    const pairs = allPairs.filter((p) => shown.has(p.first.from) && shown.has(p.first.to) && shown.has(p.second.from) && shown.has(p.second.to));
    const reversal = new Set<string>();
    const mirror = new Set<string>();
    for (const p of pairs) {
      const set = p.kind === 'reversal' ? reversal : mirror;
      set.add(`${p.first.from}>${p.first.to}`);
      set.add(`${p.second.from}>${p.second.to}`);
    }
    const edges: GraphEdge[] = visible
      .map((e) => {
        const categories = [...e.byCategory.entries()]
          .map(([category, c]) => ({ category, count: c.count }))
          .sort((a, b) => b.count - a.count || order(a.category) - order(b.category));
        const key = `${e.from}>${e.to}`;
        return {
          from: e.from,
          to: e.to,
          count: e.count,
          categories,
          group: categoryGroup(categories[0]!.category),
          reversal: reversal.has(key),
          mirror: mirror.has(key),
        };
      })
      .sort((a, b) => b.count - a.count || cmp(a.from, b.from) || cmp(a.to, b.to));
    return { nodes, edges, pairs, allPairs, hiddenNodes: ranked.length - nodes.length, hiddenAccusations, total: this.total };
  }
}

function order(c: ChargeCategory): number {
  return CATEGORY_ORDER.get(c) ?? CATEGORY_ORDER.size;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The best matching categories of two edges (same charge over related), with the accusations in them. */
function bestMatch(a: EdgeAcc, b: EdgeAcc): { ca: ChargeCategory; cb: ChargeCategory; count: number; month: string | null } | null {
  let best: { ca: ChargeCategory; cb: ChargeCategory; count: number; month: string | null; sim: number } | null = null;
  for (const [ca, xa] of a.byCategory)
    for (const [cb, xb] of b.byCategory) {
      const sim = chargeSimilarity(ca, cb);
      if (sim <= 0) continue;
      const count = xa.count + xb.count;
      if (!best || sim > best.sim || (sim === best.sim && count > best.count)) {
        const month = xa.first && xb.first ? (xa.first > xb.first ? xa.first : xb.first).slice(0, 7) : null;
        best = { ca, cb, count, month, sim };
      }
    }
  return best;
}

function firstDate(e: EdgeAcc, c: ChargeCategory): string {
  return e.byCategory.get(c)?.first ?? '\uffff';
}

/**
 * Reversal pairs (A accuses B and B accuses A, of the same or related charges) and mirror pairs (A accuses B, and B
 * accuses a third party C of the same or a related charge), the `max` largest of each kind.
 */
export function findPairs(edges: readonly EdgeAcc[], max = 50): CounterPair[] {
  const byKey = new Map(edges.map((e) => [`${e.from}>${e.to}`, e]));
  const outOf = new Map<string, EdgeAcc[]>();
  for (const e of edges) {
    const list = outOf.get(e.from);
    if (list) list.push(e);
    else outOf.set(e.from, [e]);
  }
  const reversals: CounterPair[] = [];
  const mirrors: CounterPair[] = [];
  for (const e of edges) {
    const back = byKey.get(`${e.to}>${e.from}`);
    if (back && e.from < e.to) {
      const m = bestMatch(e, back);
      if (m) {
        const eFirst = firstDate(e, m.ca) <= firstDate(back, m.cb);
        const [x, cx, y, cy] = eFirst ? [e, m.ca, back, m.cb] : [back, m.cb, e, m.ca];
        reversals.push({
          kind: 'reversal',
          first: { from: x.from, to: x.to, category: cx },
          second: { from: y.from, to: y.to, category: cy },
          count: m.count,
          month: m.month,
        });
      }
    }
    // e: A → B; B → C with C ≠ A.
    for (const next of outOf.get(e.to) ?? []) {
      if (next.to === e.from) continue;
      const m = bestMatch(e, next);
      if (m)
        mirrors.push({
          kind: 'mirror',
          first: { from: e.from, to: e.to, category: m.ca },
          second: { from: next.from, to: next.to, category: m.cb },
          count: m.count,
          month: m.month,
        });
    }
  }
  const byCount = (a: CounterPair, b: CounterPair) =>
    b.count - a.count || cmp(a.first.from, b.first.from) || cmp(a.first.to, b.first.to) || cmp(a.second.to, b.second.to);
  return [...reversals.sort(byCount).slice(0, max), ...mirrors.sort(byCount).slice(0, max)];
}

/** Builds the graph of a list of accusations (tests and small libraries; the page streams into GraphAggregate). */
export function buildGraph(facts: Iterable<AccusationFact>, filter: ViewFilter = {}, options: GraphBuildOptions = {}): GraphData {
  const g = new GraphAggregate();
  for (const f of facts) if (passesFilter(f, filter)) g.add(f);
  return g.build(options);
}
