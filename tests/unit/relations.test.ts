import { describe, expect, it } from 'vitest';
import { relationBetween } from '../../lib/match/relations';

describe('relationBetween (mission.md table)', () => {
  const a = { accuser: 'CZE', accused: 'CHN' };
  it.each([
    [{ accuser: 'CHN', accused: 'CZE' }, 'reversal'],
    [{ accuser: 'CHN', accused: 'TWN' }, 'mirror'],
    [{ accuser: 'RUS', accused: 'CZE' }, 'turnabout'],
    [{ accuser: 'USA', accused: 'CHN' }, 'echo'],
    [{ accuser: 'CZE', accused: 'CHN' }, null],
    [{ accuser: 'USA', accused: 'RUS' }, null],
    [{ accuser: 'CHN', accused: 'CHN' }, null],
  ])('%j is %s', (b, want) => {
    expect(relationBetween(a, b)).toBe(want);
  });

  it('reads the seed pair both ways: mirror from the Czech side, turnabout from the Chinese side', () => {
    expect(relationBetween({ accuser: 'CZE', accused: 'CHN' }, { accuser: 'CHN', accused: 'TWN' })).toBe('mirror');
    expect(relationBetween({ accuser: 'CHN', accused: 'TWN' }, { accuser: 'CZE', accused: 'CHN' })).toBe('turnabout');
  });
});
