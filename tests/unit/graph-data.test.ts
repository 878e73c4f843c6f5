import { describe, expect, it } from 'vitest';
import { buildGraph, passesFilter, type AccusationFact } from '../../lib/views/graph-data';
import { layoutGraph } from '../../lib/views/graph-layout';
import type { ChargeCategory } from '../../lib/types';

let n = 0;
function fact(
  accuser: string,
  accused: string,
  category: ChargeCategory,
  publishedAt: string | null = '2025-05-28',
  reportId = `r${n++}`,
): AccusationFact {
  return { reportId, accuser, accused, category, publishedAt };
}

// The seed pair: the Czech Republic accuses China of a cyber campaign; a day earlier China accused Taiwan.
const SEED = [
  fact('CZE', 'CHN', 'cyberattack', '2025-05-28', 'cz'),
  fact('EU', 'CHN', 'cyberattack', '2025-05-28', 'cz'),
  fact('CHN', 'TWN', 'cyberattack', '2025-05-27', 'cn'),
];

describe('buildGraph', () => {
  it('makes a node per actor with its counts and a directed edge per accuser and accused', () => {
    const g = buildGraph(SEED);
    expect(g.nodes.map((x) => [x.code, x.accuses, x.accusedBy])).toEqual([
      ['CHN', 1, 2],
      ['CZE', 1, 0],
      ['EU', 1, 0],
      ['TWN', 0, 1],
    ]);
    const e = g.edges.find((x) => x.from === 'CZE' && x.to === 'CHN')!;
    expect(e).toMatchObject({ count: 1, group: 'cyber', categories: [{ category: 'cyberattack', count: 1 }] });
    expect(g.edges.some((x) => x.from === 'CHN' && x.to === 'CZE')).toBe(false);
    expect(g.total).toBe(3);
  });

  it('finds the seed pair as a mirror (the accused levels the same charge at a third party) and marks both edges', () => {
    const g = buildGraph(SEED);
    const mirrors = g.pairs.filter((p) => p.kind === 'mirror');
    expect(mirrors.map((p) => `${p.first.from}>${p.first.to}|${p.second.from}>${p.second.to}`).sort()).toEqual(['CZE>CHN|CHN>TWN', 'EU>CHN|CHN>TWN']);
    expect(mirrors[0]!.month).toBe('2025-05');
    expect(g.edges.find((x) => x.from === 'CHN' && x.to === 'TWN')!.mirror).toBe(true);
    expect(g.edges.every((x) => !x.reversal)).toBe(true);
  });

  it.each<[string, ChargeCategory, ChargeCategory, boolean]>([
    ['same charge', 'espionage', 'espionage', true],
    ['related charges (cyber-espionage)', 'cyberattack', 'espionage', true],
    ['unrelated charges', 'cyberattack', 'human_rights', false],
  ])('a reversal needs the same or a related charge: %s', (_name, a, b, want) => {
    const g = buildGraph([fact('USA', 'CHN', a, '2024-01-10'), fact('CHN', 'USA', b, '2024-03-02')]);
    expect(g.pairs.some((p) => p.kind === 'reversal')).toBe(want);
    expect(g.edges.every((x) => x.reversal === want)).toBe(true);
    if (want) {
      const p = g.pairs.find((x) => x.kind === 'reversal')!;
      // The earlier accusation comes first; the pair exists from the month of the answer.
      expect([p.first.from, p.second.from, p.month]).toEqual(['USA', 'CHN', '2024-03']);
    }
  });

  it('A accuses B and B accuses A back is a reversal, not a mirror', () => {
    const g = buildGraph([fact('RUS', 'UKR', 'war_crimes'), fact('UKR', 'RUS', 'war_crimes')]);
    expect(g.pairs.map((p) => p.kind)).toEqual(['reversal']);
  });

  it('weights edges by count and sorts categories by frequency', () => {
    const g = buildGraph([fact('USA', 'RUS', 'election_interference'), fact('USA', 'RUS', 'disinformation'), fact('USA', 'RUS', 'disinformation')]);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]!.count).toBe(3);
    expect(g.edges[0]!.categories.map((c) => c.category)).toEqual(['disinformation', 'election_interference']);
    expect(g.edges[0]!.group).toBe('influence');
  });

  it('keeps the most connected actors and says how many are left out', () => {
    const facts = [fact('A0', 'B0', 'other'), fact('A0', 'B0', 'other'), fact('A0', 'C0', 'other'), fact('D0', 'E0', 'other')];
    const g = buildGraph(facts, {}, { maxNodes: 2 });
    expect(g.nodes.map((x) => x.code)).toEqual(['A0', 'B0']);
    expect(g.hiddenNodes).toBe(3);
    expect(g.hiddenAccusations).toBe(2);
    expect(g.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['A0>B0']);
  });

  it('names actors from the names given, else by code; ignores self-accusations', () => {
    const g = buildGraph([fact('CHN', 'CHN', 'other'), ...SEED], {}, { names: new Map([['CHN', 'China']]) });
    expect(g.nodes.find((x) => x.code === 'CHN')!.name).toBe('China');
    expect(g.nodes.find((x) => x.code === 'TWN')!.name).toBe('TWN');
    expect(g.total).toBe(3);
  });
});

describe('passesFilter', () => {
  const f = fact('CZE', 'CHN', 'cyberattack', '2025-05-28T09:00:00Z', 'cz');
  it.each<[string, Parameters<typeof passesFilter>[1], boolean]>([
    ['no filter', {}, true],
    ['same charge', { category: 'cyberattack' }, true],
    ['other charge', { category: 'espionage' }, false],
    ['country as accused', { country: 'CHN' }, true],
    ['another country', { country: 'TWN' }, false],
    ['to takes the whole day', { to: '2025-05-28' }, true],
    ['from after', { from: '2025-05-29' }, false],
    ['from before', { from: '2025-05-01' }, true],
    ['source ids', { reportIds: new Set(['cz']) }, true],
    ['other source ids', { reportIds: new Set(['x']) }, false],
  ])('%s', (_name, filter, want) => {
    expect(passesFilter(f, filter)).toBe(want);
  });
  it('an undated accusation fails a date filter', () => {
    expect(passesFilter(fact('A', 'B', 'other', null), { from: '2000-01-01' })).toBe(false);
  });
});

describe('layoutGraph', () => {
  const g = buildGraph([...SEED, fact('USA', 'CHN', 'espionage'), fact('CHN', 'USA', 'espionage'), fact('RUS', 'UKR', 'war_crimes')]);
  it('is deterministic: the same data lays out the same way', () => {
    const a = layoutGraph(g);
    const b = layoutGraph(g);
    expect([...a.nodes.values()]).toEqual([...b.nodes.values()]);
  });
  it('places every node inside the canvas, apart from each other', () => {
    const l = layoutGraph(g, 960, 640);
    const placed = [...l.nodes.values()];
    expect(placed).toHaveLength(g.nodes.length);
    for (const p of placed) {
      expect(p.x - p.r).toBeGreaterThanOrEqual(0);
      expect(p.x + p.r).toBeLessThanOrEqual(960);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
      expect(p.y + p.r).toBeLessThanOrEqual(640);
    }
    for (const p of placed) for (const q of placed) if (p !== q) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(p.r + q.r);
  });
});
