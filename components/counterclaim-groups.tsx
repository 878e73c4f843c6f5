import { useState } from 'react';
import type { CounterclaimView } from '@/lib/messaging';
import type { Accusation, Relation } from '@/lib/types';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { CounterclaimRow } from './counterclaim-row';
import { StatusMessage } from './status-message';
import { formatDate } from './labels';
import { counterclaimKey } from './use-comparison';

const GROUPS: { relation: Relation | 'linked'; title: MessageKey }[] = [
  { relation: 'linked', title: 'popupGroup_linked' },
  { relation: 'reversal', title: 'popupGroup_reversal' },
  { relation: 'mirror', title: 'popupGroup_mirror' },
  { relation: 'turnabout', title: 'popupGroup_turnabout' },
];

/**
 * The counterclaims of an analysed page, as the popup and the side panel show them: grouped by relation (the best
 * `perGroup` of each, then "Show more"), an empty state that says why there are none, and echoes apart, folded.
 * Rejected suggestions are left out here; the caller says how many were hidden.
 */
export function CounterclaimGroups({
  counterclaims,
  accusations,
  source,
  date,
  libraryCount,
  perGroup,
  onCompare,
  onJudge,
}: {
  counterclaims: CounterclaimView[];
  /** The current page's accusations (a counterclaim's `against` indexes them). */
  accusations: Accusation[];
  source: string;
  date: string | null;
  libraryCount: number;
  perGroup: number;
  /** Opens the comparison of this counterclaim (also for echoes). */
  onCompare: (c: CounterclaimView) => void;
  /** Confirm or reject a suggestion; absent when the page is not saved. */
  onJudge?: (c: CounterclaimView, kind: 'confirmed' | 'rejected') => void;
}) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const shown = counterclaims.filter((c) => c.judgement !== 'rejected');
  const byRelation = (r: Relation | 'linked') => shown.filter((c) => c.relation === r);
  const echoes = byRelation('echo');
  const counter = shown.filter((c) => c.relation !== 'echo');
  return (
    <>
      {counter.length === 0 ? (
        <StatusMessage kind="empty" title={libraryCount === 0 ? t('popupLibraryEmptyTitle') : t('popupNoCounterclaimTitle')}>
          <p>{libraryCount === 0 ? t('popupLibraryEmptyBody') : tn('popupNoCounterclaimBody', libraryCount)}</p>
        </StatusMessage>
      ) : (
        GROUPS.map(({ relation, title }) => {
          const group = byRelation(relation);
          if (!group.length) return null;
          const open = expanded.has(relation);
          return (
            <div key={relation} className="relation-group">
              <h4 className="group-title">{t(title)}</h4>
              <ul className="counterclaims">
                {group.slice(0, open ? undefined : perGroup).map((c) => (
                  <CounterclaimRow
                    key={counterclaimKey(c)}
                    current={accusations[c.against]!}
                    currentSource={source}
                    currentDate={date}
                    counterclaim={c}
                    onJudge={onJudge ? (kind) => onJudge(c, kind) : undefined}
                    onCompare={() => onCompare(c)}
                    compact
                  />
                ))}
              </ul>
              {group.length > perGroup && !open ? (
                <button type="button" className="link-button" onClick={() => setExpanded(new Set([...expanded, relation]))}>
                  {t('popupShowMore', { count: group.length - perGroup })}
                </button>
              ) : null}
            </div>
          );
        })
      )}
      {echoes.length ? (
        <details className="echoes">
          <summary>{tn('popupEchoes', echoes.length)}</summary>
          <ul>
            {echoes.map((e) => (
              <li key={counterclaimKey(e)}>
                <button type="button" className="link-button" onClick={() => onCompare(e)}>
                  {t('popupEchoLine', {
                    accuser: e.accusation.accuser.name,
                    accused: e.accusation.accused.name,
                    title: e.report.title,
                    date: formatDate(e.report.publishedAt),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
