import type { ChargeCategory } from '../types';
import { type ChargeHit } from '../charges/lexicon';
import { type Mention } from '../actors/mentions';
import { getGazetteer } from '../actors/gazetteer';
import type { ReadSentence } from './read';
import {
  anaphoraAfter,
  anyCharge,
  beneficiaryAfter,
  chargeAfter,
  clauseFrom,
  coordinatedSubject,
  coordinatesVerb,
  crossesClause,
  demonymAt,
  inRange,
  isNegated,
  headlineSpeaker,
  mainSubject,
  objectAfter,
  ofPhrase,
  quoteOf,
  speakerAt,
  speakerOf,
  subjectBefore,
} from './syntax';
import {
  ACCUSE,
  AFTER_COMMA,
  AGENT_VERBS,
  ALLEGATION,
  ATTRIBUTE,
  BEHIND,
  BLAME,
  CALL,
  CONDEMNATION,
  COPULA,
  COUNTER,
  COURT_VERBS,
  COURT_WORDS,
  DENOUNCE,
  DENY,
  DOCUMENT,
  ECHO_NOUNS,
  ECHO_VERBS,
  HAS_APOSTROPHE,
  HOLD,
  HOLD_COMPLEMENT,
  IDENTIFY,
  IDENTIFY_COMPLEMENT,
  JOIN_VERBS,
  KIND_CHARGE,
  LEGAL,
  LINK_WORD,
  LOOP_WORDS,
  LOOSE_ATTRIBUTE,
  NEGATOR,
  OBJECT_JOIN,
  PASSIVE_AUX,
  SPEECH,
  SPEECH_BREAK,
  STARTS_PUNCTUATION,
  TARGET_PREP,
  TIES,
  TIES_VERBS,
  VERB_FORM,
} from './vocabulary';
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

export function denialRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const subj = subjectBefore(r, src, ti);
  for (const d of subj) run.denials.push({ code: d.code, text: r.sentence.text });
  let allegation = false;
  // "India rejected Pakistan's allegation that it sponsors terrorism": the allegation is Pakistan's, against India.
  for (let k = ti + 1; k < Math.min(toks.length, ti + 8); k++) {
    if (!ALLEGATION.has(toks[k]!.lower)) continue;
    // The allegation's owner before it ("Pakistan's allegation", "a British accusation") or after it
    // ("accusations by the United States").
    const by = ['by', 'from'].includes(toks[k + 1]?.lower ?? '') ? k + 1 : -1;
    const owner =
      r.mentions.find((m) => m.to <= k && m.from > ti) ??
      demonymAt(r, k - 1) ??
      (by > 0 ? r.mentions.find((m) => m.from === by + 1 || (m.from === by + 2 && toks[by + 1]!.lower === 'the')) : undefined);
    const named = objectAfter(r, src, k);
    const accused = named.find((m) => m.code !== owner?.code) ?? subj[0];
    // The allegation's own charge: before the next rule word ("... and accused Canada of ...") and close by.
    const nextRule = toks.findIndex((t, i) => i > k && (ACCUSE.has(t.lower) || BLAME.has(t.lower)));
    const charge = r.charges.find((c) => c.from > k && c.from <= k + 10 && (nextRule < 0 || c.from < nextRule)) ?? null;
    if (owner && accused) run.add(owner, accused, charge, 'rejected allegation', 0.8, run.span(ti, k + 1));
    allegation = true;
    break;
  }
  // "Russia denies its fighter jets violated Estonian airspace", "The Kremlin denied interfering": what a state
  // denies doing is what it stands accused of, by an accuser the article names elsewhere (else nothing is read).
  const head = subj[0];
  if (!allegation && head && w.startsWith('den') && !quoteOf(r, ti)) {
    const nextRule = toks.findIndex((t, i) => i > ti && (ACCUSE.has(t.lower) || BLAME.has(t.lower) || SPEECH.has(t.lower)));
    const charge = r.charges.find((c) => c.from > ti && c.from <= ti + 8 && (nextRule < 0 || c.from < nextRule) && !c.weak);
    const other = r.mentions.find(
      (m) => m.from > ti && m.code !== head.code && m.to <= (charge?.from ?? 0) && !['its', 'their'].includes(toks[m.from - 1]?.lower ?? ''),
    );
    if (charge && !other) run.add(null, head, charge, 'denied a charge (the accused side)', 0.6, run.span(ti, charge.to));
  }
}

