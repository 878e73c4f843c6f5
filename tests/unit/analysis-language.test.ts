import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectArticleLanguage, detectLanguage, detectLanguageGeneral } from '../../lib/article/language';

// Text rich in what the one-pass reader of plain text must get right: stop words of several languages, capitals,
// possessives (straight and curly, before letters, digits, '_', signs or the end), Latin-1 signs and General
// Punctuation; and now and then a character that sends the text to the general reader.
const words = ['the', 'of', 'and', 'said', 'de', 'la', 'que', 'die', 'und', 'het', 'een', 'se', 'na', 'to', 's', 'S', 'z', 'o'];
const moreWords = ['a', 'i', 'w', 'The', 'OF', 'China', 'Russia', 'x', 'zz', 'strongly', 'Qatar', 'by', 'es', 'en', '1', '42', '_'];
const joins = [' ', ' ', ' ', '  ', '\n', "'", '’', "'s ", '’s', "'S", "'s", '. ', ', ', '-', '—', '“', '” ', '_', '…', '\u2060', ''];
const signs = ['\u00a0', '·', '«', '»', '×', '§', '°', '\u00ad', '¿'];
const others = ['é', 'ª', 'µ', 'º', 'ß', 'Ä', 'İ', 'я', '中', '𝐔'];
const text = (extra: string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...words, ...moreWords, ...extra), fc.constantFrom(...joins, ...signs)), { minLength: 5, maxLength: 80 })
    .map((xs) => xs.map(([w, j]) => w + j).join(''));

describe('language detection, one-pass reading of plain text', () => {
  it('detects as the general reader does on plain text', () => {
    fc.assert(
      fc.property(text([]), (s) => {
        expect(detectLanguage(s)).toBe(detectLanguageGeneral(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('hands any other text to the general reader', () => {
    fc.assert(
      fc.property(text(others), (s) => {
        expect(detectLanguage(s)).toBe(detectLanguageGeneral(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads possessives, ties and short texts as the general reader does', () => {
    for (const s of [
      "China's ministry said the attack on the network of the state was carried out by Russia's hackers.",
      "s s s s s s s s s s s s s 's 's 's 's's’s_'s1 de de de",
      "de de de de de de la la la la la la the the the the the the a b c d e f g h 's",
      'het een de de de de de de en en en en en en word word word word',
      'The the the the the the the the the the the the the the the the the the the the',
      "'s's's's's's's's's's's's's's's's's's's's's's's's's",
      // Twenty letters only with the possessive's s.
      "a a a a a a a a a a a a a a a a a a a's",
      '',
      "'s",
    ]) {
      expect(detectLanguage(s)).toBe(detectLanguageGeneral(s));
    }
  });

  it("reads an article's title and text as if joined by a line break", () => {
    // Long texts put the sample's end anywhere, a possessive or a word astride it included.
    const long = fc.tuple(text([]), fc.nat(2100)).map(([t, n]) => 'w '.repeat(n) + t);
    fc.assert(
      fc.property(fc.oneof(text([]), text(others)), fc.oneof(text([]), text(others), long), (title, body) => {
        expect(detectArticleLanguage(title, body)).toBe(detectLanguage(`${title}\n${body}`));
      }),
      { numRuns: 3000 },
    );
    for (const [title, body] of [
      ["Russia's", 's the of and the of and the of and the of and'],
      ["China'", 's the of and the of and the of and the of and'],
      ['x'.repeat(1998) + "'", 'sa'],
      ['the of and '.repeat(100), 'the of and '.repeat(100) + "China's"],
      ['t'.repeat(2500), 'the of and'],
      ['', ''],
    ])
      expect(detectArticleLanguage(title!, body!)).toBe(detectLanguage(`${title}\n${body}`));
    // A word, and a possessive, astride the end of the sample: the letters after it are not read.
    const words = 'abcdefghij '.repeat(11);
    for (const tail of ['the', "'sa"]) {
      const body = words + ' '.repeat(1999 - words.length - 2) + tail;
      expect(detectArticleLanguage('', body)).toBe(detectLanguage(`\n${body}`));
      expect(detectLanguage(`\n${body}`)).toBe('und');
    }
    const edge = 'the of and '.repeat(181) + "ab's";
    for (let cut = edge.length - 8; cut <= edge.length; cut++) {
      const body = edge.slice(0, cut) + 'x of';
      expect(detectArticleLanguage('Title', body)).toBe(detectLanguage(`Title\n${body}`));
    }
  });
});
