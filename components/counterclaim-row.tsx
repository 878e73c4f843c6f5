import type { Accusation } from '@/lib/types';
import type { CounterclaimView } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { ActorLabel } from './actor-label';
import { categoryLabel, formatDate, relationName, relationReadsAs } from './labels';

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
  const cat = categoryLabel(c.accusation.category);
  return (
    <li className={`counterclaim relation-${c.relation}${compact ? ' compact' : ''}`} data-relation={c.relation}>
      <header className="counterclaim-head">
        <span className={`relation relation-badge-${c.relation}`}>{relationName(c.relation)}</span>
        <span className="relation-reads">{relationReadsAs(c.relation)}</span>
        <span className="score" title={t('rowScoreTitle')}>
          {Math.round(c.score * 100)}%
        </span>
      </header>
      <div className="side-by-side">
        <section className="side side-current" aria-label={t('rowThisArticle')}>
          <h4>{t('rowThisArticle')}</h4>
          <div className="claim-roles">
            <ActorLabel actor={current.accuser} role="accuser" />
            <span className="claim-verb">{t('claimAccuses')}</span>
            <ActorLabel actor={current.accused} role="accused" />
          </div>
          <div className="claim-charge">
            <span className={`badge badge-${current.charge.category}`}>{categoryLabel(current.charge.category)}</span>
            {current.charge.text ? <span className="charge-words">{t('claimQuoted', { text: current.charge.text })}</span> : null}
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
        <section className="side side-stored" aria-label={t('rowStoredAria')}>
          <h4>{c.relation === 'echo' ? t('rowAlsoReported') : t('rowCounterclaim')}</h4>
          <div className="claim-roles">
            <ActorLabel actor={c.accusation.accuser} role="accuser" />
            <span className="claim-verb">{t('claimAccuses')}</span>
            <ActorLabel actor={c.accusation.accused} role="accused" />
          </div>
          <div className="claim-charge">
            <span className={`badge badge-${c.accusation.category}`}>{cat}</span>
            {c.accusation.chargeText ? <span className="charge-words">{t('claimQuoted', { text: c.accusation.chargeText })}</span> : null}
          </div>
          <blockquote className="claim-quote">{c.accusation.quote}</blockquote>
          <p className="source-line">
            {safeHref(c.report.url) ? (
              <a href={safeHref(c.report.url)} target="_blank" rel="noreferrer noopener">
                {c.report.title || t('rowUntitledReport')}
              </a>
            ) : (
              <span>{c.report.title || t('rowUntitledReport')}</span>
            )}
            {' · '}
            {c.report.siteName ?? t('rowUnknownSource')} · {formatDate(c.report.publishedAt)}
          </p>
        </section>
      </div>
      {compact ? (
        <p className="match-reasons-line" aria-label={t('rowWhyMatch')}>
          {c.reasons.join(' · ')}
        </p>
      ) : (
        <ul className="match-reasons" aria-label={t('rowWhyMatch')}>
          {c.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {onJudge || onCompare ? (
        <div className="judge" role="group" aria-label={t('rowActions')}>
          {onCompare ? (
            <button type="button" onClick={onCompare}>
              {t('rowOpenComparison')}
            </button>
          ) : null}
          {onJudge ? (
            <>
              {c.judgement === 'confirmed' ? <span className="judged">{t('rowConfirmed')}</span> : null}
              <button type="button" aria-pressed={c.judgement === 'confirmed'} onClick={() => onJudge('confirmed')}>
                {t('rowConfirm')}
              </button>
              <button type="button" aria-pressed={c.judgement === 'rejected'} onClick={() => onJudge('rejected')}>
                {t('rowReject')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