export function accusationRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const next = toks[ti + 1]?.lower;
  const prev = toks[ti - 1]?.lower;
  // A gerund is a trigger only as a participle ("..., accusing X") or a progressive ("is accusing");
  // "blaming the killing on a few agents would not satisfy Turkey" accuses no one.
  const gapBefore = src.slice(toks[ti - 1]?.end ?? r.sentence.start, toks[ti]!.start);
  // "a report accusing the US of ...": a document's accusation is its author's.
  const ofDocument = w.endsWith('ing') && DOCUMENT.has(prev ?? '');
  if (
    w.endsWith('ing') &&
    !ofDocument &&
    !AFTER_COMMA.test(gapBefore) &&
    !['in', 'after', 'while', 'and', 'by', 'is', 'are', 'was', 'were', 'been', 'of'].includes(prev ?? '') &&
    ti > 0
  )
    return;
  if (next === 'each' || next === 'one') {
    const subj = subjectBefore(r, src, ti);
    const charge = chargeAfter(r, ti);
    for (const a of subj)
      for (const b of subj) if (a !== b) run.add(a, b, charge, 'mutual accusation', 0.85, run.span(ti, ti + 3), ofPhrase(r, src, ti));
    return;
  }
  const on = BLAME.has(w) ? toks.findIndex((t, i) => i > ti && i <= ti + 6 && t.lower === 'on') : -1;
  if (on > 0 && r.mentions.some((m) => m.from === on + 1 || (m.from === on + 2 && toks[on + 1]!.lower === 'the'))) {
    // "The attack was blamed on Russia" / "Kyiv blamed the attack on Moscow".
    const accused = objectAfter(r, src, on);
    // "... was blamed on North Korea by South Korean officials": the agent follows.
    const last = accused[accused.length - 1];
    const by = last && toks[last.to]?.lower === 'by' ? last.to : -1;
    const agents = by > 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [];
    const accusers: (Mention | null)[] = prev && PASSIVE_AUX.has(prev) ? (agents.length ? agents : [null]) : [subjectBefore(r, src, ti)[0] ?? null];
    for (const a of accusers) for (const b of accused) run.add(a, b, anyCharge(r, ti), 'blamed on', 0.8, run.span(ti, ti + 2));
    return;
  }
  const passive =
    (prev !== undefined && PASSIVE_AUX.has(prev)) || next === 'of' || next === 'by' || next === 'for' || next === 'over' || next === undefined;
  if (passive) {
    // "Iran was blamed by Israel, Britain and the United States for ..."; a person accused "of spying for China".
    let accused = subjectBefore(r, src, ti);
    const by = toks.findIndex((t, i) => i > ti && i <= ti + 3 && t.lower === 'by');
    const agents = by >= 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [];
    const group = agents.length ? objectAfter(r, src, by).slice(0, 6) : [];
    if (!accused.length || accused.every((m) => m.kind === 'official')) {
      const forWhom = beneficiaryAfter(r, src, ti);
      if (forWhom.length) accused = forWhom;
    }
    if (!accused.length) return;
    const accusers: (Mention | null)[] = group.length ? group : [null];
    const charge = chargeAfter(r, ti);
    for (const a of accusers)
      for (const b of accused)
        run.add(
          a,
          b,
          charge,
          a ? 'passive accusation with agent' : 'passive accusation, accuser named elsewhere',
          a ? 0.85 : 0.7,
          run.span(ti, ti + 2),
          ACCUSE.has(w) ? ofPhrase(r, src, ti) : '',
        );
    return;
  }
  // "..., accusing X of" / "in accusing X of": the subject is the main clause's.
  // "..., accusing X" and "Qureshi said ... and accused India": the subject is the main clause's.
  const participial =
    (w.endsWith('ing') && (AFTER_COMMA.test(gapBefore) || ofDocument || ['in', 'after', 'while', 'by'].includes(prev ?? ''))) ||
    coordinatesVerb(r, ti);
  const main = participial ? (prev === 'and' ? coordinatedSubject(r, ti) : mainSubject(r)) : null;
  const subj = main && main.to <= ti ? [main] : subjectBefore(r, src, ti);
  // "Canada joined Britain in accusing China ...": the joined party accuses too.
  if (prev === 'in' && main) {
    const join = toks.findIndex((t, i) => i >= main.to && i < ti - 1 && JOIN_VERBS.has(t.lower));
    if (join >= 0) subj.push(...r.mentions.filter((m) => m.from > join && m.to < ti && m.code !== main.code && !quoteOf(r, m.from)));
  }
  let obj = objectAfter(r, src, ti);
  const ofAt = toks.findIndex((t, i) => i > ti && (t.lower === 'of' || t.lower === 'for'));
  if (obj.length && ofAt > 0 && obj[0]!.from > ofAt) obj = []; // the actor after "of" is part of the charge
  if (!obj.length) {
    const back = anaphoraAfter(r, src, ti, subj[0]?.code ?? null);
    if (back) obj = [back];
  }
  // "Iraq condemns deadly shelling of a resort and blames Turkey": blame may point back at a charge.
  const charge = chargeAfter(r, ti) ?? (BLAME.has(w) ? anyCharge(r, ti) : null);
  for (const a of subj.length ? subj : [null])
    for (const b of obj)
      run.add(
        a,
        b,
        charge,
        participial ? 'accusation in a participle clause' : 'active accusation',
        a ? 0.9 : 0.7,
        run.span(ti, ti + 1),
        ACCUSE.has(w) ? ofPhrase(r, src, ti) : '',
      );
}

