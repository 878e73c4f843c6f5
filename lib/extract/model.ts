import type { LinearModel } from './logistic';
import model from './data/model.json';

/** The learned weights of the extractor, as `npm run train` writes them. */
export interface ExtractorModel {
  /** Scores an ordered pair of actors as the accuser and accused of an accusation the article makes. */
  pair: LinearModel;
  /** Scores a charge category for a pair's accusation. */
  charge: LinearModel;
  /**
   * Scores which way a pair's accusation runs: applied to both directions of the main pair, the higher reading wins
   * (a model of what tells the accuser from the accused, learned on the right pairs and their reverses).
   */
  direction: LinearModel;
  /** The best pair is shown when it scores at least this against none at all. */
  threshold: number;
  /** Any other pair is shown only when it scores at least this. */
  secondaryThreshold: number;
  /** Nothing is shown when the two directions of the main pair score within this many log-odds (0: never). */
  reverseMargin: number;
  /** Score bands to the share of accusations right in that band (from cross-validation): [lower bound, precision]. */
  calibration: [number, number][];
}

function isLinear(x: unknown): x is LinearModel {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  if (typeof m.bias !== 'number' || typeof m.weights !== 'object' || m.weights === null) return false;
  return Object.values(m.weights).every((w) => typeof w === 'number' && Number.isFinite(w));
}

/** Checks the model file's shape on load: a bad file fails at once, with what is wrong. */
export function validateModel(x: unknown): ExtractorModel {
  const m = x as Partial<ExtractorModel>;
  if (!isLinear(m.pair)) throw new Error('model.json: "pair" is not a linear model');
  if (!isLinear(m.charge)) throw new Error('model.json: "charge" is not a linear model');
  if (!isLinear(m.direction)) throw new Error('model.json: "direction" is not a linear model');
  if (typeof m.threshold !== 'number' || m.threshold <= 0 || m.threshold >= 1) throw new Error('model.json: "threshold" must be in (0, 1)');
  if (typeof m.secondaryThreshold !== 'number' || m.secondaryThreshold <= 0 || m.secondaryThreshold >= 1)
    throw new Error('model.json: "secondaryThreshold" must be in (0, 1)');
  const margin = m.reverseMargin ?? 0;
  if (typeof margin !== 'number' || margin < 0 || margin > 10) throw new Error('model.json: "reverseMargin" must be in [0, 10]');
  const cal = m.calibration;
  if (!Array.isArray(cal) || !cal.every((b) => Array.isArray(b) && b.length === 2 && b.every((v) => typeof v === 'number')))
    throw new Error('model.json: "calibration" must be [lower bound, precision] pairs');
  for (let i = 1; i < cal.length; i++) if (cal[i]![0] <= cal[i - 1]![0]) throw new Error('model.json: calibration bands must rise');
  return {
    pair: m.pair,
    charge: m.charge,
    direction: m.direction,
    threshold: m.threshold,
    secondaryThreshold: m.secondaryThreshold,
    reverseMargin: margin,
    calibration: cal,
  };
}

let loaded: ExtractorModel | null = null;

/** The shipped model, checked on first use (so `npm run train` can replace a bad file it wrote). */
export function getModel(): ExtractorModel {
  loaded ??= validateModel(model);
  return loaded;
}
