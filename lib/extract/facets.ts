import type { Facets } from '../types';
import triggers from './data/triggers.json';
import { EDGE_MARKS, SPACES, SPACE_RUNS } from './vocabulary';
export const FACET_CUES = {
  targets: new RegExp(`\\b(?:${triggers.facets.targets.join('|')})\\b\\s+`, 'i'),
  evidence: new RegExp(`\\b(?:${triggers.facets.evidence.join('|')})\\b`, 'i'),
  response: new RegExp(`\\b(?:${triggers.facets.response.join('|')})\\b`, 'i'),
};
export const FACET_ANY = new RegExp(
  `\\b(?:${[...triggers.facets.targets, ...triggers.facets.evidence, ...triggers.facets.response].join('|')})\\b`,
  'i',
);
export const CLAUSE_END =
  /,(?=\s|$)|[;:()"“”‘’]|'(?=\s|$)|\s'(?=\w)|…|\s[–—-]\s|\.(?:\s|$)|\s(?:and that|but|while|which|who|as well as|in order|to make)\s/;

/** The targets, evidence and response phrases of the article's body (the same for each of its accusations). */
export function facetCandidates(sentences: string[]): Facets {
  const facets: Facets = { targets: [], evidence: [], response: [], denial: [] };
  const add = (kind: keyof Facets, phrase: string) => {
    const clean = trimPhrase(phrase);
    if (clean.split(SPACES).length >= 2 && !facets[kind].includes(clean)) facets[kind].push(clean);
  };
  for (const s of sentences) {
    // One scan for any cue first: most sentences have none.
    if (!FACET_ANY.test(s)) continue;
    const t = FACET_CUES.targets.exec(s);
    if (t) add('targets', s.slice(t.index + t[0].length).split(CLAUSE_END)[0]!);
    for (const kind of ['evidence', 'response'] as const) {
      const m = FACET_CUES[kind].exec(s);
      if (m) add(kind, clauseAround(s, m.index));
    }
  }
  return facets;
}

export function facetsFor(accusedCode: string, found: Facets, denials: { code: string; text: string }[]): Facets {
  const denial: string[] = [];
  for (const d of denials) if (d.code === accusedCode && !denial.includes(d.text)) denial.push(d.text);
  return {
    targets: found.targets.slice(0, 4),
    evidence: found.evidence.slice(0, 4),
    response: found.response.slice(0, 4),
    denial: denial.slice(0, 4),
  };
}

export function trimPhrase(phrase: string): string {
  let p = phrase.replace(EDGE_MARKS, '').replace(SPACE_RUNS, ' ');
  const words = p.split(' ');
  if (words.length > 14) p = `${words.slice(0, 14).join(' ')}…`;
  return p;
}

/** The clause of `s` around a cue at `at`: at most six words before it and up to the clause's end after it. */
export function clauseAround(s: string, at: number): string {
  const leftWords = s.slice(0, at).split(CLAUSE_END).pop()!.trimStart().split(SPACES).filter(Boolean);
  const right = s.slice(at).split(CLAUSE_END)[0]!;
  return `${leftWords.slice(-6).join(' ')} ${right}`;
}