export function condemnationFromRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "North Korea fired two ballistic missiles, drawing condemnation from South Korea and Japan": those it is drawn
  // from accuse the main clause's subject of its act.
  // When the main clause is itself a charge ("the G7 accused China of coercion, drawing a rebuke from Beijing"),
  // the rebuke answers it: a denial, not an accusation.
  const accusers = objectAfter(r, src, ti + 1);
  const doer = mainSubject(r);
  const said = doer ? toks.slice(doer.to, ti).some((t) => LOOP_WORDS.has(t) || DENOUNCE.has(t.lower)) : true;
  const act = doer && !said && doer.to <= ti ? [...r.charges].reverse().find((c) => c.from >= doer.to && c.to <= ti) : undefined;
  if (doer && act) for (const a of accusers) run.add(a, doer, act, 'drew condemnation', 0.7, run.span(ti, ti + 2));
}

export function denunciationRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const subj = subjectBefore(r, src, ti);
  const obj = objectAfter(r, src, ti);
  const charge = chargeAfter(r, ti);
  if (!obj.length && subj.length) {
    // "North Korea fires new ICBM; U.S., Japan and South Korea condemn 'flagrant violation'": what is condemned
    // is the act of the clause before, so its doer and its charge are the accusation's.
    const first = subj[0]!;
    const doer = r.mentions.filter((m) => m.to <= first.from && !quoteOf(r, m.from) && !subj.some((x) => x.code === m.code)).pop();
    const act = doer && crossesClause(r, src, doer.to - 1, first.from) ? r.charges.find((c) => c.from >= doer.to && c.to <= first.from) : undefined;
    if (doer && act) for (const a of subj) run.add(a, doer, act, 'condemned the act of the clause before', 0.75, run.span(doer.from, ti + 1));
    return;
  }
  if (!charge) return;
  // "condemned X for C": the condemned actor stands before the charge; "condemned the attack" accuses no one.
  for (const a of subj)
    for (const b of obj.filter((m) => m.to <= charge.from)) run.add(a, b, charge, 'condemnation with a charge', 0.8, run.span(ti, ti + 1));
}

export function heldResponsibleRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const comp = toks.findIndex((t, i) => i > ti && i <= ti + 12 && HOLD_COMPLEMENT.has(t.lower));
  if (comp < 0) return;
  const subj = subjectBefore(r, src, ti);
  const accuser = subj[0] ?? speakerOf(r, src, quoteOf(r, ti));
  const obj = objectAfter(r, src, ti, comp);
  for (const b of obj) run.add(accuser, b, anyCharge(r, comp), 'held responsible', 0.85, run.span(ti, comp + 1));
}

export function identifiedAsRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const as = toks.findIndex((t, i) => i > ti && i <= ti + 12 && t.lower === 'as');
  if (as < 0) return;
  const comp = toks.findIndex((t, i) => i > as && i <= as + 4 && IDENTIFY_COMPLEMENT.has(t.lower));
  if (comp < 0) return;
  const subj = subjectBefore(r, src, ti);
  const obj = objectAfter(r, src, ti, as);
  for (const b of obj) run.add(subj[0] ?? null, b, anyCharge(r, comp), 'identified as responsible', 0.85, run.span(ti, comp + 1));
}

