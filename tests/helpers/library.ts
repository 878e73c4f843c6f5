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
