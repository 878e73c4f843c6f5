import type { Accusation } from '../types';
import { readChargesInContext } from '../charges/lexicon';
import { newMentionContext } from '../actors/mentions';
import { isTitleCase, readSentences } from './read';
import { assemble } from './rule-assembly';
import { Candidate, candidatesIn } from './rules';
export interface ExtractOptions {
  title: string;
  text: string;
}

/**
 * Reads who accused whom of what in an article (headline and body), one accusation per distinct
 * (accuser, accused, charge category), each with its best quote, facets, confidence and reasons.
 * Returns them best first; the first is the article's primary accusation.
 */
export function extractAccusations({ title, text }: ExtractOptions): Accusation[] {
  const ctx = newMentionContext();
  const titleRead = title.trim() ? readSentences(title, 'title', { ...ctx, titleCase: isTitleCase(title) }) : [];
  // The title's people are the article's people too.
  const bodyRead = readSentences(text, 'text', ctx);
  const all = titleRead.length ? titleRead.concat(bodyRead) : bodyRead;
  readChargesInContext(all);
  const candidates: Candidate[] = [];
  const denials: { code: string; text: string }[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (!r.relevant) continue;
    r.placeAmong(all, i);
    candidatesIn(r, denials, candidates);
  }
  const titleCodes = new Set<string>();
  for (const r of titleRead) for (const m of r.mentions) titleCodes.add(m.code);
  return assemble(candidates, denials, titleCodes, bodyRead);
}
