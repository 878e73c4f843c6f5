import type { Analysis, ArticleContent } from './types';
import { extractAccusations } from './extract/extract-accusations';
import { detectArticleLanguage } from './article/language';

/** Body text beyond this is not analysed (about 30,000 words); the analysis says it was truncated. */
export const MAX_ANALYSIS_CHARS = 200_000;

/**
 * Analyses an article: its language, its accusations and the primary one. Only English is analysed; other
 * languages are reported and give no accusations rather than guesses.
 */
export function analyzeArticle(article: Pick<ArticleContent, 'title' | 'text'> & Partial<Pick<ArticleContent, 'siteName' | 'url'>>): Analysis {
  const notes: string[] = [];
  const title = (article.title ?? '').slice(0, 1000);
  let text = article.text ?? '';
  const truncated = text.length > MAX_ANALYSIS_CHARS;
  if (truncated) {
    text = text.slice(0, MAX_ANALYSIS_CHARS);
    notes.push(`Only the first ${MAX_ANALYSIS_CHARS.toLocaleString('en')} characters were analysed.`);
  }
  const language = detectArticleLanguage(title, text);
  if (!title.trim() && !text.trim()) {
    return { language: 'und', accusations: [], primary: null, truncated, notes: ['The article has no text.'] };
  }
  if (language !== 'en' && language !== 'und') {
    return {
      language,
      accusations: [],
      primary: null,
      truncated,
      notes: [...notes, `The article is not in English (detected: ${language}); Counterclaim reads English only.`],
    };
  }
  const accusations = extractAccusations({ title, text, siteName: article.siteName ?? null });
  return { language, accusations, primary: accusations.length ? 0 : null, truncated, notes };
}