export function attributionRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const to = toks.findIndex((t, i) => i > ti && i <= ti + 10 && t.lower === 'to');
  if (to < 0) return;
  // Two shapes: "attributed the attack to X" (charge, then "to" X) and "linking X to the killing" (X, then "to" charge).
  const between = r.mentions.filter((m) => m.from > ti && m.to <= to);
  const chargeAfterTo = r.charges.find((c) => c.from > to && c.from <= to + 3);
  if (between.length && chargeAfterTo) {
    const subj = subjectBefore(r, src, ti);
    const accuser = subj.find((m) => !between.some((o) => o.code === m.code)) ?? speakerOf(r, src) ?? null;
    for (const b of objectAfter(r, src, ti, to)) run.add(accuser, b, chargeAfterTo, 'linked to a charge', 0.75, run.span(ti, to + 2));
    return;
  }
  const obj = objectAfter(r, src, to);
  if (!obj.length) return;
  const charge = anyCharge(r, ti);
  if (!charge) return;
  // "linked to" names many things ("projects linked to China"): only a charge right before it or between it and "to" counts.
  if (LOOSE_ATTRIBUTE.has(w) && !(charge.from > ti && charge.to <= to) && !(charge.to <= ti && ti - charge.to <= 3)) return;
  const subj = subjectBefore(r, src, ti);
  const accuser = subj.find((m) => !obj.some((o) => o.code === m.code)) ?? speakerOf(r, src) ?? null;
  for (const b of obj) run.add(accuser, b, charge, 'attributed to', 0.8, run.span(ti, to + 1));
}

export function legalActionRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Germany arrested an aide on suspicion of spying for China"; "Maduro was charged by the United States with ...".
  const prev = toks[ti - 1]?.lower;
  const next = toks[ti + 1]?.lower ?? '';
  // Headlines drop the auxiliary: "Maduro charged by US with narco-terrorism".
  const passive = (prev !== undefined && PASSIVE_AUX.has(prev)) || ['by', 'with', 'over', 'on', 'for'].includes(next);
  const charge = chargeAfter(r, ti);
  if (!charge) return;
  if (passive) {
    const by = toks.findIndex((t, i) => i > ti && i <= ti + 3 && t.lower === 'by');
    const accusers = by >= 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [speakerOf(r, src)];
    let accused = subjectBefore(r, src, ti);
    const forWhom = beneficiaryAfter(r, src, ti);
    if (forWhom.length) accused = forWhom;
    for (const a of accusers) for (const b of accused) run.add(a, b, charge, 'legal action (passive)', 0.75, run.span(ti, ti + 1));
  } else {
    const accuser = subjectBefore(r, src, ti)[0] ?? speakerOf(r, src);
    const forWhom = beneficiaryAfter(r, src, ti);
    // "imposed sanctions on China over ...", "designated Iran's Revolutionary Guards a terrorist organization".
    const onAgainst = r.mentions.filter((m) => m.from > ti && m.to <= charge.from && ['on', 'against'].includes(toks[m.from - 1]?.lower ?? ''));
    const obj = forWhom.length ? forWhom : [...objectAfter(r, src, ti).filter((m) => m.to <= charge.from), ...onAgainst];
    for (const b of obj) run.add(accuser, b, charge, 'legal action', 0.75, run.span(ti, ti + 1));
  }
}

export function agentRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "the attack was sponsored by Iran", "a murder by a Saudi team": the agent of the charge is the accused.
  const by = w === 'by' ? ti : toks.findIndex((t, i) => i > ti && i <= ti + 2 && t.lower === 'by');
  if (by < 0) return;
  const agents = objectAfter(r, src, by).filter((m) => m.from <= by + 3);
  if (!agents.length) return;
  const charge = [...r.charges].reverse().find((c) => c.to <= by) ?? null;
  if (!charge) return;
  const speaker = speakerOf(r, src);
  const subj = mainSubject(r);
  const accuser = speaker && !agents.some((m) => m.code === speaker.code) ? speaker : subj && !agents.some((m) => m.code === subj.code) ? subj : null;
  for (const b of agents) run.add(accuser, b, charge, 'agent of the charge', 0.75, run.span(ti, by + 2));
}

