import type { Mention } from '../actors/mentions';
import type { ReadSentence } from './read';
import type { SentenceCandidate } from './candidates';
import { headlineSpeaker, mainSubject, quoteOf, speakerOf } from './syntax';
import { roleFeatures } from './roles';
import triggers from './data/triggers.json';
import {
  ACCUSE,
  AGENT_VERBS,
  ALLEGATION,
  ATTRIBUTE,
  BEHIND,
  BLAME,
  CALL,
  CONDEMNATION,
  COPULA,
  COUNTER,
  DENOUNCE,
  DENY,
  DOCUMENT,
  HOLD,
  LEGAL,
  NEGATOR,
  PASSIVE_AUX,
  SPEECH,
  TARGET_PREP,
  set,
} from './vocabulary';

/** A sparse feature vector: feature name to value (binary features are 1). */
export type Features = Map<string, number>;

const DIPLOMATIC = set(triggers.diplomatic);
const REPORT_VERBS = set(triggers.reportVerbs);

/**
 * The cue classes whose position to the two actors is a feature, first match wins (a word of two lists is read as
 * the first). Each reads as a verb class of news English.
 */
const CUE_CLASSES: [string, ReadonlySet<string>][] = [
  ['accuse', ACCUSE],
  ['blame', BLAME],
  ['deny', DENY],
  ['condemn', DENOUNCE],
  ['diplomatic', DIPLOMATIC],
  ['legal', LEGAL],
  ['hold', HOLD],
  ['attribute', ATTRIBUTE],
  ['behind', BEHIND],
  ['agent', AGENT_VERBS],
  ['call', CALL],
  ['allegation', ALLEGATION],
  ['condemnation', CONDEMNATION],
  ['report', REPORT_VERBS],
  ['document', DOCUMENT],
  ['speech', SPEECH],
];

const CUES = new WeakMap<ReadSentence, [string, number][]>();
const SUBJECTS = new WeakMap<ReadSentence, { subject: Mention | null; speaker: Mention | null }>();

/** The sentence's main subject and speaker, found once for all its candidates. */
function subjectAndSpeaker(r: ReadSentence): { subject: Mention | null; speaker: Mention | null } {
  let s = SUBJECTS.get(r);
  if (!s) SUBJECTS.set(r, (s = { subject: mainSubject(r), speaker: speakerOf(r, r.source) }));
  return s;
}

/** The first token of each cue class in a sentence, outside actors' names (found once per sentence). */
function cuePositions(r: ReadSentence): [string, number][] {
  const cached = CUES.get(r);
  if (cached) return cached;
  const out = findCuePositions(r);
  CUES.set(r, out);
  return out;
}

/** Each cue word to its class (the first list that has it), for one lookup a token. */
const CUE_OF = new Map<string, string>();
for (const [name, words] of CUE_CLASSES) for (const w of words) if (!CUE_OF.has(w)) CUE_OF.set(w, name);

function findCuePositions(r: ReadSentence): [string, number][] {
  const found = new Map<string, number>();
  for (let i = 0; i < r.tokens.length; i++) {
    if (r.inActor[i]) continue;
    const name = CUE_OF.get(r.tokens[i]!.lower);
    if (name !== undefined && !found.has(name)) found.set(name, i);
  }
  return [...found];
}

const PASSIVE_CUES = new Set(['accuse', 'blame', 'legal', 'attribute', 'agent', 'diplomatic']);

function isPassiveAt(r: ReadSentence, v: number): boolean {
  const prev = r.tokens[v - 1]?.lower;
  const next = r.tokens[v + 1]?.lower;
  return (prev !== undefined && PASSIVE_AUX.has(prev)) || next === 'by';
}

