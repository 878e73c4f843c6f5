import type { Accusation, ChargeCategory } from '../types';
import type { ChargeHit } from '../charges/lexicon';
import type { ReadSentence } from './read';
import { inReach } from './candidates';
import { positionWeight, type Features } from './features';
import type { PairRow } from './pairs';

/** One charge category a pair's accusation may be of, with what the article says for it. */
export interface ChargeRow {
  category: ChargeCategory;
  features: Features;
  /** The article's words for it, best placed first ("malicious cyber campaign"). */
  text: string;
}

/** What the headline and lead say of each charge category, read once per article and shared by its pairs. */
export interface LeadCharges {
  /** Each category in the order its words first appear, with their words and the article-level features. */
  rows: { category: ChargeCategory; text: string; features: Features }[];
  counts: Map<ChargeCategory, number>;
  first: ChargeHit | null;
}

export function readLeadCharges(all: readonly ReadSentence[]): LeadCharges {
  const byCategory = new Map<ChargeCategory, { category: ChargeCategory; text: string; features: Features }>();
  const counts = new Map<ChargeCategory, number>();
  let first: ChargeHit | null = null;
  for (const r of all) {
    if (!inReach(r)) continue;
    for (const h of r.charges) {
      first ??= h;
      counts.set(h.category, (counts.get(h.category) ?? 0) + 1);
      let row = byCategory.get(h.category);
      if (!row) byCategory.set(h.category, (row = { category: h.category, text: h.text, features: new Map() }));
      if (r.isHeadline) row.features.set('in-headline', 1);
      row.features.set(h.weak ? 'weak-term' : 'strong-term', 1);
    }
  }
  return { rows: [...byCategory.values()], counts, first };
}

/**
 * The charge categories an accusation of `pair` may be of: those of the charge words (event words, document types)
 * of the headline and lead, those the rules gave the pair, and `other`; each with where its words stand to the pair.
 * The headline and lead are read together: a headline's "hacking" and a lead's "cyber campaign" are one charge.
 */
export function chargeRows(pair: PairRow, lead: LeadCharges, ruleAccusations: readonly Accusation[]): ChargeRow[] {
  const rows = new Map<ChargeCategory, ChargeRow>();
  for (const r of lead.rows) rows.set(r.category, { category: r.category, text: r.text, features: new Map(r.features) });
  const rowOf = (category: ChargeCategory, text: string) => {
    let row = rows.get(category);
    if (!row) rows.set(category, (row = { category, features: new Map(), text }));
    return row;
  };
  const max = (f: Features, name: string, v: number) => {
    if (v > (f.get(name) ?? 0)) f.set(name, v);
  };
  const { counts, first: firstHit } = lead;
  for (const c of pair.candidates) {
    const r = c.read;
    if (!r.charges.length) continue;
    const w = positionWeight(r);
    const b = c.accused.mention!;
    let nearest: ChargeHit | null = null;
    for (const h of r.charges) {
      const row = rowOf(h.category, h.text);
      max(row.features, h.weak ? 'in-pair-sentence-weak' : 'in-pair-sentence', w);
      if (h.from >= b.to && h.from <= b.to + 12) max(row.features, 'after-accused', w);
      if (!nearest || Math.abs(h.from - b.to) < Math.abs(nearest.from - b.to)) nearest = h;
    }
    if (nearest) max(rowOf(nearest.category, nearest.text).features, 'nearest-accused', w);
  }
  // The pair's first sentence (the headline's, or the lead's earliest) says its charge most plainly.
  const first = [...pair.candidates].sort((x, y) => x.index - y.index)[0];
  if (first) {
    const b = first.accused.mention!;
    let nearest: ChargeHit | null = null;
    for (const h of first.read.charges) {
      max(rowOf(h.category, h.text).features, h.weak ? 'in-first-pair-sentence-weak' : 'in-first-pair-sentence', 1);
      if (!h.weak && (!nearest || Math.abs(h.from - b.to) < Math.abs(nearest.from - b.to))) nearest = h;
    }
    if (nearest) max(rowOf(nearest.category, nearest.text).features, 'nearest-in-first-pair-sentence', 1);
  }
  ruleAccusations.forEach((acc, rank) => {
    const row = rowOf(acc.charge.category, acc.charge.text);
    if (acc.accuser.code === pair.accuser && acc.accused.code === pair.accused) {
      // A rule that found no charge word names the charge by the words after "of" ("other"): a weaker reading.
      const fallback = acc.reasons.some((r) => r.startsWith('charge not in the lexicon') || r.startsWith('no charge word'));
      max(row.features, fallback ? 'rule:pair-without-charge-word' : 'rule:pair', acc.confidence);
      if (rank === 0) max(row.features, 'rule:pair-primary', 1);
    } else max(row.features, 'rule:other-pair', acc.confidence);
  });
  rowOf('other', '');
  for (const row of rows.values()) {
    const f = row.features;
    f.set(`category:${row.category}`, 1);
    f.set('bias:charge', 1);
    const n = counts.get(row.category) ?? 0;
    if (n) f.set('count', Math.log1p(n));
    if (firstHit && firstHit.category === row.category) f.set('first-in-article', 1);
    if (row.category === 'other' && !counts.size) f.set('no-charge-words', 1);
  }
  return [...rows.values()];
}
