import type { ChargeCategory } from '../../types';
import type { ChargeHit } from '../../charges/lexicon';
import type { Mention } from '../../actors/mentions';
import type { ReadSentence } from '../read';
import { isNegated, mainSubject, objectAfter, quoteOf } from '../syntax';
import {
  ACCUSE,
  AGENT_VERBS,
  ATTRIBUTE,
  BLAME,
  CALL,
  CONDEMNATION,
  COURT_VERBS,
  COURT_WORDS,
  DENOUNCE,
  DENY,
  ECHO_NOUNS,
  ECHO_VERBS,
  HOLD,
  IDENTIFY,
  KIND_CHARGE,
  LEGAL,
  LOOP_WORDS,
  SPEECH,
  TIES_VERBS,
} from '../vocabulary';
import { denialRule } from './denial';
import { accusationRule } from './accusation';
import { condemnationFromRule, denunciationRule } from './condemnation';
import { heldResponsibleRule } from './held-responsible';
import { identifiedAsRule } from './identified-as';
import { attributionRule } from './attribution';
import { legalActionRule } from './legal-action';
import { agentRule } from './agent';
import { courtRule } from './court';
import { cutTiesRule } from './cut-ties';
import { calledItRule } from './called-it';
import { reportedSpeech } from './reported-speech';
import { headlineSpeakerRule } from './headline-speaker';

/** An accusation found in one sentence, before the article-level merge. The accuser may be missing (headline style). */
export interface Candidate {
  accuser: Mention | null;
  accused: Mention;
  charge: ChargeHit | null;
  fallbackChargeText: string;
  /** The category when no charge word was found but the accused's kind suggests one (an intelligence service: espionage). */
  fallbackCategory: ChargeCategory | null;
  rule: string;
  confidence: number;
  reasons: string[];
  read: ReadSentence;
}

/** One sentence's run of the rules: the candidates found so far, and how a rule adds one. */
export class SentenceRun {
  readonly out: Candidate[] = [];
  readonly r: ReadSentence;
  readonly denials: { code: string; text: string }[];

  constructor(r: ReadSentence, denials: { code: string; text: string }[]) {
    this.r = r;
    this.denials = denials;
  }

  add(accuser: Mention | null, accused: Mention, charge: ChargeHit | null, rule: string, confidence: number, words: string, fallback = ''): void {
    if (accuser && accuser.code === accused.code) return;
    const kindCategory = charge ? null : (KIND_CHARGE[accused.kind] ?? null);
    if (!charge && !fallback && !kindCategory) return;
    const reasons = [`${rule}: "${words}"`];
    if (charge) reasons.push(`charge "${charge.text}" is ${charge.category} (lexicon term "${charge.term}"${charge.note ? `; ${charge.note}` : ''})`);
    else if (kindCategory) reasons.push(`no charge word; ${kindCategory} because the accused is a ${accused.kind} ("${accused.detail}")`);
    else reasons.push(`charge not in the lexicon: "${fallback}"`);
    this.out.push({
      accuser,
      accused,
      charge,
      fallbackChargeText: fallback || (kindCategory ? accused.detail : ''),
      fallbackCategory: kindCategory,
      rule,
      confidence: charge?.weak ? confidence - 0.15 : confidence,
      reasons,
      read: this.r,
    });
  }

  /** The sentence's words from token `a` to token `b` (end exclusive, cut at the sentence's end). */
  span(a: number, b: number): string {
    const toks = this.r.tokens;
    return this.r.source.slice(toks[a]!.start, toks[Math.min(b, toks.length) - 1]!.end);
  }
}

