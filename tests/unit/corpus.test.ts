import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../lib/analyze';
import type { Analysis } from '../../lib/types';
import { ARTICLES, expectedOf, expectedTriple, fixtureSlugs, readFixture, triple } from '../helpers/fixtures';

// Every fixture article: its primary accusation (or none, for hard negatives) and no role swap.
// Known misses are parked in tests/fixtures/articles/backlog.json and run as expected failures.
const backlog = JSON.parse(readFileSync(join(ARTICLES, 'backlog.json'), 'utf8')) as { primary: Record<string, string> };
const slugs = fixtureSlugs();
const results = new Map<string, Analysis>();

beforeAll(async () => {
  for (const slug of slugs) results.set(slug, analyzeArticle(await readFixture(slug)));
});

describe('fixture corpus', () => {
  it('every backlog entry names a fixture', () => {
    for (const slug of Object.keys(backlog.primary)) expect(slugs).toContain(slug);
  });

  for (const slug of slugs) {
    const expected = expectedOf(slug);
    const want = expected.primary ? expectedTriple(expected.primary) : null;
    const test = slug in backlog.primary ? it.fails : it;
    test(`${slug}: primary is ${want ?? 'none'}`, () => {
      const a = results.get(slug)!;
      const got = a.primary === null ? null : triple(a.accusations[a.primary]!);
      expect(got).toBe(want);
    });

    it(`${slug}: no role swap`, () => {
      const pairs = new Set(expected.accusations.map((t) => `${t.accuser}>${t.accused}`));
      for (const acc of results.get(slug)!.accusations) {
        const pair = `${acc.accuser.code}>${acc.accused.code}`;
        const reverse = `${acc.accused.code}>${acc.accuser.code}`;
        expect(pairs.has(reverse) && !pairs.has(pair), `${triple(acc)} reverses an expected accusation`).toBe(false);
      }
    });
  }
});
