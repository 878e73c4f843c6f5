import type { QuoteLocation } from '../types';
import { tokenize, type Token } from '../text/tokens';
import { splitSentences, type Sentence } from '../text/sentences';
import { findCharges, type ChargeHit } from '../charges/lexicon';
import { findMentions, type Mention, type MentionContext } from '../actors/mentions';
import { mainSubject, speakerOf } from './syntax';
import {
  APOSTROPHE,
  CLOSING_QUOTE,
  CLUTTER_LINE,
  DATELINE,
  LONG_WORDS,
  OPENING_QUOTE,
  RELEVANT_WORDS,
  SPACE_OPENING_QUOTE,
  STARTS_CAPITAL,
} from './vocabulary';
/**
 * One sentence, read: its tokens, the actors and charges in it, and its quoted stretches. (A class: an object literal
 * with getters is a dictionary-mode object, and every rule reads these fields.)
 */
export class ReadSentence {
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
  /** The headline, or the first sentence of an article that has none (a selection): what the lead is read from. */
  isHeadline = false;
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

  /** The actors named in the wire dateline this sentence starts with ("BEIJING, May 5 (Xinhua) -"), if any. */
  get datelineMentions(): Mention[] {
    if (this.skipTo < 0) return [];
    return findMentions(this.tokens, this.source, this.ctx, this.blocked).filter((m) => m.start < this.skipTo);
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

export const NOT_PLACED: readonly ReadSentence[] = [];

export function isTitleCase(title: string): boolean {
  const words = title.match(LONG_WORDS) ?? [];
  if (words.length < 3) return false;
  return words.filter((w) => STARTS_CAPITAL.test(w)).length / words.length >= 0.6;
}

/** No token blocked (shared, never written). */
export const NO_TOKENS: ReadonlySet<number> = new Set<number>();

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

export function readSentences(source: string, field: QuoteLocation['field'], ctx: MentionContext): ReadSentence[] {
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
export function findQuotes(tokens: Token[], source: string, s: Sentence): [number, number][] {
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

export function hasQuoteMark(source: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    // " ' ‘ ’ “ ”
    if (c === 34 || c === 39 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return true;
  }
  return false;
}
