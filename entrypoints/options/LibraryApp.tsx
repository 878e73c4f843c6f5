import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryDB, type ReportRecord, type ReportSource } from '@/lib/library/db';
import { countReports, findCounterclaims } from '@/lib/library/reports';
import { queryReports, type ReportQuery } from '@/lib/library/search';
import { setNotes, setTags, trashReport, restoreReport } from '@/lib/library/edit';
import { judgeCounterclaim } from '@/lib/library/links';
import { exportAccusationsCsv, exportLibrary, importLibrary, validateLibraryFile, type LibraryFile } from '@/lib/library/export';
import { toCounterclaimView } from '@/lib/extension/views';
import { removeStarterReports, restoreStarterReports } from '@/lib/extension/starter';
import { convertGdelt, GdeltImportError } from '@/lib/gdelt/import';
import { CATEGORY_LABELS } from '@/lib/charges/taxonomy';
import { CHARGE_CATEGORIES, RELATIONS, type ChargeCategory, type Relation } from '@/lib/types';
import { ClaimCard } from '@/components/claim-card';
import { CounterclaimRow } from '@/components/counterclaim-row';
import { formatDate } from '@/components/labels';
import { StatusMessage } from '@/components/status-message';
import { TagEditor } from '@/components/tag-editor';

const db = new LibraryDB();
const PAGE = 50;

const SOURCE_LABELS: Record<ReportSource, string> = {
  saved: 'Saved by you',
  selection: 'Saved from a selection',
  starter: 'Starter library',
  import: 'Imported',
  gdelt: 'GDELT',
};

type Toast = { message: string; undo?: () => Promise<void> } | null;
type ImportState =
  | { phase: 'idle' }
  | { phase: 'confirm'; file: LibraryFile; name: string; note?: string }
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

