import type { Accusation, ChargeCategory } from '../types';
import { CHARGE_CATEGORIES } from '../types';
import { chargeSimilarity } from '../charges/taxonomy';
import { relationBetween, RELATION_WEIGHT, type RoleCodes } from '../match/relations';
import { counterclaimScore, currentWords, daysBetween, MAX_WORD_BONUS, wordBonus } from '../match/rank-counterclaims';
import type { LibraryDB, PostingRecord, PostingRole } from './db';
import { listPrefix, readList } from './postings';

/*
 * The matcher's first half: which postings of the match index can answer an article, and how well, from the index
 * alone; and which of them can make the best `limit`. reports.ts reads the reports of those it keeps and ranks them.
 */

const SIMILAR_CATEGORIES = new Map<ChargeCategory, ChargeCategory[]>(
  CHARGE_CATEGORIES.map((c) => [c, CHARGE_CATEGORIES.filter((d) => chargeSimilarity(c, d) > 0)]),
);

/** The categories that match `category` (itself and its related ones). */
export function similarCategories(category: ChargeCategory): ChargeCategory[] {
  return SIMILAR_CATEGORIES.get(category) ?? [category];
}

/** A posting that answers the current article: where it is, and its score bounds (see `scoreCandidates`). */
export interface Candidate {
  chunk: PostingRecord;
  at: number;
  /** Its score at best over the current accusations, the shared words counted when the posting keeps them. */
  lo: number;
  /** The most it can score: `lo`, or with the full shared-words bonus when the posting has no words (schema 3). */
  hi: number;
  /** The current accusation it answers best. */
  against: number;
}

/** One list of the match index that can hold answers to the current article, and the most a posting of it can score. */
interface ListPlan {
  role: PostingRole;
  code: string;
  category: ChargeCategory;
  bound: number;
}

/**
 * The heaviest relation a posting of the list (`role`, `code`) can have to accusation `a`: a stored accuser that is
 * `a`'s accused can accuse back (reversal); a stored accused that is `a`'s accuser can be accused back; a stored
 * accused that is `a`'s accused is only echoed; any other code can still be a mirror or a turnabout.
 */
function heaviestRelation(role: PostingRole, code: string, a: RoleCodes): number {
  if (role === 'accuser') return code === a.accused ? RELATION_WEIGHT.reversal : code === a.accuser ? 0 : RELATION_WEIGHT.turnabout;
  return code === a.accuser ? RELATION_WEIGHT.reversal : code === a.accused ? RELATION_WEIGHT.echo : RELATION_WEIGHT.mirror;
}

/**
 * The lists to read for `current`: per accusation and same or related charge, the accuser list of its accused
 * (reversal, mirror) and the accused lists of its accuser (turnabout) and of its accused (echo). Each with the most
 * any of its postings can score (recency at most 1, the full shared-words bonus, a thousandth for rounding).
 */
function planLists(current: Accusation[]): ListPlan[] {
  const pairs = current.map((a) => ({ accuser: a.accuser.code, accused: a.accused.code }));
  const lists = new Map<string, ListPlan>();
  const add = (role: PostingRole, code: string, category: ChargeCategory) => {
    const key = listPrefix(category, role, code);
    if (lists.has(key)) return;
    let best = 0;
    current.forEach((a, k) => {
      if (a.accuser.code !== a.accused.code)
        best = Math.max(best, heaviestRelation(role, code, pairs[k]!) * chargeSimilarity(a.charge.category, category));
    });
    lists.set(key, { role, code, category, bound: best * 0.9 + MAX_WORD_BONUS + 0.001 });
  };
  for (const a of current) {
    if (a.accuser.code === a.accused.code) continue;
    for (const c of similarCategories(a.charge.category)) {
      add('accuser', a.accused.code, c);
      add('accused', a.accuser.code, c);
      add('accused', a.accused.code, c);
    }
  }
  return [...lists.values()];
}

/** The `limit`-th best score among distinct counterclaims (the ranking keeps one per report and role/charge triple). */
function barOf(candidates: readonly Candidate[], limit: number, rejected: Rejected): number {
  if (candidates.length < limit) return -Infinity;
  const distinct = new Set<string>();
  for (const c of [...candidates].sort((x, y) => y.lo - x.lo)) {
    const { chunk, at } = c;
    if (rejected(c.against, chunk.reportIds[at]!, chunk.indexes[at]!)) continue;
    const isAccuser = chunk.role === 'accuser';
    distinct.add(
      `${chunk.reportIds[at]}|${isAccuser ? chunk.code : chunk.others[at]}|${isAccuser ? chunk.others[at] : chunk.code}|${chunk.category}`,
    );
    if (distinct.size === limit) return c.lo;
  }
  return -Infinity;
}

type Rejected = (against: number, reportId: string, index: number) => boolean;

export interface CandidateOptions {
  /**
   * Only the best `limit` counterclaims are wanted: the lists are then read best bound first, a tier at a time, and
   * the lists whose bound is below the `limit`-th score found so far are never read.
   */
  limit?: number;
  /** The user's rejections: they do not count towards the `limit`. */
  rejected?: Rejected;
}

