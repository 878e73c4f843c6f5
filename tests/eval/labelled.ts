// The labelled articles the extractor's weights are learned from: the fixtures (not those tagged blind), the
// starter library's summaries, and the development corpus's train split when ../shared/corpus is there.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readArticleFile } from '../../lib/cli/read-file';
import type { ExtractOptions } from '../../lib/extract/extract-accusations';
import type { Accusation } from '../../lib/types';
import { FIXTURES, expectedOf, fixtureSlugs, sourcePath } from '../helpers/fixtures';
import { isNegative, readCorpus } from './corpus';

export interface LabelledArticle {
  id: string;
  set: 'fixtures' | 'starter' | 'leads' | 'train';
  options: ExtractOptions;
  /** Every acceptable accusation, as "ACC>ACD:category". */
  triples: Set<string>;
  /** The main accusation(s): the primary of a fixture or starter report, every listed one of a corpus record. */
  primaries: Set<string>;
  negative: boolean;
}

const pairOf = (t: string) => t.split(':')[0]!;
export const pairsOf = (a: LabelledArticle) => new Set([...a.triples].map(pairOf));

export async function labelledFixtures(blind: boolean): Promise<LabelledArticle[]> {
  const out: LabelledArticle[] = [];
  for (const slug of fixtureSlugs()) {
    const e = expectedOf(slug);
    if ((e.tags?.includes('blind') ?? false) !== blind) continue;
    const { article } = await readArticleFile(sourcePath(slug));
    out.push({
      id: slug,
      set: 'fixtures',
      options: { title: article.title, text: article.text, siteName: article.siteName },
      triples: new Set(e.accusations.map((t) => `${t.accuser}>${t.accused}:${t.category}`)),
      primaries: new Set(e.primary ? [`${e.primary.accuser}>${e.primary.accused}:${e.primary.category}`] : []),
      negative: !e.primary,
    });
  }
  return out;
}

export function labelledStarter(): LabelledArticle[] {
  const path = join(FIXTURES, '..', '..', 'lib', 'library', 'starter', 'starter-library.json');
  if (!existsSync(path)) return [];
  const starter = JSON.parse(readFileSync(path, 'utf8')) as {
    reports: { id: string; title: string; text: string; siteName: string | null; accusations: Accusation[]; primary: number | null }[];
  };
  return starter.reports.map((r) => {
    const t = (a: Accusation) => `${a.accuser.code}>${a.accused.code}:${a.charge.category}`;
    return {
      id: r.id,
      set: 'starter' as const,
      options: { title: r.title, text: r.text, siteName: r.siteName },
      triples: new Set(r.accusations.map(t)),
      primaries: new Set(r.primary === null ? [] : [t(r.accusations[r.primary]!)]),
      negative: r.primary === null,
    };
  });
}

export function labelledCorpus(split: 'train' | 'check'): LabelledArticle[] {
  return readCorpus(split).map((r) => {
    const triples = new Set(r.accusations.map((a) => `${a.accuser}>${a.accused}:${a.charge}`));
    return {
      id: r.id,
      set: 'train' as const,
      options: { title: r.title, text: r.text, siteName: r.publisher },
      triples,
      primaries: triples,
      negative: isNegative(r),
    };
  });
}

/** The labelled leads of tests/fixtures/leads/*.jsonl: a headline and a few paragraphs each, written for training. */
export function labelledLeads(): LabelledArticle[] {
  const dir = join(FIXTURES, 'leads');
  if (!existsSync(dir)) return [];
  const out: LabelledArticle[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort())
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as {
        id: string;
        title: string;
        text: string;
        publisher: string | null;
        accusations: { accuser: string; accused: string; charge: string }[];
        primary: { accuser: string; accused: string; charge: string } | null;
      };
      const t = (a: { accuser: string; accused: string; charge: string }) => `${a.accuser}>${a.accused}:${a.charge}`;
      out.push({
        id: r.id,
        set: 'leads',
        options: { title: r.title, text: r.text, siteName: r.publisher },
        triples: new Set(r.accusations.map(t)),
        primaries: new Set(r.primary ? [t(r.primary)] : []),
        negative: !r.primary,
      });
    }
  return out;
}
