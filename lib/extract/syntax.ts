import { isCapitalised } from '../text/tokens';
import { type ChargeHit } from '../charges/lexicon';
import { type Mention } from '../actors/mentions';
import { getGazetteer } from '../actors/gazetteer';
import triggers from './data/triggers.json';
import type { ReadSentence } from './read';
import {
  AFTER_PUNCTUATION,
  ANAPHORA,
  CLAUSE_BREAK,
  NEGATOR,
  OBJECT_JOIN,
  PAST_TENSE,
  PHRASE_END,
  SPACES,
  SPEECH,
  SUBJECT_JOIN,
  TARGET_PREP,
  set,
} from './vocabulary';
export const inRange = (i: number, [a, b]: [number, number]) => i >= a && i < b;

export function quoteOf(r: ReadSentence, tokenIndex: number): [number, number] | null {
  return r.quotes.find((q) => inRange(tokenIndex, q)) ?? null;
}

export function isNegated(r: ReadSentence, ti: number): boolean {
  for (let k = Math.max(0, ti - 3); k < ti; k++) if (NEGATOR.has(r.tokens[k]!.lower)) return true;
  return false;
}

/** Text between two token positions has a clause break that a subject cannot cross. */
export function crossesClause(r: ReadSentence, source: string, fromTok: number, toTok: number): boolean {
  const a = r.tokens[fromTok]?.end ?? r.sentence.start;
  const b = r.tokens[toTok]?.start ?? r.sentence.end;
  return CLAUSE_BREAK.test(source.slice(a, b));
}

/** The subject of the verb at `ti`: the nearest actor before it in the same clause, with the actors coordinated with it. */
export function subjectBefore(r: ReadSentence, source: string, ti: number): Mention[] {
  const before = r.mentions.filter((m) => m.to <= ti);
  const head = before[before.length - 1];
  if (!head || crossesClause(r, source, head.to - 1, ti)) return [];
  // A quote that closes between the subject and the verb means the subject belongs to the quote.
  const q = quoteOf(r, head.from);
  if (q && q[1] <= ti) return [];
  // "... waged an insurgency against the Turkish state and is designated ...": a preposition's object is no subject.
  const before1 = r.tokens[head.from - 1]?.lower === 'the' ? head.from - 2 : head.from - 1;
  // ("Australia, along with New Zealand, accused ..." coordinates.)
  const coordinating = ['along', 'together'].includes(r.tokens[before1 - 1]?.lower ?? '');
  if (SUBJECTLESS_PREP.has(r.tokens[before1]?.lower ?? '') && !coordinating) return [];
  const group = [head];
  for (let k = before.length - 2; k >= 0; k--) {
    const m = before[k]!;
    const between = source.slice(m.end, group[0]!.start);
    // An abbreviation's full stop may come first: "U.S., Japan and South Korea".
    if (!SUBJECT_JOIN.test(between)) break;
    group.unshift(m);
  }
  return group;
}

/** The object after position `ti`: the first actor not introduced by a preposition of place or target, and those coordinated with it. */
export function objectAfter(r: ReadSentence, source: string, ti: number, stopAt = Infinity): Mention[] {
  const after = r.mentions.filter((m) => m.from > ti && m.from < stopAt);
  const first = after.find((m) => {
    const prev = r.tokens[m.from - 1];
    if (prev && TARGET_PREP.has(prev.lower) && m.from - 1 > ti) return false;
    return true;
  });
  if (!first) return [];
  const group = [first];
  for (const m of after.slice(after.indexOf(first) + 1)) {
    const between = source.slice(group[group.length - 1]!.end, m.start);
    if (!OBJECT_JOIN.test(between)) break;
    group.push(m);
  }
  return group;
}

/**
 * A bare demonym at token `k` ("a British accusation"): the finder leaves bare demonyms out (they are mostly
 * adjectives), but before an allegation it names the state that alleges.
 */
export function demonymAt(r: ReadSentence, k: number): Mention | undefined {
  if (k < 0 || r.inActor[k]) return undefined;
  const m = getGazetteer().index.matchAt(r.tokens, k, r.source);
  if (!m || m.to !== k + 1 || m.value.surface !== 'demonym' || !isCapitalised(r.tokens[k]!.text)) return undefined;
  const t = r.tokens[k]!;
  return {
    code: m.value.code,
    name: m.value.codeName,
    detail: '',
    from: k,
    to: k + 1,
    start: t.start,
    end: t.end,
    surface: 'demonym',
    kind: m.value.kind,
  };
}

/** Prepositions whose object cannot be the subject of the verb that follows. */
export const SUBJECTLESS_PREP = new Set(['against', 'on', 'at', 'into', 'inside', 'within', 'across', 'with', 'toward', 'towards', 'targeting']);

/** Words that open a new clause with its own subject ("..., while Congo accused ..."). */
export const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'although', 'though', 'as', 'after', 'when', 'since', 'because']);

