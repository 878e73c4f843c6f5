import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineMarks } from '../../lib/extract/read';
import triggers from '../../lib/extract/data/triggers.json';

/** The marks as first written: a regular expression per line, and a lookbehind over the whole text. */
function reference(source: string) {
  const line = new RegExp(`^\\s*(?:${triggers.clutterPrefixes.join('|')})\\s*[:|›»>-]`, 'i');
  const dateline = /(?<=^|\n)[\p{Lu}][\p{Lu}\p{M} .'’/-]{1,60}(?:,\s*[\p{L}.]+\.?\s*\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]\s+/gu;
  const clutter: [number, number][] = [];
  let offset = 0;
  for (const p of source.split('\n')) {
    if (line.test(p)) clutter.push([offset, offset + p.length]);
    offset += p.length + 1;
  }
  const datelineEnd = new Map<number, number>();
  for (const m of source.matchAll(dateline)) datelineEnd.set(m.index, m.index + m[0].length);
  return { clutter, datelineEnd };
}

const pieces = [
  'WASHINGTON',
  'LONDON/PARIS',
  ', March 26',
  ' (Reuters)',
  ' - ',
  ' — ',
  '-',
  '\n',
  '\r\n',
  '\u2028',
  ' ',
  '\t',
  'Related coverage',
  'READ MORE',
  'see also',
  ':',
  ' | ',
  '›',
  'The ministry said',
  'É',
  'x',
  '.',
];

const leads = [
  'WASHINGTON - ',
  'LONDON/PARIS, March 26 (Reuters) — ',
  'KYIV (AP) -',
  'BEIJING ',
  'Related coverage: ',
  '  read more | ',
  'See also',
  'latest›',
  'The ministry said',
  '',
];

describe('line marks (clutter lines and datelines), tried at line starts only', () => {
  it('finds what the per-line and lookbehind expressions found', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (xs) => {
        const source = xs.join('');
        expect(lineMarks(source)).toEqual(reference(source));
      }),
      { numRuns: 2000 },
    );
    // Whole lines that start like datelines and links, some running into the next line.
    const line = fc
      .tuple(fc.constantFrom(...leads), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }))
      .map(([lead, rest]) => lead + rest.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\n\n', ' \n', '')), { maxLength: 8 }), (lines) => {
        const source = lines.map(([l, end]) => l + end).join('');
        expect(lineMarks(source)).toEqual(reference(source));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a wire story and its links', () => {
    for (const source of [
      'WASHINGTON/LONDON, March 26 (Reuters) - The United States accused China.\nRelated coverage: other story\n  see also › more',
      'BEIJING -\nKYIV - both\n\nREAD MORE: x\n',
      '',
      '\n\n',
    ])
      expect(lineMarks(source)).toEqual(reference(source));
  });
});
