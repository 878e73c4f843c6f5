import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeArticle } from '../../lib/analyze';
import { rankCounterclaims, toStoredAccusation } from '../../lib/match/rank-counterclaims';
import { getGazetteer } from '../../lib/actors/gazetteer';
import { isChargeCategory } from '../../lib/charges/taxonomy';

// Words that make the extractor work hard: actors, triggers, charges, quotes and punctuation.
const VOCAB = [
  'China',
  'Russia',
  'the United States',
  'Taiwan',
  "Beijing's",
  'Moscow',
  'the EU',
  'NATO',
  'APT31',
  'Chinese',
  'Russian',
  'accused',
  'accuses',
  'blamed',
  'denied',
  'rejected',
  'said',
  'held',
  'responsible',
  'attributed',
  'to',
  'of',
  'by',
  'for',
  'cyberattack',
  'espionage',
  'genocide',
  'terrorism',
  'propaganda',
  'an act of war',
  'each other',
  'not',
  'and',
  ',',
  '.',
  "'",
  '"',
  '“',
  '”',
  '—',
  '\n\n',
  'its neighbour',
  'it',
  'calling',
  'sanctions on',
  'over',
  'the',
  'a',
  'مرحبا',
  'שלום',
  '\u200b',
  '🙂',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...VOCAB), { maxLength: 120 }).map((w) => w.join(' ')),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

describe('fuzz: extraction and matching keep their invariants', () => {
  const known = getGazetteer().names;

  it('never throws; offsets inside the text; codes known; roles never equal', () => {
    fc.assert(
      fc.property(text, text, (title, body) => {
        const a = analyzeArticle({ title, text: body });
        expect(a.primary === null || (a.primary >= 0 && a.primary < a.accusations.length)).toBe(true);
        for (const acc of a.accusations) {
          const field = acc.location.field === 'title' ? title : body;
          expect(acc.location.start).toBeGreaterThanOrEqual(0);
          expect(acc.location.end).toBeLessThanOrEqual(field.length);
          expect(field.slice(acc.location.start, acc.location.end)).toBe(acc.quote);
          expect(known.has(acc.accuser.code) && known.has(acc.accused.code)).toBe(true);
          expect(acc.accuser.code).not.toBe(acc.accused.code);
          expect(isChargeCategory(acc.charge.category)).toBe(true);
          expect(acc.confidence).toBeGreaterThan(0);
          expect(acc.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('ranks any stored set with scores in [0, 1], best first, never a report against itself', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.option(fc.integer({ min: 2000, max: 2030 }))), { maxLength: 12 }), text, (docs, current) => {
        const stored = docs.flatMap(([t, year], i) =>
          analyzeArticle({ title: '', text: t }).accusations.map((acc, k) => toStoredAccusation(`r${i}`, acc, k, year ? `${year}-01-01` : null)),
        );
        const mine = analyzeArticle({ title: '', text: current });
        const ranked = rankCounterclaims(mine.accusations, '2025-05-28', stored, { excludeReportId: 'r0' });
        for (let i = 0; i < ranked.length; i++) {
          expect(ranked[i]!.score).toBeGreaterThanOrEqual(0);
          expect(ranked[i]!.score).toBeLessThanOrEqual(1);
          expect(ranked[i]!.stored.reportId).not.toBe('r0');
          if (i) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        }
      }),
      { numRuns: 300 },
    );
  });
});
