import { describe, expect, it, beforeAll } from 'vitest';
import { analyzeArticle } from '../../lib/analyze';
import { relationBetween } from '../../lib/match/relations';
import type { Analysis, ArticleContent } from '../../lib/types';
import { expectedOf, expectedTriple, readFixture, triple } from '../helpers/fixtures';

// The two articles the product was conceived from (../shared/seeds), as realistic pages with clutter.
const SEEDS = ['czech-china-apt31-foreign-ministry', 'china-taiwan-dpp-hackers'] as const;

const read: Record<string, { article: ArticleContent; analysis: Analysis }> = {};
beforeAll(async () => {
  for (const slug of SEEDS) {
    const article = await readFixture(slug);
    read[slug] = { article, analysis: analyzeArticle(article) };
  }
});

describe.each(SEEDS)('seed %s', (slug) => {
  const expected = expectedOf(slug);
  it('title', () => expect(read[slug]!.article.title).toBe(expected.title));
  it('publishedAt', () => expect(read[slug]!.article.publishedAt).toBe(expected.publishedAt));
  it('language', () => expect(read[slug]!.analysis.language).toBe('en'));
  it('primary accusation', () => {
    const { analysis } = read[slug]!;
    expect(analysis.primary).not.toBeNull();
    expect(triple(analysis.accusations[analysis.primary!]!)).toBe(expectedTriple(expected.primary!));
  });
  it('accusations', () => {
    expect(new Set(read[slug]!.analysis.accusations.map(triple))).toEqual(new Set(expected.accusations.map(expectedTriple)));
  });
  it('the clutter (related stories, comments, banners) is not read as article text', () => {
    const text = read[slug]!.article.text;
    expect(text).not.toMatch(/No comments yet/);
    expect(text).not.toMatch(/Download the app/i);
    expect(text).not.toMatch(/Hang Seng|point man overseeing/);
  });
  it('every accusation carries its quote, location and reasons', () => {
    const { article, analysis } = read[slug]!;
    for (const a of analysis.accusations) {
      const field = a.location.field === 'title' ? article.title : article.text;
      expect(field.slice(a.location.start, a.location.end)).toBe(a.quote);
      expect(a.reasons.length).toBeGreaterThan(0);
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('the seed pair', () => {
  it('resolves sub-actors to their states with the article words as detail', () => {
    const cz = read[SEEDS[0]]!.analysis;
    const primary = cz.accusations[cz.primary!]!;
    expect(primary.accused.code).toBe('CHN');
    expect(primary.accused.detail).not.toBe('');
    const cn = read[SEEDS[1]]!.analysis;
    const p2 = cn.accusations[cn.primary!]!;
    expect(p2.accused.code).toBe('TWN');
  });

  it('finds facets around the Czech accusation: target, evidence, response', () => {
    const cz = read[SEEDS[0]]!.analysis;
    const f = cz.accusations[cz.primary!]!.facets;
    expect(f.targets.join(' ')).toMatch(/foreign ministry|Ministry of Foreign Affairs|unclassified networks/i);
    expect(f.evidence.join(' ')).toMatch(/attribution process/);
    expect(f.response.join(' ')).toMatch(/summoned/);
  });

  it('relates the two: from the Czech article the Chinese one is a mirror, the other way a turnabout', () => {
    const cz = read[SEEDS[0]]!.analysis;
    const cn = read[SEEDS[1]]!.analysis;
    const a = cz.accusations[cz.primary!]!;
    const b = cn.accusations[cn.primary!]!;
    expect(relationBetween({ accuser: a.accuser.code, accused: a.accused.code }, { accuser: b.accuser.code, accused: b.accused.code })).toBe(
      'mirror',
    );
    expect(relationBetween({ accuser: b.accuser.code, accused: b.accused.code }, { accuser: a.accuser.code, accused: a.accused.code })).toBe(
      'turnabout',
    );
  });
});