/** Adds to `candidates` the accusations one sentence makes. */
export function candidatesIn(r: ReadSentence, denials: { code: string; text: string }[], candidates: Candidate[]): void {
  const run = new SentenceRun(r, denials);
  const out = run.out;
  const src = r.source;
  const toks = r.tokens;
  // Each rule is a function of its own: one function holding them all was too big for V8 to ever optimise.
  for (let ti = 0; ti < toks.length; ti++) {
    const w = toks[ti]!.lower;
    // Most words start no rule: one lookup instead of a dozen.
    if (!LOOP_WORDS.has(toks[ti]!) || r.inActor[ti]) continue;
    if (DENY.has(w)) {
      denialRule(run, ti, w);
      continue;
    }
    if ((ACCUSE.has(w) || BLAME.has(w) || DENOUNCE.has(w) || HOLD.has(w) || ATTRIBUTE.has(w)) && isNegated(r, ti)) continue;

    if (ACCUSE.has(w) || BLAME.has(w)) {
      accusationRule(run, ti, w);
      continue;
    }
    if (CONDEMNATION.has(w) && toks[ti + 1]?.lower === 'from') {
      condemnationFromRule(run, ti);
      continue;
    }
    if (DENOUNCE.has(w)) {
      denunciationRule(run, ti);
      continue;
    }
    if (HOLD.has(w)) {
      heldResponsibleRule(run, ti);
      continue;
    }
    if (IDENTIFY.has(w)) {
      identifiedAsRule(run, ti);
      continue;
    }
    if (ATTRIBUTE.has(w)) {
      attributionRule(run, ti, w);
      continue;
    }
    if (LEGAL.has(w)) {
      legalActionRule(run, ti);
      continue;
    }
    if (AGENT_VERBS.has(w) || (w === 'by' && r.charges.some((c) => c.to === ti))) {
      agentRule(run, ti, w);
      continue;
    }
    if (COURT_VERBS.has(w) && COURT_WORDS.test(r.sentence.text)) courtRule(run, ti);
    if (TIES_VERBS.has(w)) cutTiesRule(run, ti);
    // In a sentence that denies, "calling it propaganda" characterises the allegation: a denial, never an accusation.
    if (CALL.has(w) && !['for', 'on', 'upon'].includes(toks[ti + 1]?.lower ?? '') && !toks.some((t, i) => i < ti && DENY.has(t.lower)))
      calledItRule(run, ti, w);
    if (SPEECH.has(w)) reportedSpeech(run, ti);
  }
  // "Israel calls for UN action over Iranian terrorism": a charge qualified by a demonym, in a sentence whose
  // subject is another state, is that state's accusation (weaker: no verb says it outright).
  if (!out.length) {
    const subj = mainSubject(r);
    for (const m of r.mentions) {
      if (m.surface !== 'demonym' || !subj || subj.code === m.code || quoteOf(r, m.from)) continue;
      const charge = r.charges.find((c) => c.from >= m.to && c.from <= m.to + 1);
      if (charge && !charge.weak) run.add(subj, m, charge, 'a charge named with the accused', 0.55, src.slice(m.start, charge.end));
    }
  }
  // "Britain accused Russia of ..., a charge echoed by the United States": the echoing actors accuse too.
  for (let k = 0; k < toks.length && out.length; k++) {
    if (!ECHO_VERBS.has(toks[k]!) || toks[k + 1]?.lower !== 'by') continue;
    if (!toks.slice(Math.max(0, k - 3), k).some((t) => ECHO_NOUNS.has(t.lower))) continue;
    const echoing = objectAfter(r, src, k + 1);
    for (const c of [...out])
      for (const a of echoing)
        if (c.accuser && c.accused.from < k) run.add(a, c.accused, c.charge, 'a charge echoed', 0.7, run.span(k, k + 2), c.fallbackChargeText);
  }
  // "ROK drone intrusion is grave military provocation: DPRK Foreign Ministry": a headline's closing speaker says it.
  if (!out.length && r.field === 'title') headlineSpeakerRule(run);
  // One sentence says an accusation once, however many rules read it.
  const seen = new Map<string, Candidate>();
  for (const c of out) {
    const key = `${c.accuser?.code ?? '?'}|${c.accused.code}|${c.charge?.category ?? c.fallbackCategory ?? 'other'}`;
    const prev = seen.get(key);
    if (!prev) seen.set(key, c);
    else if (c.confidence > prev.confidence) seen.set(key, { ...c, reasons: [...c.reasons, ...prev.reasons] });
    else prev.reasons.push(...c.reasons);
  }
  for (const c of seen.values()) candidates.push(c);
}
