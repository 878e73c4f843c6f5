import type { Mention } from '../actors/mentions';
import type { ReadSentence } from './read';
import type { SentenceCandidate } from './candidates';
import { headlineSpeaker, mainSubject, quoteOf, speakerOf } from './syntax';
import { roleFeatures } from './roles';
import { AGENT_VERBS, ALLEGATION, BEHIND, CONDEMNATION, COPULA, COUNTER, CUE_CLASSES, NEGATOR, PASSIVE_AUX, TARGET_PREP } from './vocabulary';

/** A sparse feature vector: feature name to value (binary features are 1). */
export type Features = Map<string, number>;

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

const MENTION_FEATURES = new WeakMap<Mention, { a: string[]; b: string[] }>();

/**
 * What a mention is in its sentence (subject, speaker, quoted, after a preposition or "by", its kind, an owner of an
 * allegation, a qualifier or a doer of the charge), as feature names for either role: found once per mention.
 */
function mentionFeatures(r: ReadSentence, m: Mention, subject: Mention | null, speaker: Mention | null): { a: string[]; b: string[] } {
  const cached = MENTION_FEATURES.get(m);
  if (cached) return cached;
  const names: string[] = [];
  if (subject && subject.code === m.code) names.push('subject');
  if (speaker && speaker.code === m.code) names.push('speaker');
  if (quoteOf(r, m.from)) names.push('in-quote');
  if (afterPreposition(r, m)) names.push('after-preposition');
  if (afterBy(r, m)) names.push('after-by');
  names.push(`kind:${m.kind}`);
  if (m.surface === 'demonym') names.push('demonym');
  const poss = isPossessive(r, m);
  const next = poss ? m.to + 1 : m.to;
  for (let k = next; k < Math.min(r.tokens.length, next + 3); k++)
    if (ALLEGATION.has(r.tokens[k]!.lower)) {
      names.push('owns-allegation');
      break;
    }
  const charge = r.charges.find((h) => h.from >= m.to && h.from <= next + 2);
  if (charge && (poss || m.surface === 'demonym')) names.push('qualifies-charge');
  // "... was behind the attack", "is responsible for", "carried out cyberattacks": the actor does the charge.
  const later = r.charges.find((h) => h.from >= m.to && h.from <= m.to + 10);
  if (later) {
    let does = false;
    let counters = false;
    for (let k = m.to; k < later.from; k++) {
      const w = r.tokens[k]!.lower;
      if (BEHIND.has(w) || AGENT_VERBS.has(w) || COPULA.has(w)) does = true;
      if (COUNTER.has(w)) counters = true;
    }
    if (does) names.push('does-charge');
    if (counters) names.push('counters-charge');
  }
  const out = { a: names.map((n) => `a:${n}`), b: names.map((n) => `b:${n}`) };
  MENTION_FEATURES.set(m, out);
  return out;
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
export function sentenceFeatures(c: SentenceCandidate, into: Features = new Map(), weight = 1): Features {
  // Each feature at its strongest, times the sentence's weight: a pair's row takes the max over its sentences.
  const f = into;
  const on = (name: string) => {
    if (weight > (f.get(name) ?? 0)) f.set(name, weight);
  };
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
  if (a) for (const name of mentionFeatures(r, a, subject, speaker).a) on(name);
  for (const name of mentionFeatures(r, b, subject, speaker).b) on(name);
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
