import { describe, expect, it } from 'vitest';
import { contributions, fitConditional, logit, sigmoid } from '../../lib/extract/logistic';
import { getModel, validateModel } from '../../lib/extract/model';
import { describeFeature } from '../../lib/extract/reasons';
import { calibrated } from '../../lib/extract/assembly';
import { areCoordinated, isNegatedSentence } from '../../lib/extract/candidates';
import { readArticle } from '../../lib/extract/extract-accusations';
import model from '../../lib/extract/data/model.json';

const f = (o: Record<string, number>) => new Map(Object.entries(o));

describe('the learned model', () => {
  it('the shipped model file is valid and was trained on every labelled set', () => {
    expect(() => validateModel(model)).not.toThrow();
    expect(Object.keys(getModel().pair.weights).length).toBeGreaterThan(50);
    expect(model.training.articles.fixtures).toBeGreaterThan(50);
    expect(model.training.articles.starter).toBeGreaterThan(50);
  });

  it.each([
    ['no pair model', { charge: { bias: 0, weights: {} }, threshold: 0.5, secondaryThreshold: 0.9, calibration: [] }, /pair/],
    ['a weight that is not a number', { ...model, pair: { bias: 0, weights: { x: 'high' } } }, /pair/],
    ['a threshold of 1', { ...model, threshold: 1 }, /threshold/],
    [
      'falling calibration bands',
      {
        ...model,
        calibration: [
          [0.5, 0.6],
          [0.2, 0.9],
        ],
      },
      /rise/,
    ],
  ])('refuses a model file with %s', (_why, bad, message) => {
    expect(() => validateModel(bad)).toThrow(message);
  });

  it('a conditional logit learns which option of a group is right', () => {
    // The right option is the one with "good"; "noise" is on every option and says nothing.
    const groups = Array.from({ length: 40 }, (_, i) => ({
      options: [f({ good: 1, noise: 1 }), f({ bad: 1, noise: 1 }), f({ noise: 1, other: i % 2 })],
      gold: [0],
    }));
    const m = fitConditional(groups, false, { l2: 0.001, epochs: 200, learningRate: 0.1 });
    expect(m.weights.good!).toBeGreaterThan(1);
    expect(m.weights.good!).toBeGreaterThan(m.weights.bad ?? 0);
    expect(Math.abs(m.weights.noise ?? 0)).toBeLessThan(0.5);
  });

  it('a group whose right answer is none teaches the options down against the null option', () => {
    const groups = [
      ...Array.from({ length: 20 }, () => ({ options: [f({ cue: 1 })], gold: [0] })),
      ...Array.from({ length: 20 }, () => ({ options: [f({ nocue: 1 })], gold: [] })),
    ];
    const m = fitConditional(groups, true, { l2: 0.001, epochs: 300, learningRate: 0.1 });
    expect(sigmoid(logit(m, f({ cue: 1 })))).toBeGreaterThan(0.8);
    expect(sigmoid(logit(m, f({ nocue: 1 })))).toBeLessThan(0.2);
    expect(contributions(m, f({ cue: 1, nocue: 1 }), 1)[0]![0]).toMatch(/cue/);
  });

  it('calibration maps a score to its band', () => {
    const m = {
      ...getModel(),
      calibration: [
        [0, 0.4],
        [0.6, 0.7],
        [0.9, 0.96],
      ] as [number, number][],
    };
    expect(calibrated(m, 0.3)).toBe(0.4);
    expect(calibrated(m, 0.75)).toBe(0.7);
    expect(calibrated(m, 0.99)).toBe(0.96);
  });

  it.each([
    ['accuse:a<v<b', 'an accusation verb between accuser and accused'],
    ['b:owns-allegation', 'the accused owns the allegation ("the US\'s claims")'],
    ['a:kind:intelligence', 'the accuser is a intelligence'],
    ['rule:primary', "the rules' main reading"],
    ['something:new', 'something:new'],
  ])('describes feature %s in words', (name, words) => {
    expect(describeFeature(name)).toBe(words);
  });
});

describe('candidate shapes', () => {
  const first = (text: string) => readArticle({ title: '', text }).all[0]!;
  it.each([
    ['Japan did not accuse China of hacking.', true],
    ['Japan never blamed China for the attack.', true],
    ['Japan accused China of hacking.', false],
    ['Japan did not deny it, but accused China of hacking.', false],
    ['Chinese hackers attacked Japan, the police said.', false],
  ])('"%s" is negated: %s', (text, want) => {
    expect(isNegatedSentence(first(text))).toBe(want);
  });

  it.each([
    ['Japan and Australia agreed to cooperate against cyberattacks.', true],
    ['Armenia and Azerbaijan accused each other of shelling.', false],
    ['Japan accused China of hacking.', false],
  ])('in "%s" the first two actors act together: %s', (text, want) => {
    const r = first(text);
    expect(areCoordinated(r, r.mentions[0]!, r.mentions[1]!)).toBe(want);
  });
});
