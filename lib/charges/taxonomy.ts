import { CHARGE_CATEGORIES, type ChargeCategory } from '../types';
import related from './data/related-charges.json';
import cameo from './data/cameo.json';

const CATEGORY_SET = new Set<string>(CHARGE_CATEGORIES);

export function isChargeCategory(value: unknown): value is ChargeCategory {
  return typeof value === 'string' && CATEGORY_SET.has(value);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const RELATED = new Set<string>();
for (const pair of related.pairs) {
  const [a, b] = pair;
  if (!isChargeCategory(a) || !isChargeCategory(b) || a === b) throw new Error(`related-charges.json: bad pair ${JSON.stringify(pair)}`);
  const key = pairKey(a, b);
  if (RELATED.has(key)) throw new Error(`related-charges.json: duplicate pair ${key}`);
  RELATED.add(key);
}

/** Score of how well two charges match: 1 for the same category, 0.6 for related ones, 0 otherwise. */
export function chargeSimilarity(a: ChargeCategory, b: ChargeCategory): number {
  if (a === b) return a === 'other' ? 0.5 : 1;
  return RELATED.has(pairKey(a, b)) ? 0.6 : 0;
}

export function areRelatedCharges(a: ChargeCategory, b: ChargeCategory): boolean {
  return RELATED.has(pairKey(a, b));
}

const CAMEO_TO: Record<string, ChargeCategory> = {};
for (const [code, cat] of Object.entries(cameo.cameoToCategory)) {
  if (!isChargeCategory(cat)) throw new Error(`cameo.json: unknown category ${cat} for ${code}`);
  CAMEO_TO[code] = cat;
}
for (const [cat, code] of Object.entries(cameo.categoryToCameo)) {
  if (!isChargeCategory(cat) || !(code in CAMEO_TO)) throw new Error(`cameo.json: bad mapping ${cat} -> ${code}`);
}
for (const cat of CHARGE_CATEGORIES) {
  if (!(cat in cameo.categoryToCameo)) throw new Error(`cameo.json: no CAMEO code for ${cat}`);
}

/** The taxonomy category of a CAMEO event code (112x), or null when it is not an accusation code. */
export function categoryFromCameo(code: string): ChargeCategory | null {
  return CAMEO_TO[code] ?? null;
}

/** The CAMEO event code under which a category is filed (112 when CAMEO has no subcode for it). */
export function cameoFromCategory(category: ChargeCategory): string {
  return (cameo.categoryToCameo as Record<string, string>)[category] ?? '112';
}

export function categoryFromPlover(tag: string): ChargeCategory | null {
  const cat = (cameo.ploverToCategory as Record<string, string>)[tag.toLowerCase()];
  return isChargeCategory(cat) ? cat : null;
}

/** Human labels for the categories (English; the UI translates through i18n). */
export const CATEGORY_LABELS: Record<ChargeCategory, string> = {
  cyberattack: 'Cyberattack',
  espionage: 'Espionage',
  election_interference: 'Election interference',
  disinformation: 'Disinformation',
  human_rights: 'Human rights',
  military_aggression: 'Military aggression',
  war_crimes: 'War crimes',
  terrorism: 'Terrorism',
  crime_corruption: 'Crime & corruption',
  economic_coercion: 'Economic coercion',
  proliferation: 'Proliferation',
  transnational_repression: 'Transnational repression',
  other: 'Other',
};
