import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { readArticle } from '../article/read-article';
import type { ArticleContent } from '../types';

/** Files bigger than this are refused rather than read into memory. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class UserError extends Error {}

export interface ReadFileResult {
  article: ArticleContent;
  readabilityMs: number;
  /** How the page was read when Readability found too little (a short article). */
  note?: string;
}

/** Reads an article from an .html file (through Readability) or a .txt file (first line title, the rest body). */
export async function readArticleFile(path: string): Promise<ReadFileResult> {
  const ext = extname(path).toLowerCase();
  if (!['.html', '.htm', '.txt', '.text'].includes(ext)) throw new UserError(`${path}: not an .html or .txt file`);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (!info.isFile()) throw new UserError(`${path}: not a file`);
  if (info.size > MAX_FILE_BYTES) throw new UserError(`${path}: too large (${Math.round(info.size / 1048576)} MB; the limit is 50 MB)`);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!raw.trim()) throw new UserError(`${path}: the file is empty`);
  const fileUrl = pathToFileURL(resolve(path)).href;
  if (ext === '.txt' || ext === '.text') {
    const [first, ...rest] = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
    const text = rest
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
    return {
      article: {
        url: fileUrl,
        canonicalUrl: null,
        title: (first ?? '').trim(),
        byline: null,
        siteName: null,
        publishedAt: null,
        declaredLanguage: null,
        text,
        excerpt: null,
      },
      readabilityMs: 0,
    };
  }
  const t0 = performance.now();
  const { document } = parseHTML(raw);
  const read = readArticle(document as unknown as Document, fileUrl);
  const readabilityMs = performance.now() - t0;
  if (!read.ok) throw new UserError(`${path}: ${read.message}`);
  return { article: read.article, readabilityMs, ...(read.note ? { note: read.note } : {}) };
}
