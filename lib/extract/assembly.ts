import type { Accusation, Actor, Facets } from '../types';
import { getGazetteer } from '../actors/gazetteer';
import type { ExtractorModel } from './model';
import type { ArticleReading } from './extract-accusations';
import { contributions, logit, sigmoid } from './logistic';
import { facetCandidates, facetsFor } from './facets';
import { describeFeature } from './reasons';
import type { PairRow } from './pairs';
import type { ChargeRow } from './charge';
import type { ActorRef } from './candidates';

interface ScoredPair {
  row: PairRow;
  /** The pair against none at all (what the threshold reads). */
  p: number;
  /** The pair's share among all the article's pairs and none (what the confidence reads). */
  share: number;
  charge: ChargeRow;
  chargeP: number;
  chargeCandidates: ChargeRow[];
}

/** A score band's share of accusations right, from the model's cross-validated calibration. */
export function calibrated(model: ExtractorModel, score: number): number {
  let out = score;
  for (const [lower, precision] of model.calibration) if (score >= lower) out = precision;
  return Math.round(Math.min(0.99, Math.max(0.01, out)) * 100) / 100;
}

/** Scores every pair and its charges; the pairs at or above the threshold, best first. */
export function scorePairs(reading: ArticleReading, model: ExtractorModel): ScoredPair[] {
  const out: ScoredPair[] = [];
  const z = reading.pairs.map(({ row }) => logit(model.pair, row.features));
  const top = Math.max(0, ...z);
  const total = z.reduce((s, v) => s + Math.exp(v - top), Math.exp(-top));
  for (const [i, { row, charges }] of reading.pairs.entries()) {
    const p = sigmoid(z[i]!);
    const share = Math.exp(z[i]! - top) / total;
    const cz = charges.map((c) => logit(model.charge, c.features));
    const ctop = Math.max(...cz);
    const exp = cz.map((v) => Math.exp(v - ctop));
    const sum = exp.reduce((s, v) => s + v, 0);
    let best = 0;
    for (let k = 1; k < cz.length; k++) if (cz[k]! > cz[best]!) best = k;
    out.push({ row, p, share, charge: charges[best]!, chargeP: exp[best]! / sum, chargeCandidates: charges });
  }
  return out.sort((x, y) => y.p - x.p || (x.row.candidates[0]?.index ?? 1e9) - (y.row.candidates[0]?.index ?? 1e9));
}

function actorOfRef(ref: ActorRef): Actor {
  const names = getGazetteer().names;
  if (ref.mention) return { code: ref.mention.code, name: ref.mention.name, detail: ref.mention.detail };
  return { code: ref.code, name: names.get(ref.code) ?? ref.code, detail: ref.source === 'publisher' ? 'state media' : '' };
}

/**
 * The article's accusations from its scored pairs: each pair at or above the threshold with its best charge, the
 * rules' quote and actors where they read the same accusation, else the pair's best-placed sentence; the other
 * charges the rules read for a shown pair follow. A pair whose reverse scores higher is shown only when the article
 * says the two sides accuse each other: the accused side's reply is its denial, never a second main accusation
 * that turns the roles around.
 */
export function assembleScored(reading: ArticleReading, model: ExtractorModel): Accusation[] {
  // The best pair needs the threshold; another pair needs the higher one, or the threshold and a rule's reading.
  const all = scorePairs(reading, model);
  const scored = all.filter((s, i) => {
    const rules = ruleCount(reading, s.row);
    if (!s.row.candidates.length && !rules) return false;
    // An accusation needs a charge: a charge word in one of the pair's sentences, or a rule that read one.
    if (!rules && !s.row.candidates.some((c) => c.read.charges.length)) return false;
    return s.p >= model.secondaryThreshold || (s.p >= model.threshold && (i === 0 || rules > 0));
  });
  // Which way the main pair's accusation runs is the direction model's call, and a coin toss between the two
  // readings shows nothing rather than risk turning the roles around (unless the two sides accuse each other).
  const top = scored[0];
  if (top && !isMutual(reading, top.row)) {
    const reverse = all.find((x) => x.row.accuser === top.row.accused && x.row.accused === top.row.accuser);
    if (reverse) {
      const d = logit(model.direction, top.row.features) - logit(model.direction, reverse.row.features);
      if (Math.abs(d) < model.reverseMargin) return [];
      if (d < 0) scored[0] = { ...reverse, p: top.p, share: top.share };
    }
  }
  const shown: ScoredPair[] = [];
  for (const s of scored) {
    const reverse = shown.find((x) => x.row.accuser === s.row.accused && x.row.accused === s.row.accuser);
    if (reverse && !isMutual(reading, s.row)) continue;
    shown.push(s);
  }
  let articleFacets: Facets | undefined;
  const facets = (code: string) => facetsFor(code, (articleFacets ??= facetCandidates(reading.body.map((r) => r.sentence.text))), reading.denials);
  const out: Accusation[] = [];
  for (const s of shown) {
    const { row, charge } = s;
    const confidence = calibrated(model, s.share * s.chargeP);
    const why = contributions(model.pair, row.features, 3)
      .filter(([, v]) => v > 0)
      .map(([name]) => describeFeature(name));
    const scoreReason = `scored ${s.p.toFixed(2)} as who accuses whom${why.length ? ` (${why.join('; ')})` : ''}; charge ${charge.category} at ${s.chargeP.toFixed(2)}`;
    const samePair = reading.ruleAccusations.filter((a) => a.accuser.code === row.accuser && a.accused.code === row.accused);
    const rule = samePair.find((a) => a.charge.category === charge.category);
    if (rule) out.push({ ...rule, confidence, facets: facets(row.accused), reasons: [...rule.reasons, scoreReason] });
    else {
      const best = row.candidates.find((c) => c.read.charges.some((h) => h.category === charge.category)) ?? row.candidates[0];
      const anyRule = samePair[0];
      if (!best && !anyRule) continue;
      const read = best?.read;
      out.push({
        accuser: anyRule?.accuser ?? actorOfRef(best!.accuser),
        accused: anyRule?.accused ?? actorOfRef(best!.accused),
        charge: { category: charge.category, text: charge.text || anyRule?.charge.text || '' },
        quote: read ? read.sentence.text : anyRule!.quote,
        location: read ? { field: read.field, start: read.sentence.start, end: read.sentence.end } : anyRule!.location,
        mentions: Math.max(1, row.candidates.length),
        confidence,
        facets: facets(row.accused),
        reasons: [
          ...(best && best.accuser.source !== 'sentence' ? [`accuser ${best.accuser.code} from the ${best.accuser.source}`] : []),
          scoreReason,
        ],
      });
    }
    for (const other of samePair)
      if (other !== rule)
        out.push({
          ...other,
          confidence: Math.min(other.confidence, confidence),
          facets: facets(row.accused),
          reasons: [...other.reasons, 'another charge of the same pair'],
        });
  }
  return out;
}

function ruleCount(reading: ArticleReading, row: PairRow): number {
  return reading.ruleAccusations.filter((a) => a.accuser.code === row.accuser && a.accused.code === row.accused).length;
}

/** The rules read the two sides accusing each other ("accused each other", "traded accusations"). */
function isMutual(reading: ArticleReading, row: PairRow): boolean {
  return reading.ruleAccusations.some(
    (a) => a.accuser.code === row.accuser && a.accused.code === row.accused && a.reasons.some((r) => r.startsWith('mutual accusation')),
  );
}
