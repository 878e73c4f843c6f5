import type { Accusation, Actor, Charge, ChargeCategory, Facets } from '../types';

const NO_FACETS: Facets = { targets: [], evidence: [], response: [], denial: [] };
import { type Mention } from '../actors/mentions';
import { getGazetteer } from '../actors/gazetteer';
import { Candidate } from './rules/run';
export const LOCATION_WEIGHT = (c: Candidate) =>
  c.read.field === 'title' ? 3 : c.read.sentence.paragraph === 0 ? 2 : c.read.sentence.paragraph <= 2 ? 1.5 : 1;

export function actorOf(m: Mention): Actor {
  return { code: m.code, name: m.name, detail: m.detail };
}

export function assemble(candidates: Candidate[], titleCodes: Set<string>): Accusation[] {
  const igo = getGazetteer().igoCodes;
  // Complete accusations whose accuser is named elsewhere (headlines such as "China accused of ...").
  const complete = candidates.filter((c) => c.accuser);
  for (const c of candidates) {
    if (c.accuser) continue;
    const category = c.charge?.category;
    const peers = complete.filter((p) => p.accused.code === c.accused.code && (!category || p.charge?.category === category));
    // A denial says what was charged but not by whom: only an accusation of the same charge lends its accuser.
    const pool = peers.length || c.rule.startsWith('denied') ? peers : complete.filter((p) => p.accused.code === c.accused.code);
    if (!pool.length) continue;
    const best = [...pool].sort((x, y) => accuserPreference(y, titleCodes, igo) - accuserPreference(x, titleCodes, igo))[0]!;
    c.accuser = best.accuser;
    c.confidence -= 0.05;
    c.reasons.push(`accuser ${best.accuser!.code} taken from the article's other accusation: "${best.read.sentence.text.slice(0, 80)}"`);
  }
  // A vague charge ("attack", or none the lexicon knows) takes the specific charge the article gives the same pair.
  for (const c of candidates) {
    if (!c.accuser || (c.charge && !c.charge.weak)) continue;
    const specific = candidates.find(
      (p) => p !== c && p.accuser?.code === c.accuser!.code && p.accused.code === c.accused.code && p.charge && !p.charge.weak,
    );
    if (specific) {
      c.reasons.push(
        `vague charge "${c.charge?.text ?? c.fallbackChargeText}" read as ${specific.charge!.category}, as elsewhere in the article ("${specific.charge!.text}")`,
      );
      c.charge = specific.charge;
    }
  }
  // An armed act named by its means ("drone attack", "missile strike") that the accuser itself calls something else
  // ("Lapid called the strike 'Iranian terrorism'") is what the accuser says it is.
  for (const c of candidates) {
    if (!c.accuser || c.charge?.category !== 'military_aggression') continue;
    const called = candidates.find(
      (p) =>
        p.rule === 'called it a charge' &&
        p.accuser?.code === c.accuser!.code &&
        p.accused.code === c.accused.code &&
        p.charge &&
        !p.charge.weak &&
        p.charge.category !== 'military_aggression',
    );
    if (called) {
      c.reasons.push(`the act "${c.charge.text}" read as ${called.charge!.category}: the accuser calls it "${called.charge!.text}"`);
      c.charge = called.charge;
    }
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!c.accuser || c.accuser.code === c.accused.code) continue;
    const category: ChargeCategory = c.charge?.category ?? c.fallbackCategory ?? 'other';
    const key = `${c.accuser.code}|${c.accused.code}|${category}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const scored = [...groups.values()].map((group) => {
    const score =
      group.reduce((s, c) => s + c.confidence * LOCATION_WEIGHT(c), 0) +
      accuserPreference(group[0]!, titleCodes, igo) +
      (titleCodes.has(group[0]!.accused.code) ? 0.5 : 0);
    // The quote to show: a body sentence that names both sides, else the headline.
    const best = [...group].sort((a, b) => quoteRank(b) - quoteRank(a))[0]!;
    const firstSeen = Math.min(...group.map((c) => candidates.indexOf(c)));
    return { group, score, best, firstSeen };
  });
  // Equal scores keep the article's order: "The United States and Britain accused China" puts the US first.
  scored.sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen);
  return scored.map(({ group, best }) => {
    const category: ChargeCategory = best.charge?.category ?? best.fallbackCategory ?? 'other';
    const chargeText = group.find((c) => c.charge && c.charge.category === category)?.charge?.text ?? best.fallbackChargeText;
    const charge: Charge = { category, text: chargeText };
    const confidence = Math.min(0.99, Math.max(...group.map((c) => c.confidence)) + Math.min(0.1, 0.03 * (group.length - 1)));
    const reasons = [...new Set(group.flatMap((c) => c.reasons))];
    if (group.length > 1) reasons.push(`said ${group.length} times in the article`);
    const accuser = mostSpecific(group.map((c) => c.accuser!));
    const accused = mostSpecific(group.map((c) => c.accused));
    return {
      accuser: actorOf(accuser),
      accused: actorOf(accused),
      charge,
      quote: best.read.sentence.text,
      location: { field: best.read.field, start: best.read.sentence.start, end: best.read.sentence.end },
      mentions: group.length,
      confidence: Math.round(confidence * 100) / 100,
      // Filled in for the accusations shown (lib/extract/assembly.ts): most of the rules' readings are not.
      facets: NO_FACETS,
      reasons,
    } satisfies Accusation;
  });
}

export function quoteRank(c: Candidate): number {
  return (c.read.field === 'text' ? 1 : 0) + c.confidence + (c.reasons.some((r) => r.includes('taken from')) ? -0.5 : 0);
}

/** Prefer the detail that says most (a named sub-actor over the bare state). */
export function mostSpecific(mentions: Mention[]): Mention {
  return [...mentions].sort((a, b) => b.detail.length - a.detail.length)[0]!;
}

export function accuserPreference(c: Candidate, titleCodes: Set<string>, igo: Set<string>): number {
  if (!c.accuser) return 0;
  return (titleCodes.has(c.accuser.code) ? 1 : 0) + (igo.has(c.accuser.code) ? 0 : 0.2);
}
