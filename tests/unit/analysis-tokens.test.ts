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

const plain = (text: string, offset = 0) =>
  tokenize(text, offset).map((t) => {
    expect(t.word.lower).toBe(t.lower);
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
    const text = Array.from({ length: 25_000 }, (_, i) => `W${i.toString(36)}x`).join(' ');
    expect(plain(text)).toEqual(reference(text));
    expect(plain('W0x W1x w2X')).toEqual(reference('W0x W1x w2X'));
  });
});
