import { useEffect, useState } from 'react';
import { getReport } from '@/lib/library/store';
import type { LibraryDB, ReportRecord } from '@/lib/library/db';
import type { CounterclaimView } from '@/lib/messaging';
import { sharedTerms } from '@/lib/compare/align';
import type { Accusation } from '@/lib/types';
import { t } from '@/lib/i18n';
import type { ComparisonSide } from './comparison';

/** The current article's side of a comparison: what the full comparison page and the side panel show. */
export interface ComparisonCurrent {
  article: ComparisonSide['article'];
  accusations: Accusation[];
  primary: number | null;
  counterclaims: CounterclaimView[];
}

/** A counterclaim's identity in a list: its report and the accusation's index there. */
export const counterclaimKey = (c: CounterclaimView) => `${c.report.id}:${c.accusation.index}`;

/**
 * The words the two sides share, for highlighting: from the quotes, the charge words and the targets, leaving out
 * the parties' own names (shared by design; the telling words are the rest).
 */
export function comparisonTerms(left: ComparisonSide, right: ComparisonSide): string[] {
  const actorWords = [left, right]
    .flatMap((s) => [s.accusation.accuser, s.accusation.accused])
    .flatMap((a) => `${a.name} ${a.code}`.toLowerCase().split(/\s+/))
    .filter((w) => w.length > 1);
  // A name's adjective is the name too: "Chinese" for China, "Korean" for Korea (a final vowel gives way to the suffix).
  const stems = actorWords.map((w) => (w.length >= 5 && /[aeiouy]$/.test(w) ? w.slice(0, -1) : w));
  const words = (s: ComparisonSide) => `${s.accusation.quote} ${s.accusation.charge.text} ${s.accusation.facets.targets.join(' ')}`;
  return sharedTerms(words(left), words(right)).filter((term) => !actorWords.includes(term) && !stems.some((w) => term.startsWith(w)));
}

export interface ComparisonState {
  /** The counterclaims one may compare with (rejected ones left out). */
  candidates: CounterclaimView[];
  /** The chosen one, else the best that is not an echo, else the first. */
  selected: CounterclaimView | null;
  /** The selected counterclaim's stored report: undefined while loading, null when it is gone from the library. */
  stored: ReportRecord | null | undefined;
  left: ComparisonSide | null;
  right: ComparisonSide | null;
  terms: string[];
}

/**
 * The comparison of the current article with one of its counterclaims: which one is selected, its stored report
 * (read from the library), both sides in the shape `Comparison` shows, and the words they share.
 */
export function useComparison(db: LibraryDB, current: ComparisonCurrent | null, chosen: string | null): ComparisonState {
  const [stored, setStored] = useState<{ id: string; record: ReportRecord | null } | null>(null);
  const candidates = current ? current.counterclaims.filter((c) => c.judgement !== 'rejected') : [];
  const selected = candidates.find((c) => counterclaimKey(c) === chosen) ?? candidates.find((c) => c.relation !== 'echo') ?? candidates[0] ?? null;
  const selectedReport = selected?.report.id ?? null;

  useEffect(() => {
    if (!selectedReport) return;
    let live = true;
    void getReport(db, selectedReport).then((r) => live && setStored({ id: selectedReport, record: r ?? null }));
    return () => {
      live = false;
    };
  }, [db, selectedReport]);

  // A report read for an earlier selection is not this one's: show "loading" until the right one is in.
  const record = stored && stored.id === selectedReport ? stored.record : undefined;
  const left: ComparisonSide | null =
    selected && current?.accusations[selected.against]
      ? { label: t('rowThisArticle'), accusation: current.accusations[selected.against]!, article: current.article }
      : null;
  const storedAccusation = selected && record ? record.accusations[selected.accusation.index] : undefined;
  const right: ComparisonSide | null =
    selected && record && storedAccusation
      ? { label: selected.relation === 'echo' ? t('rowAlsoReported') : t('rowCounterclaim'), accusation: storedAccusation, article: record }
      : null;
  const terms = left && right ? comparisonTerms(left, right) : [];
  return { candidates, selected, stored: record, left, right, terms };
}
