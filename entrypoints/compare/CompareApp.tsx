import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { LibraryDB, type ReportRecord } from '@/lib/library/db';
import { findCounterclaims } from '@/lib/library/reports';
import { sendMessage, type CounterclaimView } from '@/lib/messaging';
import { toCounterclaimView } from '@/lib/extension/views';
import { sharedTerms } from '@/lib/compare/align';
import type { Accusation } from '@/lib/types';
import { t } from '@/lib/i18n';
import { categoryLabel, relationName, relationReadsAs } from '@/components/labels';
import { Comparison, type ComparisonSide } from '@/components/comparison';
import { StatusMessage } from '@/components/status-message';

const db = new LibraryDB();

interface Current {
  article: ComparisonSide['article'];
  accusations: Accusation[];
  primary: number | null;
  counterclaims: CounterclaimView[];
}

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
    const report = await db.reports.get(reportId);
    if (!report) throw new Error(t('compareReportGone'));
    const counterclaims = (
      await findCounterclaims(db, report, report.publishedAt, report.id, { currentReportId: report.id, includeRejected: true, limit: 50 })
    ).map(toCounterclaimView);
    return { article: report, accusations: report.accusations, primary: report.primary, counterclaims };
  }
  throw new Error(t('compareNoSource'));
}

const keyOf = (c: CounterclaimView) => `${c.report.id}:${c.accusation.index}`;

/** The full comparison: the current article and a chosen counterclaim in aligned rows; switch between counterclaims. */
export function CompareApp() {
  const params = useMemo(() => new URLSearchParams(location.search), []);
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [chosen, setChosen] = useState<string | null>(params.get('with') ? `${params.get('with')}:${params.get('i') ?? '0'}` : null);
  const [stored, setStored] = useState<ReportRecord | null | undefined>(undefined);

  useEffect(() => {
    loadCurrent(params).then(
      (current) => setLoaded({ phase: 'ready', current }),
      (e: unknown) => setLoaded({ phase: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [params]);

  const candidates = loaded.phase === 'ready' ? loaded.current.counterclaims.filter((c) => c.judgement !== 'rejected') : [];
  const selected = candidates.find((c) => keyOf(c) === chosen) ?? candidates.find((c) => c.relation !== 'echo') ?? candidates[0] ?? null;

  useEffect(() => {
    if (!selected) return;
    let live = true;
    db.reports.get(selected.report.id).then((r) => live && setStored(r ?? null));
    const next = new URLSearchParams(location.search);
    next.set('with', selected.report.id);
    next.set('i', String(selected.accusation.index));
    history.replaceState(null, '', `?${next}`);
    return () => {
      live = false;
    };
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
  const left: ComparisonSide | null =
    selected && current.accusations[selected.against]
      ? { label: t('rowThisArticle'), accusation: current.accusations[selected.against]!, article: current.article }
      : null;
  const storedAccusation = selected && stored ? stored.accusations[selected.accusation.index] : undefined;
  const right: ComparisonSide | null =
    storedAccusation && stored
      ? { label: selected!.relation === 'echo' ? t('rowAlsoReported') : t('rowCounterclaim'), accusation: storedAccusation, article: stored }
      : null;
  const actorWords =
    left && right
      ? [left, right]
          .flatMap((s) => [s.accusation.accuser, s.accusation.accused])
          .flatMap((a) => `${a.name} ${a.code}`.toLowerCase().split(/\s+/))
          .filter((w) => w.length > 1)
      : [];
  const terms = (
    left && right
      ? sharedTerms(
          `${left.accusation.quote} ${left.accusation.charge.text} ${left.accusation.facets.targets.join(' ')}`,
          `${right.accusation.quote} ${right.accusation.charge.text} ${right.accusation.facets.targets.join(' ')}`,
        )
      : []
  ).filter(
    // The parties' own names are shared by design; the telling words are the rest.
    (t) => !actorWords.includes(t) && !actorWords.some((w) => t.startsWith(w)),
  );

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