/**
 * The verb at `ti` follows "and" as a second verb of its clause ("... summoned the British envoy and accused
 * London"), not as the verb of a compound subject ("Britain and France accused"): no actor ends right before "and",
 * or the one that does is an object, with a past-tense verb between the main subject and it.
 */
export function coordinatesVerb(r: ReadSentence, ti: number): boolean {
  if (r.tokens[ti - 1]?.lower !== 'and') return false;
  const before = r.mentions.find((m) => m.to === ti - 1);
  if (!before) return true;
  const main = mainSubject(r);
  if (!main || main.to > before.from) return false;
  return r.tokens.slice(main.to, before.from).some((t) => PAST_TENSE.test(t.text));
}

/**
 * The subject shared by a verb coordinated with "and" at `ti`: the subject of the clause it stands in, that is the
 * last actor before it that opens a clause ("Rwanda said ..., while Congo called it an act of war and accused
 * Kigali"), else the main clause's subject.
 */
export function coordinatedSubject(r: ReadSentence, ti: number): Mention | null {
  for (let k = r.mentions.length - 1; k >= 0; k--) {
    const m = r.mentions[k]!;
    if (m.to > ti || quoteOf(r, m.from)) continue;
    const before = r.tokens[m.from - 1]?.lower === 'the' ? m.from - 2 : m.from - 1;
    if (before >= 0 && CLAUSE_OPENERS.has(r.tokens[before]!.lower)) return m;
  }
  return mainSubject(r);
}

/** The main clause's subject: the first actor of the sentence outside quotes and not inside a prepositional phrase. */
export function mainSubject(r: ReadSentence): Mention | null {
  return r.mentions.find((m) => !quoteOf(r, m.from) && !TARGET_PREP.has(r.tokens[m.from - 1]?.lower ?? '')) ?? null;
}

/**
 * "accusing its neighbour of ...", "the small Gulf state": a noun phrase right after `ti` that points back to an
 * actor named earlier, resolved to the latest actor (in this sentence before `ti`, then the sentences before) whose
 * code is not `notCode`.
 */
export function anaphoraAfter(r: ReadSentence, src: string, ti: number, notCode: string | null): Mention | null {
  const t = r.tokens[ti];
  if (!t || !ANAPHORA.test(src.slice(t.end, t.end + 80))) return null;
  const earlier = [...r.priorMentions(), ...r.mentions.filter((m) => m.to <= ti)];
  for (let k = earlier.length - 1; k >= 0; k--) if (earlier[k]!.code !== notCode) return earlier[k]!;
  return null;
}

/** "spying for China", "on behalf of China's Ministry of Public Security": the state a charge was committed for. */
export function beneficiaryAfter(r: ReadSentence, src: string, ti: number): Mention[] {
  for (const c of r.charges) {
    if (c.from <= ti) continue;
    let k = c.to;
    while (k < r.tokens.length && k < c.to + 6 && !['for', 'behalf', 'behest', 'service'].includes(r.tokens[k]!.lower)) k++;
    const w = r.tokens[k]?.lower;
    if (!w) continue;
    const at = w === 'for' ? k + 1 : r.tokens[k + 1]?.lower === 'of' ? k + 2 : -1;
    if (at < 0) continue;
    const m = r.mentions.find((x) => x.from === at || (x.from === at + 1 && r.tokens[at]!.lower === 'the'));
    if (m) return objectAfter(r, src, m.from - 1).filter((x) => x.from >= m.from);
  }
  return [];
}

export function chargeAfter(r: ReadSentence, ti: number): ChargeHit | null {
  return r.charges.find((c) => c.from > ti) ?? null;
}

export function anyCharge(r: ReadSentence, ti: number): ChargeHit | null {
  return chargeAfter(r, ti) ?? [...r.charges].reverse().find((c) => c.from < ti) ?? null;
}

/** Up to eight words of the clause that starts at token `from`. */
export function clauseFrom(r: ReadSentence, source: string, from: number): string {
  const start = r.tokens[from]?.start;
  if (start === undefined) return '';
  return source.slice(start, r.sentence.end).split(PHRASE_END)[0]!.split(SPACES).slice(0, 8).join(' ').trim();
}

/** "accused X of <words>": the words after "of", for a charge the lexicon does not know. */
export function ofPhrase(r: ReadSentence, source: string, ti: number): string {
  const of = r.tokens.findIndex((t, i) => i > ti && t.lower === 'of');
  if (of < 0) return '';
  const start = r.tokens[of + 1]?.start;
  if (start === undefined) return '';
  const rest = source.slice(start, r.sentence.end);
  return rest.split(PHRASE_END)[0]!.split(SPACES).slice(0, 8).join(' ').trim();
}

/** Words that may stand between a speaker and the speech verb ("Russia on Tuesday said", "the ministry has said"). */
export const SPEAKER_GAP =
  /^(on|in|late|early|last|this|also|earlier|previously|again|has|have|had|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|statement|a|repeatedly|publicly|formally|officially)$/;

