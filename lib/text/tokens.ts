/** A word of the text with its character offsets. Punctuation is not a token; apostrophes and hyphens split words. */
export interface Token {
  text: string;
  /** The lowercase word, one shared string per distinct word. */
  lower: string;
  start: number;
  end: number;
  word: Word;
}

/** A distinct lowercase word, shared by all its tokens, with what phrase indexes learnt about it. */
export interface Word {
  lower: string;
  /**
   * For an ASCII word, its key in the tokenizer's table: up to ten letters and digits as two numbers (five each, base
   * 37), which the table compares instead of the string; for a longer word its hash and its length, negated.
   */
  key1: number;
  key2: number;
  /**
   * The patterns this word may start in phrase index 0 and 1 (the first two built), filled on first use: fields of
   * their own, not an array, since the index asks for every token.
   */
  starts0: unknown;
  starts1: unknown;
  /** The same for any later phrase index, by its id less 2. */
  startsMore: unknown[] | undefined;
  /** One bit per `WordSet` that holds this word, computed on first use (for `setsVersion` sets). */
  sets: number;
  setsVersion: number;
}

function newWord(lower: string, key1: number, key2: number): Word {
  return { lower, key1, key2, starts0: undefined, starts1: undefined, startsMore: undefined, sets: 0, setsVersion: -1 };
}

/** Every `WordSet`, by its bit. */
const WORD_SETS: Set<string>[] = [];

/** A set of lowercase words whose membership is remembered on each `Word` as a bit, so a hot loop hashes no string. */
export class WordSet {
  private readonly bit: number;
  private readonly words: Set<string>;

  constructor(words: Iterable<string>) {
    if (WORD_SETS.length >= 31) throw new Error('WordSet: at most 31 sets');
    this.words = new Set(words);
    this.bit = 1 << WORD_SETS.length;
    WORD_SETS.push(this.words);
  }

  has(t: Token): boolean {
    const w = t.word;
    if (w.setsVersion !== WORD_SETS.length) {
      let bits = 0;
      for (let k = 0; k < WORD_SETS.length; k++) if (WORD_SETS[k]!.has(w.lower)) bits |= 1 << k;
      w.sets = bits;
      w.setsVersion = WORD_SETS.length;
    }
    return (w.sets & this.bit) !== 0;
  }
}

/**
 * Every word seen, so that each token costs one lookup here and none in the phrase indexes (bounded: cleared when
 * full; words already handed out stay valid).
 */
const VOCABULARY = new Map<string, Word>();
const VOCABULARY_MAX = 100_000;

function wordOf(lower: string): Word {
  let w = VOCABULARY.get(lower);
  if (!w) {
    if (VOCABULARY.size >= VOCABULARY_MAX) VOCABULARY.clear();
    w = newWord(lower, 0, 0);
    VOCABULARY.set(lower, w);
  }
  return w;
}

// A word is /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/u. The scanner reads ASCII by char code and asks these two only about
// other characters (a regular expression over every word cost a tenth of the analysis).
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{M}\p{N}]$/u;

/** The width in UTF-16 units of the character `classify` read last. */
let width = 1;

/** 0: not part of a word; 1: may continue a word (a combining mark); 2: may start or continue one. */
function classify(text: string, i: number): number {
  const c = text.charCodeAt(i);
  width = 1;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 2 : 0;
  // General Punctuation (dashes, curly quotes) holds no letter, mark or digit.
  if (c >= 0x2000 && c <= 0x206f) return 0;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  width = ch.length;
  return WORD_START.test(ch) ? 2 : WORD_PART.test(ch) ? 1 : 0;
}

// ASCII words (nearly all of an English article) are found in an open-addressing table by a hash of their
// lowercased char codes, and compared by their keys (see `Word.key1`): no lowercase copy, no string hashing, and for
// most words not even a look at the stored string.
const ASCII_BITS = 15;
const ASCII_MASK = (1 << ASCII_BITS) - 1;
let asciiTable: (Word | undefined)[] = new Array<Word | undefined>(1 << ASCII_BITS);
let asciiCount = 0;
/** Words up to this long are told apart by their keys alone. */
const KEYED_CHARS = 10;

