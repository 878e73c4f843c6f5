import type { Accusation } from '@/lib/types';
import { t, type MessageKey } from '@/lib/i18n';
import { categoryLabel } from './labels';
import { ActorLabel } from './actor-label';

const FACET_LABELS: Record<'targets' | 'evidence' | 'response' | 'denial', MessageKey> = {
  targets: 'facet_targets',
  evidence: 'facet_evidence',
  response: 'facet_response',
  denial: 'facet_denial',
};

/** One accusation: who accuses whom of what, the sentence that says it, the facets and why it was read so. */
/** `compact` leaves out the facets (they are shown once, on the main accusation). */
export function ClaimCard({ accusation, primary, compact = false }: { accusation: Accusation; primary?: boolean; compact?: boolean }) {
  const a = accusation;
  return (
    <article
      className={`claim-card${primary ? ' claim-primary' : ''}`}
      aria-label={t('claimAria', { accuser: a.accuser.name, accused: a.accused.name, category: categoryLabel(a.charge.category) })}
    >
      {primary ? <div className="claim-flag">{t('claimMain')}</div> : null}
      <div className="claim-roles">
        <ActorLabel actor={a.accuser} role="accuser" />
        <span className="claim-verb">{t('claimAccuses')}</span>
        <ActorLabel actor={a.accused} role="accused" />
      </div>
      <div className="claim-charge">
        <span className={`badge badge-${a.charge.category}`}>{categoryLabel(a.charge.category)}</span>
        {a.charge.text ? <span className="charge-words">{t('claimQuoted', { text: a.charge.text })}</span> : null}
      </div>
      <blockquote className="claim-quote">{a.quote}</blockquote>
      {!compact ? (
        <dl className="facets">
          {(Object.keys(FACET_LABELS) as (keyof typeof FACET_LABELS)[]).map((k) =>
            a.facets[k].length ? (
              <div key={k} className={`facet facet-${k}`}>
                <dt>{t(FACET_LABELS[k])}</dt>
                <dd>{a.facets[k].join(' · ')}</dd>
              </div>
            ) : null,
          )}
        </dl>
      ) : null}
      <details className="reasons">
        <summary>{t('claimWhy', { percent: Math.round(a.confidence * 100) })}</summary>
        <ul>
          {a.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </details>
    </article>
  );
}
