import { describe, expect, it } from 'vitest';
import { buildGraph, type AccusationFact } from '../../lib/views/graph-data';
import { buildTimeline, MAX_MONTHS, periodRange } from '../../lib/views/timeline-data';
import type { ChargeCategory } from '../../lib/types';

const fact = (accuser: string, accused: string, category: ChargeCategory, publishedAt: string | null): AccusationFact => ({
  reportId: `${accuser}-${accused}-${publishedAt}`,
  accuser,
  accused,
  category,
  publishedAt,
});

describe('buildTimeline', () => {
  it('counts by month and colour family, with the empty months in between', () => {
    const t = buildTimeline([
      fact('CZE', 'CHN', 'cyberattack', '2025-05-28'),
      fact('CHN', 'TWN', 'espionage', '2025-05-27T10:00:00Z'),
      fact('USA', 'RUS', 'disinformation', '2025-02-03'),
      fact('A', 'B', 'other', null),
    ]);
    expect(t.unit).toBe('month');
    expect(t.buckets.map((b) => [b.period, b.total])).toEqual([
      ['2025-02', 1],
      ['2025-03', 0],
      ['2025-04', 0],
      ['2025-05', 2],
    ]);
    expect(t.buckets[3]!.groups).toMatchObject({ cyber: 2, influence: 0 });
    expect(t.buckets[0]!.groups.influence).toBe(1);
    expect(t.max).toBe(2);
    expect([t.undated, t.total]).toEqual([1, 4]);
  });

  it('marks a pair in the month it became one (when the later side was made)', () => {
    const facts = [fact('USA', 'CHN', 'espionage', '2024-01-10'), fact('CHN', 'USA', 'cyberattack', '2024-03-02')];
    const t = buildTimeline(facts, buildGraph(facts).allPairs);
    const marked = t.buckets.filter((b) => b.pairs.length);
    expect(marked.map((b) => [b.period, b.pairs[0]!.kind])).toEqual([['2024-03', 'reversal']]);
  });

  it('counts by year when the span is too long for monthly bars', () => {
    const t = buildTimeline([fact('A', 'B', 'other', '1990-06-01'), fact('A', 'B', 'other', '2025-01-01'), fact('A', 'B', 'other', '2025-12-01')]);
    expect(t.unit).toBe('year');
    expect(t.buckets).toHaveLength(2025 - 1990 + 1);
    expect(t.buckets.at(-1)).toMatchObject({ period: '2025', total: 2 });
    expect(MAX_MONTHS).toBeLessThan(36 * 12);
  });

  it('is empty when nothing is dated', () => {
    expect(buildTimeline([fact('A', 'B', 'other', null)])).toMatchObject({ buckets: [], max: 0, undated: 1 });
  });
});

describe('periodRange', () => {
  it.each([
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-12', { from: '2025-12-01', to: '2025-12-31' }],
    ['2023', { from: '2023-01-01', to: '2023-12-31' }],
  ])('%s', (period, want) => {
    expect(periodRange(period)).toEqual(want);
  });
});
