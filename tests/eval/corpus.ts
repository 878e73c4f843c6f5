// The development corpus of ../shared/corpus (not shipped: read from beside the repo when it is there).
// Scores an analysis against a record's labels: primary exact, precision and recall of every accusation shown,
// role swaps, negatives, "nothing found", by construction tag, and the calibration of the primary's confidence.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../lib/types';
import { FIXTURES } from '../helpers/fixtures';

export interface CorpusRecord {
  id: string;
  publisher: string | null;
  date: string | null;
  title: string;
  text: string;
  accuser: string | null;
  accused: string | null;
  charge: string | null;
  accusations: { accuser: string; accused: string; charge: string }[];
  negative?: boolean;
  construction: string | string[];
  split: 'train' | 'check';
}

/** The corpus file beside the repository (../shared/corpus/dev.jsonl), or null when it is not there. */
export function corpusPath(): string | null {
  const p = join(FIXTURES, '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');
  return existsSync(p) ? p : null;
}

export function readCorpus(split?: 'train' | 'check'): CorpusRecord[] {
  const p = corpusPath();
  if (!p) return [];
  const all = readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRecord);
  return split ? all.filter((r) => r.split === split) : all;
}

export const isNegative = (r: CorpusRecord) => r.negative === true || !r.accusations.length || !r.accuser;
export const constructionsOf = (r: CorpusRecord) => (Array.isArray(r.construction) ? r.construction : [r.construction]);
export const wantedTriples = (r: CorpusRecord) => new Set(r.accusations.map((a) => `${a.accuser}>${a.accused}:${a.charge}`));

export interface Score {
  total: number;
  positives: number;
  primaryHit: number;
  pairHit: number;
  nothingFound: number;
  negatives: number;
  negativesRight: number;
  primarySwaps: number;
  anySwaps: number;
  tp: number;
  fp: number;
  fn: number;
  byConstruction: Map<string, { n: number; hit: number; none: number }>;
  /** [confidence, right] of each primary shown on an article. */
  calibration: [number, boolean][];
  misses: string[];
}

export function newScore(): Score {
  return {
    total: 0,
    positives: 0,
    primaryHit: 0,
    pairHit: 0,
    nothingFound: 0,
    negatives: 0,
    negativesRight: 0,
    primarySwaps: 0,
    anySwaps: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    byConstruction: new Map(),
    calibration: [],
    misses: [],
  };
}

const tripleOf = (a: Analysis['accusations'][number]) => `${a.accuser.code}>${a.accused.code}:${a.charge.category}`;

/** Adds one record's analysis to the score. */
export function scoreRecord(s: Score, r: CorpusRecord, a: Analysis): void {
  s.total++;
  const want = wantedTriples(r);
  const wantPairs = new Set(r.accusations.map((x) => `${x.accuser}>${x.accused}`));
  const primary = a.primary === null ? null : a.accusations[a.primary]!;
  const got = primary ? tripleOf(primary) : null;
  if (isNegative(r)) {
    s.negatives++;
    if (!a.accusations.length) s.negativesRight++;
    else s.misses.push(`${r.id}: negative, found ${a.accusations.map(tripleOf).join(', ')}`);
    if (primary) s.calibration.push([primary.confidence, false]);
    return;
  }
  s.positives++;
  const hit = got !== null && want.has(got);
  if (hit) s.primaryHit++;
  if (primary && wantPairs.has(`${primary.accuser.code}>${primary.accused.code}`)) s.pairHit++;
  if (!primary) s.nothingFound++;
  if (primary) s.calibration.push([primary.confidence, hit]);
  const isSwap = (x: Analysis['accusations'][number]) => {
    const p = `${x.accuser.code}>${x.accused.code}`;
    return wantPairs.has(`${x.accused.code}>${x.accuser.code}`) && !wantPairs.has(p);
  };
  if (primary && isSwap(primary)) s.primarySwaps++;
  if (a.accusations.some(isSwap)) s.anySwaps++;
  const gotAll = new Set(a.accusations.map(tripleOf));
  for (const t of gotAll)
    if (want.has(t)) s.tp++;
    else s.fp++;
  for (const t of want) if (!gotAll.has(t)) s.fn++;
  for (const c of constructionsOf(r)) {
    const e = s.byConstruction.get(c) ?? { n: 0, hit: 0, none: 0 };
    e.n++;
    if (hit) e.hit++;
    if (!primary) e.none++;
    s.byConstruction.set(c, e);
  }
  if (!hit) s.misses.push(`${r.id}: ${got ?? 'none'}${primary && isSwap(primary) ? ' ROLE SWAP' : ''} (want ${[...want].join(' | ')})`);
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : 'n/a');

/** The lines `npm run eval` prints for a scored set. */
export function formatScore(name: string, s: Score, withConstructions = true): string[] {
  const lines = [
    `${name}: ${s.total} articles (${s.positives} with accusations, ${s.negatives} hard negatives)`,
    `  primary exact ${pct(s.primaryHit, s.positives)} (${s.primaryHit}/${s.positives}); right pair ${s.pairHit}/${s.positives}; nothing found ${s.nothingFound}/${s.positives}`,
    `  role swaps: primary ${s.primarySwaps}, any accusation shown ${s.anySwaps}; negatives right ${pct(s.negativesRight, s.negatives)} (${s.negativesRight}/${s.negatives})`,
    `  all accusations: precision ${pct(s.tp, s.tp + s.fp)}, recall ${pct(s.tp, s.tp + s.fn)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
  ];
  if (withConstructions) {
    lines.push('  by construction         exact  nothing found');
    for (const [c, e] of [...s.byConstruction].sort((x, y) => y[1].n - x[1].n))
      lines.push(`    ${c.padEnd(20)} ${`${e.hit}/${e.n}`.padStart(7)}  ${String(e.none).padStart(5)}`);
  }
  lines.push(...formatCalibration(s.calibration));
  return lines;
}

/** Confidence bands of the primary shown, and how often it was right in each. */
export function formatCalibration(cal: [number, boolean][]): string[] {
  const bands: [number, number, string][] = [
    [0.8, 1.01, 'high (>= 0.80)'],
    [0.6, 0.8, 'medium (0.60-0.79)'],
    [0, 0.6, 'low (< 0.60)'],
  ];
  const lines = ['  calibration of the primary   shown  right'];
  for (const [lo, hi, label] of bands) {
    const inBand = cal.filter(([c]) => c >= lo && c < hi);
    const right = inBand.filter(([, ok]) => ok).length;
    lines.push(`    ${label.padEnd(26)} ${String(inBand.length).padStart(5)}  ${pct(right, inBand.length)}`);
  }
  return lines;
}
