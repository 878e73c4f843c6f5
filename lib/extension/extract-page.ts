import { readArticle, MAX_ARTICLE_CHARS } from '../article/read-article';
import type { PageExtract } from '../messaging';

/**
 * Deeper than the HTML parser ever builds (Chromium stops nesting at 512): only a script makes such a page, and
 * Readability's time grows with depth times size (5,000 levels took longer than the popup waits). Such a page is
 * "too large", and the popup offers to analyse the selection instead.
 */
export const MAX_DOM_DEPTH = 512;

/** Whether any element sits more than `max` levels below `root`. One walk, no recursion, stops at the first. */
export function isDeeperThan(root: Element | null, max: number): boolean {
  let node: Element | null = root;
  let depth = 0;
  while (node) {
    if (depth > max) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    if (!node || node === root) return false;
    node = node.nextElementSibling;
  }
  return false;
}

/**
 * Runs in the page (injected on the user's click): reads the article with Readability on a clone of the document,
 * and takes the user's selection for the fallback. Never changes the live page.
 */
export function extractPage(doc: Document, url: string, selection: string): PageExtract {
  let read: PageExtract['read'];
  try {
    read = isDeeperThan(doc.documentElement, MAX_DOM_DEPTH)
      ? { ok: false, reason: 'too-large', message: 'This page is nested too deeply to read as an article.' }
      : readArticle(doc.cloneNode(true) as Document, url);
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
