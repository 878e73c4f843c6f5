import type { Token } from './tokens';
import { isTightGap } from './tokens';

/**
 * A phrase pattern: a sequence of lowercase word patterns. A word pattern is a word, a prefix ending in `*`
 * ("hack*"), or `*` alone (any one word).
 */
export interface PhrasePattern<T> {
  words: string[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
}

function wordMatches(pattern: string, word: string): boolean {
  // A word of the text holds no '*': a pattern word equal to it is an exact one, the common case, tested first.
  if (pattern === word) return true;
  if (pattern.charCodeAt(pattern.length - 1) !== 42) return false;
  return pattern.length === 1 || word.startsWith(pattern.slice(0, -1));
}

const NONE: never[] = [];
let nextIndexId = 0;
/** Candidate lists longer than this are split by their second word. */
const MANY = 8;
/** The key of the part for a next word that no pattern names. */
const ANY = '\u0000any';

/** The gap of a possessive 's. */
const APOSTROPHE = /^['’]$/;

/** Compiles phrase patterns into an index keyed by first word (or prefix) for fast longest-match lookup. */
export class PhraseIndex<T> {
  private exact = new Map<string, PhrasePattern<T>[]>();
  /** Patterns whose first word is a prefix, keyed by the prefix's first three letters. */
  private prefixed = new Map<string, PhrasePattern<T>[]>();
  /** This index's slot in `Word` (`starts0`, `starts1`, then `startsMore`). */
  private readonly id = nextIndexId++;

  constructor(patterns: Iterable<PhrasePattern<T>>) {
    for (const p of patterns) {
      const first = p.words[0];
      if (!first) continue;
      if (first.endsWith('*')) {
        if (first.length < 4) throw new Error(`Phrase pattern "${p.words.join(' ')}": a leading prefix needs at least 3 letters`);
        const key = first.slice(0, 3);
        this.prefixed.set(key, [...(this.prefixed.get(key) ?? []), p]);
      } else {
        const list = this.exact.get(first) ?? [];
        list.push(p);
        this.exact.set(first, list);
      }
    }
    // Longest patterns first, so the first hit at a position is the longest.
    for (const list of this.exact.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The patterns a word may start, longest first (remembered on the word, see `Word.starts0`). */
  private candidatesFor(word: string): PhrasePattern<T>[] {
    const exact = this.exact.get(word) ?? NONE;
    const byPrefix = this.prefixed.size ? this.prefixed.get(word.slice(0, 3)) : undefined;
    const prefixed = byPrefix ? byPrefix.filter((p) => wordMatches(p.words[0]!, word)) : NONE;
    return prefixed.length ? [...exact, ...prefixed].sort((a, b) => b.words.length - a.words.length) : exact;
  }

  private partitions = new WeakMap<PhrasePattern<T>[], Map<string, PhrasePattern<T>[]>>();

  /**
   * A long candidate list split by the pattern's second word, each part in the list's own order (longest first):
   * the patterns whose second word is that word, with those of one word or a wildcard or prefix second word (or "s",
   * which the possessive rule treats apart), which are also the part under `ANY` for any other next word.
   */
  private bySecondWord(list: PhrasePattern<T>[]): Map<string, PhrasePattern<T>[]> {
    let parts = this.partitions.get(list);
    if (parts) return parts;
    parts = new Map();
    const open = (p: PhrasePattern<T>) => p.words.length < 2 || p.words[1] === 's' || p.words[1]!.endsWith('*');
    parts.set(ANY, list.filter(open));
    for (const p of list) {
      const second = p.words[1];
      if (open(p) || second === undefined || parts.has(second)) continue;
      parts.set(
        second,
        list.filter((q) => open(q) || q.words[1] === second),
      );
    }
    this.partitions.set(list, parts);
    return parts;
  }

  /** The patterns that may start at this token, longest first (remembered on its word). */
  startingAt(token: Token): PhrasePattern<T>[] {
    const w = token.word;
    if (this.id === 0) return (w.starts0 as PhrasePattern<T>[] | undefined) ?? (w.starts0 = this.candidatesFor(w.lower));
    if (this.id === 1) return (w.starts1 as PhrasePattern<T>[] | undefined) ?? (w.starts1 = this.candidatesFor(w.lower));
    const more = (w.startsMore ??= []);
    return (more[this.id - 2] as PhrasePattern<T>[] | undefined) ?? (more[this.id - 2] = this.candidatesFor(w.lower));
  }

  /** The longest pattern that matches at token `i` with tight gaps between words, or null. */
  matchAt(tokens: Token[], i: number, source: string, accept?: (p: PhrasePattern<T>, from: number, to: number) => boolean): PhraseMatch<T> | null {
    const head = tokens[i];
    if (!head) return null;
    let candidates = this.startingAt(head);
    if (!candidates.length) return null;
    // A word that starts many patterns ("republic", "national"): only those whose second word can be the next one.
    if (candidates.length > MANY) {
      const next = tokens[i + 1];
      const possessive = next && next.lower === 's' && APOSTROPHE.test(source.slice(head.end, next.start));
      if (!possessive) candidates = this.bySecondWord(candidates).get(next?.lower ?? '') ?? this.bySecondWord(candidates).get(ANY)!;
    }
    for (const p of candidates) {
      let j = i + 1;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) {
        let t = tokens[j];
        // A possessive 's ("China's internal affairs") is stepped over unless the pattern spells it.
        if (t && t.lower === 's' && p.words[k] !== 's' && APOSTROPHE.test(source.slice(tokens[j - 1]!.end, t.start))) t = tokens[++j];
        ok = !!t && wordMatches(p.words[k]!, t.lower) && isTightGap(source, tokens[j - 1]!.end, t.start);
        j++;
      }
      if (ok && (!accept || accept(p, i, j))) return { value: p.value, from: i, to: j };
    }
    return null;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: Token[], source: string, accept?: (p: PhrasePattern<T>, from: number, to: number) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      // Most words start no pattern: passed over without the call.
      if (!this.startingAt(tokens[i]!).length) {
        i++;
        continue;
      }
      const m = this.matchAt(tokens, i, source, accept);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}

/** Splits a phrase the way `tokenize` splits text, lowercased; keeps `*` markers. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}*]+/u)
    .filter(Boolean);
}
