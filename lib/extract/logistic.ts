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

/**
 * Fits the weights by full-batch gradient descent with Adam steps on the mean log loss plus an L2 penalty. Rows
 * are few (thousands) and sparse, so this is quick and deterministic: the same rows give the same weights.
 */
export function fitLogistic(rows: readonly TrainingRow[], { l2, epochs, learningRate }: FitOptions): LinearModel {
  const names = [...new Set(rows.flatMap((r) => [...r.features.keys()]))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const sparse = rows.map((r) => ({
    idx: [...r.features.keys()].map((n) => index.get(n)!),
    val: [...r.features.values()],
    y: r.label,
  }));
  const w = new Float64Array(names.length);
  const m = new Float64Array(names.length + 1);
  const v = new Float64Array(names.length + 1);
  let bias = 0;
  const n = rows.length || 1;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const g = new Float64Array(names.length + 1);
    for (const row of sparse) {
      let z = bias;
      for (let k = 0; k < row.idx.length; k++) z += w[row.idx[k]!]! * row.val[k]!;
      const err = sigmoid(z) - row.y;
      for (let k = 0; k < row.idx.length; k++) g[row.idx[k]!]! += (err * row.val[k]!) / n;
      g[names.length]! += err / n;
    }
    for (let j = 0; j < names.length; j++) g[j]! += l2 * w[j]!;
    for (let j = 0; j <= names.length; j++) {
      m[j] = beta1 * m[j]! + (1 - beta1) * g[j]!;
      v[j] = beta2 * v[j]! + (1 - beta2) * g[j]! * g[j]!;
      const step = (learningRate * (m[j]! / (1 - beta1 ** epoch))) / (Math.sqrt(v[j]! / (1 - beta2 ** epoch)) + 1e-8);
      if (j === names.length) bias -= step;
      else w[j]! -= step;
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((name, j) => {
    const rounded = Math.round(w[j]! * 1000) / 1000;
    if (rounded !== 0) weights[name] = rounded;
  });
  return { bias: Math.round(bias * 1000) / 1000, weights };
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
  const names = [...new Set(groups.flatMap((g) => g.options.flatMap((o) => [...o.keys()])))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const data = groups
    .filter((g) => withNull || g.gold.length)
    .map((g) => ({
      options: g.options.map((o) => ({ idx: [...o.keys()].map((n) => index.get(n)!), val: [...o.values()] })),
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
    for (let j = 0; j < names.length; j++) {
      const gj = g[j]! + l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      w[j]! -= (learningRate * (m[j]! / (1 - 0.9 ** epoch))) / (Math.sqrt(v[j]! / (1 - 0.999 ** epoch)) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((name, j) => {
    const rounded = Math.round(w[j]! * 1000) / 1000;
    if (rounded !== 0) weights[name] = rounded;
  });
  return { bias: 0, weights };
}