/**
 * The postings that can answer `current` (same or related charge, and the roles of a reversal, mirror, turnabout
 * or echo), each once and scored from the index alone with the ranking's own formula. Key-range reads of the match
 * index (postings.ts), one per list: never a scan. Works on the chunks' arrays: a large library gives thousands of
 * candidates, and only the few that are returned become rows. With a `limit`, a list is read only when its
 * postings could still make the cut: an echo (weight 0.5) or a related charge (0.6) is often out of reach.
 */
export async function scoreCandidates(
  db: LibraryDB,
  current: Accusation[],
  publishedAt: string | null,
  excluded: ReadonlySet<string>,
  options: CandidateOptions = {},
): Promise<Candidate[]> {
  const plans = planLists(current).sort((x, y) => y.bound - x.bound);
  if (!plans.length) return [];
  // A posting is scored from one list only: its accuser list when that one is planned, else its accused list.
  const owners = new Map<ChargeCategory, Set<string>>();
  for (const p of plans)
    if (p.role === 'accuser') {
      const got = owners.get(p.category);
      if (got) got.add(p.code);
      else owners.set(p.category, new Set([p.code]));
    }
  const read = (tier: ListPlan[]) => Promise.all(tier.map((p) => readList(db.postings, p.category, p.role, p.code)));
  const { limit, rejected = () => false } = options;
  if (limit === undefined) return scoreChunks((await read(plans)).flat(), current, publishedAt, excluded, owners);

  const out: Candidate[] = [];
  for (let i = 0; i < plans.length;) {
    const bound = plans[i]!.bound;
    if (bound < barOf(out, limit, rejected)) break;
    let j = i;
    while (j < plans.length && plans[j]!.bound === bound) j++;
    for (const c of scoreChunks((await read(plans.slice(i, j))).flat(), current, publishedAt, excluded, owners)) out.push(c);
    i = j;
  }
  return out;
}

/**
 * Scores the postings of `chunks` against `current`, skipping `excluded` reports and, in an accused list, the
 * postings whose accuser list is planned too (`owners`: the accuser codes planned, by charge), which are scored there.
 */
export function scoreChunks(
  chunks: readonly PostingRecord[],
  current: Accusation[],
  publishedAt: string | null,
  excluded: ReadonlySet<string>,
  owners: ReadonlyMap<ChargeCategory, ReadonlySet<string>>,
): Candidate[] {
  const words = current.map(currentWords);
  const pairs = current.map((a) => ({ accuser: a.accuser.code, accused: a.accused.code }));
  // Thousands of postings share a few hundred dates.
  const days = new Map<string | null, number | null>();
  const row = { accuser: '', accused: '' };
  const out: Candidate[] = [];
  for (const chunk of chunks) {
    const isAccuser = chunk.role === 'accuser';
    const seen = isAccuser ? undefined : owners.get(chunk.category);
    const sims = current.map((a) => chargeSimilarity(a.charge.category, chunk.category));
    for (let at = 0; at < chunk.reportIds.length; at++) {
      if (excluded.has(chunk.reportIds[at]!)) continue;
      const other = chunk.others[at]!;
      if (seen?.has(other)) continue;
      row.accuser = isAccuser ? chunk.code : other;
      row.accused = isAccuser ? other : chunk.code;
      const date = chunk.dates[at] ?? null;
      let d = days.get(date);
      if (d === undefined) days.set(date, (d = daysBetween(publishedAt, date)));
      const w = chunk.words ? (chunk.words[at] ?? '') : null;
      let split: string[] | null = null;
      let answers = false;
      let lo = 0;
      let hi = 0;
      let against = 0;
      for (let k = 0; k < current.length; k++) {
        const sim = sims[k]!;
        const relation = sim === 0 ? null : relationBetween(pairs[k]!, row);
        if (!relation) continue;
        if (w !== null) split ??= w ? w.split(' ') : [];
        const score = counterclaimScore(relation, sim, d, split === null ? 0 : wordBonus(split, words[k]!));
        hi = Math.max(hi, w === null ? counterclaimScore(relation, sim, d, MAX_WORD_BONUS) : score);
        answers = true;
        if (score > lo) {
          lo = score;
          against = k;
        }
      }
      if (answers) out.push({ chunk, at, lo, hi, against });
    }
  }
  return out;
}

/**
 * Picks the candidates that can make the best `limit` counterclaims, before any report is read: the `limit`-th
 * distinct counterclaim (the ranking keeps one per report and role/charge triple) sets the bar, and only candidates
 * that can reach it are kept, so the cut is exact. A posting without words (schema 3) is kept on its upper bound.
 * Candidates of judged reports are always kept. Rejected counterclaims do not count towards the `limit` (they are
 * hidden or shown last).
 */
export function selectCandidates(candidates: Candidate[], limit: number, judged: (reportId: string) => boolean, rejected: Rejected): Candidate[] {
  if (candidates.length <= limit) return candidates;
  const bar = barOf(candidates, limit, rejected);
  return candidates.filter((c) => c.hi >= bar || judged(c.chunk.reportIds[c.at]!)).sort((x, y) => y.lo - x.lo);
}
