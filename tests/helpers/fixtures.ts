import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readArticleFile } from '../../lib/cli/read-file';

/** The repository root, found upwards from this file (it also runs bundled from .cache/). */
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'tests', 'fixtures'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('tests/fixtures not found above ' + import.meta.dirname);
    dir = up;
  }
  return dir;
}

export const FIXTURES = join(repoRoot(), 'tests', 'fixtures');
export const ARTICLES = join(FIXTURES, 'articles');

export interface ExpectedTriple {
  accuser: string;
  accused: string;
  category: string;
}

export interface ExpectedArticle {
  title: string;
  publishedAt: string | null;
  language?: string;
  accusations: ExpectedTriple[];
  primary: ExpectedTriple | null;
  notes?: string;
  tags?: string[];
}

export function fixtureSlugs(): string[] {
  return readdirSync(ARTICLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ARTICLES, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort();
}

export function expectedOf(slug: string): ExpectedArticle {
  return JSON.parse(readFileSync(join(ARTICLES, slug, 'expected.json'), 'utf8')) as ExpectedArticle;
}

export function sourcePath(slug: string): string {
  return join(ARTICLES, slug, 'source.html');
}

export async function readFixture(slug: string) {
  return (await readArticleFile(sourcePath(slug))).article;
}

export const triple = (a: { accuser: { code: string }; accused: { code: string }; charge: { category: string } }) =>
  `${a.accuser.code}>${a.accused.code}:${a.charge.category}`;
export const expectedTriple = (t: ExpectedTriple) => `${t.accuser}>${t.accused}:${t.category}`;