export function courtRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  // "The EU took China to the WTO over ...", "South Africa filed a case against Israel": a court case accuses.
  const charge = chargeAfter(r, ti);
  const subj = subjectBefore(r, src, ti)[0] ?? mainSubject(r);
  const igo = getGazetteer().igoCodes;
  const accused = charge ? r.mentions.find((m) => m.from > ti && m.to <= charge.from && m.code !== subj?.code && !igo.has(m.code)) : undefined;
  if (charge && subj && accused) run.add(subj, accused, charge, 'took to court', 0.75, run.span(ti, ti + 1));
}

export function cutTiesRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Algeria cut diplomatic ties with Morocco, citing hostile acts": cutting ties over a charge accuses the other side.
  const ties = toks.findIndex((t, i) => i > ti && i <= ti + 4 && TIES.test(t.lower));
  const withAt = ties > 0 ? toks.findIndex((t, i) => i > ties && i <= ties + 2 && t.lower === 'with') : -1;
  const other = withAt > 0 ? r.mentions.find((m) => m.from === withAt + 1 || m.from === withAt + 2) : undefined;
  const charge = other ? r.charges.find((c) => c.from > other.to && c.from <= other.to + 12) : undefined;
  const subj = subjectBefore(r, src, ti)[0] ?? mainSubject(r);
  if (other && charge && subj) run.add(subj, other, charge, 'cut ties over a charge', 0.7, run.span(ti, charge.to));
  else if (other && subj) {
    // "Mexico broke off relations with Ecuador on Saturday after Ecuadorian police forced their way into its
    // embassy": the act that ties were cut over is the grievance, in the article's words.
    const cause = toks.findIndex((t, i) => i > other.to && i <= other.to + 4 && (t.lower === 'after' || t.lower === 'over'));
    const words = cause > 0 ? clauseFrom(r, src, cause + 1) : '';
    if (words.split(' ').length >= 3) run.add(subj, other, null, 'cut ties over an act', 0.6, run.span(ti, cause + 1), words);
  }
}

export function calledItRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Pakistan calls India's missile strikes an act of war": the actor named in the thing called a charge;
  // "declared it an aggressor state": "it" is the actor named before.
  const charge = r.charges.find((c) => c.from > ti && c.from <= ti + 12);
  if (charge) {
    // "..., calling them provocations" and "... and declared it ...": the main clause's subject speaks.
    const gap = src.slice(toks[ti - 1]?.end ?? r.sentence.start, toks[ti]!.start);
    const coordinated = w.endsWith('ing') || AFTER_COMMA.test(gap) || toks[ti - 1]?.lower === 'and';
    const subj = coordinated ? mainSubject(r) : (subjectBefore(r, src, ti)[0] ?? speakerOf(r, src));
    let named = r.mentions.filter((m) => m.from > ti && m.to <= charge.from);
    if (!named.length && ['it', 'them'].includes(toks[ti + 1]?.lower ?? '')) {
      // "It" is the last actor named before the verb in this sentence (never the speaker); otherwise unknown.
      const back = r.mentions.filter((m) => m.to <= ti && m.code !== subj?.code).pop();
      if (back && subj) named = [back];
    }
    if (named.length) for (const b of named.slice(0, 1)) run.add(subj, b, charge, 'called it a charge', 0.75, run.span(ti, charge.to));
  }
}

/**
 * Reported speech and quotes: "'China is interfering in our society,' Lipavsky said" or
 * "Lipavsky said China was behind the attack". The accused must be the subject of the charge, with no word
 * between them that turns it around ("cooperate with China against cyberattacks").
 */
