// `npm run bench`: speed figures. Printed, never asserted (timed tests flake).
// Section 1: for each fixture page, the time Readability takes to parse it against the time the analysis takes,
// as a ratio (target: analysis at most 0.3 x Readability).
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { readArticle } from '../../lib/article/read-article';
import { analyzeArticle } from '../../lib/analyze';
import { getGazetteer } from '../../lib/actors/gazetteer';
import { fixtureSlugs, sourcePath } from '../helpers/fixtures';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeIt<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

function benchExtraction() {
  const [, gazMs] = timeIt(() => getGazetteer());
  console.log(`Gazetteer built once per process in ${gazMs.toFixed(1)} ms (${getGazetteer().size} surface forms).`);
  console.log(`\nAnalysis vs Readability, median of ${RUNS} runs per page (target ratio <= 0.30)`);
  console.log(`${'page'.padEnd(58)} ${'chars'.padStart(7)} ${'read ms'.padStart(8)} ${'analyse ms'.padStart(10)} ${'ratio'.padStart(6)}`);
  let totalRead = 0;
  let totalAnalyse = 0;
  let worst = 0;
  for (const slug of fixtureSlugs()) {
    const html = readFileSync(sourcePath(slug), 'utf8');
    const reads: number[] = [];
    const analyses: number[] = [];
    let chars = 0;
    for (let i = 0; i < RUNS; i++) {
      // Parsing the HTML into a DOM is part of reading, as in the browser where the page is already parsed.
      const { document } = parseHTML(html);
      const [res, readMs] = timeIt(() => readArticle(document as unknown as Document, 'https://bench.example/'));
      if (!res.ok) throw new Error(`${slug}: ${res.message}`);
      chars = res.article.text.length;
      const [, analyseMs] = timeIt(() => analyzeArticle(res.article));
      reads.push(readMs);
      analyses.push(analyseMs);
    }
    const r = median(reads);
    const a = median(analyses);
    totalRead += r;
    totalAnalyse += a;
    worst = Math.max(worst, a / r);
    console.log(
      `${slug.slice(0, 58).padEnd(58)} ${String(chars).padStart(7)} ${r.toFixed(2).padStart(8)} ${a.toFixed(2).padStart(10)} ${(a / r).toFixed(2).padStart(6)}`,
    );
  }
  console.log(
    `${'TOTAL'.padEnd(58)} ${''.padStart(7)} ${totalRead.toFixed(1).padStart(8)} ${totalAnalyse.toFixed(1).padStart(10)} ${(totalAnalyse / totalRead).toFixed(2).padStart(6)}`,
  );
  console.log(`Worst page ratio: ${worst.toFixed(2)}`);

  const big = 'The United States accused Russia of hacking the election. '.repeat(90_000);
  const [r, ms] = timeIt(() => analyzeArticle({ title: 'Big', text: big }));
  console.log(`\nA ${(big.length / 1e6).toFixed(1)} MB text: analysed in ${ms.toFixed(0)} ms (truncated: ${r.truncated}).`);
  const noStops = 'word '.repeat(1_000_000);
  const [, ms2] = timeIt(() => analyzeArticle({ title: '', text: noStops }));
  console.log(`A ${(noStops.length / 1e6).toFixed(1)} MB text with no sentence ends: ${ms2.toFixed(0)} ms.`);
}

benchExtraction();
