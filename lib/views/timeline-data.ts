import { CATEGORY_GROUPS, categoryGroup, type CategoryGroup } from './categories';
import type { AccusationFact, CounterPair } from './graph-data';

export interface TimelineBucket {
  /** YYYY-MM, or YYYY when the timeline is by year. */
  period: string;
  total: number;
  /** Accusations by colour family, every family present (0 when none). */
  groups: Record<CategoryGroup, number>;
  /** Reversal and mirror pairs that became pairs in this period (the later side was first made then). */
  pairs: CounterPair[];
}

export interface TimelineData {
  unit: 'month' | 'year';
  /** Every period from the first to the last dated accusation, empty ones included, oldest first. */
  buckets: TimelineBucket[];
  /** The largest bucket total (for the scale). */
  max: number;
  undated: number;
  total: number;
}

/** Above this many months the timeline counts by year, so a bar stays wide enough to see and to point at. */
export const MAX_MONTHS = 180;

function emptyGroups(): Record<CategoryGroup, number> {
  return Object.fromEntries(CATEGORY_GROUPS.map((g) => [g, 0])) as Record<CategoryGroup, number>;
}

/** Counts accusations by month and colour family in one pass: `add` each (already filtered), then `build`. */
export class TimelineAggregate {
  private months = new Map<string, Record<CategoryGroup, number>>();
  undated = 0;
  total = 0;

  add(f: AccusationFact): void {
    this.total++;
    const month = f.publishedAt && /^\d{4}-\d{2}/.test(f.publishedAt) ? f.publishedAt.slice(0, 7) : null;
    if (!month) {
      this.undated++;
      return;
    }
    let g = this.months.get(month);
    if (!g) this.months.set(month, (g = emptyGroups()));
    g[categoryGroup(f.category)]++;
  }

  /** The buckets, with `pairs` marked in the period where each became a pair. */
  build(pairs: readonly CounterPair[] = []): TimelineData {
    const keys = [...this.months.keys()].sort();
    if (!keys.length) return { unit: 'month', buckets: [], max: 0, undated: this.undated, total: this.total };
    const first = keys[0]!;
    const last = keys[keys.length - 1]!;
    const span = monthIndex(last) - monthIndex(first) + 1;
    const unit: TimelineData['unit'] = span > MAX_MONTHS ? 'year' : 'month';
    const periodOf = (month: string) => (unit === 'year' ? month.slice(0, 4) : month);
    const buckets = new Map<string, TimelineBucket>();
    for (const period of periods(first, last, unit)) buckets.set(period, { period, total: 0, groups: emptyGroups(), pairs: [] });
    for (const [month, groups] of this.months) {
      const b = buckets.get(periodOf(month))!;
      for (const g of CATEGORY_GROUPS) {
        b.groups[g] += groups[g];
        b.total += groups[g];
      }
    }
    for (const p of pairs) if (p.month) buckets.get(periodOf(p.month))?.pairs.push(p);
    const list = [...buckets.values()];
    return { unit, buckets: list, max: Math.max(0, ...list.map((b) => b.total)), undated: this.undated, total: this.total };
  }
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function periods(first: string, last: string, unit: 'month' | 'year'): string[] {
  const out: string[] = [];
  if (unit === 'year') {
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) out.push(String(y).padStart(4, '0'));
    return out;
  }
  for (let i = monthIndex(first); i <= monthIndex(last); i++)
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** The first and last day of a period, for filtering the report list to it. */
export function periodRange(period: string): { from: string; to: string } {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(lastDay).padStart(2, '0')}` };
}

/** Builds the timeline of a list of accusations (tests; the page streams into TimelineAggregate). */
export function buildTimeline(facts: Iterable<AccusationFact>, pairs: readonly CounterPair[] = []): TimelineData {
  const t = new TimelineAggregate();
  for (const f of facts) t.add(f);
  return t.build(pairs);
}
