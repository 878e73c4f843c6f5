import type { Accusation, Actor, Charge, ChargeCategory, Facets, QuoteLocation } from '../types';
import { isCapitalised, tokenize, WordSet, type Token } from '../text/tokens';
import { splitSentences, type Sentence } from '../text/sentences';
import { findCharges, readChargesInContext, type ChargeHit } from '../charges/lexicon';
import { findMentions, newMentionContext, type Mention, type MentionContext } from '../actors/mentions';
import roles from '../actors/rules/roles.json';
import { getGazetteer } from '../actors/gazetteer';
import triggers from './data/triggers.json';

const set = (words: string[]) => new Set(words);
const ACCUSE = set(triggers.accuse);
const BLAME = set(triggers.blame);
const DENOUNCE = set(triggers.denounce);
const HOLD = set(triggers.hold);
const HOLD_COMPLEMENT = set(triggers.holdComplement);
const IDENTIFY = set(triggers.identify);
const IDENTIFY_COMPLEMENT = set(triggers.identifyComplement);
const ATTRIBUTE = set(triggers.attribute);
const BEHIND = set(triggers.behind);
const SPEECH = set(triggers.speech);
const DENY = set(triggers.deny);
const ALLEGATION = set(triggers.allegationNoun);
const NEGATOR = set(triggers.negator);
const PASSIVE_AUX = set(triggers.passiveAux);
const TARGET_PREP = set(triggers.targetPrep);
const COUNTER = set(triggers.counterWords);
const LEGAL = set(triggers.legal);
const SPEECH_BREAK = set(triggers.speechBreak);
const DOCUMENT = set(triggers.documentNouns);
const COPULA = set(triggers.copula);
const CALL = set(triggers.callVerbs);
const COURT_VERBS = set(triggers.courtVerbs);
const COURT_WORDS = new RegExp(`\\b(?:${triggers.courtWords.join('|')})\\b`, 'i');
const TIES_VERBS = set(triggers.tiesVerbs);
const LOOSE_ATTRIBUTE = set(triggers.looseAttribute);
/** A wire-service dateline at the start of a paragraph: capitals, an optional date, the agency in brackets, a dash. */
/** (Tried at line starts only, so no scan of the whole text for a lookbehind.) */
const DATELINE = /[\p{Lu}][\p{Lu}\p{M} .'’/-]{1,60}(?:,\s*[\p{L}.]+\.?\s*\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]\s+/uy;

/**
 * Every word that can start a rule, and the role words that may introduce a person: a sentence without one (and
 * without a charge) makes no accusation and names no one whom later sentences need.
 */
const RELEVANT_WORDS = new WordSet([
  ...roles.person,
  ...triggers.accuse,
  ...triggers.blame,
  ...triggers.denounce,
  ...triggers.hold,
  ...triggers.identify,
  ...triggers.attribute,
  ...triggers.speech,
  ...triggers.deny,
  ...triggers.legal,
  ...triggers.agentVerbs,
  ...triggers.callVerbs,
  ...triggers.courtVerbs,
  ...triggers.tiesVerbs,
  'according',
  'by',
]);
/** Every word that some branch of the rule loop in `candidatesIn` tests for. */
const CONDEMNATION = set(triggers.condemnationNouns);
const ECHO_VERBS = new WordSet(triggers.echo.verbs);
const ECHO_NOUNS = set(triggers.echo.nouns);
const JOIN_VERBS = set(triggers.joinVerbs);
const LOOP_WORDS = new WordSet([
  ...triggers.condemnationNouns,
  ...triggers.deny,
  ...triggers.accuse,
  ...triggers.blame,
  ...triggers.denounce,
  ...triggers.hold,
  ...triggers.identify,
  ...triggers.attribute,
  ...triggers.legal,
  ...triggers.agentVerbs,
  ...triggers.courtVerbs,
  ...triggers.tiesVerbs,
  ...triggers.callVerbs,
  ...triggers.speech,
  'by',
]);
/** A paragraph that starts like this is a link to another story inside the body ("Related coverage: ..."). */
// (Tried at each line start of the whole text: its spaces are any but a line break, as inside a line.)
const CLUTTER_LINE = new RegExp(`[^\\S\\n]*(?:${triggers.clutterPrefixes.join('|')})[^\\S\\n]*[:|›»>-]`, 'iy');
const AGENT_VERBS = set(triggers.agentVerbs);
const ANAPHORA = new RegExp(`^\\s+(?:its|their|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${triggers.anaphoraHeads.join('|')})\\b`, 'iu');
const KIND_CHARGE: Record<string, ChargeCategory> = {};
for (const [kind, cat] of Object.entries(triggers.kindCharge)) if (kind !== 'about') KIND_CHARGE[kind] = cat as ChargeCategory;

// Expressions used in the rules, built once (a literal in a function is a new object each time it runs; the global
// ones serve only match, replace and split, which start them afresh).
const LONG_WORDS = /\p{L}{4,}/gu;
const STARTS_CAPITAL = /^\p{Lu}/u;
const APOSTROPHE = /^['’]$/;
const HAS_APOSTROPHE = /['’]/;
const CLOSING_QUOTE = /^[,.;:!?…]*["”’']/;
const SPACE_OPENING_QUOTE = /\s["“‘']$/;
const OPENING_QUOTE = /(^|\s)["“‘']$/;
const CLAUSE_BREAK = /[;:]|\s[–—]\s/;
const SUBJECT_JOIN = /^\.?\s*(,|,?\s*and|,?\s*as well as|,?\s*together with|,?\s*along with)\s*(the\s+)?$/i;
const OBJECT_JOIN = /^\.?\s*(,|,?\s*and|,?\s*as well as)\s*(the\s+)?$/i;
const PAST_TENSE = /^\p{Ll}+ed$/u;
const PHRASE_END = /[,.;:!?"“”‘’]|\s[–—]\s/;
const SPACES = /\s+/;
const SPACE_RUNS = /\s+/g;
const EDGE_MARKS = /^[\s'"‘’“”]+|[\s'"‘’”.,]+$/g;
const AFTER_PUNCTUATION = /[,;:]\s*$/;
const AFTER_COMMA = /,\s*$/;
const STARTS_PUNCTUATION = /^[,.;:]/;
const TIES = /^(ties|relations)$/;
const LINK_WORD = /^(has|have|had|of|for|linked|tied|involved|complicit)$/;
const VERB_FORM = /(ing|ed)$/;

/**
 * One sentence, read: its tokens, the actors and charges in it, and its quoted stretches. (A class: an object literal
 * with getters is a dictionary-mode object, and every rule reads these fields.)
 */
class ReadSentence {
  readonly field: QuoteLocation['field'];
  /** The whole field (title or body text) that the offsets index into. */
  readonly source: string;
  readonly sentence: Sentence;
  readonly tokens: Token[];
  /** The sentence holds a charge or a rule's trigger word. */
  readonly relevant: boolean;
  readonly charges: ChargeHit[];
  private readonly ctx: MentionContext;
  /** Tokens of charge words, which no actor's phrase takes in. */
  private readonly blocked: ReadonlySet<number>;
  /** Actors named before this offset belong to a wire dateline. */
  private readonly skipTo: number;
  private found: Mention[] | undefined;
  private quoted: [number, number][] | undefined;
  private actorTokens: Uint8Array | undefined;
  /** The article's sentences and this one's place among them, for looking back (set for relevant sentences only). */
  private all: readonly ReadSentence[] = NOT_PLACED;
  private at = -1;

  constructor(
    field: QuoteLocation['field'],
    source: string,
    sentence: Sentence,
    tokens: Token[],
    charges: ChargeHit[],
    relevant: boolean,
    ctx: MentionContext,
    blocked: ReadonlySet<number>,
    skipTo: number,
  ) {
    this.field = field;
    this.source = source;
    this.sentence = sentence;
    this.tokens = tokens;
    this.charges = charges;
    this.relevant = relevant;
    this.ctx = ctx;
    this.blocked = blocked;
    this.skipTo = skipTo;
    // Actors are looked up now where a rule may use them (or a person may be introduced, so that later sentences
    // know the name), and only on demand elsewhere ("its neighbour" looks back two sentences).
    this.found = relevant ? this.findMentions() : undefined;
  }

  private findMentions(): Mention[] {
    const found = findMentions(this.tokens, this.source, this.ctx, this.blocked);
    return this.skipTo < 0 ? found : found.filter((m) => m.start >= this.skipTo);
  }

  get mentions(): Mention[] {
    return (this.found ??= this.findMentions());
  }

  /** Token ranges inside quotation marks (found on first use). */
  get quotes(): [number, number][] {
    return (this.quoted ??= findQuotes(this.tokens, this.source, this.sentence));
  }

  /** For each token, whether it is part of an actor's name (found on first use): "States" in "United States" is no verb. */
  get inActor(): Uint8Array {
    if (!this.actorTokens) {
      this.actorTokens = new Uint8Array(this.tokens.length);
      for (const m of this.mentions) this.actorTokens.fill(1, m.from, m.to);
    }
    return this.actorTokens;
  }

  /** Places the sentence among the article's, which `previousSubject` and `priorMentions` look back over. */
  placeAmong(all: readonly ReadSentence[], at: number): void {
    this.all = all;
    this.at = at;
  }

  /** The main subject of the nearest sentence before (two at most, same field), for "It said". */
  previousSubject(): Mention | null {
    const all = this.all;
    for (let k = this.at - 1; k >= Math.max(0, this.at - 2) && all[k]!.field === this.field; k--) {
      const subject = speakerOf(all[k]!, all[k]!.source) ?? mainSubject(all[k]!);
      if (subject) return subject;
    }
    return null;
  }

  /** Actors of the two sentences before, for "its neighbour" and the like (the headline stands apart). */
  priorMentions(): Mention[] {
    const out: Mention[] = [];
    for (let k = Math.max(0, this.at - 2); k < this.at; k++) if (this.all[k]!.field === this.field) out.push(...this.all[k]!.mentions);
    return out;
  }
}

const NOT_PLACED: readonly ReadSentence[] = [];

/** An accusation found in one sentence, before the article-level merge. The accuser may be missing (headline style). */
interface Candidate {
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

export interface ExtractOptions {
  title: string;
  text: string;
}

/**
 * Reads who accused whom of what in an article (headline and body), one accusation per distinct
 * (accuser, accused, charge category), each with its best quote, facets, confidence and reasons.
 * Returns them best first; the first is the article's primary accusation.
 */
export function extractAccusations({ title, text }: ExtractOptions): Accusation[] {
  const ctx = newMentionContext();
  const titleRead = title.trim() ? readSentences(title, 'title', { ...ctx, titleCase: isTitleCase(title) }) : [];
  // The title's people are the article's people too.
  const bodyRead = readSentences(text, 'text', ctx);
  const all = titleRead.length ? titleRead.concat(bodyRead) : bodyRead;
  readChargesInContext(all);
  const candidates: Candidate[] = [];
  const denials: { code: string; text: string }[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (!r.relevant) continue;
    r.placeAmong(all, i);
    candidatesIn(r, denials, candidates);
  }
  const titleCodes = new Set<string>();
  for (const r of titleRead) for (const m of r.mentions) titleCodes.add(m.code);
  return assemble(candidates, denials, titleCodes, bodyRead);
}

function isTitleCase(title: string): boolean {
  const words = title.match(LONG_WORDS) ?? [];
  if (words.length < 3) return false;
  return words.filter((w) => STARTS_CAPITAL.test(w)).length / words.length >= 0.6;
}

/** No token blocked (shared, never written). */
const NO_TOKENS: ReadonlySet<number> = new Set<number>();

/**
 * The ranges of the lines that are links to other stories ("Related coverage: ..."), whose sentences are skipped,
 * and the wire datelines ("WASHINGTON/LONDON, March 26 (Reuters) - ") by where they start, to where they end: they
 * name places, not a sentence's subject. A dateline starts a line and may run over the next line starts.
 */
export function lineMarks(source: string): { clutter: [number, number][]; datelineEnd: Map<number, number> } {
  const clutter: [number, number][] = [];
  const datelineEnd = new Map<number, number>();
  let afterDateline = 0;
  for (let start = 0; start <= source.length;) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    CLUTTER_LINE.lastIndex = start;
    if (CLUTTER_LINE.test(source)) clutter.push([start, end]);
    if (start >= afterDateline) {
      DATELINE.lastIndex = start;
      const m = DATELINE.exec(source);
      if (m) {
        afterDateline = start + m[0].length;
        datelineEnd.set(start, afterDateline);
      }
    }
    start = end + 1;
  }
  return { clutter, datelineEnd };
}

function readSentences(source: string, field: QuoteLocation['field'], ctx: MentionContext): ReadSentence[] {
  const { clutter, datelineEnd } = lineMarks(source);
  const inClutter = (s: Sentence) => clutter.some(([a, b]) => s.start >= a && s.end <= b);
  return splitSentences(source)
    .filter((s) => !inClutter(s))
    .map((sentence) => {
      const tokens = tokenize(sentence.text, sentence.start);
      const charges = findCharges(tokens, source);
      let blocked = NO_TOKENS;
      if (charges.length) {
        const set = new Set<number>();
        for (const c of charges) for (let k = c.from; k < c.to; k++) set.add(k);
        blocked = set;
      }
      let relevant = charges.length > 0;
      for (let k = 0; k < tokens.length && !relevant; k++) relevant = RELEVANT_WORDS.has(tokens[k]!);
      return new ReadSentence(field, source, sentence, tokens, charges, relevant, ctx, blocked, datelineEnd.get(sentence.start) ?? -1);
    });
}

/**
 * Token ranges inside quotation marks (straight or curly, single or double). An apostrophe inside a word
 * ("China's") is not a quote mark; an opening mark sits right before a word, a closing one right after a word or
 * its punctuation.
 */
function findQuotes(tokens: Token[], source: string, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const from = i === 0 ? s.start : tokens[i - 1]!.end;
    const to = i === tokens.length ? s.end : tokens[i]!.start;
    // Every test below needs a quotation mark in the gap: most gaps (a space) are passed over without a copy.
    if (!hasQuoteMark(source, from, to)) continue;
    const gap = source.slice(from, to);
    if (i > 0 && i < tokens.length && APOSTROPHE.test(gap)) continue;
    if (open >= 0 && i > 0 && CLOSING_QUOTE.test(gap)) {
      out.push([open, i]);
      open = -1;
      if (i < tokens.length && SPACE_OPENING_QUOTE.test(gap)) open = i;
    } else if (open < 0 && i < tokens.length && OPENING_QUOTE.test(gap)) open = i;
  }
  return out;
}

function hasQuoteMark(source: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    // " ' ‘ ’ “ ”
    if (c === 34 || c === 39 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return true;
  }
  return false;
}

const inRange = (i: number, [a, b]: [number, number]) => i >= a && i < b;

function quoteOf(r: ReadSentence, tokenIndex: number): [number, number] | null {
  return r.quotes.find((q) => inRange(tokenIndex, q)) ?? null;
}

function isNegated(r: ReadSentence, ti: number): boolean {
  for (let k = Math.max(0, ti - 3); k < ti; k++) if (NEGATOR.has(r.tokens[k]!.lower)) return true;
  return false;
}

/** Text between two token positions has a clause break that a subject cannot cross. */
function crossesClause(r: ReadSentence, source: string, fromTok: number, toTok: number): boolean {
  const a = r.tokens[fromTok]?.end ?? r.sentence.start;
  const b = r.tokens[toTok]?.start ?? r.sentence.end;
  return CLAUSE_BREAK.test(source.slice(a, b));
}

/** The subject of the verb at `ti`: the nearest actor before it in the same clause, with the actors coordinated with it. */
function subjectBefore(r: ReadSentence, source: string, ti: number): Mention[] {
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
function objectAfter(r: ReadSentence, source: string, ti: number, stopAt = Infinity): Mention[] {
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
function demonymAt(r: ReadSentence, k: number): Mention | undefined {
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
const SUBJECTLESS_PREP = new Set(['against', 'on', 'at', 'into', 'inside', 'within', 'across', 'with', 'toward', 'towards', 'targeting']);

/** Words that open a new clause with its own subject ("..., while Congo accused ..."). */
const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'although', 'though', 'as', 'after', 'when', 'since', 'because']);

/**
 * The verb at `ti` follows "and" as a second verb of its clause ("... summoned the British envoy and accused
 * London"), not as the verb of a compound subject ("Britain and France accused"): no actor ends right before "and",
 * or the one that does is an object, with a past-tense verb between the main subject and it.
 */
function coordinatesVerb(r: ReadSentence, ti: number): boolean {
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
function coordinatedSubject(r: ReadSentence, ti: number): Mention | null {
  for (let k = r.mentions.length - 1; k >= 0; k--) {
    const m = r.mentions[k]!;
    if (m.to > ti || quoteOf(r, m.from)) continue;
    const before = r.tokens[m.from - 1]?.lower === 'the' ? m.from - 2 : m.from - 1;
    if (before >= 0 && CLAUSE_OPENERS.has(r.tokens[before]!.lower)) return m;
  }
  return mainSubject(r);
}

/** The main clause's subject: the first actor of the sentence outside quotes and not inside a prepositional phrase. */
function mainSubject(r: ReadSentence): Mention | null {
  return r.mentions.find((m) => !quoteOf(r, m.from) && !TARGET_PREP.has(r.tokens[m.from - 1]?.lower ?? '')) ?? null;
}

/**
 * "accusing its neighbour of ...", "the small Gulf state": a noun phrase right after `ti` that points back to an
 * actor named earlier, resolved to the latest actor (in this sentence before `ti`, then the sentences before) whose
 * code is not `notCode`.
 */
function anaphoraAfter(r: ReadSentence, src: string, ti: number, notCode: string | null): Mention | null {
  const t = r.tokens[ti];
  if (!t || !ANAPHORA.test(src.slice(t.end, t.end + 80))) return null;
  const earlier = [...r.priorMentions(), ...r.mentions.filter((m) => m.to <= ti)];
  for (let k = earlier.length - 1; k >= 0; k--) if (earlier[k]!.code !== notCode) return earlier[k]!;
  return null;
}

/** "spying for China", "on behalf of China's Ministry of Public Security": the state a charge was committed for. */
function beneficiaryAfter(r: ReadSentence, src: string, ti: number): Mention[] {
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

function chargeAfter(r: ReadSentence, ti: number): ChargeHit | null {
  return r.charges.find((c) => c.from > ti) ?? null;
}

function anyCharge(r: ReadSentence, ti: number): ChargeHit | null {
  return chargeAfter(r, ti) ?? [...r.charges].reverse().find((c) => c.from < ti) ?? null;
}

/** Up to eight words of the clause that starts at token `from`. */
function clauseFrom(r: ReadSentence, source: string, from: number): string {
  const start = r.tokens[from]?.start;
  if (start === undefined) return '';
  return source.slice(start, r.sentence.end).split(PHRASE_END)[0]!.split(SPACES).slice(0, 8).join(' ').trim();
}

/** "accused X of <words>": the words after "of", for a charge the lexicon does not know. */
function ofPhrase(r: ReadSentence, source: string, ti: number): string {
  const of = r.tokens.findIndex((t, i) => i > ti && t.lower === 'of');
  if (of < 0) return '';
  const start = r.tokens[of + 1]?.start;
  if (start === undefined) return '';
  const rest = source.slice(start, r.sentence.end);
  return rest.split(PHRASE_END)[0]!.split(SPACES).slice(0, 8).join(' ').trim();
}

/** Words that may stand between a speaker and the speech verb ("Russia on Tuesday said", "the ministry has said"). */
const SPEAKER_GAP =
  /^(on|in|late|early|last|this|also|earlier|previously|again|has|have|had|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|statement|a|repeatedly|publicly|formally|officially)$/;

/** The speaker of the speech verb at `ti`: "X said", "X on Tuesday said", "said X", "X says" at the end of a sentence. */
function speakerAt(r: ReadSentence, src: string, ti: number): Mention | null {
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

const SPEAKER_PRONOUNS = set(triggers.speakerAnaphora.pronouns);
const SPEAKER_NOUNS = set(triggers.speakerAnaphora.nouns);

/**
 * "It said ...", "The ministry said in a statement ...": a speaker named by a pronoun or a bare noun, standing for
 * the main subject of the sentence before; the mention is placed on this sentence's words.
 */
function referringSpeaker(r: ReadSentence, ti: number): Mention | null {
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
function speakerOf(r: ReadSentence, src: string, exclude?: [number, number] | null): Mention | null {
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

/** One sentence's run of the rules: the candidates found so far, and how a rule adds one. */
class SentenceRun {
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
function candidatesIn(r: ReadSentence, denials: { code: string; text: string }[], candidates: Candidate[]): void {
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

function denialRule(run: SentenceRun, ti: number, w: string): void {
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

function accusationRule(run: SentenceRun, ti: number, w: string): void {
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

function condemnationFromRule(run: SentenceRun, ti: number): void {
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

function denunciationRule(run: SentenceRun, ti: number): void {
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

function heldResponsibleRule(run: SentenceRun, ti: number): void {
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

function identifiedAsRule(run: SentenceRun, ti: number): void {
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

function attributionRule(run: SentenceRun, ti: number, w: string): void {
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

function legalActionRule(run: SentenceRun, ti: number): void {
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

function agentRule(run: SentenceRun, ti: number, w: string): void {
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

function courtRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  // "The EU took China to the WTO over ...", "South Africa filed a case against Israel": a court case accuses.
  const charge = chargeAfter(r, ti);
  const subj = subjectBefore(r, src, ti)[0] ?? mainSubject(r);
  const igo = getGazetteer().igoCodes;
  const accused = charge ? r.mentions.find((m) => m.from > ti && m.to <= charge.from && m.code !== subj?.code && !igo.has(m.code)) : undefined;
  if (charge && subj && accused) run.add(subj, accused, charge, 'took to court', 0.75, run.span(ti, ti + 1));
}

function cutTiesRule(run: SentenceRun, ti: number): void {
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

function calledItRule(run: SentenceRun, ti: number, w: string): void {
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
function reportedSpeech(run: SentenceRun, ti: number): void {
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

const LOCATION_WEIGHT = (c: Candidate) =>
  c.read.field === 'title' ? 3 : c.read.sentence.paragraph === 0 ? 2 : c.read.sentence.paragraph <= 2 ? 1.5 : 1;

function actorOf(m: Mention): Actor {
  return { code: m.code, name: m.name, detail: m.detail };
}

function assemble(candidates: Candidate[], denials: { code: string; text: string }[], titleCodes: Set<string>, body: ReadSentence[]): Accusation[] {
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
  let articleFacets: Facets | undefined;
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
      facets: facetsFor(accused.code, (articleFacets ??= facetCandidates(body.map((r) => r.sentence.text))), denials),
      reasons,
    } satisfies Accusation;
  });
}

function quoteRank(c: Candidate): number {
  return (c.read.field === 'text' ? 1 : 0) + c.confidence + (c.reasons.some((r) => r.includes('taken from')) ? -0.5 : 0);
}

/** Prefer the detail that says most (a named sub-actor over the bare state). */
function mostSpecific(mentions: Mention[]): Mention {
  return [...mentions].sort((a, b) => b.detail.length - a.detail.length)[0]!;
}

function accuserPreference(c: Candidate, titleCodes: Set<string>, igo: Set<string>): number {
  if (!c.accuser) return 0;
  return (titleCodes.has(c.accuser.code) ? 1 : 0) + (igo.has(c.accuser.code) ? 0 : 0.2);
}

const FACET_CUES = {
  targets: new RegExp(`\\b(?:${triggers.facets.targets.join('|')})\\b\\s+`, 'i'),
  evidence: new RegExp(`\\b(?:${triggers.facets.evidence.join('|')})\\b`, 'i'),
  response: new RegExp(`\\b(?:${triggers.facets.response.join('|')})\\b`, 'i'),
};
const FACET_ANY = new RegExp(`\\b(?:${[...triggers.facets.targets, ...triggers.facets.evidence, ...triggers.facets.response].join('|')})\\b`, 'i');
const CLAUSE_END =
  /,(?=\s|$)|[;:()"“”‘’]|'(?=\s|$)|\s'(?=\w)|…|\s[–—-]\s|\.(?:\s|$)|\s(?:and that|but|while|which|who|as well as|in order|to make)\s/;

/** The targets, evidence and response phrases of the article's body (the same for each of its accusations). */
function facetCandidates(sentences: string[]): Facets {
  const facets: Facets = { targets: [], evidence: [], response: [], denial: [] };
  const add = (kind: keyof Facets, phrase: string) => {
    const clean = trimPhrase(phrase);
    if (clean.split(SPACES).length >= 2 && !facets[kind].includes(clean)) facets[kind].push(clean);
  };
  for (const s of sentences) {
    // One scan for any cue first: most sentences have none.
    if (!FACET_ANY.test(s)) continue;
    const t = FACET_CUES.targets.exec(s);
    if (t) add('targets', s.slice(t.index + t[0].length).split(CLAUSE_END)[0]!);
    for (const kind of ['evidence', 'response'] as const) {
      const m = FACET_CUES[kind].exec(s);
      if (m) add(kind, clauseAround(s, m.index));
    }
  }
  return facets;
}

function facetsFor(accusedCode: string, found: Facets, denials: { code: string; text: string }[]): Facets {
  const denial: string[] = [];
  for (const d of denials) if (d.code === accusedCode && !denial.includes(d.text)) denial.push(d.text);
  return {
    targets: found.targets.slice(0, 4),
    evidence: found.evidence.slice(0, 4),
    response: found.response.slice(0, 4),
    denial: denial.slice(0, 4),
  };
}

function trimPhrase(phrase: string): string {
  let p = phrase.replace(EDGE_MARKS, '').replace(SPACE_RUNS, ' ');
  const words = p.split(' ');
  if (words.length > 14) p = `${words.slice(0, 14).join(' ')}…`;
  return p;
}

/** The clause of `s` around a cue at `at`: at most six words before it and up to the clause's end after it. */
function clauseAround(s: string, at: number): string {
  const leftWords = s.slice(0, at).split(CLAUSE_END).pop()!.trimStart().split(SPACES).filter(Boolean);
  const right = s.slice(at).split(CLAUSE_END)[0]!;
  return `${leftWords.slice(-6).join(' ')} ${right}`;
}
