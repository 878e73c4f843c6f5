import { readArticle, MAX_ARTICLE_CHARS } from '../article/read-article';
import type { PageExtract } from '../messaging';

/**
 * Runs in the page (injected on the user's click): reads the article with Readability on a clone of the document,
 * and takes the user's selection for the fallback. Never changes the live page.
 */
export function extractPage(doc: Document, url: string, selection: string): PageExtract {
  const clone = doc.cloneNode(true) as Document;
  let read: PageExtract['read'];
  try {
    read = readArticle(clone, url);
  } catch (e) {
    read = { ok: false, reason: 'not-article', message: `The page could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
  return {
    url,
    pageTitle: doc.title ?? '',
    declaredLanguage: doc.documentElement?.getAttribute('lang') ?? null,
    read,
    selection: selection.slice(0, MAX_ARTICLE_CHARS),
  };
}
