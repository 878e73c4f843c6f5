import type { Accusation } from '../types';
import type { ReadSentence } from './read';
import type { ArticleContext, SentenceCandidate } from './candidates';
import type { Candidate } from './rules/run';
import { positionWeight, sentenceFeatures, type Features } from './features';
import { allegationOwnersOf, deniersOf } from './roles';

/** One ordered pair of actors of an article, with the features of all its candidate sentences. */
export interface PairRow {
  accuser: string;
  accused: string;
  features: Features;
  /** Its candidate sentences, best placed first. */
  candidates: SentenceCandidate[];
}

export interface PairInputs {
  candidates: readonly SentenceCandidate[];
  /** What the hand-written rules read, sentence by sentence, and their article-level assembly. */
  ruleCandidates: readonly Candidate[];
  ruleAccusations: readonly Accusation[];
  title: readonly ReadSentence[];
  context: ArticleContext;
}

const key = (a: string, b: string) => `${a}>${b}`;

/**
 * The article's pair rows: each sentence candidate's features, weighted by where the sentence stands, taken at
 * their strongest over the pair's sentences; what the rules read of the pair and of its reverse; and the pair's
 * place in the headline and the publisher.
 */
export function pairRows({ candidates, ruleCandidates, ruleAccusations, title, context }: PairInputs): PairRow[] {
  const rows = new Map<string, PairRow>();
  const rowOf = (a: string, b: string) => {
    const k = key(a, b);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { accuser: a, accused: b, features: new Map(), candidates: [] }));
    return row;
  };
  const ruleBySentence = new Map<ReadSentence, Map<string, number>>();
  for (const c of ruleCandidates) {
    if (!c.accuser) continue;
    const m = ruleBySentence.get(c.read) ?? new Map<string, number>();
    const k = key(c.accuser.code, c.accused.code);
    m.set(k, Math.max(m.get(k) ?? 0, c.confidence));
    ruleBySentence.set(c.read, m);
  }
  const max = (f: Features, name: string, v: number) => {
    if (v > (f.get(name) ?? 0)) f.set(name, v);
  };
  for (const c of candidates) {
    const row = rowOf(c.accuser.code, c.accused.code);
    row.candidates.push(c);
    const w = positionWeight(c.read);
    sentenceFeatures(c, row.features, w);
    const rules = ruleBySentence.get(c.read);
    const here = rules?.get(key(c.accuser.code, c.accused.code));
    const back = rules?.get(key(c.accused.code, c.accuser.code));
    if (here) max(row.features, 'rule:sentence', here * w);
    if (back) max(row.features, 'rule:sentence-reverse', back * w);
  }
  // Pairs the rules read outside the lead (or through a path no candidate takes) are scored too.
  ruleAccusations.forEach((acc, rank) => {
    const row = rowOf(acc.accuser.code, acc.accused.code);
    max(row.features, rank === 0 ? 'rule:primary' : 'rule:secondary', acc.confidence);
    const reverse = rows.get(key(acc.accused.code, acc.accuser.code));
    if (reverse) max(reverse.features, rank === 0 ? 'rule:reverse-primary' : 'rule:reverse-secondary', acc.confidence);
  });
  // A reverse pair the rules read after its row was made.
  for (const row of rows.values()) {
    const rank = ruleAccusations.findIndex((x) => x.accuser.code === row.accused && x.accused.code === row.accuser);
    if (rank >= 0) max(row.features, rank === 0 ? 'rule:reverse-primary' : 'rule:reverse-secondary', ruleAccusations[rank]!.confidence);
  }
  const titleCodes = new Set(title.flatMap((r) => r.mentions.map((m) => m.code)));
  // "China rejects US hacking claims": who denies in the headline is accused, whose claims they are accuses.
  const deniers = new Set(title.flatMap((r) => [...deniersOf(r)]));
  const owners = new Set(title.flatMap((r) => [...allegationOwnersOf(r)]));
  for (const row of rows.values()) {
    const f = row.features;
    f.set('bias:pair', 1);
    f.set('sentences', Math.log1p(row.candidates.length));
    if (titleCodes.has(row.accuser)) f.set('a:in-headline', 1);
    if (titleCodes.has(row.accused)) f.set('b:in-headline', 1);
    if (context.headline?.code === row.accuser) f.set('a:headline-subject', 1);
    if (context.headline?.code === row.accused) f.set('b:headline-subject', 1);
    if (deniers.has(row.accused)) f.set('b:denies-in-headline', 1);
    if (deniers.has(row.accuser)) f.set('a:denies-in-headline', 1);
    if (owners.has(row.accuser)) f.set('a:claims-in-headline', 1);
    if (owners.has(row.accused)) f.set('b:claims-in-headline', 1);
    if (context.publisher === row.accuser) f.set('a:publisher', 1);
    if (context.publisher === row.accused) f.set('b:publisher', 1);
    row.candidates.sort((x, y) => positionWeight(y.read) - positionWeight(x.read) || x.index - y.index);
  }
  return [...rows.values()];
}
