import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SENTENCE_CHARS, splitSentences, type Sentence } from '../../lib/text/sentences';

const ABBREVIATIONS = new Set(['mr', 'dr', 'gen', 'u.s', 'e.g', 'jan', 'no', 'vs', 'etc']);

/** The splitter as first written (per-paragraph matchAll), for the abbreviations above. */
function reference(text: string, abbreviations: Set<string>): Sentence[] {
  const out: Sentence[] = [];
  const push = (body: string, base: number, from: number, to: number, paragraph: number) => {
    while (from < to && /\s/.test(body.charAt(from))) from++;
    while (to > from && /\s/.test(body.charAt(to - 1))) to--;
    while (to - from > MAX_SENTENCE_CHARS) {
      let cut = body.lastIndexOf(' ', from + MAX_SENTENCE_CHARS);
      if (cut <= from) cut = from + MAX_SENTENCE_CHARS;
      out.push({ text: body.slice(from, cut), start: base + from, end: base + cut, paragraph });
      from = cut;
      while (from < to && /\s/.test(body.charAt(from))) from++;
    }
    if (to > from) out.push({ text: body.slice(from, to), start: base + from, end: base + to, paragraph });
  };
  let paragraph = 0;
  for (const p of text.matchAll(/[^\n]+/g)) {
    const pStart = p.index;
    const body = p[0];
    if (!body.trim()) continue;
    let sStart = 0;
    for (const m of body.matchAll(/[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu)) {
      const stop = m.index + m[0].length;
      const before = body.slice(Math.max(sStart, m.index - 12), m.index);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (abbreviations.has(lastWord.replace(/\.$/, '')) || /^\p{L}$/u.test(lastWord))) continue;
      push(body, pStart, sStart, stop, paragraph);
      sStart = stop;
    }
    push(body, pStart, sStart, body.length, paragraph);
    paragraph++;
  }
  return out;
}

const pieces = [
  'The',
  'ministry',
  'said',
  'Mr',
  'Dr',
  'U.S',
  'e.g',
  'A',
  'x',
  '42',
  'É',
  ' ',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u2028',
  '\n',
  '\n\n',
  '\r\n',
  '.',
  '. ',
  '!',
  '?',
  '…',
  '...',
  '"',
  '“',
  '”',
  "'",
  '’',
  ')',
  ']',
  '(',
  '[',
];

describe('sentence splitter, one expression for all paragraphs', () => {
  it('splits as the per-paragraph expressions did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (xs) => {
        const text = xs.join('');
        // The abbreviations it uses are its own; these words are none of them but 'Mr', 'Dr', 'U.S', 'e.g'.
        expect(splitSentences(text)).toEqual(reference(text, ABBREVIATIONS));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts long runs as before', () => {
    for (const text of ['word '.repeat(700), 'x'.repeat(3000) + '. Next one.', ' \n  \n', '', 'No stop at all'])
      expect(splitSentences(text)).toEqual(reference(text, ABBREVIATIONS));
  });
});
