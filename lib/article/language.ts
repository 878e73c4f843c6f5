const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'said', 'by', 'as', 'it', 'has', 'have', 'from', 'which', 'were'],
  fr: ['le', 'la', 'les', 'des', 'et', 'en', 'du', 'un', 'une', 'est', 'que', 'pour', 'dans', 'qui', 'sur', 'pas', 'au', 'par', 'avec', 'été'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'ein',
    'eine',
    'auf',
    'für',
    'von',
    'dem',
    'sich',
    'zu',
    'im',
    'auch',
    'wurde',
    'hat',
  ],
  es: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'del', 'se', 'al', 'como', 'fue', 'su'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'una', 'non', 'con', 'del', 'della', 'sono', 'è', 'ha', 'gli', 'nel', 'alla', 'anche', 'stato'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'foi', 'se', 'ao', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'niet', 'met', 'voor', 'zijn', 'die', 'ook', 'heeft', 'werd', 'aan', 'bij'],
  cs: ['a', 'se', 'na', 'je', 'že', 'v', 'to', 's', 'z', 'do', 've', 'o', 'by', 'jako', 'které', 'který', 'jsou', 'také', 'podle', 'bylo'],
  pl: ['i', 'w', 'na', 'z', 'się', 'że', 'do', 'nie', 'to', 'jest', 'o', 'jak', 'po', 'przez', 'oraz', 'który', 'także', 'został', 'dla', 'od'],
};

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Han}/u, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

/** Each stop word and the languages it belongs to, built once. */
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS)) for (const w of list) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), lang]);

/** How much of a text the detector reads. */
export const LANGUAGE_SAMPLE_CHARS = 2_000;

const MAX_STOPWORD = Math.max(...[...STOPWORD_LANGS.keys()].map((w) => w.length));
/** The all-ASCII stop words by the number `detectLanguage` makes of their letters (base 27, a = 1). */
const ASCII_STOPWORDS = new Map<number, string[]>();
for (const [word, langs] of STOPWORD_LANGS)
  if (/^[a-z]+$/.test(word))
    ASCII_STOPWORDS.set(
      [...word].reduce((k, ch) => k * 27 + (ch.charCodeAt(0) - 96), 0),
      langs,
    );
/** The languages with stop words, in a fixed order, and the same table as ASCII_STOPWORDS by their indexes. */
const LANGS = Object.keys(STOPWORDS);
// An open-addressing table of the same keys, each with a bit per language (in LANGS order): no Map lookup per word.
const STOP_SLOTS = 1024;
const STOP_KEYS = new Int32Array(STOP_SLOTS);
const STOP_LANGS = new Int32Array(STOP_SLOTS);
for (const [key, langs] of ASCII_STOPWORDS) {
  let slot = key & (STOP_SLOTS - 1);
  while (STOP_KEYS[slot]) slot = (slot + 1) & (STOP_SLOTS - 1);
  STOP_KEYS[slot] = key;
  for (const l of langs) STOP_LANGS[slot]! |= 1 << LANGS.indexOf(l);
}

/** The language bits of an ASCII stop word's key (never 0: a word has a letter), or 0. */
function stopWordLangs(key: number): number {
  for (let slot = key & (STOP_SLOTS - 1); ; slot = (slot + 1) & (STOP_SLOTS - 1)) {
    const k = STOP_KEYS[slot]!;
    if (k === key) return STOP_LANGS[slot]!;
    if (k === 0) return 0;
  }
}
const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/** The UTF-16 width of the letter at `i`, or 0 when no letter starts there. */
function letterWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0x2000 && c <= 0x206f) return 0;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return LETTER.test(ch) ? ch.length : 0;
}

/**
 * Guesses the language of a text from its script and its most common function words. Returns an ISO 639-1 code,
 * or 'und' when the text is too short or unclear. Reads at most the first 2,000 characters.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  const vote = new PlainVote();
  return vote.read(sample, sample.length) ? vote.result() : detectLanguageGeneral(sample);
}

/** `detectLanguage` of an article, as of its title and text joined by a line break, without joining them. */
export function detectArticleLanguage(title: string, text: string): string {
  const room = LANGUAGE_SAMPLE_CHARS - title.length - 1;
  if (room < 0) return detectLanguage(title);
  const vote = new PlainVote();
  if (vote.read(title, title.length) && vote.read(text, Math.min(text.length, room))) return vote.result();
  return detectLanguageGeneral(`${title}\n${text.slice(0, room)}`);
}