export function reportedSpeech(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // Content: the quote(s) of the sentence, or what follows "said (that)".
  const speaker = speakerAt(r, src, ti);
  if (!speaker) return;
  const ranges: [number, number][] = r.quotes.filter((q) => !inRange(speaker.from, q));
  // The speaker's phrase starts at its article: "..., the Pentagon said".
  let head = Math.min(speaker.from, ti);
  if (head > 0 && toks[head - 1]!.lower === 'the') head--;
  const gapBefore = head > 0 ? src.slice(toks[head - 1]!.end, toks[head]!.start) : '';
  // "..., X said (on Tuesday)." and "..., said X." read what comes before; "X said (that) ..." what follows.
  // "..., the Pentagon said on Thursday, and officials ...": a speaker right after a comma says what comes before,
  // however the sentence goes on; what follows the verb is read too when there is more than a time or a place.
  const tail = toks.length - Math.max(ti + 1, speaker.to);
  // "..., said the ministry." ends the clause; "..., added US companies to trade blacklists" is another verb.
  const inverted = speaker.from > ti;
  const clauseEndsAfterSpeaker =
    !inverted || tail <= 4 || STARTS_PUNCTUATION.test(src.slice(toks[speaker.to - 1]!.end, toks[speaker.to]?.start ?? r.sentence.end));
  const afterComma = gapBefore.includes(',') && clauseEndsAfterSpeaker;
  if (afterComma) ranges.push([0, head]);
  if ((!afterComma || tail > 4) && speaker.to <= ti) ranges.push([ti + 1, toks.length]);
  for (const [a, b] of ranges) {
    const inside = r.mentions.filter((m) => m.from >= a && m.to <= b && m.code !== speaker.code);
    for (const m of inside) {
      const prev = toks[m.from - 1];
      if (prev && TARGET_PREP.has(prev.lower) && m.from - 1 >= a) continue;
      const after = r.charges.filter((c) => c.from >= m.to && c.from <= m.to + 12 && c.to <= b);
      // The predicate's charge ("... was an act of international terrorism") over one in the subject ("drone strike").
      const charge = after.find((c) => toks.slice(Math.max(m.to, c.from - 4), c.from).some((t) => COPULA.has(t.lower))) ?? after[0];
      if (!charge) continue;
      const between = toks.slice(m.to, charge.from);
      // "..., after Estonia said the jets had violated its airspace": an actor that speaks in its own clause is a
      // speaker, not the doer of the charge that follows.
      if (between.some((t) => COUNTER.has(t.lower) || NEGATOR.has(t.lower) || SPEECH_BREAK.has(t.lower) || SPEECH.has(t.lower))) continue;
      // A verb-like link (is/was/behind/of...), a possessive ("India's missile strikes"), or a demonym right before its
      // charge ("Russian terrorists"); a bare list of nouns is not a claim.
      // "to counter North Korea's threats", "to deter Iranian attacks": the speaker defends, it does not accuse.
      if (toks.slice(Math.max(a, m.from - 3), m.from).some((t) => COUNTER.has(t.lower))) continue;
      const possessive = toks[m.to]?.lower === 's' && HAS_APOSTROPHE.test(src.slice(toks[m.to - 1]!.end, toks[m.to]!.start));
      const linked =
        between.length <= 1 ||
        possessive ||
        (m.surface === 'demonym' && between.length <= 3 && !charge.weak) ||
        between.some(
          (t) => BEHIND.has(t.lower) || AGENT_VERBS.has(t.lower) || COPULA.has(t.lower) || LINK_WORD.test(t.lower) || VERB_FORM.test(t.lower),
        );
      if (!linked) continue;
      const words = src.slice(m.start, charge.end);
      run.add(speaker, m, charge, 'reported speech', 0.7, words);
      // "... said the United States and Colombia were behind an armed incursion": the coordinated actors too.
      let last = m;
      for (const n of inside) {
        if (n.from < last.to || n.to > charge.from) continue;
        if (!OBJECT_JOIN.test(src.slice(last.end, n.start))) break;
        run.add(speaker, n, charge, 'reported speech', 0.7, src.slice(n.start, charge.end));
        last = n;
      }
      break;
    }
  }
}

/**
 * A headline that names its speaker at the end ("...: Foreign Ministry", "..., says Kyiv"): the speaker accuses the
 * actor that stands before a charge in what it says (not one after a preposition of place or target).
 */
function headlineSpeakerRule(run: SentenceRun): void {
  const r = run.r;
  const speaker = headlineSpeaker(r);
  if (!speaker) return;
  for (const m of r.mentions) {
    if (m.from >= speaker.from || m.code === speaker.code) continue;
    const prev = r.tokens[m.from - 1]?.lower;
    if (prev && TARGET_PREP.has(prev)) continue;
    const charge = r.charges.find((c) => c.from >= m.to && c.from <= m.to + 8 && c.to <= speaker.from);
    if (charge) {
      run.add(speaker, m, charge, 'a headline naming its speaker', 0.75, r.source.slice(m.start, speaker.end));
      return;
    }
  }
}
