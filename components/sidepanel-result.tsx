import { useRef } from 'react';
import type { AnalyzeTabResponse, CounterclaimView } from '@/lib/messaging';
import type { Accusation } from '@/lib/types';
import { t, tn } from '@/lib/i18n';
import { ClaimCard } from './claim-card';
import { CounterclaimGroups } from './counterclaim-groups';
import { Comparison } from './comparison';
import { StatusMessage } from './status-message';
import { formatDate, relationName, relationReadsAs } from './labels';
import type { ComparisonState } from './use-comparison';

export type HighlightStatus =
  | { phase: 'none' }
  | { phase: 'working' }
  | { phase: 'shown'; found: number; total: number }
  | { phase: 'cleared' }
  | { phase: 'error'; message: string };

/** Counterclaims shown per relation before "Show more": the comparison below stays within reach. */
const TOP_PER_GROUP = 3;

function HighlightLine({ status }: { status: HighlightStatus }) {
  const text =
    status.phase === 'working'
      ? t('sidePanelHighlighting')
      : status.phase === 'shown'
        ? status.found === 0
          ? t('sidePanelHighlightNone')
          : t('sidePanelHighlighted', { count: status.found, total: status.total })
        : status.phase === 'cleared'
          ? t('sidePanelHighlightsCleared')
          : status.phase === 'error'
            ? status.message
            : '';
  return (
    <p className={`sidepanel-highlight-status${status.phase === 'error' ? ' save-error' : ''}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** The side panel's content for an analysed page: the accusations, the counterclaims by relation, the comparison. */
export function SidePanelResult({
  result,
  comparison,
  highlight,
  onChoose,
  onHighlight,
  onClear,
  onOpenComparison,
}: {
  result: Extract<AnalyzeTabResponse, { ok: true }>;
  comparison: ComparisonState;
  highlight: HighlightStatus;
  onChoose: (c: CounterclaimView) => void;
  onHighlight: (quotes: string[]) => void;
  onClear: () => void;
  onOpenComparison: () => void;
}) {
  const comparisonRef = useRef<HTMLElement>(null);
  const { page, counterclaims, libraryCount } = result;
  const { article, analysis } = page;
  const accusations = analysis.accusations;
  const primary = analysis.primary !== null ? accusations[analysis.primary] : undefined;
  const others = accusations.filter((_, i) => i !== analysis.primary);
  const source = article.siteName ?? (article.url ? safeHost(article.url) : null) ?? t('popupThisPage');
  const { selected, left, right, terms, stored } = comparison;

  const choose = (c: CounterclaimView) => {
    onChoose(c);
    comparisonRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const highlightOne = (a: Accusation) => (
    <button type="button" className="link-button sidepanel-highlight-one" onClick={() => onHighlight([a.quote])}>
      {t('sidePanelHighlightThis')}
    </button>
  );

  return (
    <>
      <section className="article-head" aria-label={t('popupThisArticle')}>
        <h2 className="article-title">{article.title || t('popupUntitledPage')}</h2>
        <p className="article-meta">
          {source} · {formatDate(article.publishedAt)}
          {page.fromSelection ? t('popupFromSelection') : ''}
        </p>
        {accusations.length ? (
          <>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => onHighlight(accusations.map((a) => a.quote))}
                disabled={highlight.phase === 'working'}
              >
                {t('sidePanelHighlightAll')}
              </button>
              <button type="button" onClick={onClear}>
                {t('sidePanelClearHighlights')}
              </button>
            </div>
            <HighlightLine status={highlight} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="sp-accusations-h">
        <h3 id="sp-accusations-h">{t('popupWhatAccuses')}</h3>
        {accusations.length === 0 ? (
          <StatusMessage kind="empty" title={t('popupNoAccusationTitle')}>
            <p>{t('popupNoAccusationBody')}</p>
          </StatusMessage>
        ) : (
          <div className="claims">
            {primary ? (
              <div className="sidepanel-claim">
                <ClaimCard accusation={primary} primary />
                {highlightOne(primary)}
              </div>
            ) : null}
            {others.length ? (
              <details className="sidepanel-more" open={!primary}>
                <summary>{tn('sidePanelMoreAccusations', others.length)}</summary>
                {others.map((a, i) => (
                  <div key={i} className="sidepanel-claim">
                    <ClaimCard accusation={a} compact />
                    {highlightOne(a)}
                  </div>
                ))}
              </details>
            ) : null}
          </div>
        )}
      </section>

      {accusations.length > 0 ? (
        <section aria-labelledby="sp-counterclaims-h">
          <h3 id="sp-counterclaims-h">{t('popupCounterclaimsHeading')}</h3>
          <CounterclaimGroups
            counterclaims={counterclaims}
            accusations={accusations}
            source={source}
            date={article.publishedAt}
            libraryCount={libraryCount}
            perGroup={TOP_PER_GROUP}
            onCompare={choose}
          />
        </section>
      ) : null}

      {selected ? (
        <section className="sidepanel-comparison" aria-labelledby="sp-comparison-h" ref={comparisonRef} aria-live="polite">
          <h3 id="sp-comparison-h">{t('sidePanelComparisonHeading')}</h3>
          <p className="compare-relation">
            <span className={`relation relation-badge-${selected.relation}`}>{relationName(selected.relation)}</span>{' '}
            {relationReadsAs(selected.relation)}.
          </p>
          {left && right ? (
            <Comparison left={left} right={right} terms={terms} />
          ) : stored === null ? (
            <StatusMessage kind="error" title={t('compareCounterclaimGone')} />
          ) : (
            <StatusMessage kind="loading" title={t('compareLoadingCounterclaim')} />
          )}
          <div className="actions">
            <button type="button" onClick={onOpenComparison}>
              {t('sidePanelOpenInTab')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
