import type { ChargeCategory, Relation } from '@/lib/types';
import { isChargeCategory } from '@/lib/charges/taxonomy';
import { t } from '@/lib/i18n';

/** A charge category as the UI names it, in the user's language; an unknown category is shown as stored. */
export function categoryLabel(category: ChargeCategory | string): string {
  return isChargeCategory(category) ? t(`category_${category}`) : category;
}

/** The short name of a relation ("mirror"), for badges. */
export function relationName(relation: Relation | 'linked'): string {
  return t(`relation_${relation}`);
}

/** What a relation means, in a phrase ("the accused levels the same charge at someone else"). */
export function relationReadsAs(relation: Relation | 'linked'): string {
  return t(`relationReads_${relation}`);
}

/** A date as the UI shows it: day, short month, year, in UTC so a date-only value does not shift. */
export function formatDate(iso: string | null): string {
  if (!iso) return t('dateUndated');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** What went wrong, for the user: a full disk is said plainly (the browser's own words for it are not). */
export function describeError(e: unknown): string {
  if (e instanceof Error && /quota/i.test(`${e.name} ${e.message}`)) return t('libraryDiskFull');
  return e instanceof Error ? e.message : String(e);
}
