import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type AnalyzeTabResponse, type CounterclaimView, type ErrorInfo } from '@/lib/messaging';
import { ClaimCard } from '@/components/claim-card';
import { CounterclaimGroups } from '@/components/counterclaim-groups';
import { formatDate } from '@/components/labels';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { StatusMessage } from '@/components/status-message';
import { OpenSidePanelButton } from '@/components/sidepanel-button';

/** How long the popup waits for an analysis before it says so (a page that never answers must not hang it). */
const ANALYZE_TIMEOUT_MS = 20_000;

type State =
  | { phase: 'loading' }
  | { phase: 'error'; error: ErrorInfo; selectionAvailable: boolean }
  | { phase: 'ready'; result: Extract<AnalyzeTabResponse, { ok: true }> };

type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; status: 'created' | 'updated' | 'restored' | 'already' }
  | { phase: 'error'; message: string };

/** The tab to analyse: `?tabId=` when the popup is opened as a page (tests, the demo), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Counterclaims shown per relation before "Show more": the popup stays glanceable. */
const TOP_PER_GROUP = 5;

export function App() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [tabId, setTabId] = useState<number | null>(null);

  /** Asks the background to read the tab. Sets state only after an await, so it can run from the mount effect. */
  const load = useCallback(async (useSelection: boolean, id: number | null) => {
    try {
      if (id === null) {
        setState({ phase: 'error', error: { code: 'no-tab', message: t('popupNoTab') }, selectionAvailable: false });
        return;
      }
      setTabId(id);
      const res = await withTimeout(sendMessage(browser.runtime, 'analyzeTab', { tabId: id, useSelection }), ANALYZE_TIMEOUT_MS);
      if (!res) throw new Error('no answer');
      if (res.ok) {
        setState({ phase: 'ready', result: res });
        setSave(res.saved ? { phase: 'saved', status: 'already' } : { phase: 'idle' });
      } else setState({ phase: 'error', error: res.error, selectionAvailable: res.selectionAvailable });
    } catch (e) {
      const timeout = e instanceof Error && e.message === 'timeout';
      setState({
        phase: 'error',
        error: {
          code: 'internal',
          message: timeout ? t('popupTimeout') : t('popupNoWorker'),
        },
        selectionAvailable: timeout,
      });
    }
  }, []);

  const analyze = (useSelection: boolean) => {
    setState({ phase: 'loading' });
    setSave({ phase: 'idle' });
    void load(useSelection, tabId);
  };

  useEffect(() => {
    // Analyse once when the popup opens (the initial state is already "loading").
    void targetTabId().then((id) => load(false, id));
  }, [load]);

  const onJudge = async (c: CounterclaimView, kind: 'confirmed' | 'rejected') => {
    if (state.phase !== 'ready' || !state.result.saved) return;
    const res = await sendMessage(browser.runtime, 'judgeCounterclaim', {
      from: state.result.saved.id,
      fromIndex: c.against,
      to: c.report.id,
      toIndex: c.accusation.index,
      kind,
    });
    if (res?.ok) void load(false, tabId);
  };

  const onCompare = (c: CounterclaimView) => {
    if (tabId === null) return;
    const url = browser.runtime.getURL(`/compare.html?tabId=${tabId}&with=${encodeURIComponent(c.report.id)}&i=${c.accusation.index}`);
    void browser.tabs.create({ url });
  };

  const onSave = async () => {
    if (state.phase !== 'ready') return;
    setSave({ phase: 'saving' });
    try {
      const res = await sendMessage(browser.runtime, 'saveReport', { page: state.result.page });
      if (res?.ok) {
        setSave({ phase: 'saved', status: res.restored ? 'restored' : res.status });
        setState({
          phase: 'ready',
          result: {
            ...state.result,
            saved: { id: res.id, savedAt: res.savedAt },
            libraryCount: state.result.libraryCount + (res.status === 'created' || res.restored ? 1 : 0),
          },
        });
      } else setSave({ phase: 'error', message: res?.error.message ?? t('popupSaveFailed') });
    } catch {
      setSave({ phase: 'error', message: t('popupSaveFailedNothingChanged') });
    }
  };

  return (
    <main className="popup" aria-busy={state.phase === 'loading'}>
      <header className="app-head">
        <h1>{t('appName')}</h1>
        {state.phase === 'ready' ? <span className="library-count">{t('popupLibraryCount', { count: state.result.libraryCount })}</span> : null}
        <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenLibrary')}
        </button>
        <OpenSidePanelButton tabId={tabId} />
      </header>
      {state.phase === 'loading' ? <StatusMessage kind="loading" title={t('popupReading')} /> : null}
      {state.phase === 'error' ? (
        <ErrorView
          error={state.error}
          selectionAvailable={state.selectionAvailable}
          onRetry={() => analyze(false)}
          onSelection={() => analyze(true)}
        />
      ) : null}
      {state.phase === 'ready' ? (
        <ResultView
          result={state.result}
          save={save}
          onSave={() => void onSave()}
          onJudge={(c, kind) => void onJudge(c, kind)}
          onCompare={onCompare}
        />
      ) : null}
    </main>
  );
}