/** `detectLanguage` for any sample (of at most 2,000 characters), one character class test at a time. */
export function detectLanguageGeneral(sample: string): string {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      latin++;
    } else if (c > 127 && !(c >= 0x2000 && c <= 0x206f)) {
      // (General Punctuation, U+2000 to U+206F, dashes and curly quotes, holds no letter.)
      const ch = String.fromCodePoint(sample.codePointAt(i)!);
      if (ch.length === 2) i++;
      if (LETTER.test(ch)) {
        letters++;
        if (LATIN.test(ch)) latin++;
      }
    }
  }
  if (letters < 20) return 'und';
  if (latin / letters < 0.5) {
    let best = 'und';
    let bestCount = 0;
    for (const [re, code] of SCRIPTS) {
      const count = sample.replace(new RegExp(`(?!${re.source}).`, 'gsu'), '').length;
      if (count > bestCount) [best, bestCount] = [code, count];
    }
    // Kana beside Han is Japanese.
    if (best === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) return 'ja';
    return best;
  }
  return stopWordVote(sample);
}

/** The language whose stop words make up enough of the sample's words, or 'und'. */
function stopWordVote(sample: string): string {
  const counts = new Map<string, number>();
  let words = 0;
  // A possessive 's is not the Czech word "s".
  const lower = sample.toLowerCase().replace(/['’]s\b/g, '');
  // Words are runs of letters (\p{L}+); only short ones can be stop words, so only those are cut out and looked up.
  for (let i = 0; i < lower.length;) {
    let w = letterWidth(lower, i);
    if (!w) {
      i += lower.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const from = i;
    // An all-ASCII word is looked up by a number made of its letters (no copy of the word).
    let key = 0;
    let ascii = true;
    while (w) {
      const c = lower.charCodeAt(i);
      if (c >= 97 && c <= 122) key = key * 27 + (c - 96);
      else ascii = false;
      i += w;
      w = letterWidth(lower, i);
    }
    words++;
    if (i - from > MAX_STOPWORD) continue;
    const langs = ascii ? ASCII_STOPWORDS.get(key) : STOPWORD_LANGS.get(lower.slice(from, i));
    for (const lang of langs ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  // Too few words to tell: undetermined (the analysis still runs).
  if (words < 12) return 'und';
  let lang = 'und';
  let top = 0;
  for (const [l, n] of counts) if (n > top || (n === top && l === 'en')) [lang, top] = [l, n];
  return top / Math.max(1, words) >= 0.08 ? lang : 'und';
}

/**
 * `detectLanguageGeneral` for a sample of plain characters (see `isPlainMark`), as most English text is, in one pass
 * and with no copy, possibly read in pieces; `read` says false as soon as another character comes up. Such a sample is
 * all Latin, lowercases letter by letter, its words are runs of ASCII letters, and its possessive 's (a quote mark,
 * s, then no ASCII word character) is stepped over instead of cut out of a lowercased copy.
 */
class PlainVote {
  private readonly counts = new Int32Array(LANGS.length);
  /** The languages in the order they first scored, which settles ties as the Map of the general reader does. */
  private readonly order: number[] = [];
  private words = 0;
  private letters = 0;

  /** Reads `text` up to `to`, as if a line break or the sample's end came next. */
  read(text: string, to: number): boolean {
    for (let i = 0; i < to;) {
      let c = text.charCodeAt(i);
      if (c < 65 || (c > 90 && c < 97) || c > 122) {
        if (c > 127 && !isPlainMark(c)) return false;
        if (
          (c === 39 || c === 0x2019) &&
          i + 1 < to &&
          (text.charCodeAt(i + 1) | 32) === 115 &&
          (i + 2 >= to || !isAsciiWordChar(text.charCodeAt(i + 2)))
        ) {
          // The s is a letter all the same.
          this.letters++;
          i += 2;
        } else i++;
        continue;
      }
      const from = i;
      let key = 0;
      do {
        key = key * 27 + ((c | 32) - 96);
        c = ++i < to ? text.charCodeAt(i) : 0;
      } while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
      this.words++;
      this.letters += i - from;
      if (i - from > MAX_STOPWORD) continue;
      for (let bits = stopWordLangs(key), l = 0; bits; bits >>>= 1, l++) if (bits & 1 && this.counts[l]!++ === 0) this.order.push(l);
    }
    return true;
  }

  result(): string {
    if (this.letters < 20 || this.words < 12) return 'und';
    let lang = 'und';
    let top = 0;
    for (const l of this.order) {
      const count = this.counts[l]!;
      if (count > top || (count === top && LANGS[l] === 'en')) [lang, top] = [LANGS[l]!, count];
    }
    return top / Math.max(1, this.words) >= 0.08 ? lang : 'und';
  }
}

/**
 * A character past ASCII that is no letter and no word character and that lowercasing leaves alone: General
 * Punctuation (dashes, curly quotes) and the Latin-1 signs (no-break space, middle dot, ...; not ª, µ, º).
 */
function isPlainMark(c: number): boolean {
  return (c >= 0x2000 && c <= 0x206f) || (c >= 0xa0 && c <= 0xbf && c !== 0xaa && c !== 0xb5 && c !== 0xba) || c === 0xd7 || c === 0xf7;
}

/** `\w` of a regular expression without the u flag; false past the end (NaN). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
