// `npm run train`: learns the extractor's weights (lib/extract/data/model.json) from the labelled articles of
// tests/eval/labelled.ts: the non-blind fixtures, the starter summaries and the corpus's train split. Never reads
// the corpus's check split. Two conditional logits: one chooses an article's accuser and accused among its
// candidate pairs (or none), one chooses a pair's charge category among those the article names. The L2 penalty and the threshold are chosen by 5-fold cross-validation
// on the training articles, and the confidence bands are calibrated on the held-out folds' predictions.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { readArticle, type ArticleReading } from '../../lib/extract/extract-accusations';
import { fitConditional, fitLogistic, type ChoiceGroup, type LinearModel, type TrainingRow } from '../../lib/extract/logistic';
import { assembleScored } from '../../lib/extract/assembly';
import type { ExtractorModel } from '../../lib/extract/model';
import { FIXTURES } from '../helpers/fixtures';
import { labelledCorpus, labelledFixtures, labelledLeads, labelledStarter, pairsOf, type LabelledArticle } from './labelled';

const FOLDS = 5;
/** Real news leads (the corpus's train split, the labelled leads) count more than the fixtures and summaries. */
const NEWS_WEIGHT = Number(process.env.NEWS_WEIGHT ?? 1);
const weightOf = (a: LabelledArticle) => (a.set === 'train' || a.set === 'leads' ? NEWS_WEIGHT : 1);
const EPOCHS = 400;
const L2_GRID = [0.0003, 0.001, 0.003, 0.01];
const THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8];
const SECONDARY = [0.8, 0.9, 0.95];
const MARGINS = [0, 0.5, 1, 1.5, 2, 3];

interface Example {
  article: LabelledArticle;
  reading: ArticleReading;
}

const articles = [...(await labelledFixtures(false)), ...labelledStarter(), ...labelledLeads(), ...labelledCorpus('train')];
const examples: Example[] = articles.map((article) => ({ article, reading: readArticle(article.options) }));

/** Each article is one choice among its pairs (or none, for a hard negative). */
function pairGroupsOf(ex: Example[]): ChoiceGroup[] {
  return ex
    .map(({ article, reading }) => {
      const gold = pairsOf(article);
      const options = reading.pairs.map(({ row }) => row.features);
      const right = reading.pairs.flatMap(({ row }, j) => (gold.has(`${row.accuser}>${row.accused}`) ? [j] : []));
      // An article whose right pair no candidate holds teaches nothing about choosing among them.
      return { options, gold: right, weight: weightOf(article), skip: !article.negative && !right.length };
    })
    .filter((g) => !g.skip);
}

/** Each right pair of an article is one choice among its charge categories. */
function chargeGroupsOf(ex: Example[]): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  for (const { article, reading } of ex)
    for (const { row, charges } of reading.pairs) {
      const pair = `${row.accuser}>${row.accused}`;
      const gold = new Set([...article.triples].filter((t) => t.startsWith(`${pair}:`)).map((t) => t.split(':')[1]));
      if (!gold.size) continue;
      const right = charges.flatMap((c, j) => (gold.has(c.category) ? [j] : []));
      if (right.length) groups.push({ options: charges.map((c) => c.features), gold: right, weight: weightOf(article) });
    }
  return groups;
}

/**
 * Each right pair whose reverse is not right, and that the article reads both ways, teaches which way an
 * accusation runs: its features minus its reverse's (and the mirror image, the other way), so the model is
 * antisymmetric and reads only what tells the accuser from the accused.
 */
function directionRowsOf(ex: Example[]): TrainingRow[] {
  const rows: TrainingRow[] = [];
  for (const { article, reading } of ex) {
    const gold = pairsOf(article);
    const byPair = new Map(reading.pairs.map(({ row }) => [`${row.accuser}>${row.accused}`, row.features]));
    for (const pair of gold) {
      const [a, b] = pair.split('>');
      const reverse = `${b}>${a}`;
      if (gold.has(reverse) || !byPair.has(pair) || !byPair.has(reverse)) continue;
      const fa = byPair.get(pair)!;
      const fb = byPair.get(reverse)!;
      const diff = new Map<string, number>();
      for (const k of new Set([...fa.keys(), ...fb.keys()])) {
        const v = (fa.get(k) ?? 0) - (fb.get(k) ?? 0);
        if (v) diff.set(k, v);
      }
      rows.push({ features: diff, label: 1 });
      rows.push({ features: new Map([...diff].map(([k, v]) => [k, -v])), label: 0 });
    }
  }
  return rows;
}

