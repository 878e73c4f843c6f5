import type { Accusation, ChargeCategory, Relation } from '../types';
import { chargeSimilarity } from '../charges/taxonomy';
import { CATEGORY_LABELS } from '../charges/taxonomy';
import { relationBetween, RELATION_WEIGHT } from './relations';

/** A stored accusation as the matcher sees it: roles, charge, date, words, and which report it came from. */
export interface StoredAccusation {
  reportId: string;
  /** Position of the accusation in its report. */
  index?: number;
  accuser: { code: string; name: string; detail: string };
  accused: { code: string; name: string; detail: string };
  category: ChargeCategory;
  chargeText: string;
  quote: string;
  publishedAt: string | null;
}

/** The matcher's view of accusation `index` of a report. */
export function toStoredAccusation(
  reportId: string,
  a: Pick<Accusation, 'accuser' | 'accused' | 'quote'> & { charge: Pick<Accusation['charge'], 'category' | 'text'> },
  index: number,
  publishedAt: string | null,
): StoredAccusation {
  return {
    reportId,
    index,
    accuser: a.accuser,
    accused: a.accused,
    category: a.charge.category,
    chargeText: a.charge.text,
    quote: a.quote,
    publishedAt,
  };
}

export interface Counterclaim {
  stored: StoredAccusation;
  /** Index of the current article's accusation that it answers. */
  against: number;
  relation: Relation;
  score: number;
  reasons: string[];
}

const STOP = new Set(
  'the a an of and or to in on for with by at from as is are was were be been has have had it its this that these those their his her our we they he she said says say will would could also but not than more over after before into about against who which what when where while china chinese government ministry foreign accused accuses accusing accusation group'.split(
    ' ',
  ),
);

/** The most that shared words add to a score. */
export const MAX_WORD_BONUS = 0.1;
/** What each shared word adds, up to MAX_WORD_BONUS. */
const WORD_BONUS = 0.025;

function keywords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}[\p{L}-]{3,}/gu) ?? []).filter((w) => !STOP.has(w)));
}

/**
 * The words of an accusation that the shared-words bonus compares (its charge words and quote), distinct, between
 * spaces: what the library's match index keeps per posting so that a score is exact without reading the report.
 */
export function matchWords(chargeText: string, quote: string): string {
  return [...keywords(`${chargeText} ${quote}`)].join(' ');
}

/** The shared-words bonus of a stored accusation whose `matchWords` are `words` (split), against the current words. */
export function wordBonus(words: readonly string[], current: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of words) if (current.has(w)) shared++;
  return Math.min(MAX_WORD_BONUS, shared * WORD_BONUS);
}

/** The current accusation's words, as `wordBonus` takes them. */
export function currentWords(a: Accusation): Set<string> {
  return keywords(`${a.charge.text} ${a.quote}`);
}

/** Whole days between two dates, or null when either is missing or not a date. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const d = Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  return Number.isFinite(d) ? Math.round(d) : null;
}

/**
 * The score of a counterclaim: relation weight, charge similarity and recency (full weight within a month, fading to
 * 0.6 after three years, 0.8 when undated: an old reversal still shows), plus the shared-words bonus, rounded to
 * thousandths. The one formula of the ranking: the library's index pruning uses it too, with no bonus.
 */
export function counterclaimScore(relation: Relation, similarity: number, days: number | null, wordBonus = 0): number {
  const recency = days === null ? 0.8 : Math.max(0.6, 1 - (Math.max(0, days - 30) / 1095) * 0.4);
  return Math.round(Math.min(1, RELATION_WEIGHT[relation] * similarity * recency * 0.9 + wordBonus) * 1000) / 1000;
}

/**
 * Ranks stored accusations as counterclaims of the current article's accusations, best first. Each carries its
 * relation, a score in [0, 1] and readable reasons. Echoes are included (the caller shows them apart).
 */
export function rankCounterclaims(
  current: Accusation[],
  publishedAt: string | null,
  stored: StoredAccusation[],
  options: { excludeReportId?: string | null } = {},
): Counterclaim[] {
  const best = new Map<string, Counterclaim>();
  current.forEach((a, index) => {
    const ak = currentWords(a);
    for (const b of stored) {
      if (options.excludeReportId && b.reportId === options.excludeReportId) continue;
      const relation = relationBetween({ accuser: a.accuser.code, accused: a.accused.code }, { accuser: b.accuser.code, accused: b.accused.code });
      if (!relation) continue;
      const sim = chargeSimilarity(a.charge.category, b.category);
      if (sim === 0) continue;
      const reasons: string[] = [];
      reasons.push(describeRelation(relation, a, b));
      reasons.push(
        sim === 1 || (sim > 0 && a.charge.category === b.category)
          ? `same charge: ${CATEGORY_LABELS[b.category].toLowerCase()}`
          : `related charges: ${CATEGORY_LABELS[a.charge.category].toLowerCase()} and ${CATEGORY_LABELS[b.category].toLowerCase()}`,
      );
      const days = daysBetween(publishedAt, b.publishedAt);
      if (days !== null) reasons.push(days === 0 ? 'published the same day' : `${days} day${days === 1 ? '' : 's'} apart`);
      const shared = [...keywords(`${b.chargeText} ${b.quote}`)].filter((w) => ak.has(w));
      if (shared.length) reasons.push(`shared words: ${shared.slice(0, 5).join(', ')}`);
      const score = counterclaimScore(relation, sim, days, Math.min(MAX_WORD_BONUS, shared.length * WORD_BONUS));
      const key = `${b.reportId}|${b.accuser.code}|${b.accused.code}|${b.category}`;
      const prev = best.get(key);
      if (!prev || prev.score < score) best.set(key, { stored: b, against: index, relation, score, reasons });
    }
  });
  return [...best.values()].sort((x, y) => y.score - x.score);
}

function describeRelation(relation: Relation, a: Accusation, b: StoredAccusation): string {
  switch (relation) {
    case 'reversal':
      return `${b.accuser.name} accuses ${b.accused.name} back`;
    case 'mirror':
      return `${a.accused.name}, accused here, accuses ${b.accused.name} there`;
    case 'turnabout':
      return `${a.accuser.name}, the accuser here, is accused by ${b.accuser.name} there`;
    case 'echo':
      return `${b.accuser.name} also accuses ${b.accused.name}`;
  }
}
