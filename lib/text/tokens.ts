/** A word of the text with its character offsets. Punctuation is not a token; apostrophes and hyphens split words. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Splits `text` into word tokens ("China's cyber-attack" -> China, s, cyber, attack). */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

/** Text between two tokens is a "tight" join when it holds no sentence or clause punctuation. */
export function isTightGap(source: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  return /^[\s\-.'’‑–]*$/u.test(source.slice(from, to)) && !/[.]\s/.test(source.slice(from, to));
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || /\p{N}/u.test(first);
}
