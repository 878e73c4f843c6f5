import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { LibraryDB, type ReportRecord } from '@/lib/library/db';
import { findCounterclaims } from '@/lib/library/reports';
import { sendMessage, type CounterclaimView } from '@/lib/messaging';
import { toCounterclaimView } from '@/lib/extension/views';
import { sharedTerms } from '@/lib/compare/align';
import type { Accusation } from '@/lib/types';
import { CATEGORY_LABELS, isChargeCategory } from '@/lib/charges/taxonomy';
import { RELATION_READS_AS } from '@/lib/match/relations';
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
    if (!res?.ok) throw new Error(res?.error.message ?? 'The article could not be read again.');
    const { article, analysis } = res.page;
    return { article, accusations: analysis.accusations, primary: analysis.primary, counterclaims: res.counterclaims };
  }
  if (reportId) {
    const report = await db.reports.get(reportId);
    if (!report) throw new Error('This report is no longer in the library.');
    const counterclaims = (
      await findCounterclaims(db, report, report.publishedAt, report.id, { currentReportId: report.id, includeRejected: true, limit: 50 })
    ).map(toCounterclaimView);
    return { article: report, accusations: report.accusations, primary: report.primary, counterclaims };
  }
  throw new Error('Nothing to compare: open the comparison from the popup or the library.');
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

  if (loaded.phase === 'loading') return <StatusMessage kind="loading" title="Reading the article…" />;
  if (loaded.phase === 'error')
    return (
      <main className="compare">
        <StatusMessage kind="error" title="Nothing to compare">
          <p>{loaded.message}</p>
        </StatusMessage>
      </main>
    );
  const { current } = loaded;
  const left: ComparisonSide | null =
    selected && current.accusations[selected.against]
      ? { label: 'This article', accusation: current.accusations[selected.against]!, article: current.article }
      : null;
  const storedAccusation = selected && stored ? stored.accusations[selected.accusation.index] : undefined;
  const right: ComparisonSide | null =
    storedAccusation && stored
      ? { label: selected!.relation === 'echo' ? 'Also reported' : 'Counterclaim', accusation: storedAccusation, article: stored }
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
        <h1>Full comparison</h1>
        <p className="article-meta">{current.article.title}</p>
      </header>
      {candidates.length === 0 ? (
        <StatusMessage kind="empty" title="No counterclaim in the library for this article">
          <p>Save more articles, or import a library: when the accused party levels the same charge at someone else, it shows here.</p>
        </StatusMessage>
      ) : (
        <div className="compare-body">
          <nav className="compare-switcher" aria-label="Counterclaims">
            <h2>Counterclaims</h2>
            <ul>
              {candidates.map((c) => (
                <li key={keyOf(c)}>
                  <button
                    type="button"
                    aria-current={selected && keyOf(c) === keyOf(selected) ? 'true' : undefined}
                    onClick={() => setChosen(keyOf(c))}
                  >
                    <span className={`relation relation-badge-${c.relation}`}>{c.relation}</span>
                    <span className="switch-title">
                      {c.accusation.accuser.name} accuses {c.accusation.accused.name}:{' '}
                      {isChargeCategory(c.accusation.category) ? CATEGORY_LABELS[c.accusation.category] : c.accusation.category}
                    </span>
                    <span className="switch-meta">
                      {c.report.title} · {Math.round(c.score * 100)}%
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <section className="compare-main" aria-live="polite">
            {selected ? (
              <p className="compare-relation">
                <span className={`relation relation-badge-${selected.relation}`}>{selected.relation}</span> {RELATION_READS_AS[selected.relation]}.{' '}
                {selected.reasons.join('; ')}.
              </p>
            ) : null}
            {left && right ? (
              <Comparison left={left} right={right} terms={terms} />
            ) : stored === null ? (
              <StatusMessage kind="error" title="This counterclaim's report is no longer in the library" />
            ) : (
              <StatusMessage kind="loading" title="Loading the counterclaim…" />
            )}
            {terms.length ? <p className="muted">Highlighted: words both sides use ({terms.slice(0, 8).join(', ')}).</p> : null}
          </section>
        </div>
      )}
    </main>
  );
}
