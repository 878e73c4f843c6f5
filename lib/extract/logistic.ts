import type { Features } from './features';

/** A regularised logistic regression over named features: what `npm run train` writes and the extractor reads. */
export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export interface TrainingRow {
  features: Features;
  label: 0 | 1;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's raw score (log-odds) for one row. */
export function logit(model: LinearModel, f: Features): number {
  let z = model.bias;
  for (const [name, v] of f) z += (model.weights[name] ?? 0) * v;
  return z;
}

/** The features that moved the score most, with their contribution (weight times value), strongest first. */
export function contributions(model: LinearModel, f: Features, limit = 4): [string, number][] {
  const out: [string, number][] = [];
  for (const [name, v] of f) {
    const w = model.weights[name];
    if (w) out.push([name, w * v]);
  }
  return out.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1])).slice(0, limit);
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), per row. */
  l2: number;
  epochs: number;
  learningRate: number;
}

/** The features' names, sorted, and each row's features as indexes into them with their values. */
function indexRows(rows: readonly Features[]): { names: string[]; sparse: { idx: number[]; val: number[] }[] } {
  const names = [...new Set(rows.flatMap((f) => [...f.keys()]))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  return { names, sparse: rows.map((f) => ({ idx: [...f.keys()].map((n) => index.get(n)!), val: [...f.values()] })) };
}

/** One Adam step on `params` from the gradient `g` at step `t` (1-based); `m` and `v` keep the moment estimates. */
function adamStep(params: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, t: number, learningRate: number): void {
  for (let j = 0; j < params.length; j++) {
    m[j] = 0.9 * m[j]! + 0.1 * g[j]!;
    v[j] = 0.999 * v[j]! + 0.001 * g[j]! * g[j]!;
    params[j]! -= (learningRate * (m[j]! / (1 - 0.9 ** t))) / (Math.sqrt(v[j]! / (1 - 0.999 ** t)) + 1e-8);
  }
}

/** The fitted weights, rounded to three decimals, the zero ones left out. */
function roundedModel(names: readonly string[], w: Float64Array, bias: number): LinearModel {
  const weights: Record<string, number> = {};
  names.forEach((name, j) => {
    const rounded = Math.round(w[j]! * 1000) / 1000;
    if (rounded !== 0) weights[name] = rounded;
  });
  return { bias: Math.round(bias * 1000) / 1000, weights };
}

/**
 * Fits the weights by full-batch gradient descent with Adam steps on the mean log loss plus an L2 penalty. Rows
 * are few (thousands) and sparse, so this is quick and deterministic: the same rows give the same weights.
 */
export function fitLogistic(rows: readonly TrainingRow[], { l2, epochs, learningRate }: FitOptions): LinearModel {
  const { names, sparse } = indexRows(rows.map((r) => r.features));
  // The weights, then the bias (which takes no penalty).
  const params = new Float64Array(names.length + 1);
  const m = new Float64Array(names.length + 1);
  const v = new Float64Array(names.length + 1);
  const n = rows.length || 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const g = new Float64Array(names.length + 1);
    sparse.forEach((row, r) => {
      let z = params[names.length]!;
      for (let k = 0; k < row.idx.length; k++) z += params[row.idx[k]!]! * row.val[k]!;
      const err = sigmoid(z) - rows[r]!.label;
      for (let k = 0; k < row.idx.length; k++) g[row.idx[k]!]! += (err * row.val[k]!) / n;
      g[names.length]! += err / n;
    });
    for (let j = 0; j < names.length; j++) g[j]! += l2 * params[j]!;
    adamStep(params, g, m, v, epoch, learningRate);
  }
  return roundedModel(names, params, params[names.length]!);
}

/** One choice among options (an article's pairs, a pair's charges): which options are right, if any. */
export interface ChoiceGroup {
  options: Features[];
  /** Indexes of the right options; empty when the right answer is none of them. */
  gold: number[];
  /** How much the group counts in the loss (1 unless said). */
  weight?: number;
}

/**
 * Fits a conditional logit: within each group, P(option j) = exp(w·x_j) / (Σ_k exp(w·x_k) + [null]), where the
 * null option (score 0) stands for "none of them" when `withNull` is set. It learns what tells the right option
 * from the others of the same article (who accuses and who is accused), not what the article as a whole has.
 * The loss is the mean of -log P(right options), plus the L2 penalty; Adam steps, deterministic.
 */
export function fitConditional(groups: readonly ChoiceGroup[], withNull: boolean, { l2, epochs, learningRate }: FitOptions): LinearModel {
  const used = groups.filter((g) => withNull || g.gold.length);
  const { names, sparse } = indexRows(used.flatMap((g) => g.options));
  let at = 0;
  const data = used.map((g) => ({
    options: g.options.map(() => sparse[at++]!),
    gold: new Set(g.gold),
    weight: g.weight ?? 1,
  }));
  const w = new Float64Array(names.length);
  const m = new Float64Array(names.length);
  const v = new Float64Array(names.length);
  const n = data.reduce((s, d) => s + d.weight, 0) || 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const g = new Float64Array(names.length);
    for (const group of data) {
      const z = group.options.map((o) => o.idx.reduce((s, j, k) => s + w[j]! * o.val[k]!, 0));
      const top = Math.max(0, ...z);
      const e = z.map((s) => Math.exp(s - top));
      const nullE = withNull ? Math.exp(-top) : 0;
      const all = e.reduce((s, x) => s + x, 0) + nullE;
      const goldSum = group.gold.size ? [...group.gold].reduce((s, j) => s + e[j]!, 0) : nullE;
      group.options.forEach((o, j) => {
        // d(-log P(gold))/dz_j = P(j) - P(j | gold)
        const coef = group.weight * (e[j]! / all - (group.gold.has(j) ? e[j]! / goldSum : 0));
        if (coef) for (let k = 0; k < o.idx.length; k++) g[o.idx[k]!]! += (coef * o.val[k]!) / n;
      });
    }
    for (let j = 0; j < names.length; j++) g[j]! += l2 * w[j]!;
    adamStep(w, g, m, v, epoch, learningRate);
  }
  return roundedModel(names, w, 0);
}
