import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { LibraryDB, ReportData } from '../../lib/library/db';
import { findCounterclaims, type CounterclaimWithReport } from '../../lib/library/reports';
import { cardPackOf } from '../../lib/library/store';
import type { ChargeCategory } from '../../lib/types';
import { freshDb } from '../helpers/library';
import { accusationAt, makeReport, nameOf, seed, type Spec } from '../fixtures/library/build';

// With a limit, the matcher scores every candidate from the match index alone and reads only the reports that can
// make the cut. These tests hold it to the full ranking, on random libraries.

const CODES = ['CHN', 'TWN', 'USA', 'CZE', 'RUS'];
const CATEGORIES: ChargeCategory[] = ['cyberattack', 'espionage', 'election_interference', 'disinformation'];
const WORDS = ['malicious', 'campaign', 'critical', 'infrastructure', 'hackers', 'ministry', 'state-backed', 'networks'];

type Made = [spec: Spec, words: string[]];

/** A report whose accusations quote some of WORDS, so the shared-words bonus varies from pair to pair. */
function report(id: string, made: Made[], publishedAt: string | null): ReportData {
  const quotes = made.map(
    ([[a, b, c], words], i) => `${nameOf(a)} accused ${nameOf(b)} of ${[c.replace(/_/g, ' '), ...words].join(' ')} (${id}/${i}).`,
  );
  const text = quotes.join(' ');
  return makeReport(id, [], {
    text,
    title: `Report ${id}`,
    publishedAt,
    accusations: made.map(([spec], i) => accusationAt(text, quotes[i]!, spec)),
    primary: made.length ? 0 : null,
  });
}

const spec = fc
  .tuple(fc.constantFrom(...CODES), fc.constantFrom(...CODES), fc.constantFrom(...CATEGORIES))
  .filter(([a, b]) => a !== b)
  .map((s): Spec => s);
const made = fc.tuple(spec, fc.subarray(WORDS, { maxLength: 6 })).map((m): Made => m);
// Most dates near the current article's (2025-05-28), where recency weighs least, so that reversals, mirrors,
// echoes and related charges compete; some far off, some missing.
const day = (d: number) => new Date(Date.UTC(2025, 4, 28) + d * 86_400_000).toISOString().slice(0, 10);
const date = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -60, max: 60 }).map(day) },
  { weight: 2, arbitrary: fc.integer({ min: -3000, max: 300 }).map(day) },
  { weight: 1, arbitrary: fc.constant(null) },
);
// Accusations of one report differ in their triple (a report does not post the same triple twice in these libraries).
const accusations = fc.uniqueArray(made, { minLength: 1, maxLength: 3, selector: ([[a, b, c]]) => `${a}|${b}|${c}` });

/** The seed article's accusation: the Czech Republic accuses China of a malicious cyber campaign. */
const czechChina = () =>
  report(
    'cur',
    [
      [
        ['CZE', 'CHN', 'cyberattack'],
        ['malicious', 'campaign'],
      ],
    ],
    '2025-05-28',
  );

const view = (c: CounterclaimWithReport) => `${c.report.id}#${c.storedIndex} against ${c.against}: ${c.relation} ${c.score}`;

async function withoutWords(db: LibraryDB): Promise<void> {
  // What a match index written by schema 3 looks like: postings without their words.
  await db.postings.toCollection().modify((c) => {
    delete c.words;
  });
}