/** The library: search, filters, a report's detail with its counterclaims, tags and notes, import and export. */
export function LibraryApp() {
  const [query, setQuery] = useState<ReportQuery>({ sort: 'savedAt', order: 'desc', limit: PAGE, offset: 0 });
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(location.search).get('report'));
  const [toast, setToast] = useState<Toast>(null);
  const [importState, setImportState] = useState<ImportState>({ phase: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const result = useLiveQuery(() => queryReports(db, query), [query]);
  const total = useLiveQuery(() => countReports(db), []);
  const starterCount = useLiveQuery(
    () =>
      db.reports
        .where('source')
        .equals('starter')
        .filter((r) => !r.trashedAt)
        .count(),
    [],
  );
  const countries = useLiveQuery(async () => (await db.reports.orderBy('countries').uniqueKeys()).map(String).sort(), []);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), 10_000);
    return () => clearTimeout(t);
  }, [toast]);

  const update = (patch: Partial<ReportQuery>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));

  const onExportJson = async () => {
    const file = await exportLibrary(db);
    download(`counterclaim-library-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    setToast({ message: `Exported ${file.reports.length} reports and ${file.links.length} links.` });
  };
  const onExportCsv = async () => {
    download(`counterclaim-accusations-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv', await exportAccusationsCsv(db));
    setToast({ message: 'Exported the accusations as CSV.' });
  };
  const onGdelt = async (file: File, keepGoodRows: boolean) => {
    const abort = new AbortController();
    setImportState({ phase: 'running', done: 0, total: file.size, abort, what: 'Reading GDELT events' });
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
            what: `Reading GDELT events (${p.lines} lines, ${p.kept} accusations)`,
          }),
      });
      const skippedBad = stats.errorCount ? ` ${stats.errorCount} bad line(s) skipped.` : '';
      setImportState({
        phase: 'confirm',
        file: converted,
        name: file.name,
        note: `${stats.lines} GDELT events read, ${stats.kept} accusations between states kept, grouped into ${stats.reports} reports.${skippedBad}`,
      });
    } catch (e) {
      if (abort.signal.aborted) setImportState({ phase: 'error', message: 'Import cancelled. The library is as it was.' });
      else if (e instanceof GdeltImportError && e.line !== null && e.kind !== 'zip')
        setImportState({ phase: 'bad-lines', file, message: `${file.name}: ${e.message}` });
      else setImportState({ phase: 'error', message: `${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onPickFile = async (file: File | undefined) => {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    // GDELT event exports: tab-separated .CSV, or its .zip.
    if (/\.(csv|zip|tsv|txt)$/i.test(file.name)) return onGdelt(file, false);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setImportState({ phase: 'error', message: `${file.name} is not a JSON file. Nothing was imported.` });
      return;
    }
    const checked = validateLibraryFile(json);
    if (!checked.ok) setImportState({ phase: 'error', message: `${file.name}: ${sentence(checked.error)} Nothing was imported.` });
    else setImportState({ phase: 'confirm', file: checked.file, name: file.name });
    if (fileInput.current) fileInput.current.value = '';
  };
  const onImport = async (file: LibraryFile) => {
    const abort = new AbortController();
    setImportState({ phase: 'running', done: 0, total: file.reports.length, abort });
    try {
      const r = await importLibrary(db, file, {
        signal: abort.signal,
        onProgress: (done, total) => setImportState({ phase: 'running', done, total, abort }),
      });
      setImportState({ phase: 'done', message: `Imported: ${r.added} new, ${r.updated} updated, ${r.skipped} already there, ${r.links} links.` });
    } catch (e) {
      const cancelled = abort.signal.aborted;
      setImportState({
        phase: 'error',
        message: cancelled
          ? 'Import cancelled. The library is as it was.'
          : `The import failed and nothing was changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  return (
    <div className="library">
      <header className="library-head">
        <h1>Counterclaim library</h1>
        <span className="library-count">{total ?? '…'} reports</span>
        <div className="actions">
          <button type="button" onClick={() => void onExportJson()}>
            Export library (JSON)
          </button>
          <button type="button" onClick={() => void onExportCsv()}>
            Export accusations (CSV)
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          {starterCount ? (
            <button
              type="button"
              title="The starter library: real reports shipped with Counterclaim"
              onClick={async () => {
                const ids = await removeStarterReports(db);
                setToast({ message: `Removed ${ids.length} starter reports.`, undo: () => restoreStarterReports(db, ids) });
              }}
            >
              Remove starter reports ({starterCount})
            </button>
          ) : null}
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,.csv,.CSV,.zip,.tsv,.txt"
            hidden
            aria-label="Library file to import"
            onChange={(e) => void onPickFile(e.target.files?.[0])}
          />
        </div>
      </header>

      <ImportPanel
        state={importState}
        onConfirm={(f) => void onImport(f)}
        onClose={() => setImportState({ phase: 'idle' })}
        onKeepGoodRows={(f) => void onGdelt(f, true)}
      />

      <div className="library-body">
        <section className="library-list" aria-label="Reports">
          <Filters query={query} countries={countries ?? []} onChange={update} />
          {result === undefined ? (
            <StatusMessage kind="loading" title="Loading the library…" />
          ) : total === 0 ? (
            <StatusMessage kind="empty" title="Your library is empty">
              <p>
                Save articles with the toolbar button on a news page, or import a library file. Saved reports are what later articles are matched
                against.
              </p>
            </StatusMessage>
          ) : result.items.length === 0 ? (
            <StatusMessage kind="empty" title="No report matches">
              <p>Try fewer words or clear a filter.</p>
            </StatusMessage>
          ) : (
            <>
              <p className="result-count" role="status">
                {result.total} report{result.total === 1 ? '' : 's'}
                {result.truncated ? ' (relation filter checked the first 2,000 candidates)' : ''}
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
                      <span className="report-title">{r.title || 'Untitled report'}</span>
                      <span className="report-meta">
                        {r.siteName ?? (r.url ? safeHost(r.url) : 'unknown source')} · {formatDate(r.publishedAt)} · {SOURCE_LABELS[r.source]}
                      </span>
                      {r.primary !== null && r.accusations[r.primary] ? (
                        <span className="report-claim">
                          {r.accusations[r.primary]!.accuser.code} → {r.accusations[r.primary]!.accused.code}:{' '}
                          {CATEGORY_LABELS[r.accusations[r.primary]!.category]}
                        </span>
                      ) : (
                        <span className="report-claim muted">no accusation found</span>
                      )}
                      {r.tags.length ? <span className="report-tags">{r.tags.map((t) => `#${t}`).join(' ')}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
              <Pager total={result.total} offset={query.offset ?? 0} onPage={(offset) => setQuery((q) => ({ ...q, offset }))} />
            </>
          )}
        </section>

        <section className="library-detail" aria-label="Report">
          {selected ? (
            <ReportDetail
              id={selected}
              onTrashed={(title, id) => {
                setSelected(null);
                setToast({ message: `“${title}” moved to the trash.`, undo: async () => void (await restoreReport(db, id)) });
              }}
            />
          ) : (
            <StatusMessage kind="info" title="Choose a report">
              <p>Its accusations, its counterclaims in the library, your tags and notes show here.</p>
            </StatusMessage>
          )}
        </section>
      </div>

      {toast ? (
        <div className="toast" role="status">
          <span>{toast.message}</span>
          {toast.undo ? (
            <button
              type="button"
              onClick={() => {
                void toast.undo!();
                setToast({ message: 'Restored.' });
              }}
            >
              Undo
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Filters({ query, countries, onChange }: { query: ReportQuery; countries: string[]; onChange: (patch: Partial<ReportQuery>) => void }) {
  const [text, setText] = useState(query.text ?? '');
  useEffect(() => {
    const t = setTimeout(() => onChange({ text: text.trim() || undefined }), 200);
    return () => clearTimeout(t);
    // Debounce typing only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <input type="search" placeholder="Search titles, text and quotes" aria-label="Search" value={text} onChange={(e) => setText(e.target.value)} />
      <div className="filter-row">
        <label>
          Country
          <select value={query.country ?? ''} onChange={(e) => onChange({ country: e.target.value || undefined })}>
            <option value="">any</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Charge
          <select value={query.category ?? ''} onChange={(e) => onChange({ category: (e.target.value || undefined) as ChargeCategory | undefined })}>
            <option value="">any</option>
            {CHARGE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Relation
          <select value={query.relation ?? ''} onChange={(e) => onChange({ relation: (e.target.value || undefined) as Relation | undefined })}>
            <option value="">any</option>
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                has a {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={query.source ?? ''} onChange={(e) => onChange({ source: (e.target.value || undefined) as ReportSource | undefined })}>
            <option value="">any</option>
            {(Object.keys(SOURCE_LABELS) as ReportSource[]).map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={query.from ?? ''} onChange={(e) => onChange({ from: e.target.value || undefined })} />
        </label>
        <label>
          To
          <input type="date" value={query.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} />
        </label>
        <label>
          Sort
          <select
            value={`${query.sort ?? 'savedAt'}:${query.order ?? 'desc'}`}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(':') as [ReportQuery['sort'], ReportQuery['order']];
              onChange({ sort, order });
            }}
          >
            <option value="savedAt:desc">Newest saved</option>
            <option value="publishedAt:desc">Newest published</option>
            <option value="publishedAt:asc">Oldest published</option>
            <option value="title:asc">Title A–Z</option>
          </select>
        </label>
      </div>
    </form>
  );
}

function Pager({ total, offset, onPage }: { total: number; offset: number; onPage: (offset: number) => void }) {
  if (total <= PAGE) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}>
        Previous
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + PAGE)} of {total}
      </span>
      <button type="button" disabled={offset + PAGE >= total} onClick={() => onPage(offset + PAGE)}>
        Next
      </button>
    </nav>
  );
}

function ReportDetail({ id, onTrashed }: { id: string; onTrashed: (title: string, id: string) => void }) {
  const report = useLiveQuery(() => db.reports.get(id), [id]);
  const counterclaims = useLiveQuery(
    async () =>
      report && !report.trashedAt
        ? (await findCounterclaims(db, report, report.publishedAt, report.id, { currentReportId: report.id, includeRejected: true, limit: 50 })).map(
            toCounterclaimView,
          )
        : [],
    [report],
  );
  if (report === undefined) return <StatusMessage kind="loading" title="Loading…" />;
  if (!report) return <StatusMessage kind="error" title="This report is no longer in the library" />;
  const source = report.siteName ?? (report.url ? safeHost(report.url) : 'unknown source');
  const counter = (counterclaims ?? []).filter((c) => c.relation !== 'echo' && c.judgement !== 'rejected');
  const echoes = (counterclaims ?? []).filter((c) => c.relation === 'echo');
  const rejected = (counterclaims ?? []).filter((c) => c.judgement === 'rejected');
  return (
    <article className="report-detail">
      <h2>{report.title || 'Untitled report'}</h2>
      <p className="article-meta">
        {source} · {formatDate(report.publishedAt)} · {SOURCE_LABELS[report.source]}
        {report.url && /^https?:/i.test(report.url) ? (
          <>
            {' · '}
            <a href={report.url} target="_blank" rel="noreferrer noopener">
              original
            </a>
          </>
        ) : null}
      </p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          onClick={async () => {
            await trashReport(db, report.id);
            onTrashed(report.title, report.id);
          }}
        >
          Move to trash
        </button>
      </div>
      <TagEditor tags={report.tags} onChange={(tags) => void setTags(db, report.id, tags)} />
      {/* Keyed on the stored notes: a change saved elsewhere (another tab) resets the editor. */}
      <NotesEditor key={`${report.id}:${report.notes}`} report={report} />
      <h3>Accusations</h3>
      {report.accusations.length === 0 ? (
        <StatusMessage kind="empty" title="No accusation between states in this report" />
      ) : (
        <div className="claims">
          {report.accusations.map((a, i) => (
            <ClaimCard key={i} accusation={a} primary={i === report.primary} compact={i !== report.primary} />
          ))}
        </div>
      )}
      {report.accusations.length ? (
        <>
          <h3>Counterclaims in the library</h3>
          {counterclaims === undefined ? (
            <StatusMessage kind="loading" title="Matching…" />
          ) : counter.length === 0 ? (
            <StatusMessage kind="empty" title="No counterclaim yet" />
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
          {echoes.length ? <p className="muted">{echoes.length} echo(es): others making the same charge against the same party.</p> : null}
          {rejected.length ? <p className="muted">{rejected.length} suggestion(s) you rejected are hidden.</p> : null}
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
      <span>Notes {saved ? '' : '(not saved yet)'}</span>
      <textarea
        value={draft}
        rows={3}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        onBlur={() => void save()}
        placeholder="Your notes on this report (saved when you leave the field)"
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
  onConfirm: (f: LibraryFile) => void;
  onClose: () => void;
  onKeepGoodRows: (f: File) => void;
}) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'bad-lines')
    return (
      <div className="import-panel import-error" role="alert">
        <p>{sentence(state.message)} Nothing was imported.</p>
        <div className="actions">
          <button type="button" onClick={() => onKeepGoodRows(state.file)}>
            Import the good rows only
          </button>
          <button type="button" onClick={onClose}>
            Cancel
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
            {state.file.reports.length} reports and {state.file.links.length} links, checked and ready. Reports already in your library are updated,
            not copied.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => onConfirm(state.file)}>
              Import
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : state.phase === 'running' ? (
        <>
          <p>
            {state.what ?? 'Importing'}…{' '}
            {state.what ? `${Math.round((100 * state.done) / Math.max(1, state.total))}%` : `${state.done} of ${state.total}`}
          </p>
          <progress max={state.total} value={state.done} aria-label="Import progress" />
          <button type="button" onClick={() => state.abort.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <p>{state.message}</p>
          <button type="button" onClick={onClose}>
            Close
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
    return 'unknown source';
  }
}
