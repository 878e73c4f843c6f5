import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryDB, type ReportRecord, type ReportSource } from '@/lib/library/db';
import { countReports, findCounterclaims } from '@/lib/library/reports';
import { getReport, getReports, readCatalog } from '@/lib/library/store';
import { queryReports, toSummary, type ReportQuery, type ReportQueryResult } from '@/lib/library/search';
import { deleteForever, listTrash, purgeTrash, restoreReport, setNotes, setTags, trashReport } from '@/lib/library/edit';
import { judgeCounterclaim, linkReports, linksOf, removeLink } from '@/lib/library/links';
import { exportAccusationsCsv, exportLibrary, type LibraryFile } from '@/lib/library/export';
import { ImportRefused, openImportJob, type ImportJob } from '@/lib/library/import-client';
import { toCounterclaimView } from '@/lib/extension/views';
import { removeStarterReports, restoreStarterReports } from '@/lib/extension/starter';
import { convertGdelt, GdeltImportError } from '@/lib/gdelt/import';
import { CHARGE_CATEGORIES, RELATIONS, type ChargeCategory, type Relation } from '@/lib/types';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { readLibraryViews, readPairReports, type LibraryViews, type ViewQuery } from '@/lib/views/read-views';
import { layoutGraph, type GraphLayout } from '@/lib/views/graph-layout';
import { periodRange } from '@/lib/views/timeline-data';
import { ClaimCard } from '@/components/claim-card';
import { CounterclaimRow } from '@/components/counterclaim-row';
import { categoryLabel, describeError, formatDate, relationName } from '@/components/labels';
import { StatusMessage } from '@/components/status-message';
import { TagEditor } from '@/components/tag-editor';
import { GraphView, type Pair } from '@/components/graph-view';
import { TimelineChart } from '@/components/timeline-chart';
import { TrashList } from '@/components/trash-list';
import { LinkPicker } from '@/components/link-picker';
import { AutoCheckSettings } from '@/components/auto-check-settings';

const db = new LibraryDB();
const PAGE = 50;

const SOURCE_KEYS: Record<ReportSource, MessageKey> = {
  saved: 'librarySource_saved',
  selection: 'librarySource_selection',
  starter: 'librarySource_starter',
  import: 'librarySource_import',
  gdelt: 'librarySource_gdelt',
};
const sourceLabel = (s: ReportSource) => t(SOURCE_KEYS[s]);

const VIEWS = ['reports', 'map', 'timeline', 'trash', 'settings'] as const;
type View = (typeof VIEWS)[number];
const VIEW_KEYS: Record<View, MessageKey> = {
  reports: 'libraryTabReports',
  map: 'libraryTabMap',
  timeline: 'libraryTabTimeline',
  trash: 'libraryTabTrash',
  settings: 'libraryTabSettings',
};

