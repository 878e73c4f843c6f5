import type { ChargeCategory } from '../types';
import type { Token } from '../text/tokens';
import { PhraseIndex, phraseWords, type PhrasePattern } from '../text/phrases';
import { isChargeCategory } from './taxonomy';
import lexicon from './data/lexicon.json';

export interface ChargeHit {
  category: ChargeCategory;
  /** Token range of the charge words, end exclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** The article's own words, widened to the modifiers before the term ("malicious cyber campaign"). */
  text: string;
  weak: boolean;
  /** The lexicon term that matched, for reasons. */
  term: string;
  /** Why the category differs from the term's own (a term read in the article's context). */
  note?: string;
  /** A term read from its words around (a breach, an intrusion) whose sentence had no cue: the lead decides. */
  undecided?: boolean;
}

interface Entry {
  category: ChargeCategory;
  term: string;
  weak: boolean;
}

function compile(): PhraseIndex<Entry> {
  const patterns: PhrasePattern<Entry>[] = [];
  const seen = new Set<string>();
  const add = (category: string, term: string, weak: boolean) => {
    if (!isChargeCategory(category)) throw new Error(`lexicon.json: unknown category "${category}"`);
    if (term !== term.toLowerCase() || !term.trim()) throw new Error(`lexicon.json: terms are lowercase and non-empty ("${term}")`);
    if (seen.has(term)) throw new Error(`lexicon.json: duplicate term "${term}"`);
    seen.add(term);
    patterns.push({ words: phraseWords(term), value: { category, term, weak } });
  };
  for (const [category, terms] of Object.entries(lexicon.categories)) for (const t of terms) add(category, t, false);
  for (const [category, terms] of Object.entries(lexicon.weak)) for (const t of terms) add(category, t, true);
  return new PhraseIndex(patterns);
}

const INDEX = compile();
const NOT_CHARGE_NEXT = new Set(lexicon.notCharge.words);

/** Words that may sit before a charge term as part of the article's wording of it. */
const MODIFIER_STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'in',
  'on',
  'to',
  'and',
  'or',
  'with',
  'by',
  'its',
  'their',
  'his',
  'her',
  'our',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'that',
  'this',
  'these',
  'those',
  'from',
  'as',
  'at',
  'it',
  'they',
  'we',
  's',
  'has',
  'have',
  'had',
  'accused',
  'accuse',
  'accuses',
  'accusing',
  'blamed',
  'denied',
  'denies',
  'deny',
  'denying',
  'said',
  'says',
  'orchestrating',
  'conducting',
  'launching',
  'carrying',
  'out',
  'behind',
  'responsible',
  'over',
  'about',
  'against',
  'into',
  'up',
  'such',
  'also',
  'not',
]);

const SPACES_OR_HYPHENS = /^[\s-]+$/;
const HAS_DIGIT = /\d/;
const VERB_OR_ADVERB = /(ing|ly)$/;

/** Finds charge terms in a sentence's tokens. Weak terms are dropped when a strong term is present. */
export function findCharges(tokens: Token[], source: string): ChargeHit[] {
  const hits: ChargeHit[] = [];
  for (const m of INDEX.findAll(tokens, source)) {
    const next = tokens[m.to];
    if (next && NOT_CHARGE_NEXT.has(next.lower) && SPACES_OR_HYPHENS.test(source.slice(tokens[m.to - 1]!.end, next.start))) continue;
    let from = m.from;
    // Widen over up to two lowercase modifiers right before the term ("malicious cyber campaign").
    for (let k = 0; k < 2 && from > 0; k++) {
      const prev = tokens[from - 1]!;
      const gap = source.slice(prev.end, tokens[from]!.start);
      // Verbs ("spreading") and adverbs are not part of the charge's wording.
      if (
        !SPACES_OR_HYPHENS.test(gap) ||
        MODIFIER_STOP.has(prev.lower) ||
        prev.text !== prev.lower ||
        HAS_DIGIT.test(prev.text) ||
        VERB_OR_ADVERB.test(prev.lower)
      )
        break;
      from--;
    }
    const start = tokens[from]!.start;
    const end = tokens[m.to - 1]!.end;
    hits.push({
      category: m.value.category,
      from: m.from,
      to: m.to,
      start,
      end,
      text: source.slice(start, end),
      weak: m.value.weak,
      term: m.value.term,
    });
  }
  const kept = hits.some((h) => !h.weak) ? hits.filter((h) => !h.weak) : hits;
  for (const h of kept) if (SENTENCE_TERMS.has(h.term)) readBySentence(h, tokens);
  return kept;
}

