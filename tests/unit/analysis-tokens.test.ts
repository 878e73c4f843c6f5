import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../lib/text/tokens';

/** The tokenizer's contract, spelt as a regular expression: words are [\p{L}\p{N}][\p{L}\p{M}\p{N}]*. */
function reference(text: string, offset = 0) {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
}

/** Each lowercase word has one `Word`, whatever its spelling. */
const wordsSeen = new Map<string, unknown>();

const plain = (text: string, offset = 0) =>
  tokenize(text, offset).map((t) => {
    expect(t.word.lower).toBe(t.lower);
    if (!wordsSeen.has(t.lower)) wordsSeen.set(t.lower, t.word);
    expect(t.word).toBe(wordsSeen.get(t.lower));
    return { text: t.text, lower: t.lower, start: t.start, end: t.end };
  });

const pieces = [
  'China',
  'china',
  'CHINA',
  's',
  "'",
  '’',
  ' ',
  '-',
  '—',
  '“',
  '42',
  'x9',
  'é',
  'É',
  'e\u0301',
  '\u0301',
  'İ',
  'ß',
  'Σ',
  'я',
  '中',
  '𝐔',
  '😀',
  'Ⅻ',
  '\u200b',
  '_',
  '.',
  '\n',
  'a',
  'B',
  'abcdefghij',
  'ABCDEFGHIJK',
  'abcdefghijz',
  'internationalisation',
  'internationalization',
  'z9z9z9z9z9z',
];

describe('tokenizer, one pass per word', () => {
  it('splits and lowercases as the regular expression does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.nat(100), (xs, offset) => {
        const text = xs.join('');
        expect(plain(text, offset)).toEqual(reference(text, offset));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps its words right when the table of ASCII words starts again', () => {
    // (A new table hands out new words.)
    wordsSeen.clear();
    const text = Array.from({ length: 25_000 }, (_, i) => `W${i.toString(36)}x`).join(' ');
    expect(plain(text)).toEqual(reference(text));
    wordsSeen.clear();
    expect(plain('W0x W1x w2X')).toEqual(reference('W0x W1x w2X'));
    // Long words share the table's hash check with their length; the same words again find the same entries.
    const long = Array.from({ length: 3_000 }, (_, i) => `Internationalisation${i.toString(36)} abcdefghij${i % 10}`).join(' ');
    expect(plain(long + ' ' + long.toUpperCase())).toEqual(reference(long + ' ' + long.toUpperCase()));
    const words = tokenize(long + ' ' + long.toUpperCase());
    expect(new Set(words.map((t) => t.word)).size).toBe(new Set(words.map((t) => t.lower)).size);
  });
});
