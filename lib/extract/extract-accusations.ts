import type { Accusation } from '../types';
import { readChargesInContext } from '../charges/lexicon';
import { findMentions, newMentionContext } from '../actors/mentions';
import { tokenize } from '../text/tokens';
import { isTitleCase, readSentences, type ReadSentence } from './read';
import { assemble } from './rule-assembly';
import { candidatesIn, type Candidate } from './rules/run';
import { generateCandidates, type ArticleContext } from './candidates';
import { headlineSpeaker, mainSubject } from './syntax';
import { pairRows, type PairRow } from './pairs';
import { chargeRows, readLeadCharges, type ChargeRow } from './charge';
import { assembleScored } from './assembly';
import { getModel } from './model';

export interface ExtractOptions {
  title: string;
  text: string;
  /** The site's name ("Xinhua"): a state's own media is that state's voice. */
  siteName?: string | null;
}

/** What the scorer reads of an article: its pair rows, each pair's charge rows, and what the rules read. */
export interface ArticleReading {
  pairs: { row: PairRow; charges: ChargeRow[] }[];
  ruleAccusations: Accusation[];
  all: ReadSentence[];
  body: ReadSentence[];
  denials: { code: string; text: string }[];
}

/**
 * Reads an article into the scorer's rows: sentences, the hand-written rules' accusations, every candidate pair of
 * the headline and lead with its features, and the charge categories each pair may be of.
 */
export function readArticle({ title, text, siteName }: ExtractOptions): ArticleReading {
  const ctx = newMentionContext();
  const titleRead = title.trim() ? readSentences(title, 'title', { ...ctx, titleCase: isTitleCase(title) }) : [];
  // The title's people are the article's people too.
  const bodyRead = readSentences(text, 'text', ctx);
  const all = titleRead.length ? titleRead.concat(bodyRead) : bodyRead;
  readChargesInContext(all);
  // An article without a headline (a selection) is read from its first sentence, as a headline is.
  const headline = titleRead.length ? titleRead : bodyRead.slice(0, 1);
  for (const r of headline) r.isHeadline = true;
  const ruleCandidates: Candidate[] = [];
  const denials: { code: string; text: string }[] = [];
  // Every sentence knows its place before any is read ("It said" looks back), so what is found once holds.
  all.forEach((r, i) => r.placeAmong(all, i));
  for (const r of all) if (r.relevant) candidatesIn(r, denials, ruleCandidates);
  const titleCodes = new Set<string>();
  for (const r of titleRead) for (const m of r.mentions) titleCodes.add(m.code);
  const ruleAccusations = assemble(ruleCandidates, titleCodes);
  const context: ArticleContext = {
    headline: headline[0] ? (headlineSpeaker(headline[0]) ?? mainSubject(headline[0])) : null,
    publisher: publisherState(siteName),
    dateline: bodyRead.slice(0, 6).flatMap((r) => r.datelineMentions)[0] ?? null,
  };
  const candidates = generateCandidates(all, context);
  const rows = pairRows({ candidates, ruleCandidates, ruleAccusations, title: headline, context });
  const leadCharges = readLeadCharges(all);
  return {
    pairs: rows.map((row) => ({ row, charges: chargeRows(row, leadCharges, ruleAccusations) })),
    ruleAccusations,
    all,
    body: bodyRead,
    denials,
  };
}

/** The state whose media the site is ("Xinhua", "TASS", "Press TV"), or null. */
function publisherState(siteName: string | null | undefined): string | null {
  if (!siteName?.trim()) return null;
  const name = siteName.slice(0, 200);
  const found = findMentions(tokenize(name), name, newMentionContext());
  const media = found.find((m) => m.kind === 'state-media');
  return media?.code ?? null;
}

/**
 * Reads who accused whom of what in an article (headline and body), one accusation per distinct
 * (accuser, accused, charge category), each with its best quote, facets, confidence and reasons.
 * Returns them best first; the first is the article's primary accusation. The pairs and their charges are
 * scored by the weights `npm run train` learned (lib/extract/data/model.json).
 */
export function extractAccusations(options: ExtractOptions): Accusation[] {
  return assembleScored(readArticle(options), getModel());
}
