/** Shared vocabulary of the core (see ../shared/design/mission.md). Plain data only: everything here is JSON-safe. */

export const CHARGE_CATEGORIES = [
  'cyberattack',
  'espionage',
  'election_interference',
  'disinformation',
  'human_rights',
  'military_aggression',
  'war_crimes',
  'terrorism',
  'crime_corruption',
  'economic_coercion',
  'proliferation',
  'transnational_repression',
  'other',
] as const;

export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];

/** A party to an accusation. `code` is ISO 3166-1 alpha-3 for states, an acronym for intergovernmental bodies. */
export interface Actor {
  code: string;
  name: string;
  /** The article's own words for the sub-actor ("Guangzhou city police", "APT31"); empty when the state itself is named. */
  detail: string;
}

export interface Charge {
  category: ChargeCategory;
  /** The words the article used ("malicious cyber campaign"). */
  text: string;
}

export interface Facets {
  targets: string[];
  evidence: string[];
  response: string[];
  denial: string[];
}

/** Where in the article a quote sits: the headline or the body text, with character offsets into it. */
export interface QuoteLocation {
  field: 'title' | 'text';
  start: number;
  end: number;
}

export interface Accusation {
  accuser: Actor;
  accused: Actor;
  charge: Charge;
  /** The sentence that says it. */
  quote: string;
  location: QuoteLocation;
  /** How many sentences in the article make the same accusation. */
  mentions: number;
  confidence: number;
  facets: Facets;
  /** Which rule fired and on which words: shown in the UI and asserted by tests. */
  reasons: string[];
}

/** What the reader (Readability, in the page or in Node) makes of a page. */
export interface ArticleContent {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp, or null when the page does not say. */
  publishedAt: string | null;
  /** The language the page declares (`<html lang>`), if any. */
  declaredLanguage: string | null;
  /** Body text, paragraphs separated by a blank line. */
  text: string;
  excerpt: string | null;
}

export interface Analysis {
  /** Detected language of the text; extraction runs only on English. */
  language: string;
  accusations: Accusation[];
  /** Index into `accusations` of the article's main accusation. */
  primary: number | null;
  /** True when the text was longer than the analysis budget and only its start was read. */
  truncated: boolean;
  /** Human-readable notes on what the analysis could not do ("not English", "truncated"). */
  notes: string[];
}

export type Relation = 'reversal' | 'mirror' | 'turnabout' | 'echo';

export const RELATIONS: readonly Relation[] = ['reversal', 'mirror', 'turnabout', 'echo'];