function viewFromHash(): View {
  const h = location.hash.replace(/^#/, '');
  return (VIEWS as readonly string[]).includes(h) ? (h as View) : 'reports';
}

/** The view named in the URL hash (#map, #timeline…), following the back button. */
function useHashView(): [View, (v: View) => void] {
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    const on = () => setView(viewFromHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((v: View) => {
    if (location.hash !== `#${v}`) location.hash = v;
    setView(v);
  }, []);
  return [view, go];
}

type Toast = { message: string; undo?: () => Promise<void> } | null;
type ImportState =
  | { phase: 'idle' }
  | { phase: 'confirm'; job: ImportJob; reports: number; links: number; name: string; note?: string }
  | { phase: 'running'; done: number; total: number; abort: AbortController; what?: string }
  | { phase: 'bad-lines'; file: File; message: string }
  | { phase: 'done'; message: string }
  | { phase: 'error'; message: string };

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const errorText = describeError;

/**
 * The library: reports (search, filters, a report's detail with its counterclaims, tags, notes and links), the
 * country graph, the timeline, the trash and settings, one view at a time (the URL hash names it).
 */
export function LibraryApp() {
  const [view, go] = useHashView();
  const [query, setQuery] = useState<ReportQuery>({ sort: 'savedAt', order: 'desc', limit: PAGE, offset: 0 });
  const [pair, setPair] = useState<Pair | null>(null);
  const [pairOffset, setPairOffset] = useState(0);
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(location.search).get('report'));
  const [graphNode, setGraphNode] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast>(null);
  const [importState, setImportState] = useState<ImportState>({ phase: 'idle' });
  // The import job (its worker) of the file being checked, confirmed or imported: ended when it is done with.
  const importJob = useRef<ImportJob | null>(null);
  const endImportJob = useCallback(() => {
    importJob.current?.close();
    importJob.current = null;
  }, []);
  useEffect(() => endImportJob, [endImportJob]);
  const fileInput = useRef<HTMLInputElement>(null);

  const viewQuery = useMemo<ViewQuery>(
    () => ({ category: query.category, from: query.from, to: query.to, country: query.country, source: query.source }),
    [query.category, query.from, query.to, query.country, query.source],
  );

  const result = useLiveQuery<ReportQueryResult>(
    () => (pair ? readPairReports(db, pair, viewQuery, { offset: pairOffset, limit: PAGE }) : queryReports(db, query)),
    [query, pair, pairOffset, viewQuery],
  );
  const total = useLiveQuery(() => countReports(db), []);
  const trash = useLiveQuery(() => listTrash(db), []);
  const starterCount = useLiveQuery(async () => (await readCatalog(db)).filter((r) => r.source === 'starter' && !r.trashedAt).length, []);
  const countries = useLiveQuery(async () => [...new Set((await readCatalog(db)).flatMap((r) => r.countries))].sort(), []);

  // The graph and the timeline: one pass over the library per filter change (or when the library changes size),
  // only while one of them is shown.
  const needViews = view === 'map' || view === 'timeline';
  const viewKey = `${JSON.stringify(viewQuery)}|${total ?? ''}|${trash?.length ?? ''}`;
  const [views, setViews] = useState<{ key: string; data: LibraryViews; layout: GraphLayout & { ms: number } } | null>(null);
  useEffect(() => {
    if (!needViews || views?.key === viewKey) return;
    let live = true;
    void readLibraryViews(db, viewQuery).then((data) => {
      if (!live) return;
      const started = performance.now();
      const placed = layoutGraph(data.graph, 820, 600);
      setViews({ key: viewKey, data, layout: { ...placed, ms: Math.round(performance.now() - started) } });
    });
    return () => {
      live = false;
    };
  }, [needViews, viewKey, viewQuery, views?.key]);
  const layout = views?.layout ?? null;

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 10_000);
    return () => clearTimeout(timer);
  }, [toast]);

  const update = (patch: Partial<ReportQuery>) => {
    setQuery((q) => ({ ...q, offset: 0, ...patch }));
    setPairOffset(0);
  };
  const showPair = (p: Pair) => {
    setPair(p);
    setPairOffset(0);
    go('reports');
  };

  const onExportJson = async () => {
    const file = await exportLibrary(db);
    download(`counterclaim-library-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    setToast({ message: t('libraryExportedJson', { reports: file.reports.length, links: file.links.length }) });
  };
  const [csvForExcel, setCsvForExcel] = useState(false);
  const onExportCsv = async () => {
    download(
      `counterclaim-accusations-${new Date().toISOString().slice(0, 10)}.csv`,
      'text/csv',
      await exportAccusationsCsv(db, { bom: csvForExcel }),
    );
    setToast({ message: t('libraryExportedCsv') });
  };
  const onGdelt = async (file: File, keepGoodRows: boolean) => {
    const abort = new AbortController();
    setImportState({ phase: 'running', done: 0, total: file.size, abort, what: t('libraryGdeltReading') });
    try {
      const { file: converted, stats } = await convertGdelt(file.stream(), {
        keepGoodRows,
        signal: abort.signal,
        onProgress: (p) =>
          setImportState({
            phase: 'running',
            done: p.bytes,
            total: file.size,
            abort,
            what: t('libraryGdeltReadingProgress', { lines: p.lines, kept: p.kept }),
          }),
      });
      const skippedBad = stats.errorCount ? ` ${tn('libraryGdeltSkipped', stats.errorCount)}` : '';
      await checkFile(
        converted,
        file.name,
        `${t('libraryGdeltSummary', { lines: stats.lines, kept: stats.kept, reports: stats.reports })}${skippedBad}`,
      );
    } catch (e) {
      if (abort.signal.aborted) setImportState({ phase: 'error', message: t('libraryImportCancelled') });
      else if (e instanceof GdeltImportError && e.line !== null && e.kind !== 'zip')
        setImportState({ phase: 'bad-lines', file, message: `${file.name}: ${e.message}` });
      else setImportState({ phase: 'error', message: `${file.name}: ${errorText(e)}` });
    }
  };

  const onPickFile = async (file: File | undefined) => {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    // GDELT event exports: tab-separated .CSV, or its .zip.
    if (/\.(csv|zip|tsv|txt)$/i.test(file.name)) return onGdelt(file, false);
    await checkFile(file, file.name);
  };
  // The file is read, parsed and checked by its import job, in a worker: the page stays responsive however large it is.
  const checkFile = async (source: File | LibraryFile, name: string, note?: string) => {
    endImportJob();
    const job = (importJob.current = openImportJob(source, db.name));
    // Cancelling the check ends the worker, which then answers nothing more: say so here.
    const abort = new AbortController();
    abort.signal.addEventListener('abort', () => {
      endImportJob();
      setImportState({ phase: 'error', message: t('libraryImportCancelled') });
    });
    setImportState({ phase: 'running', done: 0, total: 0, abort, what: t('libraryImportChecking', { name }) });
    try {
      const { reports, links } = await job.checked;
      if (importJob.current === job) setImportState({ phase: 'confirm', job, reports, links, name, ...(note ? { note } : {}) });
    } catch (e) {
      // A job replaced or ended meanwhile (another file picked, the check cancelled) says nothing.
      if (importJob.current !== job) return;
      endImportJob();
      setImportState({
        phase: 'error',
        message:
          e instanceof ImportRefused
            ? e.reason === 'json'
              ? t('libraryImportNotJson', { name })
              : t('libraryImportInvalid', { name, error: sentence(e.error) })
            : t('libraryImportFailed', { error: errorText(e) }),
      });
    }
  };
  const onImport = async (job: ImportJob, total: number) => {
    const abort = new AbortController();
    setImportState({ phase: 'running', done: 0, total, abort });
    try {
      const r = await job.run({
        signal: abort.signal,
        onProgress: (done, total) => setImportState({ phase: 'running', done, total, abort }),
      });
      setImportState({ phase: 'done', message: t('libraryImported', { added: r.added, updated: r.updated, skipped: r.skipped, links: r.links }) });
    } catch (e) {
      setImportState({
        phase: 'error',
        message: abort.signal.aborted ? t('libraryImportCancelled') : t('libraryImportFailed', { error: errorText(e) }),
      });
    } finally {
      if (importJob.current === job) endImportJob();
    }
  };

  const onTabKey = (e: KeyboardEvent, v: View) => {
    const i = VIEWS.indexOf(v);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % VIEWS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + VIEWS.length) % VIEWS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? VIEWS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    go(VIEWS[next]!);
    document.getElementById(`tab-${VIEWS[next]!}`)?.focus();
  };

  return (
    <div className="library">
      <header className="library-head">
        <h1>{t('libraryTitle')}</h1>
        <span className="library-count">{total === undefined ? '…' : tn('libraryReportCount', total)}</span>
        <div className="actions">
          <button type="button" onClick={() => void onExportJson()}>
            {t('libraryExportJson')}
          </button>
          <button type="button" onClick={() => void onExportCsv()}>
            {t('libraryExportCsv')}
          </button>
          <label className="inline-check" title={t('libraryCsvForExcelTitle')}>
            <input type="checkbox" checked={csvForExcel} onChange={(e) => setCsvForExcel(e.target.checked)} />
            {t('libraryCsvForExcel')}
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('libraryImport')}
          </button>
          {starterCount ? (
            <button
              type="button"
              title={t('libraryStarterTitle')}
              onClick={async () => {
                const ids = await removeStarterReports(db);
                setToast({ message: tn('libraryStarterRemoved', ids.length), undo: () => restoreStarterReports(db, ids) });
              }}
            >
              {t('libraryStarterRemove', { count: starterCount })}
            </button>
          ) : null}
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,.csv,.CSV,.zip,.tsv,.txt"
            hidden
            aria-label={t('libraryImportFile')}
            onChange={(e) => void onPickFile(e.target.files?.[0])}
          />
        </div>
      </header>

      <nav className="library-nav" aria-label={t('libraryViewsNav')}>
        <div role="tablist" aria-label={t('libraryViewsNav')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={v === view}
              aria-controls={`panel-${v}`}
              tabIndex={v === view ? 0 : -1}
              onClick={() => go(v)}
              onKeyDown={(e) => onTabKey(e, v)}
            >
              {t(VIEW_KEYS[v])}
              {v === 'trash' && trash?.length ? <span className="tab-count">{trash.length}</span> : null}
            </button>
          ))}
        </div>
      </nav>

      <ImportPanel
        state={importState}
        onConfirm={() => importState.phase === 'confirm' && void onImport(importState.job, importState.reports)}
        onClose={() => {
          if (importState.phase === 'confirm') endImportJob();
          setImportState({ phase: 'idle' });
        }}
        onKeepGoodRows={(f) => void onGdelt(f, true)}
      />

      <section role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className={`library-panel panel-${view}`}>
        {view === 'reports' || view === 'map' || view === 'timeline' ? (
          <Filters query={query} countries={countries ?? []} onChange={update} listOnly={view === 'reports'} />
        ) : null}

        {view === 'reports' ? (
          <div className="library-body">
            <section className="library-list" aria-label={t('libraryReportsRegion')}>
              {pair ? (
                <p className="pair-filter">
                  <span>{t('libraryPairFilter', { from: pair.from, to: pair.to })}</span>
                  <button type="button" onClick={() => setPair(null)}>
                    {t('libraryPairClear')}
                  </button>
                </p>
              ) : null}
              {result === undefined ? (
                <StatusMessage kind="loading" title={t('libraryLoadingLibrary')} />
              ) : total === 0 ? (
                <StatusMessage kind="empty" title={t('libraryEmptyTitle')}>
                  <p>{t('libraryEmptyBody')}</p>
                </StatusMessage>
              ) : result.items.length === 0 ? (
                <StatusMessage kind="empty" title={t('libraryNoMatchTitle')}>
                  <p>{t('libraryNoMatchBody')}</p>
                </StatusMessage>
              ) : (
                <>
                  <p className="result-count" role="status">
                    {tn('libraryResultCount', result.total)}
                    {result.truncated ? ` ${t('libraryRelationTruncated')}` : ''}
                  </p>
                  <ul className="report-list">
                    {result.items.map((r) => (
                      <li key={r.id}>
                        <button
                          type="button"
                          className={`report-row${r.id === selected ? ' selected' : ''}`}
                          aria-current={r.id === selected}
                          onClick={() => setSelected(r.id)}
                        >
                          <span className="report-title">{r.title || t('libraryUntitled')}</span>
                          <span className="report-meta">
                            {r.siteName ?? (r.url ? safeHost(r.url) : t('libraryUnknownSource'))} · {formatDate(r.publishedAt)} ·{' '}
                            {sourceLabel(r.source)}
                          </span>
                          {r.primary !== null && r.accusations[r.primary] ? (
                            <span className="report-claim">
                              {r.accusations[r.primary]!.accuser.code} → {r.accusations[r.primary]!.accused.code}:{' '}
                              {categoryLabel(r.accusations[r.primary]!.category)}
                            </span>
                          ) : (
                            <span className="report-claim muted">{t('libraryNoAccusationFound')}</span>
                          )}
                          {r.tags.length ? <span className="report-tags">{r.tags.map((x) => `#${x}`).join(' ')}</span> : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                  <Pager
                    total={result.total}
                    offset={pair ? pairOffset : (query.offset ?? 0)}
                    onPage={(offset) => (pair ? setPairOffset(offset) : setQuery((q) => ({ ...q, offset })))}
                  />
                </>
              )}
            </section>

            <section className="library-detail" aria-label={t('libraryReportRegion')}>
              {selected ? (
                <ReportDetail
                  key={selected}
                  id={selected}
                  onOpen={setSelected}
                  onToast={setToast}
                  onTrashed={(title, id) => {
                    setSelected(null);
                    setToast({ message: t('libraryTrashedToast', { title }), undo: async () => void (await restoreReport(db, id)) });
                  }}
                />
              ) : (
                <StatusMessage kind="info" title={t('libraryChooseTitle')}>
                  <p>{t('libraryChooseBody')}</p>
                </StatusMessage>
              )}
            </section>
          </div>
        ) : null}

        {view === 'map' ? (
          views && layout ? (
            <div className="graph-panel" data-build-ms={views.data.ms} data-layout-ms={layout.ms} aria-busy={views.key !== viewKey}>
              <p className="muted view-note">
                {tn('libraryGraphSummary', views.data.graph.total, { countries: views.data.graph.nodes.length })} {t('libraryViewFiltersNote')}
              </p>
              {views.data.graph.nodes.length ? (
                <GraphView data={views.data.graph} layout={layout} selected={graphNode} onSelect={setGraphNode} onPair={showPair} />
              ) : (
                <StatusMessage kind="empty" title={t('libraryGraphEmpty')}>
                  <p>{t('libraryNoMatchBody')}</p>
                </StatusMessage>
              )}
            </div>
          ) : (
            <StatusMessage kind="loading" title={t('libraryGraphLoading')} />
          )
        ) : null}

        {view === 'timeline' ? (
          views ? (
            <div className="timeline-panel" aria-busy={views.key !== viewKey}>
              <p className="muted view-note">
                {tn('libraryTimelineSummary', views.data.timeline.total)} {t('libraryViewFiltersNote')}
              </p>
              {views.data.timeline.buckets.length ? (
                <TimelineChart
                  key={views.key}
                  data={views.data.timeline}
                  onPeriod={(period) => {
                    setPair(null);
                    update(periodRange(period));
                    go('reports');
                  }}
                />
              ) : (
                <StatusMessage kind="empty" title={t('libraryTimelineEmpty')}>
                  <p>{t('libraryNoMatchBody')}</p>
                </StatusMessage>
              )}
            </div>
          ) : (
            <StatusMessage kind="loading" title={t('libraryGraphLoading')} />
          )
        ) : null}

        {view === 'trash' ? (
          trash === undefined ? (
            <StatusMessage kind="loading" title={t('libraryLoadingLibrary')} />
          ) : (
            <TrashList
              items={trash}
              onRestore={async (r) => {
                await restoreReport(db, r.id);
                setToast({ message: t('libraryRestoredToast', { title: r.title }) });
              }}
              onDelete={async (r) => {
                await deleteForever(db, r.id);
                setToast({ message: t('libraryDeletedToast', { title: r.title }) });
              }}
              onEmpty={async () => {
                // Everything in the trash now: trashed before this moment.
                const n = await purgeTrash(db, 0, new Date(Date.now() + 1000));
                setToast({ message: tn('libraryEmptiedToast', n) });
              }}
            />
          )
        ) : null}

        {view === 'settings' ? (
          <div className="settings">
            <h2>{t('libraryTabSettings')}</h2>
            <AutoCheckSettings />
          </div>
        ) : null}
      </section>

      {toast ? (
        <div className="toast" role="status">
          <span>{toast.message}</span>
          {toast.undo ? (
            <button
              type="button"
              onClick={() => {
                void toast.undo!();
                setToast({ message: t('libraryRestored') });
              }}
            >
              {t('libraryUndo')}
            </button>
          ) : null}
          <button type="button" aria-label={t('libraryDismiss')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Filters({
  query,
  countries,
  onChange,
  listOnly,
}: {
  query: ReportQuery;
  countries: string[];
  onChange: (patch: Partial<ReportQuery>) => void;
  /** Show the list's own controls too (search words, relation, sort). */
  listOnly: boolean;
}) {
  const [text, setText] = useState(query.text ?? '');
  useEffect(() => {
    if ((query.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => onChange({ text: text.trim() || undefined }), 200);
    return () => clearTimeout(timer);
    // Debounce typing only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <form className="filters" role="search" aria-label={t('libraryFilters')} onSubmit={(e) => e.preventDefault()}>
      {listOnly ? (
        <input
          type="search"
          placeholder={t('librarySearchPlaceholder')}
          aria-label={t('librarySearch')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      ) : null}
      <div className="filter-row">
        <label>
          {t('libraryFilterCountry')}
          <select value={query.country ?? ''} onChange={(e) => onChange({ country: e.target.value || undefined })}>
            <option value="">{t('libraryAny')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('libraryFilterCharge')}
          <select value={query.category ?? ''} onChange={(e) => onChange({ category: (e.target.value || undefined) as ChargeCategory | undefined })}>
            <option value="">{t('libraryAny')}</option>
            {CHARGE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        {listOnly ? (
          <label>
            {t('libraryFilterRelation')}
            <select value={query.relation ?? ''} onChange={(e) => onChange({ relation: (e.target.value || undefined) as Relation | undefined })}>
              <option value="">{t('libraryAny')}</option>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t('libraryHasRelation', { relation: relationName(r) })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('libraryFilterSource')}
          <select value={query.source ?? ''} onChange={(e) => onChange({ source: (e.target.value || undefined) as ReportSource | undefined })}>
            <option value="">{t('libraryAny')}</option>
            {(Object.keys(SOURCE_KEYS) as ReportSource[]).map((s) => (
              <option key={s} value={s}>
                {sourceLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('libraryFilterFrom')}
          <input type="date" value={query.from ?? ''} onChange={(e) => onChange({ from: e.target.value || undefined })} />
        </label>
        <label>
          {t('libraryFilterTo')}
          <input type="date" value={query.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} />
        </label>
        {listOnly ? (
          <label>
            {t('libraryFilterSort')}
            <select
              value={`${query.sort ?? 'savedAt'}:${query.order ?? 'desc'}`}
              onChange={(e) => {
                const [sort, order] = e.target.value.split(':') as [ReportQuery['sort'], ReportQuery['order']];
                onChange({ sort, order });
              }}
            >
              <option value="savedAt:desc">{t('librarySortSaved')}</option>
              <option value="publishedAt:desc">{t('librarySortNewest')}</option>
              <option value="publishedAt:asc">{t('librarySortOldest')}</option>
              <option value="title:asc">{t('librarySortTitle')}</option>
            </select>
          </label>
        ) : null}
      </div>
    </form>
  );
}

function Pager({ total, offset, onPage }: { total: number; offset: number; onPage: (offset: number) => void }) {
  if (total <= PAGE) return null;
  return (
    <nav className="pager" aria-label={t('libraryPages')}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}>
        {t('libraryPrevious')}
      </button>
      <span>{t('libraryPageRange', { first: offset + 1, last: Math.min(total, offset + PAGE), total })}</span>
      <button type="button" disabled={offset + PAGE >= total} onClick={() => onPage(offset + PAGE)}>
        {t('libraryNext')}
      </button>
    </nav>
  );
}

const searchForLink = async (text: string) => (await queryReports(db, { text: text.trim() || undefined, limit: 8 })).items;

function ReportDetail({
  id,
  onTrashed,
  onOpen,
  onToast,
}: {
  id: string;
  onTrashed: (title: string, id: string) => void;
  onOpen: (id: string) => void;
  onToast: (toast: Toast) => void;
}) {
  const [linking, setLinking] = useState(false);
  const report = useLiveQuery(() => getReport(db, id), [id]);
  const links = useLiveQuery(async () => {
    const manual = (await linksOf(db, id)).filter((l) => l.kind === 'manual');
    const others = await getReports(
      db,
      manual.map((l) => (l.from === id ? l.to : l.from)),
    );
    return manual.map((l, i) => ({ link: l, other: others[i] }));
  }, [id]);
  const counterclaims = useLiveQuery(
    async () =>
      report && !report.trashedAt
        ? (await findCounterclaims(db, report, report.publishedAt, report.id, { currentReportId: report.id, includeRejected: true, limit: 50 })).map(
            toCounterclaimView,
          )
        : [],
    [report],
  );
  if (report === undefined) return <StatusMessage kind="loading" title={t('libraryLoading')} />;
  if (!report) return <StatusMessage kind="error" title={t('libraryReportGone')} />;
  const source = report.siteName ?? (report.url ? safeHost(report.url) : t('libraryUnknownSource'));
  const counter = (counterclaims ?? []).filter((c) => c.relation !== 'echo' && c.judgement !== 'rejected');
  const echoes = (counterclaims ?? []).filter((c) => c.relation === 'echo');
  const rejected = (counterclaims ?? []).filter((c) => c.judgement === 'rejected');
  return (
    <article className="report-detail">
      <h2>{report.title || t('libraryUntitled')}</h2>
      <p className="article-meta">
        {source} · {formatDate(report.publishedAt)} · {sourceLabel(report.source)}
        {report.url && /^https?:/i.test(report.url) ? (
          <>
            {' · '}
            <a href={report.url} target="_blank" rel="noreferrer noopener">
              {t('libraryOriginal')}
            </a>
          </>
        ) : null}
      </p>
      <div className="actions">
        <button type="button" aria-expanded={linking} onClick={() => setLinking((x) => !x)}>
          {t('libraryLinkOpen')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            await trashReport(db, report.id);
            onTrashed(report.title, report.id);
          }}
        >
          {t('libraryMoveToTrash')}
        </button>
      </div>
      {linking ? (
        <LinkPicker
          current={toSummary(report)}
          search={searchForLink}
          onCancel={() => setLinking(false)}
          onLink={async ({ fromIndex, to, toIndex, note }) => {
            await linkReports(db, { from: report.id, fromIndex, to, toIndex, note });
            setLinking(false);
            onToast({ message: t('libraryLinkedToast') });
          }}
        />
      ) : null}
      <TagEditor tags={report.tags} onChange={(tags) => void setTags(db, report.id, tags)} />
      {/* Keyed on the stored notes: a change saved elsewhere (another tab) resets the editor. */}
      <NotesEditor key={`${report.id}:${report.notes}`} report={report} />
      <h3>{t('libraryAccusations')}</h3>
      {report.accusations.length === 0 ? (
        <StatusMessage kind="empty" title={t('libraryNoAccusation')} />
      ) : (
        <div className="claims">
          {report.accusations.map((a, i) => (
            <ClaimCard key={i} accusation={a} primary={i === report.primary} compact={i !== report.primary} />
          ))}
        </div>
      )}
      {links?.length ? (
        <section className="manual-links" aria-labelledby="manual-links-heading">
          <h3 id="manual-links-heading">{t('libraryLinkedByYou')}</h3>
          <ul>
            {links.map(({ link, other }) => {
              const mine = link.from === report.id ? link.fromIndex : link.toIndex;
              const theirs = link.from === report.id ? link.toIndex : link.fromIndex;
              const a = report.accusations[mine];
              const b = other?.accusations[theirs];
              return (
                <li key={link.id}>
                  <button type="button" className="link-button" onClick={() => other && onOpen(other.id)}>
                    {other?.title || t('libraryUntitled')}
                  </button>
                  <span className="report-claim">
                    {a ? `${a.accuser.code} → ${a.accused.code}` : '—'} ↔{' '}
                    {b ? `${b.accuser.code} → ${b.accused.code}: ${categoryLabel(b.charge.category)}` : '—'}
                  </span>
                  {link.note ? <span className="muted"> · {link.note}</span> : null}
                  <button
                    type="button"
                    aria-label={t('libraryLinkRemoveAria', { title: other?.title ?? '' })}
                    onClick={async () => {
                      await removeLink(db, link.id!);
                      onToast({ message: t('libraryLinkRemovedToast') });
                    }}
                  >
                    {t('libraryLinkRemove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {report.accusations.length ? (
        <>
          <h3>{t('libraryCounterclaims')}</h3>
          {counterclaims === undefined ? (
            <StatusMessage kind="loading" title={t('libraryMatching')} />
          ) : counter.length === 0 ? (
            <StatusMessage kind="empty" title={t('libraryNoCounterclaim')} />
          ) : (
            <ul className="counterclaims">
              {counter.map((c) => (
                <CounterclaimRow
                  key={`${c.report.id}-${c.accusation.index}`}
                  current={report.accusations[c.against]!}
                  currentSource={source}
                  currentDate={report.publishedAt}
                  counterclaim={c}
                  onJudge={(kind) =>
                    void judgeCounterclaim(db, { from: report.id, fromIndex: c.against, to: c.report.id, toIndex: c.accusation.index, kind })
                  }
                />
              ))}
            </ul>
          )}
          {echoes.length ? <p className="muted">{tn('libraryEchoes', echoes.length)}</p> : null}
          {rejected.length ? <p className="muted">{tn('libraryRejectedHidden', rejected.length)}</p> : null}
        </>
      ) : null}
    </article>
  );
}

function NotesEditor({ report }: { report: ReportRecord }) {
  const [draft, setDraft] = useState(report.notes);
  const [saved, setSaved] = useState(true);
  const save = async () => {
    if (draft === report.notes) return;
    await setNotes(db, report.id, draft);
    setSaved(true);
  };
  return (
    <label className="notes">
      <span>
        {t('libraryNotes')} {saved ? '' : t('libraryNotesUnsaved')}
      </span>
      <textarea
        value={draft}
        rows={3}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        onBlur={() => void save()}
        placeholder={t('libraryNotesPlaceholder')}
      />
    </label>
  );
}

function ImportPanel({
  state,
  onConfirm,
  onClose,
  onKeepGoodRows,
}: {
  state: ImportState;
  onConfirm: () => void;
  onClose: () => void;
  onKeepGoodRows: (f: File) => void;
}) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'bad-lines')
    return (
      <div className="import-panel import-error" role="alert">
        <p>{t('libraryImportBadLines', { message: sentence(state.message) })}</p>
        <div className="actions">
          <button type="button" onClick={() => onKeepGoodRows(state.file)}>
            {t('libraryImportGoodRows')}
          </button>
          <button type="button" onClick={onClose}>
            {t('libraryCancel')}
          </button>
        </div>
      </div>
    );
  return (
    <div className={`import-panel import-${state.phase}`} role={state.phase === 'error' ? 'alert' : 'status'}>
      {state.phase === 'confirm' ? (
        <>
          <p>
            {state.name}: {state.note ? `${state.note} ` : ''}
            {t('libraryImportReady', { reports: state.reports, links: state.links })}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={onConfirm}>
              {t('libraryImportConfirm')}
            </button>
            <button type="button" onClick={onClose}>
              {t('libraryCancel')}
            </button>
          </div>
        </>
      ) : state.phase === 'running' ? (
        <>
          <p>
            {state.what ?? t('libraryImporting')}…{' '}
            {!state.total
              ? ''
              : state.what
                ? `${Math.round((100 * state.done) / state.total)}%`
                : t('libraryImportProgress', { done: state.done, total: state.total })}
          </p>
          {/* Without a total (the file being checked) the bar only says that work is under way. */}
          {state.total ? (
            <progress max={state.total} value={state.done} aria-label={t('libraryImportProgressAria')} />
          ) : (
            <progress aria-label={t('libraryImportProgressAria')} />
          )}
          <button type="button" onClick={() => state.abort.abort()}>
            {t('libraryCancel')}
          </button>
        </>
      ) : (
        <>
          <p>{state.message}</p>
          <button type="button" onClick={onClose}>
            {t('libraryClose')}
          </button>
        </>
      )}
    </div>
  );
}

/** Ends a message with a full stop, so the next sentence reads as one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return t('libraryUnknownSource');
  }
}
