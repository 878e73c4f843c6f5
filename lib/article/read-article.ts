import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleContent } from '../types';
import { canonicalizeUrl } from './canonical-url';
import { stripBidiControls } from '../text/bidi';

/** Text longer than this is cut before it leaves the page: the analysis reads at most MAX_ANALYSIS_CHARS anyway. */
export const MAX_ARTICLE_CHARS = 2_000_000;
/** Readability gives up on pages with more elements than this (a hostile or endless page). */
const MAX_ELEMS_TO_PARSE = 200_000;

export type ReadResult =
  | { ok: true; article: ArticleContent; /** How the page was read when Readability could not read it (a short article). */ note?: string }
  | { ok: false; reason: 'not-article' | 'too-large'; message: string };

/** A short article (a news brief) is read from its headline and paragraphs when Readability finds too little. */
export const SHORT_ARTICLE_NOTE = 'A short article: read from its headline and paragraphs (Readability found too little text).';
const MIN_SHORT_CHARS = 80;
const MIN_PARAGRAPH_CHARS = 30;
/** Paragraphs inside these are the page's furniture, not the article. */
const FURNITURE = 'nav, header, footer, aside, form, figcaption, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/**
 * The headline (the article's or the page's first h1, else og:title) and the paragraphs of the article element
 * (else main, else the body), furniture left out. Null when either is missing or the text is too short to hold a
 * sentence worth reading.
 */
export function readShortArticle(doc: Document, ogTitle: string | null): { title: string; text: string } | null {
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return null;
  const h1 = root.querySelector('h1') ?? doc.querySelector('h1');
  const title = stripBidiControls((h1?.textContent ?? ogTitle ?? '').replace(/\s+/g, ' ')).trim();
  if (!title) return null;
  const paragraphs: string[] = [];
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (p.closest(FURNITURE)) continue;
    const t = stripBidiControls((p.textContent ?? '').replace(/\s+/g, ' ')).trim();
    if (t.length >= MIN_PARAGRAPH_CHARS) paragraphs.push(t);
  }
  const text = paragraphs.join('\n\n').slice(0, MAX_ARTICLE_CHARS);
  return text.length >= MIN_SHORT_CHARS ? { title, text } : null;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'TR',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'DL',
  'DT',
  'DD',
  'MAIN',
  'NAV',
  'ADDRESS',
  'HR',
]);

/** Text of an element with a blank line between blocks and single spaces inside them. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}

function meta(doc: Document, ...selectors: string[]): string | null {
  for (const s of selectors) {
    const v =
      doc.querySelector(s)?.getAttribute('content') ?? doc.querySelector(s)?.getAttribute('href') ?? doc.querySelector(s)?.getAttribute('datetime');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

export { stripBidiControls } from '../text/bidi';

/** Normalises a date string to an ISO date (YYYY-MM-DD), or null when it is not a real date. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * Reads the article of a page with Readability. `doc` is modified, so pass a clone of the live document.
 * `url` is the page's address (the document of a file or a clone may not know it).
 */
export function readArticle(doc: Document, url: string | null): ReadResult {
  const canonical = meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const declaredLanguage = doc.documentElement?.getAttribute('lang')?.trim() || null;
  const published = meta(
    doc,
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'time[datetime]',
  );
  const ogTitle = meta(doc, 'meta[property="og:title"]');
  const siteName = meta(doc, 'meta[property="og:site_name"]');
  let base: string | null = url;
  let canonicalUrl: string | null = null;
  try {
    canonicalUrl = canonicalizeUrl(canonical ? new URL(canonical, url ?? undefined).href : url);
  } catch {
    canonicalUrl = canonicalizeUrl(url);
  }
  if (!base) base = canonicalUrl;
  // Read before Readability changes the document: the fallback for a page whose article is a short brief.
  const short = readShortArticle(doc, ogTitle);
  const shortResult = (): ReadResult =>
    short
      ? {
          ok: true,
          note: SHORT_ARTICLE_NOTE,
          article: {
            url: base,
            canonicalUrl,
            title: short.title,
            byline: meta(doc, 'meta[name="author"]'),
            siteName,
            publishedAt: normaliseDate(published),
            declaredLanguage,
            text: short.text,
            excerpt: null,
          },
        }
      : { ok: false, reason: 'not-article', message: 'No article found on this page.' };
  // The same test Firefox uses to offer Reader View: a front page or a search page is not an article, unless it
  // has a headline and paragraphs of its own (a short brief, which the test finds too short).
  if (!isProbablyReaderable(doc))
    return doc.querySelectorAll('article').length === 1
      ? shortResult()
      : { ok: false, reason: 'not-article', message: 'No article found on this page.' };
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(doc, { maxElemsToParse: MAX_ELEMS_TO_PARSE, serializer: (el: Node) => blockText(el) } as ConstructorParameters<
      typeof Readability
    >[1]).parse() as ReturnType<Readability<string>['parse']>;
  } catch (e) {
    if (String(e).includes('Aborting parsing')) return { ok: false, reason: 'too-large', message: 'This page is too large to read as an article.' };
    throw e;
  }
  const text = stripBidiControls((parsed?.content ?? '').slice(0, MAX_ARTICLE_CHARS));
  if (!parsed || text.replace(/\s+/g, ' ').trim().length < 200) return shortResult();
  return {
    ok: true,
    article: {
      url: base,
      canonicalUrl,
      title: stripBidiControls(parsed.title || ogTitle || '').trim(),
      byline: (parsed.byline && stripBidiControls(parsed.byline).trim()) || null,
      siteName: (parsed.siteName && stripBidiControls(parsed.siteName).trim()) || null,
      publishedAt: normaliseDate(parsed.publishedTime) ?? normaliseDate(published),
      declaredLanguage: parsed.lang?.trim() || declaredLanguage,
      text,
      excerpt: (parsed.excerpt && stripBidiControls(parsed.excerpt).trim()) || null,
    },
  };
}

/** An article made of text the user selected on a page that Readability could not read. */
export function articleFromSelection(
  selection: string,
  page: { url: string | null; title: string; declaredLanguage?: string | null },
): ArticleContent {
  const text = stripBidiControls(selection)
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
    .slice(0, MAX_ARTICLE_CHARS);
  return {
    url: page.url,
    canonicalUrl: canonicalizeUrl(page.url),
    title: stripBidiControls(page.title).trim(),
    byline: null,
    siteName: null,
    publishedAt: null,
    declaredLanguage: page.declaredLanguage ?? null,
    text,
    excerpt: null,
  };
}