const SENTENCE_TERMS = new Set(lexicon.bySentence.terms);
const SENTENCE_CUES: [ChargeCategory, Set<string>][] = Object.entries(lexicon.bySentence.cues).map(([c, words]) => {
  if (!isChargeCategory(c)) throw new Error(`lexicon.json: unknown category "${c}" in bySentence`);
  return [c, new Set(words)];
});

/** A term read from its sentence's other words ("breached its airspace": military aggression, not a cyberattack). */
function readBySentence(h: ChargeHit, tokens: Token[]): void {
  const category = cuedCategory(tokens, h);
  if (!category) h.undecided = true;
  else if (category !== h.category) {
    h.note = `read as ${category} from its sentence's words`;
    h.category = category;
  }
}

function cuedCategory(tokens: Token[], h?: ChargeHit): ChargeCategory | null {
  for (const [category, cues] of SENTENCE_CUES) if (tokens.some((t, i) => (!h || i < h.from || i >= h.to) && cues.has(t.lower))) return category;
  return null;
}

/** Sentences of the lead whose words decide a term its own sentence left undecided. */
const LEAD_SENTENCES = 8;

const CONTEXT_TERMS = new Set(lexicon.byContext.terms);
const CONTEXT_OTHERWISE = ((c: string): ChargeCategory => {
  if (!isChargeCategory(c)) throw new Error(`lexicon.json: unknown category "${c}" in byContext`);
  return c;
})(lexicon.byContext.otherwise);
const ALL_TERMS = new Set([...Object.values(lexicon.categories), ...Object.values(lexicon.weak)].flat());
for (const t of CONTEXT_TERMS) if (!ALL_TERMS.has(t)) throw new Error(`lexicon.json: byContext term "${t}" is not a charge term`);
const ARMED_CONFLICT = new Set(lexicon.byContext.armedConflict);

/**
 * Reads the charges whose category depends on the article (genocide: a war crime in a war, a human-rights charge in
 * peacetime repression) in the light of all its sentences, and changes their category in place.
 */
export function readChargesInContext(sentences: { tokens: Token[]; charges: ChargeHit[] }[]): void {
  // A headline's "breach" is read with the lead's words: "airspace" two sentences on makes it an incursion.
  const undecided = sentences.flatMap((s) => s.charges.filter((c) => c.undecided));
  if (undecided.length) {
    const lead = sentences.slice(0, LEAD_SENTENCES).flatMap((s) => s.tokens);
    const category = cuedCategory(lead);
    for (const c of undecided) {
      c.undecided = false;
      if (category && category !== c.category) {
        c.note = `read as ${category} from the words of the headline and lead`;
        c.category = category;
      }
    }
  }
  const contextual = sentences.flatMap((s) => s.charges.filter((c) => CONTEXT_TERMS.has(c.term)));
  if (!contextual.length) return;
  const war = sentences.some((s) => s.tokens.some((t) => ARMED_CONFLICT.has(t.lower)));
  const abuses = sentences.some((s) => s.charges.some((c) => c.category === CONTEXT_OTHERWISE));
  if (war || !abuses) return;
  for (const c of contextual) {
    c.category = CONTEXT_OTHERWISE;
    c.note = `read as ${CONTEXT_OTHERWISE}: the article names human-rights abuses and no armed conflict`;
  }
}