function ErrorView({
  error,
  selectionAvailable,
  onRetry,
  onSelection,
}: {
  error: ErrorInfo;
  selectionAvailable: boolean;
  onRetry: () => void;
  onSelection: () => void;
}) {
  const titles: Partial<Record<ErrorInfo['code'], MessageKey>> = {
    restricted: 'errorTitle_restricted',
    'not-article': 'errorTitle_notArticle',
    'no-selection': 'errorTitle_noSelection',
    'too-large': 'errorTitle_tooLarge',
    'injection-failed': 'errorTitle_injectionFailed',
  };
  const offerSelection = error.code === 'not-article' || error.code === 'no-selection' || error.code === 'too-large' || selectionAvailable;
  return (
    <StatusMessage kind="error" title={t(titles[error.code] ?? 'errorTitle_other')}>
      <p>{error.message}</p>
      <div className="actions">
        {offerSelection ? (
          <button type="button" className="primary" onClick={onSelection}>
            {t('popupAnalyseSelection')}
          </button>
        ) : null}
        {error.code !== 'restricted' ? (
          <button type="button" onClick={onRetry}>
            {t('popupTryAgain')}
          </button>
        ) : null}
      </div>
    </StatusMessage>
  );
}

function ResultView({
  result,
  save,
  onSave,
  onJudge,
  onCompare,
}: {
  result: Extract<AnalyzeTabResponse, { ok: true }>;
  save: SaveState;
  onSave: () => void;
  onJudge: (c: CounterclaimView, kind: 'confirmed' | 'rejected') => void;
  onCompare: (c: CounterclaimView) => void;
}) {
  const { page, counterclaims, libraryCount } = result;
  const { article, analysis } = page;
  const accusations = analysis.accusations;
  const source = article.siteName ?? (article.url ? new URL(article.url).hostname : t('popupThisPage'));
  const shown = counterclaims.filter((c) => c.judgement !== 'rejected');
  const rejected = counterclaims.length - shown.length;
  const counter = shown.filter((c) => c.relation !== 'echo');
  return (
    <>
      <section className="article-head" aria-label={t('popupThisArticle')}>
        <h2 className="article-title">{article.title || t('popupUntitledPage')}</h2>
        <p className="article-meta">
          {source} · {formatDate(article.publishedAt)}
          {page.fromSelection ? t('popupFromSelection') : ''}
        </p>
        <div className="actions">
          <SaveButton save={save} onSave={onSave} />
        </div>
        {analysis.notes.map((n, i) => (
          <p key={i} className="notice">
            {n}
          </p>
        ))}
      </section>

      <section aria-labelledby="accusations-h">
        <h3 id="accusations-h">{t('popupWhatAccuses')}</h3>
        {accusations.length === 0 ? (
          <StatusMessage kind="empty" title={t('popupNoAccusationTitle')}>
            <p>{t('popupNoAccusationBody')}</p>
          </StatusMessage>
        ) : (
          <div className="claims">
            {accusations.map((a, i) => (
              <ClaimCard key={i} accusation={a} primary={i === analysis.primary} compact={i !== analysis.primary} />
            ))}
          </div>
        )}
      </section>

      {accusations.length > 0 ? (
        <section aria-labelledby="counterclaims-h">
          <h3 id="counterclaims-h">{t('popupCounterclaimsHeading')}</h3>
          <CounterclaimGroups
            counterclaims={counterclaims}
            accusations={accusations}
            source={source}
            date={article.publishedAt}
            libraryCount={libraryCount}
            perGroup={TOP_PER_GROUP}
            onCompare={onCompare}
            onJudge={result.saved ? onJudge : undefined}
          />
          {rejected ? <p className="notice">{tn('popupRejectedHidden', rejected)}</p> : null}
          {counter.length && !result.saved ? <p className="hint">{t('popupSaveToJudge')}</p> : null}
        </section>
      ) : null}
    </>
  );
}

const SAVED_MESSAGES: Record<'created' | 'updated' | 'restored' | 'already', MessageKey> = {
  restored: 'popupRestored',
  already: 'popupAlreadySaved',
  updated: 'popupUpdated',
  created: 'popupSaved',
};

function SaveButton({ save, onSave }: { save: SaveState; onSave: () => void }) {
  if (save.phase === 'saving')
    return (
      <button type="button" className="primary" disabled>
        {t('popupSaving')}
      </button>
    );
  if (save.phase === 'saved')
    return (
      <>
        <span className="saved-state" role="status">
          {t(SAVED_MESSAGES[save.status])}
        </span>
        <button type="button" onClick={onSave} title={t('popupUpdateTitle')}>
          {t('popupUpdate')}
        </button>
      </>
    );
  return (
    <>
      <button type="button" className="primary" onClick={onSave}>
        {t('popupSave')}
      </button>
      {save.phase === 'error' ? (
        <span className="save-error" role="alert">
          {save.message}
        </span>
      ) : null}
    </>
  );
}
