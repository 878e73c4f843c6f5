import type { ChargeCategory } from '../types';
import { WordSet } from '../text/tokens';
import roles from '../actors/rules/roles.json';
import triggers from './data/triggers.json';
export const set = (words: string[]) => new Set(words);
export const ACCUSE = set(triggers.accuse);
export const BLAME = set(triggers.blame);
export const DENOUNCE = set(triggers.denounce);
export const HOLD = set(triggers.hold);
export const HOLD_COMPLEMENT = set(triggers.holdComplement);
export const IDENTIFY = set(triggers.identify);
export const IDENTIFY_COMPLEMENT = set(triggers.identifyComplement);
export const ATTRIBUTE = set(triggers.attribute);
export const BEHIND = set(triggers.behind);
export const SPEECH = set(triggers.speech);
export const DENY = set(triggers.deny);
export const ALLEGATION = set(triggers.allegationNoun);
export const NEGATOR = set(triggers.negator);
export const PASSIVE_AUX = set(triggers.passiveAux);
export const TARGET_PREP = set(triggers.targetPrep);
export const COUNTER = set(triggers.counterWords);
export const LEGAL = set(triggers.legal);
export const SPEECH_BREAK = set(triggers.speechBreak);
export const DOCUMENT = set(triggers.documentNouns);
export const COPULA = set(triggers.copula);
export const CALL = set(triggers.callVerbs);
export const COURT_VERBS = set(triggers.courtVerbs);
export const COURT_WORDS = new RegExp(`\\b(?:${triggers.courtWords.join('|')})\\b`, 'i');
export const TIES_VERBS = set(triggers.tiesVerbs);
export const LOOSE_ATTRIBUTE = set(triggers.looseAttribute);
/** A wire-service dateline at the start of a paragraph: capitals, an optional date, the agency in brackets, a dash. */
/** (Tried at line starts only, so no scan of the whole text for a lookbehind.) */
export const DATELINE = /[\p{Lu}][\p{Lu}\p{M} .'’/-]{1,60}(?:,\s*[\p{L}.]+\.?\s*\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]\s+/uy;

/**
 * Every word that can start a rule, and the role words that may introduce a person: a sentence without one (and
 * without a charge) makes no accusation and names no one whom later sentences need.
 */
export const RELEVANT_WORDS = new WordSet([
  ...roles.person,
  ...triggers.accuse,
  ...triggers.blame,
  ...triggers.denounce,
  ...triggers.hold,
  ...triggers.identify,
  ...triggers.attribute,
  ...triggers.speech,
  ...triggers.deny,
  ...triggers.legal,
  ...triggers.agentVerbs,
  ...triggers.callVerbs,
  ...triggers.courtVerbs,
  ...triggers.tiesVerbs,
  'according',
  'by',
]);
/** Every word that some branch of the rule loop in `candidatesIn` tests for. */
export const CONDEMNATION = set(triggers.condemnationNouns);
export const ECHO_VERBS = new WordSet(triggers.echo.verbs);
export const ECHO_NOUNS = set(triggers.echo.nouns);
export const JOIN_VERBS = set(triggers.joinVerbs);
export const LOOP_WORDS = new WordSet([
  ...triggers.condemnationNouns,
  ...triggers.deny,
  ...triggers.accuse,
  ...triggers.blame,
  ...triggers.denounce,
  ...triggers.hold,
  ...triggers.identify,
  ...triggers.attribute,
  ...triggers.legal,
  ...triggers.agentVerbs,
  ...triggers.courtVerbs,
  ...triggers.tiesVerbs,
  ...triggers.callVerbs,
  ...triggers.speech,
  'by',
]);
/** A paragraph that starts like this is a link to another story inside the body ("Related coverage: ..."). */
// (Tried at each line start of the whole text: its spaces are any but a line break, as inside a line.)
export const CLUTTER_LINE = new RegExp(`[^\\S\\n]*(?:${triggers.clutterPrefixes.join('|')})[^\\S\\n]*[:|›»>-]`, 'iy');
export const AGENT_VERBS = set(triggers.agentVerbs);
export const ANAPHORA = new RegExp(`^\\s+(?:its|their|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${triggers.anaphoraHeads.join('|')})\\b`, 'iu');
export const KIND_CHARGE: Record<string, ChargeCategory> = {};
for (const [kind, cat] of Object.entries(triggers.kindCharge)) if (kind !== 'about') KIND_CHARGE[kind] = cat as ChargeCategory;

// Expressions used in the rules, built once (a literal in a function is a new object each time it runs; the global
// ones serve only match, replace and split, which start them afresh).
export const LONG_WORDS = /\p{L}{4,}/gu;
export const STARTS_CAPITAL = /^\p{Lu}/u;
export const APOSTROPHE = /^['’]$/;
export const HAS_APOSTROPHE = /['’]/;
export const CLOSING_QUOTE = /^[,.;:!?…]*["”’']/;
export const SPACE_OPENING_QUOTE = /\s["“‘']$/;
export const OPENING_QUOTE = /(^|\s)["“‘']$/;
export const CLAUSE_BREAK = /[;:]|\s[–—]\s/;
export const SUBJECT_JOIN = /^\.?\s*(,|,?\s*and|,?\s*as well as|,?\s*together with|,?\s*along with)\s*(the\s+)?$/i;
export const OBJECT_JOIN = /^\.?\s*(,|,?\s*and|,?\s*as well as)\s*(the\s+)?$/i;
export const PAST_TENSE = /^\p{Ll}+ed$/u;
export const PHRASE_END = /[,.;:!?"“”‘’]|\s[–—]\s/;
export const SPACES = /\s+/;
export const SPACE_RUNS = /\s+/g;
export const EDGE_MARKS = /^[\s'"‘’“”]+|[\s'"‘’”.,]+$/g;
export const AFTER_PUNCTUATION = /[,;:]\s*$/;
export const AFTER_COMMA = /,\s*$/;
export const STARTS_PUNCTUATION = /^[,.;:]/;
export const TIES = /^(ties|relations)$/;
export const LINK_WORD = /^(has|have|had|of|for|linked|tied|involved|complicit)$/;
export const VERB_FORM = /(ing|ed)$/;

export const DIPLOMATIC = set(triggers.diplomatic);
export const REPORT_VERBS = set(triggers.reportVerbs);

/**
 * The cue classes whose position to the two actors is a feature, first match wins (a word of two lists is read as
 * the first). Each reads as a verb class of news English.
 */
export const CUE_CLASSES: [string, ReadonlySet<string>][] = [
  ['accuse', ACCUSE],
  ['blame', BLAME],
  ['deny', DENY],
  ['condemn', DENOUNCE],
  ['diplomatic', DIPLOMATIC],
  ['legal', LEGAL],
  ['hold', HOLD],
  ['attribute', ATTRIBUTE],
  ['behind', BEHIND],
  ['agent', AGENT_VERBS],
  ['call', CALL],
  ['allegation', ALLEGATION],
  ['condemnation', CONDEMNATION],
  ['report', REPORT_VERBS],
  ['document', DOCUMENT],
  ['speech', SPEECH],
];

/** Each cue class to its word list, by name. */
export const cueClass = (name: string): ReadonlySet<string> => CUE_CLASSES.find(([n]) => n === name)![1];