function isPossessive(r: ReadSentence, m: Mention): boolean {
  const t = r.tokens[m.to];
  return t?.lower === 's' && /['’]/.test(r.source.slice(r.tokens[m.to - 1]!.end, t.start));
}

/** The mention's phrase starts after a preposition of place or target ("against China", "on Taiwan"). */
function afterPreposition(r: ReadSentence, m: Mention): boolean {
  const k = r.tokens[m.from - 1]?.lower === 'the' ? m.from - 2 : m.from - 1;
  return TARGET_PREP.has(r.tokens[k]?.lower ?? '');
}

function afterBy(r: ReadSentence, m: Mention): boolean {
  const k = r.tokens[m.from - 1]?.lower === 'the' ? m.from - 2 : m.from - 1;
  return r.tokens[k]?.lower === 'by' || (r.tokens[k]?.lower === 'from' && r.tokens[k - 1] !== undefined && CONDEMNATION.has(r.tokens[k - 1]!.lower));
}

/** Position weight of a sentence: the headline and the first paragraphs say the main accusation. */
export function positionWeight(r: ReadSentence): number {
  if (r.isHeadline) return 1;
  return Math.max(0.4, 1 - 0.15 * r.sentence.paragraph);
}

/**
 * The features of one candidate accusation in one sentence: the cue classes and where the two actors stand to
 * them, voice, a by-phrase, possession, the speaker and subject, the kinds of the actors, quotes, negation, and
 * where the sentence is.
 */
export function sentenceFeatures(c: SentenceCandidate): Features {
  const f: Features = new Map();
  const on = (name: string, v = 1) => f.set(name, Math.max(f.get(name) ?? 0, v));
  const r = c.read;
  const a = c.accuser.source === 'sentence' ? c.accuser.mention : null;
  const b = c.accused.mention!;
  if (!a) on(`ctx:${c.accuser.source}`);
  const pb = b.from;
  const pa = a ? a.from : -1;
  for (const [cue, v] of cuePositions(r)) {
    let where: string;
    if (!a) where = v < pb ? 'ctx,v<b' : 'ctx,b<v';
    else if (pa < v && v < pb) where = 'a<v<b';
    else if (pb < v && v < pa) where = 'b<v<a';
    else if (v < Math.min(pa, pb)) where = pa < pb ? 'v<a<b' : 'v<b<a';
    else where = pa < pb ? 'a<b<v' : 'b<a<v';
    on(`${cue}:${where}`);
    if (PASSIVE_CUES.has(cue) && isPassiveAt(r, v)) on(`passive:${where}`);
    for (let k = Math.max(0, v - 3); k < v; k++) if (NEGATOR.has(r.tokens[k]!.lower)) on(`negated:${cue}`);
  }
  roleFeatures(r, a, b, (name) => on(`role:${name}`));
  if (r.isHeadline) {
    const said = headlineSpeaker(r);
    if (said && a && said.code === a.code) on('a:headline-speaker');
    if (said && said.code === b.code) on('b:headline-speaker');
  }
  const { subject, speaker } = subjectAndSpeaker(r);
  for (const [role, m] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!m) continue;
    if (subject && subject.code === m.code) on(`${role}:subject`);
    if (speaker && speaker.code === m.code) on(`${role}:speaker`);
    if (quoteOf(r, m.from)) on(`${role}:in-quote`);
    if (afterPreposition(r, m)) on(`${role}:after-preposition`);
    if (afterBy(r, m)) on(`${role}:after-by`);
    on(`${role}:kind:${m.kind}`);
    if (m.surface === 'demonym') on(`${role}:demonym`);
    const poss = isPossessive(r, m);
    const next = poss ? m.to + 1 : m.to;
    for (let k = next; k < Math.min(r.tokens.length, next + 3); k++)
      if (ALLEGATION.has(r.tokens[k]!.lower)) {
        on(`${role}:owns-allegation`);
        break;
      }
    const charge = r.charges.find((h) => h.from >= m.to && h.from <= next + 2);
    if (charge && (poss || m.surface === 'demonym')) on(`${role}:qualifies-charge`);
    // "... was behind the attack", "is responsible for", "carried out cyberattacks": the actor does the charge.
    const later = r.charges.find((h) => h.from >= m.to && h.from <= m.to + 10);
    if (later) {
      const between = r.tokens.slice(m.to, later.from);
      if (between.some((t) => BEHIND.has(t.lower) || AGENT_VERBS.has(t.lower) || COPULA.has(t.lower))) on(`${role}:does-charge`);
      if (between.some((t) => COUNTER.has(t.lower))) on(`${role}:counters-charge`);
    }
  }
  if (subject && !a && subject.code !== b.code) on('subject-is-other');
  if (speaker && !a && speaker.code === b.code) on('ctx:accused-speaks');
  if (r.charges.length) on(r.charges.every((h) => h.weak) ? 'charge:weak' : 'charge:strong');
  else on('charge:none');
  if (a) {
    const lo = Math.min(a.to, b.to);
    const hi = Math.max(a.from, b.from);
    if (r.charges.some((h) => h.from >= lo && h.to <= hi)) on('charge:between');
    const d = Math.abs(pa - pb);
    on(d <= 3 ? 'distance:<=3' : d <= 8 ? 'distance:<=8' : d <= 15 ? 'distance:<=15' : 'distance:>15');
  }
  if (r.charges.some((h) => h.from > pb)) on('charge:after-b');
  if (r.isHeadline) on('in-title');
  else on(`paragraph:${Math.min(r.sentence.paragraph, 3)}`);
  return f;
}
