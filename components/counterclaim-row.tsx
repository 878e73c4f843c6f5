import type { Accusation } from '@/lib/types';
import type { CounterclaimView } from '@/lib/messaging';
import { CATEGORY_LABELS, isChargeCategory } from '@/lib/charges/taxonomy';
import { RELATION_READS_AS } from '@/lib/match/relations';
import { ActorLabel } from './actor-label';

function formatDate(iso: string | null): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function safeHref(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** A counterclaim side by side with the accusation of the current article it answers. */
export function CounterclaimRow({
  current,
  currentSource,
  currentDate,
  counterclaim,
  onJudge,
  onCompare,
  compact = false,
}: {
  current: Accusation;
  currentSource: string;
  currentDate: string | null;
  counterclaim: CounterclaimView;
  /** Confirm or reject the suggestion; absent when the current article is not saved (nothing to link from). */
  onJudge?: (kind: 'confirmed' | 'rejected') => void;
  /** Opens the full comparison of this pair. */
  onCompare?: () => void;
  /** For the popup: this article's side as roles and charge only, the stored quote clamped, reasons on one line. */
  compact?: boolean;
}) {
  const c = counterclaim;
  const cat = isChargeCategory(c.accusation.category) ? CATEGORY_LABELS[c.accusation.category] : c.accusation.category;
  return (
    <li className={`counterclaim relation-${c.relation}${compact ? ' compact' : ''}`} data-relation={c.relation}>
      <header className="counterclaim-head">
        <span className={`relation relation-badge-${c.relation}`}>{c.relation}</span>
        <span className="relation-reads">{RELATION_READS_AS[c.relation]}</span>
        <span className="score" title="Match score">
          {Math.round(c.score * 100)}%
        </span>
      </header>
      <div className="side-by-side">
        <section className="side side-current" aria-label="This article">
          <h4>This article</h4>
          <div className="claim-roles">
            <ActorLabel actor={current.accuser} role="accuser" />
            <span className="claim-verb">accuses</span>
            <ActorLabel actor={current.accused} role="accused" />
          </div>
          <div className="claim-charge">
            <span className={`badge badge-${current.charge.category}`}>{CATEGORY_LABELS[current.charge.category]}</span>
            {current.charge.text ? <span className="charge-words">“{current.charge.text}”</span> : null}
          </div>
          {compact ? null : (
            <>
              <blockquote className="claim-quote">{current.quote}</blockquote>
              <p className="source-line">
                {currentSource} · {formatDate(currentDate)}
              </p>
            </>
          )}
        </section>
        <section className="side side-stored" aria-label="Counterclaim from your library">
          <h4>{c.relation === 'echo' ? 'Also reported' : 'Counterclaim'}</h4>
          <div className="claim-roles">
            <ActorLabel actor={c.accusation.accuser} role="accuser" />
            <span className="claim-verb">accuses</span>
            <ActorLabel actor={c.accusation.accused} role="accused" />
          </div>
          <div className="claim-charge">
            <span className={`badge badge-${c.accusation.category}`}>{cat}</span>
            {c.accusation.chargeText ? <span className="charge-words">“{c.accusation.chargeText}”</span> : null}
          </div>
          <blockquote className="claim-quote">{c.accusation.quote}</blockquote>
          <p className="source-line">
            {safeHref(c.report.url) ? (
              <a href={safeHref(c.report.url)} target="_blank" rel="noreferrer noopener">
                {c.report.title || 'Untitled report'}
              </a>
            ) : (
              <span>{c.report.title || 'Untitled report'}</span>
            )}
            {' · '}
            {c.report.siteName ?? 'unknown source'} · {formatDate(c.report.publishedAt)}
          </p>
        </section>
      </div>
      {compact ? (
        <p className="match-reasons-line" aria-label="Why they match">
          {c.reasons.join(' · ')}
        </p>
      ) : (
        <ul className="match-reasons" aria-label="Why they match">
          {c.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {onJudge || onCompare ? (
        <div className="judge" role="group" aria-label="Actions on this counterclaim">
          {onCompare ? (
            <button type="button" onClick={onCompare}>
              Open full comparison
            </button>
          ) : null}
          {onJudge ? (
            <>
              {c.judgement === 'confirmed' ? <span className="judged">You confirmed this link</span> : null}
              <button type="button" aria-pressed={c.judgement === 'confirmed'} onClick={() => onJudge('confirmed')}>
                Confirm
              </button>
              <button type="button" aria-pressed={c.judgement === 'rejected'} onClick={() => onJudge('rejected')}>
                Not a counterclaim
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export { formatDate };
