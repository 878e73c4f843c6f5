// `npm run eval`: measures extraction over the fixture corpus (tests/fixtures/articles).
// Prints primary-accusation exact match, precision and recall of all accusations, role swaps, and per-category
// figures. `--verbose` lists every miss. The output format is committed; the results are not.
import { readArticleFile } from '../../lib/cli/read-file';
import { analyzeArticle } from '../../lib/analyze';
import { CHARGE_CATEGORIES } from '../../lib/types';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Accusation } from '../../lib/types';
import { FIXTURES, expectedOf, expectedTriple, fixtureSlugs, sourcePath, triple } from '../helpers/fixtures';
import { corpusPath, formatScore, newScore, readCorpus, scoreRecord } from './corpus';

const verbose = process.argv.includes('--verbose');
let primaryHit = 0;
let primaryTotal = 0;
let negativesClean = 0;
let negatives = 0;
let tp = 0;
let fp = 0;
let fn = 0;
let swaps = 0;
const perCat = new Map<string, { tp: number; fp: number; fn: number }>();
const cat = (c: string) => perCat.get(c) ?? (perCat.set(c, { tp: 0, fp: 0, fn: 0 }), perCat.get(c)!);
const misses: string[] = [];
// Fixtures tagged `blind` were written before a round of tuning and never tuned to: a rough check on unseen text.
const blind = { primaryHit: 0, primaryTotal: 0, negativesClean: 0, negatives: 0, swaps: 0 };

for (const slug of fixtureSlugs()) {
  const expected = expectedOf(slug);
  const { article } = await readArticleFile(sourcePath(slug));
  const analysis = analyzeArticle(article);
  const got = new Set(analysis.accusations.map(triple));
  const want = new Set(expected.accusations.map(expectedTriple));
  const gotPrimary = analysis.primary === null ? null : triple(analysis.accusations[analysis.primary]!);
  const wantPrimary = expected.primary ? expectedTriple(expected.primary) : null;
  const isBlind = expected.tags?.includes('blind') ?? false;
  if (isBlind && wantPrimary) {
    blind.primaryTotal++;
    if (gotPrimary === wantPrimary) blind.primaryHit++;
  } else if (isBlind) {
    blind.negatives++;
    if (got.size === 0) blind.negativesClean++;
  }
  if (wantPrimary) {
    primaryTotal++;
    if (gotPrimary === wantPrimary) primaryHit++;
    else misses.push(`${slug}: primary ${gotPrimary ?? 'none'} (want ${wantPrimary})`);
  } else {
    negatives++;
    if (got.size === 0) negativesClean++;
    else misses.push(`${slug}: hard negative, found ${[...got].join(', ')}`);
  }
  const wantPairs = new Set(expected.accusations.map((t) => `${t.accuser}>${t.accused}`));
  for (const t of got) {
    const c = t.split(':')[1]!;
    if (want.has(t)) {
      tp++;
      cat(c).tp++;
    } else {
      fp++;
      cat(c).fp++;
      const [pair] = t.split(':');
      const [a, b] = pair!.split('>');
      // A role swap: the reverse pair is expected but this direction is not.
      if (wantPairs.has(`${b}>${a}`) && !wantPairs.has(pair!)) {
        swaps++;
        if (isBlind) blind.swaps++;
        misses.push(`${slug}: ROLE SWAP ${t}`);
      } else if (verbose) misses.push(`${slug}: extra ${t}`);
    }
  }
  for (const t of want) {
    if (!got.has(t)) {
      fn++;
      cat(t.split(':')[1]!).fn++;
      if (verbose) misses.push(`${slug}: missed ${t}`);
    }
  }
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : 'n/a');
console.log(`Fixtures: ${primaryTotal + negatives} (${primaryTotal} with accusations, ${negatives} hard negatives)`);
console.log(`Primary exact match (accuser, accused, category): ${pct(primaryHit, primaryTotal)} (${primaryHit}/${primaryTotal})`);
console.log(`Hard negatives with no accusation: ${pct(negativesClean, negatives)} (${negativesClean}/${negatives})`);
console.log(`All accusations: precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)} (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`Role swaps: ${swaps}`);
if (blind.primaryTotal + blind.negatives)
  console.log(
    `Of which tagged blind (never tuned to): primary ${pct(blind.primaryHit, blind.primaryTotal)} (${blind.primaryHit}/${blind.primaryTotal}), hard negatives ${blind.negativesClean}/${blind.negatives}, role swaps ${blind.swaps}`,
  );
console.log('\nPer category            precision  recall   tp  fp  fn');
for (const c of CHARGE_CATEGORIES) {
  const s = perCat.get(c);
  if (!s) continue;
  console.log(
    `  ${c.padEnd(24)} ${pct(s.tp, s.tp + s.fp).padStart(7)} ${pct(s.tp, s.tp + s.fn).padStart(7)} ${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`,
  );
}
// A second, held-out set: the starter library's summaries, written by someone else and never tuned on. Each has
// one hand-written accusation; the extractor should find it as the primary one.
const starterPath = join(FIXTURES, '..', '..', 'lib', 'library', 'starter', 'starter-library.json');
if (existsSync(starterPath)) {
  const starter = JSON.parse(readFileSync(starterPath, 'utf8')) as {
    reports: { id: string; title: string; text: string; accusations: Accusation[]; primary: number | null }[];
  };
  let hit = 0;
  let found = 0;
  let swapped = 0;
  const starterMisses: string[] = [];
  for (const r of starter.reports) {
    const want = r.primary === null ? null : triple(r.accusations[r.primary]!);
    const a = analyzeArticle({ title: r.title, text: r.text });
    const got = a.primary === null ? null : triple(a.accusations[a.primary]!);
    if (got) found++;
    if (got === want) hit++;
    else starterMisses.push(`${r.id}: ${got ?? 'none'} (want ${want})`);
    const w = r.accusations[r.primary ?? 0]!;
    const swap = a.accusations.find((x) => x.accuser.code === w.accused.code && x.accused.code === w.accuser.code);
    if (swap) {
      swapped++;
      starterMisses.push(`${r.id}: ROLE SWAP ${triple(swap)}`);
    }
  }
  console.log(`\nHeld-out set (starter library summaries, ${starter.reports.length} reports):`);
  console.log(
    `  primary exact match ${pct(hit, starter.reports.length)} (${hit}/${starter.reports.length}); some accusation found in ${found}; role swaps ${swapped}`,
  );
  if (verbose) for (const m of starterMisses) misses.push(`starter ${m}`);
}

if (misses.length) {
  console.log(`\nMisses${verbose ? '' : ' (primary, negatives and role swaps; --verbose for all)'}:`);
  for (const m of misses) console.log(`  ${m}`);
}

// The development corpus (../shared/corpus), when it is there. Misses are listed for `train` only: `check` is a
// figure to report, never a text to read.
if (corpusPath()) {
  // The check split is scored only on request (`--check`): a figure to report at the start and end of a piece of work.
  for (const split of process.argv.includes('--check') ? (['train', 'check'] as const) : (['train'] as const)) {
    const score = newScore();
    for (const r of readCorpus(split)) scoreRecord(score, r, analyzeArticle({ title: r.title, text: r.text, siteName: r.publisher }));
    console.log('');
    for (const line of formatScore(`Corpus ${split}`, score)) console.log(line);
    if (split === 'train' && verbose) for (const m of score.misses) console.log(`    ${m}`);
  }
} else console.log('\n(../shared/corpus is not here: the corpus figures are skipped.)');
