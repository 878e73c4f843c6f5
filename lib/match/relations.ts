import type { Relation } from '../types';

export interface RoleCodes {
  accuser: string;
  accused: string;
}

/**
 * The relation of a stored accusation `b` to the current accusation `a` (mission.md):
 * reversal (b accuses a's accuser back), mirror (a's accused levels the charge at a third party),
 * turnabout (a's accuser itself stands accused by a third party), echo (another accuser, same accused).
 */
export function relationBetween(a: RoleCodes, b: RoleCodes): Relation | null {
  if (a.accuser === a.accused || b.accuser === b.accused) return null;
  if (b.accuser === a.accused && b.accused === a.accuser) return 'reversal';
  if (b.accuser === a.accused) return 'mirror';
  if (b.accused === a.accuser) return 'turnabout';
  if (b.accused === a.accused && b.accuser !== a.accuser) return 'echo';
  return null;
}

/** How much each relation weighs in the ranking: a reversal is the sharpest counterclaim, an echo only context. */
export const RELATION_WEIGHT: Record<Relation, number> = { reversal: 1, mirror: 0.92, turnabout: 0.85, echo: 0.5 };

export const RELATION_READS_AS: Record<Relation | 'linked', string> = {
  reversal: 'tit for tat: the accused accuses the accuser back',
  mirror: 'the accused levels the same charge at someone else',
  turnabout: 'the accuser itself stands accused of the same',
  echo: 'another accuser makes the same charge: corroboration, not a counterclaim',
  linked: 'linked by you',
};
