import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle, readShortArticle, SHORT_ARTICLE_NOTE } from '../../lib/article/read-article';
import { analyzeArticle } from '../../lib/analyze';
import { FIXTURES } from '../helpers/fixtures';

const page = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (name: string) => page(readFileSync(join(FIXTURES, 'pages', name), 'utf8'));

describe('a short article is still read', () => {
  it('a two-paragraph brief is read from its headline and paragraphs, and says so', () => {
    const read = readArticle(fixture('short-brief.html'), 'https://www.baltic-brief.example/news/vilnius-expels-minsk-envoy');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.note).toBe(SHORT_ARTICLE_NOTE);
    expect(read.article.title).toBe('Vilnius expels Minsk envoy');
    expect(read.article.text.split('\n\n')).toHaveLength(2);
    expect(read.article.siteName).toBe('Baltic Brief');
    expect(read.article.publishedAt).toBe('2021-05-28');
    const a = analyzeArticle(read.article);
    expect(a.accusations[0] && `${a.accusations[0].accuser.code}>${a.accusations[0].accused.code}`).toBe('LTU>BLR');
  });

  it('a front page of teasers is still no article', () => {
    expect(readArticle(fixture('front-page.html'), 'https://www.meridian-daily.example/').ok).toBe(false);
  });

  it.each([
    ['no headline', '<article><p>Lithuania expelled a Belarusian diplomat on Friday for espionage, the ministry said.</p></article>'],
    ['only furniture', '<article><h1>Brief</h1><footer><p>Lithuania expelled a Belarusian diplomat on Friday for espionage.</p></footer></article>'],
    ['too little text', '<article><h1>Brief</h1><p>Short line.</p></article>'],
  ])('reads nothing from a page with %s', (_why, body) => {
    expect(readShortArticle(page(`<!DOCTYPE html><html><body>${body}</body></html>`), null)).toBeNull();
  });
});