/** The speaker of the speech verb at `ti`: "X said", "X on Tuesday said", "said X", "X says" at the end of a sentence. */
export function speakerAt(r: ReadSentence, src: string, ti: number): Mention | null {
  const toks = r.tokens;
  // "North Korea accused ..., and warned that ...": a coordinated verb shares the main clause's subject.
  if (coordinatesVerb(r, ti)) return coordinatedSubject(r, ti);
  const before = r.mentions.filter((m) => m.to <= ti && !quoteOf(r, m.from));
  const b = before[before.length - 1];
  if (b && toks.slice(b.to, ti).every((t) => SPEAKER_GAP.test(t.lower)) && ti - b.to <= 4 && !crossesClause(r, src, b.to - 1, ti)) return b;
  const referring = referringSpeaker(r, ti);
  if (referring) return referring;
  const after = r.mentions.find((m) => (m.from === ti + 1 || (m.from === ti + 2 && toks[ti + 1]!.lower === 'the')) && !quoteOf(r, m.from));
  if (after) return after;
  // "American agencies and their Five Eyes partners warned": the verb's subject, a few words back in the same clause.
  const subj = subjectBefore(r, src, ti);
  const head = subj[0];
  return head && ti - subj[subj.length - 1]!.to <= 6 ? head : null;
}

export const SPEAKER_PRONOUNS = set(triggers.speakerAnaphora.pronouns);
export const SPEAKER_NOUNS = set(triggers.speakerAnaphora.nouns);

/**
 * "It said ...", "The ministry said in a statement ...": a speaker named by a pronoun or a bare noun, standing for
 * the main subject of the sentence before; the mention is placed on this sentence's words.
 */
export function referringSpeaker(r: ReadSentence, ti: number): Mention | null {
  const toks = r.tokens;
  let k = ti - 1;
  while (k >= 0 && ti - k <= 3 && SPEAKER_GAP.test(toks[k]!.lower) && !SPEAKER_NOUNS.has(toks[k]!.lower)) k--;
  const w = toks[k]?.lower;
  if (w === undefined) return null;
  let from = -1;
  if (SPEAKER_PRONOUNS.has(w) && (k === 0 || AFTER_PUNCTUATION.test(r.source.slice(toks[k - 1]!.end, toks[k]!.start)))) from = k;
  else if (
    SPEAKER_NOUNS.has(w) &&
    toks[k - 1]?.lower === 'the' &&
    (k === 1 || AFTER_PUNCTUATION.test(r.source.slice(toks[k - 2]!.end, toks[k - 1]!.start)))
  )
    from = k - 1;
  if (from < 0 || r.mentions.some((m) => m.from <= k && m.to > from)) return null;
  const back = r.previousSubject();
  if (!back) return null;
  return { ...back, from, to: k + 1, start: toks[from]!.start, end: toks[k]!.end, detail: back.detail };
}

/** The speaker of a sentence: of its first speech verb (outside `exclude`) that has one, or "according to X". */
const SPEAKERS = new WeakMap<ReadSentence, Mention | null>();

export function speakerOf(r: ReadSentence, src: string, exclude?: [number, number] | null): Mention | null {
  // The whole sentence's speaker is asked for by many rules and candidates: found once (sentences are placed first).
  if (exclude) return findSpeaker(r, src, exclude);
  let found = SPEAKERS.get(r);
  if (found === undefined) SPEAKERS.set(r, (found = findSpeaker(r, src, null)));
  return found;
}

function findSpeaker(r: ReadSentence, src: string, exclude: [number, number] | null): Mention | null {
  for (let i = 0; i < r.tokens.length; i++) {
    if ((exclude && inRange(i, exclude)) || r.inActor[i]) continue;
    const w = r.tokens[i]!.lower;
    if (SPEECH.has(w)) {
      const sp = speakerAt(r, src, i);
      if (sp) return sp;
    }
    if (w === 'according' && r.tokens[i + 1]?.lower === 'to') {
      const after = r.mentions.find((m) => m.from >= i + 2 && m.from <= i + 3);
      if (after) return after;
    }
  }
  return null;
}

const ATTRIBUTION_MARK = /(?::|\s[-–—]|,\s*(?:says?|said|claims?|according to))\s*(?:the\s+)?$/i;

/**
 * The speaker a headline names at its end ("... is grave military provocation: DPRK Foreign Ministry", "Russia
 * behind the blast, says Kyiv"): the last mention, after a colon, a dash or "says", with nothing but its own words
 * after it.
 */
export function headlineSpeaker(r: ReadSentence): Mention | null {
  const last = r.mentions[r.mentions.length - 1];
  if (!last || r.tokens.length - last.to > 2) return null;
  const before = r.source.slice(r.tokens[last.from - 1]?.end ?? r.sentence.start, last.start);
  return ATTRIBUTION_MARK.test(before) ? last : null;
}
