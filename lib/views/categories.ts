import { CHARGE_CATEGORIES, type ChargeCategory } from '../types';

/**
 * The colour families of the charge badges (components/styles.css `.badge-*`): the graph and the timeline colour
 * by family, so a reader who knows the badges reads the charts without a legend lookup.
 */
export const CATEGORY_GROUPS = ['cyber', 'influence', 'violence', 'rights', 'other'] as const;
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];

const GROUP_OF: Record<ChargeCategory, CategoryGroup> = {
  cyberattack: 'cyber',
  espionage: 'cyber',
  election_interference: 'influence',
  disinformation: 'influence',
  military_aggression: 'violence',
  war_crimes: 'violence',
  terrorism: 'violence',
  human_rights: 'rights',
  transnational_repression: 'rights',
  crime_corruption: 'other',
  economic_coercion: 'other',
  proliferation: 'other',
  other: 'other',
};

/** The colour family of a charge category. */
export function categoryGroup(category: ChargeCategory): CategoryGroup {
  return GROUP_OF[category];
}

/** The categories of a colour family, in taxonomy order. */
export function categoriesOf(group: CategoryGroup): ChargeCategory[] {
  return CHARGE_CATEGORIES.filter((c) => GROUP_OF[c] === group);
}