function fit(ex: Example[], l2: number): { pair: LinearModel; charge: LinearModel; direction: LinearModel } {
  const direction = fitLogistic(directionRowsOf(ex), { l2, epochs: EPOCHS, learningRate: 0.05 });
  return {
    pair: fitConditional(pairGroupsOf(ex), true, { l2, epochs: EPOCHS, learningRate: 0.05 }),
    charge: fitConditional(chargeGroupsOf(ex), false, { l2, epochs: EPOCHS, learningRate: 0.05 }),
    // The mirrored rows make the bias nothing but noise: the direction of a pair is the sign of w·(f(a,b) - f(b,a)).
    direction: { ...direction, bias: 0 },
  };
}

interface Outcome {
  id: string;
  set: LabelledArticle['set'];
  primary: string | null;
  /** Primary right, primary shown with its confidence score, article negative and clean. */
  hit: boolean;
  pairHit: boolean;
  score: number | null;
  negative: boolean;
  clean: boolean;
  swap: boolean;
}

function outcome(ex: Example, model: ExtractorModel): Outcome {
  const acc = assembleScored(ex.reading, model);
  const primary = acc[0];
  const t = primary ? `${primary.accuser.code}>${primary.accused.code}:${primary.charge.category}` : null;
  const pairs = pairsOf(ex.article);
  const swap = acc.some((a) => pairs.has(`${a.accused.code}>${a.accuser.code}`) && !pairs.has(`${a.accuser.code}>${a.accused.code}`));
  return {
    id: ex.article.id,
    set: ex.article.set,
    primary: t,
    hit: t !== null && ex.article.primaries.has(t),
    pairHit: t !== null && [...ex.article.primaries].some((x) => x.split(':')[0] === t.split(':')[0]),
    score: primary ? primary.confidence : null,
    negative: ex.article.negative,
    clean: acc.length === 0,
    swap,
  };
}

const figure = (outs: Outcome[]) => {
  const pos = outs.filter((o) => !o.negative);
  const neg = outs.filter((o) => o.negative);
  return {
    primaryExact: pos.filter((o) => o.hit).length / pos.length,
    primaryPair: pos.filter((o) => o.pairHit).length / pos.length,
    negativesRight: neg.length ? neg.filter((o) => o.clean).length / neg.length : 1,
    swaps: outs.filter((o) => o.swap).length,
    n: outs.length,
  };
};

// Folds by article, in a fixed order so that a run gives the same weights.
const fold = (i: number) => i % FOLDS;
const uncalibrated = (
  m: { pair: LinearModel; charge: LinearModel; direction: LinearModel },
  threshold: number,
  secondaryThreshold: number,
  reverseMargin: number,
): ExtractorModel => ({ ...m, threshold, secondaryThreshold, reverseMargin, calibration: [] });

let best: { l2: number; threshold: number; secondary: number; margin: number; value: number; outs: Outcome[] } | null = null;
for (const l2 of L2_GRID) {
  const foldModels = Array.from({ length: FOLDS }, (_, k) =>
    fit(
      examples.filter((_, i) => fold(i) !== k),
      l2,
    ),
  );
  for (const threshold of THRESHOLDS)
    for (const secondary of SECONDARY)
      for (const margin of MARGINS) {
        if (secondary < threshold) continue;
        const outs = examples.map((ex, i) => outcome(ex, uncalibrated(foldModels[fold(i)]!, threshold, secondary, margin)));
        const f = figure(outs);
        // Chosen on real news (the corpus's train split and the leads), where it will be used; role swaps are the
        // worst error: each costs as much as five misses.
        const news = figure(outs.filter((o) => o.set === 'train' || o.set === 'leads'));
        const value = news.primaryExact + 0.5 * news.negativesRight - (5 * news.swaps) / news.n;
        console.log(
          `l2 ${l2} threshold ${threshold} secondary ${secondary} margin ${margin}: cv primary ${f.primaryExact.toFixed(3)}, negatives ${f.negativesRight.toFixed(3)}, swaps ${f.swaps}; news ${news.primaryExact.toFixed(3)}, negatives ${news.negativesRight.toFixed(3)}, swaps ${news.swaps}`,
        );
        if (!best || value > best.value) best = { l2, threshold, secondary, margin, value, outs };
      }
}
const chosen = best!;