/**
 * The word of the all-ASCII stretch `from`..`to`, whose lowercased char codes hash to `h` (FNV-1a), with keys
 * `key1` and `key2`, from the table (added if new).
 */
function asciiWordOf(text: string, from: number, to: number, h: number, key1: number, key2: number): Word {
  for (let slot = h & ASCII_MASK; ; slot = (slot + 1) & ASCII_MASK) {
    const w = asciiTable[slot];
    if (!w) break;
    if (w.key1 !== key1 || w.key2 !== key2) continue;
    if (key2 >= 0 || sameLowercase(text, from, to, w.lower)) return w;
  }
  // Bounded: past 60% full the table starts again (words already handed out stay valid).
  if (asciiCount >= ((1 << ASCII_BITS) * 3) / 5) {
    asciiTable = new Array<Word | undefined>(1 << ASCII_BITS);
    asciiCount = 0;
  }
  const lower = text.slice(from, to).toLowerCase();
  const w = newWord(lower, key1, key2);
  let slot = h & ASCII_MASK;
  while (asciiTable[slot]) slot = (slot + 1) & ASCII_MASK;
  asciiTable[slot] = w;
  asciiCount++;
  return w;
}

/** The ASCII stretch `from`..`to` lowercases to `lower` (of the same length). */
function sameLowercase(text: string, from: number, to: number, lower: string): boolean {
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(k - from)) return false;
  }
  return true;
}

/** Splits `text` into word tokens ("China's cyber-attack" -> China, s, cyber, attack). */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 128 ? !isAsciiAlphanumeric(first) : classify(text, i) !== 2) {
      i += first < 128 ? 1 : width;
      continue;
    }
    // One pass finds the word's end, hashes and keys its lowercased char codes and notes capitals, while it stays
    // ASCII.
    const from = i;
    let h = 0x811c9dc5 | 0;
    let key1 = 0;
    let key2 = 0;
    let upper = false;
    let ascii = true;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        let digit: number;
        if (c >= 97 && c <= 122) digit = c - 96;
        else if (c >= 65 && c <= 90) {
          c += 32;
          digit = c - 96;
          upper = true;
        } else if (c >= 48 && c <= 57) digit = c - 21;
        else break;
        h = Math.imul(h ^ c, 0x01000193);
        if (i - from < 5) key1 = key1 * 37 + digit;
        else if (i - from < KEYED_CHARS) key2 = key2 * 37 + digit;
        i++;
      } else {
        if (classify(text, i) === 0) break;
        ascii = false;
        i += width;
      }
    }
    let w: Word;
    let word: string;
    if (ascii) {
      w = i - from > KEYED_CHARS ? asciiWordOf(text, from, i, h, h, from - i) : asciiWordOf(text, from, i, h, key1, key2);
      // A lowercase ASCII word is spelt as its shared lowercase string: no copy.
      word = upper ? text.slice(from, i) : w.lower;
    } else {
      word = text.slice(from, i);
      w = wordOf(word.toLowerCase());
    }
    tokens.push({ text: word, lower: w.lower, start: offset + from, end: offset + i, word: w });
  }
  return tokens;
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

const TIGHT_GAP = /^[\s\-.'’‑–]*$/u;
const STOP_THEN_SPACE = /[.]\s/;
const DIGIT = /\p{N}/u;

/** Text between two tokens is a "tight" join when it holds no sentence or clause punctuation. */
export function isTightGap(source: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  // The common joins first: nothing, or one space.
  if (to === from || (to - from === 1 && source.charCodeAt(from) === 32)) return true;
  const gap = source.slice(from, to);
  return TIGHT_GAP.test(gap) && !STOP_THEN_SPACE.test(gap);
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const first = word.charAt(0);
  return first !== first.toLowerCase() || DIGIT.test(first);
}