describe('findCounterclaims with a limit', () => {
  it('gives exactly the head of the full ranking, with or without the words in the index', async () => {
    await fc.assert(
      fc.asyncProperty(
        accusations,
        fc.array(fc.tuple(accusations, date), { minLength: 5, maxLength: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        async (current, stored, limit, legacy) => {
          const db = freshDb();
          const cur = report('cur', current, '2025-05-28');
          await seed(db, [cur, ...stored.map(([m, d], i) => report(`r${i}`, m, d))]);
          if (legacy) await withoutWords(db);
          const find = (options = {}) => findCounterclaims(db, cur, cur.publishedAt, cur.id, { currentReportId: cur.id, ...options });
          const all = await find();
          const top = await find({ limit });
          expect(top.map(view)).toEqual(all.slice(0, limit).map(view));
          db.close();
        },
      ),
      { numRuns: 80 },
    );
    // 80 libraries in IndexedDB: seconds on a busy machine, not a figure (the bench measures speed).
  }, 30_000);

  it('reads only the reports it returns when the index keeps the words', async () => {
    const db = freshDb();
    const cur = czechChina();
    // 60 mirrors and reversals, each with its own date and words: one order, no ties.
    const others = Array.from({ length: 60 }, (_, i) =>
      report(
        `m${i}`,
        [[i % 2 ? ['CHN', 'TWN', 'cyberattack'] : ['CHN', 'CZE', 'espionage'], WORDS.slice(0, i % 5)]],
        new Date(Date.UTC(2020, 0, 1) + i * 17 * 86_400_000).toISOString().slice(0, 10),
      ),
    );
    await seed(db, [cur, ...others]);
    const all = await findCounterclaims(db, cur, cur.publishedAt, cur.id);
    expect(all.length).toBe(60);
    // The matcher reads match cards a card pack at a time (store.ts), never whole reports.
    const read = vi.spyOn(db.cards, 'bulkGet');
    const whole = vi.spyOn(db.packs, 'bulkGet');
    const top = await findCounterclaims(db, cur, cur.publishedAt, cur.id, { limit: 10 });
    expect(top.map(view)).toEqual(all.slice(0, 10).map(view));
    const loaded = new Set(read.mock.calls.flatMap((c) => c[0] as number[]));
    // The ten, plus any that tie with the tenth.
    const bar = all[9]!.score;
    expect(loaded).toEqual(new Set(all.filter((c) => c.score >= bar).map((c) => cardPackOf(c.report.id))));
    expect(whole).not.toHaveBeenCalled();

    // Without the words, a posting's bonus is only bounded: more reports are read, the answer is the same.
    await withoutWords(db);
    read.mockClear();
    expect((await findCounterclaims(db, cur, cur.publishedAt, cur.id, { limit: 10 })).map(view)).toEqual(all.slice(0, 10).map(view));
    expect(new Set(read.mock.calls.flatMap((c) => c[0] as number[])).size).toBeGreaterThan(loaded.size);
  });

  it('does not read the lists that cannot reach the cut: echoes and related charges after enough strong answers', async () => {
    const db = freshDb();
    const cur = czechChina();
    const near = (i: number) => day(-i);
    const mirrors = Array.from({ length: 30 }, (_, i) =>
      report(
        `m${i}`,
        [
          [
            ['CHN', 'TWN', 'cyberattack'],
            ['malicious', 'campaign'],
          ],
        ],
        near(i),
      ),
    );
    const echoes = Array.from({ length: 30 }, (_, i) => report(`e${i}`, [[['USA', 'CHN', 'cyberattack'], []]], near(i)));
    const related = Array.from({ length: 30 }, (_, i) => report(`r${i}`, [[['CHN', 'CZE', 'espionage'], []]], near(i)));
    await seed(db, [cur, ...mirrors, ...echoes, ...related]);
    const lists = vi.spyOn(db.postings, 'where');
    const all = await findCounterclaims(db, cur, cur.publishedAt, cur.id);
    const readAll = lists.mock.calls.length;
    expect(new Set(all.map((c) => c.relation))).toEqual(new Set(['mirror', 'echo', 'reversal']));
    lists.mockClear();
    const top = await findCounterclaims(db, cur, cur.publishedAt, cur.id, { limit: 10 });
    expect(top.map(view)).toEqual(all.slice(0, 10).map(view));
    expect(top.every((c) => c.relation === 'mirror')).toBe(true);
    expect(lists.mock.calls.length).toBeLessThan(readAll);
  });
});
