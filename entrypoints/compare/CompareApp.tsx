import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { LibraryDB } from '@/lib/library/db';
import { findCounterclaims } from '@/lib/library/reports';
import { getReport } from '@/lib/library/store';
import { sendMessage } from '@/lib/messaging';
import { toCounterclaimView } from '@/lib/extension/views';
import { t } from '@/lib/i18n';
import { categoryLabel, relationName, relationReadsAs } from '@/components/labels';
import { Comparison } from '@/components/comparison';
import { counterclaimKey as keyOf, useComparison, type ComparisonCurrent as Current } from '@/components/use-comparison';
import { StatusMessage } from '@/components/status-message';

const db = new LibraryDB();

type Loaded = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; current: Current };

/** Reads the current side: the analysed tab (`?tabId=`) or a stored report (`?report=`). */
async function loadCurrent(params: URLSearchParams): Promise<Current> {
  const tabId = params.get('tabId');
  const reportId = params.get('report');
  if (tabId && /^\d+$/.test(tabId)) {
    const res = await sendMessage(browser.runtime, 'analyzeTab', { tabId: Number(tabId) });
    if (!res?.ok) throw new Error(res?.error.message ?? t('compareReadAgainFailed'));
    const { article, analysis } = res.page;
    return { article, accusations: analysis.accusations, primary: analysis.primary, counterclaims: res.counterclaims };
  }
  if (reportId) {
    const report = await getReport(db, reportId);
    if (!report) throw new Error(t('compareReportGone'));
    const counterclaims = (
      await findCounterclaims(db, report, report.publishedAt, report.id, { currentReportId: report.id, includeRejected: true, limit: 50 })
    ).map(toCounterclaimView);
    return { article: report, accusations: report.accusations, primary: report.primary, counterclaims };
  }
  throw new Error(t('compareNoSource'));
}

/** The full comparison: the current article and a chosen counterclaim in aligned rows; switch between counterclaims. */
export function CompareApp() {
  const params = useMemo(() => new URLSearchParams(location.search), []);
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [chosen, setChosen] = useState<string | null>(params.get('with') ? `${params.get('with')}:${params.get('i') ?? '0'}` : null);

  useEffect(() => {
    loadCurrent(params).then(
      (current) => setLoaded({ phase: 'ready', current }),
      (e: unknown) => setLoaded({ phase: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [params]);

  const { candidates, selected, stored, left, right, terms } = useComparison(db, loaded.phase === 'ready' ? loaded.current : null, chosen);

  useEffect(() => {
    if (!selected) return;
    const next = new URLSearchParams(location.search);
    next.set('with', selected.report.id);
    next.set('i', String(selected.accusation.index));
    history.replaceState(null, '', `?${next}`);
  }, [selected]);

  if (loaded.phase === 'loading') return <StatusMessage kind="loading" title={t('compareReading')} />;
  if (loaded.phase === 'error')
    return (
      <main className="compare">
        <StatusMessage kind="error" title={t('compareNothingTitle')}>
          <p>{loaded.message}</p>
        </StatusMessage>
      </main>
    );
  const { current } = loaded;
  return (
    <main className="compare">
      <header className="compare-head">
        <h1>{t('compareHeading')}</h1>
        <p className="article-meta">{current.article.title}</p>
      </header>
      {candidates.length === 0 ? (
        <StatusMessage kind="empty" title={t('compareNoCounterclaimTitle')}>
          <p>{t('compareNoCounterclaimBody')}</p>
        </StatusMessage>
      ) : (
        <div className="compare-body">
          <nav className="compare-switcher" aria-label={t('compareCounterclaims')}>
            <h2>{t('compareCounterclaims')}</h2>
            <ul>
              {candidates.map((c) => (
                <li key={keyOf(c)}>
                  <button
                    type="button"
                    aria-current={selected && keyOf(c) === keyOf(selected) ? 'true' : undefined}
                    onClick={() => setChosen(keyOf(c))}
                  >
                    <span className={`relation relation-badge-${c.relation}`}>{relationName(c.relation)}</span>
                    <span className="switch-title">
                      {t('compareSwitchTitle', {
                        accuser: c.accusation.accuser.name,
                        accused: c.accusation.accused.name,
                        category: categoryLabel(c.accusation.category),
                      })}
                    </span>
                    <span className="switch-meta">{t('compareSwitchMeta', { title: c.report.title, percent: Math.round(c.score * 100) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <section className="compare-main" aria-live="polite">
            {selected ? (
              <p className="compare-relation">
                <span className={`relation relation-badge-${selected.relation}`}>{relationName(selected.relation)}</span>{' '}
                {relationReadsAs(selected.relation)}. {selected.reasons.join('; ')}.
              </p>
            ) : null}
            {left && right ? (
              <Comparison left={left} right={right} terms={terms} />
            ) : stored === null ? (
              <StatusMessage kind="error" title={t('compareCounterclaimGone')} />
            ) : (
              <StatusMessage kind="loading" title={t('compareLoadingCounterclaim')} />
            )}
            {terms.length ? <p className="muted">{t('compareHighlighted', { terms: terms.slice(0, 8).join(', ') })}</p> : null}
          </section>
        </div>
      )}
    </main>
  );
}
