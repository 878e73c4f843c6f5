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
}: {
  current: Accusation;
  currentSource: string;
  currentDate: string | null;
  counterclaim: CounterclaimView;
}) {
  const c = counterclaim;
  const cat = isChargeCategory(c.accusation.category) ? CATEGORY_LABELS[c.accusation.category] : c.accusation.category;
  return (
    <li className={`counterclaim relation-${c.relation}`} data-relation={c.relation}>
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
          <blockquote className="claim-quote">{current.quote}</blockquote>
          <p className="source-line">
            {currentSource} · {formatDate(currentDate)}
          </p>
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
      <ul className="match-reasons" aria-label="Why they match">
        {c.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </li>
  );
}

export { formatDate };
