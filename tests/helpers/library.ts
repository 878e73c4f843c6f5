import { LibraryDB } from '../../lib/library/db';
import { analyzeArticle } from '../../lib/analyze';
import type { ArticleContent } from '../../lib/types';

let n = 0;
/** A fresh database in fake-indexeddb for each test. */
export function freshDb(): LibraryDB {
  return new LibraryDB(`test-${Date.now()}-${n++}`);
}

export function article(over: Partial<ArticleContent> & Pick<ArticleContent, 'title' | 'text'>): ArticleContent {
  return {
    url: 'https://news.example/a',
    canonicalUrl: null,
    byline: null,
    siteName: 'News Example',
    publishedAt: '2025-05-28',
    declaredLanguage: 'en',
    excerpt: null,
    ...over,
  };
}

export function analysed(a: ArticleContent) {
  return { article: a, analysis: analyzeArticle(a) };
}

/** The seed pair in two sentences: the Czech Republic accuses China; China accuses Taiwan (a day earlier). */
export const czechMini = article({
  url: 'https://news.example/czech',
  title: 'China accused of cyber campaign',
  text: 'The Czech Republic accused China of a malicious cyber campaign against its foreign ministry.',
  publishedAt: '2025-05-28',
});
export const chineseMini = article({
  url: 'https://other.example/china',
  title: 'China accuses Taiwan of cyberattacks',
  text: 'China accused Taiwan of orchestrating cyberattacks on sensitive networks.',
  publishedAt: '2025-05-27',
});
