import { describe, expect, it } from 'vitest';
import { categoryLabel, describeError, formatDate, relationName } from '@/components/labels';

describe('view labels', () => {
  it('name categories and relations, and show an unknown category as stored', () => {
    expect(categoryLabel('crime_corruption')).toBe('Crime & corruption');
    expect(categoryLabel('made_up')).toBe('made_up');
    expect(relationName('mirror')).toBe('mirror');
  });

  it('format dates in UTC and say when there is none', () => {
    expect(formatDate('2025-05-28')).toBe('28 May 2025');
    expect(formatDate(null)).toBe('undated');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('say a full disk plainly, in Dexie’s wrapping or the browser’s', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(quota)).toMatch(/no room left.*free some disk space/);
    const wrapped = Object.assign(new Error('QuotaExceededError: Transaction aborted'), { name: 'AbortError' });
    expect(describeError(wrapped)).toMatch(/no room left/);
    expect(describeError(new Error('reports[3].title is missing'))).toBe('reports[3].title is missing');
  });
});