// Calibration: the held-out folds' primary confidences (raw p * charge p) in bands, each band's share right,
// made monotone (pool adjacent violators) so a higher score never reads as less sure.
const shown = chosen.outs.filter((o) => o.score !== null).map((o) => ({ s: o.score!, ok: o.hit }));
shown.sort((a, b) => a.s - b.s);
const BAND = Math.max(15, Math.ceil(shown.length / 8));
let bands: { lower: number; right: number; n: number }[] = [];
for (let i = 0; i < shown.length; i += BAND) {
  const part = shown.slice(i, i + BAND);
  bands.push({ lower: part[0]!.s, right: part.filter((x) => x.ok).length, n: part.length });
}
for (let merged = true; merged;) {
  merged = false;
  for (let i = 1; i < bands.length; i++)
    if (bands[i]!.right / bands[i]!.n < bands[i - 1]!.right / bands[i - 1]!.n) {
      bands[i - 1] = { lower: bands[i - 1]!.lower, right: bands[i - 1]!.right + bands[i]!.right, n: bands[i - 1]!.n + bands[i]!.n };
      bands = [...bands.slice(0, i), ...bands.slice(i + 1)];
      merged = true;
      break;
    }
}
// Scores tie (many at the top): a band that starts where the one before it started joins it.
bands = bands.reduce<typeof bands>((out, b) => {
  const last = out[out.length - 1];
  if (last && Math.round(b.lower * 1000) <= Math.round(last.lower * 1000)) {
    last.right += b.right;
    last.n += b.n;
  } else out.push({ ...b });
  return out;
}, []);
const calibration: [number, number][] = bands.map((b, i) => [
  i === 0 ? 0 : Math.round(b.lower * 1000) / 1000,
  Math.round((b.right / b.n) * 100) / 100,
]);

const final = fit(examples, chosen.l2);
const model: ExtractorModel = {
  ...final,
  threshold: chosen.threshold,
  secondaryThreshold: chosen.secondary,
  reverseMargin: chosen.margin,
  calibration,
};
const trainFigure = figure(examples.map((ex) => outcome(ex, model)));
const cv = figure(chosen.outs);
const bySet = Object.fromEntries(
  (['fixtures', 'starter', 'leads', 'train'] as const).map((set) => [set, examples.filter((e) => e.article.set === set).length]),
);
const file = {
  about:
    'Learned by `npm run train` (tests/eval/train.ts) from the labelled articles listed under "training"; read by lib/extract/model.ts. Do not edit by hand: change the features or the data and train again.',
  training: {
    articles: bySet,
    pairChoices: pairGroupsOf(examples).length,
    directionRows: directionRowsOf(examples).length,
    chargeChoices: chargeGroupsOf(examples).length,
    l2: chosen.l2,
    epochs: EPOCHS,
    crossValidatedBySet: Object.fromEntries(
      (['fixtures', 'starter', 'leads', 'train'] as const).map((set) => {
        const f = figure(chosen.outs.filter((o) => o.set === set));
        return [
          set,
          {
            primaryExact: Math.round(f.primaryExact * 1000) / 1000,
            negativesRight: Math.round(f.negativesRight * 1000) / 1000,
            roleSwaps: f.swaps,
            articles: f.n,
          },
        ];
      }),
    ),
    crossValidated: {
      folds: FOLDS,
      primaryExact: Math.round(cv.primaryExact * 1000) / 1000,
      negativesRight: Math.round(cv.negativesRight * 1000) / 1000,
      roleSwaps: cv.swaps,
    },
    onTrainingArticles: {
      primaryExact: Math.round(trainFigure.primaryExact * 1000) / 1000,
      negativesRight: Math.round(trainFigure.negativesRight * 1000) / 1000,
      roleSwaps: trainFigure.swaps,
    },
    calibrationBands: bands.map((b) => ({ from: Math.round(b.lower * 1000) / 1000, right: b.right, of: b.n })),
  },
  threshold: model.threshold,
  secondaryThreshold: model.secondaryThreshold,
  reverseMargin: model.reverseMargin,
  calibration: model.calibration,
  pair: model.pair,
  charge: model.charge,
  direction: model.direction,
};
// Written as the repository's formatter writes it, so that a run leaves `prettier --check` clean.
const modelPath = join(FIXTURES, '..', '..', 'lib', 'extract', 'data', 'model.json');
writeFileSync(modelPath, await format(JSON.stringify(file), { ...(await resolveConfig(modelPath)), filepath: modelPath }));
console.log(`\nchosen l2 ${chosen.l2}, threshold ${chosen.threshold}, secondary ${chosen.secondary}, reverse margin ${chosen.margin}`);
console.log(`cross-validated (${FOLDS} folds, ${examples.length} articles):`, cv);
console.log('on the training articles:', trainFigure);
for (const set of ['fixtures', 'starter', 'leads', 'train'] as const) {
  const f = figure(chosen.outs.filter((o) => o.set === set));
  console.log(
    `  cross-validated on ${set}: primary ${f.primaryExact.toFixed(3)}, pair ${f.primaryPair.toFixed(3)}, negatives ${f.negativesRight.toFixed(3)}, swaps ${f.swaps} (${f.n})`,
  );
}
console.log('calibration bands:', bands);
if (process.argv.includes('--verbose'))
  for (const o of chosen.outs) if (o.swap || (!o.hit && !o.negative)) console.log(`  cv ${o.swap ? 'SWAP ' : ''}${o.id}: ${o.primary ?? 'none'}`);
