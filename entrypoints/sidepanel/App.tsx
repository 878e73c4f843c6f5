import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { LibraryDB } from '@/lib/library/db';
import { isMessage, sendMessage, type AnalyzeTabResponse, type ErrorInfo } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { StatusMessage } from '@/components/status-message';
import { AutoCheckSettings } from '@/components/auto-check-settings';
import { SidePanelResult, type HighlightStatus } from '@/components/sidepanel-result';
import { counterclaimKey, useComparison } from '@/components/use-comparison';

const db = new LibraryDB();

/** How long the panel waits for an analysis before it says so. */
const ANALYZE_TIMEOUT_MS = 20_000;

type Ready = Extract<AnalyzeTabResponse, { ok: true }>;

type State =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  /** The browser does not let the extension read this tab without the user's click (or it is a browser page). */
  | { phase: 'needs-click'; tabId: number }
  | { phase: 'error'; tabId: number; error: ErrorInfo }
  | { phase: 'ready'; tabId: number; result: Ready };

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/**
 * A tab the background may not see (no URL: no click yet) or could not inject into reads as "needs a click": the
 * extension reads a page only when the user asks, so this is the calm, normal case, not an error.
 */
const needsClick = (error: ErrorInfo) => error.code === 'injection-failed' || (error.code === 'restricted' && /no page/i.test(error.message));

/**
 * The side panel: the comparison beside the article being read. It follows the active tab of its window (and the
 * tab's own navigations), reads it through the background like the popup does, and offers to highlight the
 * accusation sentences in the page.
 */
export function SidePanelApp() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [view, setView] = useState<'comparison' | 'settings'>('comparison');
  const [chosen, setChosen] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<HighlightStatus>({ phase: 'none' });
  const target = useRef<number | null>(null);
  const request = useRef(0);
  const waitingForClick = useRef(false);
  useEffect(() => {
    waitingForClick.current = state.phase === 'needs-click';
  }, [state]);

  /** Reads the tab; a newer request (the user switched tabs meanwhile) makes an older answer void. */
  const analyze = useCallback(async (tabId: number) => {
    const mine = ++request.current;
    target.current = tabId;
    setState({ phase: 'loading' });
    setHighlight({ phase: 'none' });
    setChosen(null);
    let next: State;
    try {
      const res = await withTimeout(sendMessage(browser.runtime, 'analyzeTab', { tabId }), ANALYZE_TIMEOUT_MS);
      if (!res) throw new Error('no answer');
      next = res.ok
        ? { phase: 'ready', tabId, result: res }
        : needsClick(res.error)
          ? { phase: 'needs-click', tabId }
          : { phase: 'error', tabId, error: res.error };
    } catch (e) {
      const timeout = e instanceof Error && e.message === 'timeout';
      next = { phase: 'error', tabId, error: { code: 'internal', message: timeout ? t('sidePanelTimeout') : t('sidePanelNoWorker') } };
    }
    if (mine === request.current) setState(next);
  }, []);

  useEffect(() => {
    let live = true;
    let ownTab: number | undefined;
    let windowId: number | undefined;
    const fromUrl = new URLSearchParams(location.search).get('tabId');
    void (async () => {
      // Opened as a tab (tests, or a user who opens the page directly), the panel must not follow itself.
      ownTab = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
      windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      let tabId: number | null = fromUrl && /^\d+$/.test(fromUrl) ? Number(fromUrl) : null;
      if (tabId === null) {
        const [tab] = await browser.tabs.query({ active: true, ...(windowId !== undefined ? { windowId } : { currentWindow: true }) });
        tabId = tab?.id ?? null;
      }
      if (!live) return;
      if (tabId === null || tabId === ownTab) setState({ phase: 'no-tab' });
      else void analyze(tabId);
    })();

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.tabId === ownTab || (windowId !== undefined && info.windowId !== windowId) || info.tabId === target.current) return;
      void analyze(info.tabId);
    };
    const onUpdated = (tabId: number, change: { status?: string }) => {
      // The page in the followed tab was reloaded or replaced: read the new one.
      if (tabId === target.current && change.status === 'complete') void analyze(tabId);
    };
    const onRemoved = (tabId: number) => {
      if (tabId === target.current) setState({ phase: 'no-tab' });
    };
    // When the user clicks the toolbar icon on this tab, the popup asks the background to read it: the click has
    // given access, so the panel can read it too. (The panel only listens; it never answers a message.)
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'analyzeTab') {
        const tabId = (message.data as { tabId: number }).tabId;
        if (tabId === target.current && waitingForClick.current) void analyze(tabId);
      }
      return undefined;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [analyze]);

  const ready = state.phase === 'ready' ? state.result : null;
  const comparison = useComparison(
    db,
    ready
      ? {
          article: ready.page.article,
          accusations: ready.page.analysis.accusations,
          primary: ready.page.analysis.primary,
          counterclaims: ready.counterclaims,
        }
      : null,
    chosen,
  );

  const onHighlight = async (quotes: string[]) => {
    if (state.phase !== 'ready') return;
    setHighlight({ phase: 'working' });
    try {
      const res = await sendMessage(browser.runtime, 'highlightInTab', { tabId: state.tabId, quotes: [...new Set(quotes)].filter(Boolean) });
      if (!res) throw new Error('no answer');
      setHighlight(res.ok ? { phase: 'shown', found: res.found, total: res.total } : { phase: 'error', message: res.error.message });
    } catch {
      setHighlight({ phase: 'error', message: t('sidePanelHighlightFailed') });
    }
  };

  const onClear = async () => {
    if (state.phase !== 'ready') return;
    try {
      const res = await sendMessage(browser.runtime, 'clearHighlights', { tabId: state.tabId });
      setHighlight(res?.ok ? { phase: 'cleared' } : { phase: 'error', message: res?.error.message ?? t('sidePanelHighlightFailed') });
    } catch {
      setHighlight({ phase: 'error', message: t('sidePanelHighlightFailed') });
    }
  };

  const openComparison = () => {
    if (state.phase !== 'ready' || !comparison.selected) return;
    const c = comparison.selected;
    const url = browser.runtime.getURL(`/compare.html?tabId=${state.tabId}&with=${encodeURIComponent(c.report.id)}&i=${c.accusation.index}`);
    void browser.tabs.create({ url });
  };

  return (
    <main className="sidepanel" aria-busy={state.phase === 'loading'}>
      <header className="app-head">
        <h1>{t('appName')}</h1>
        <nav className="sidepanel-nav" aria-label={t('sidePanelNavLabel')}>
          {view === 'settings' ? (
            <button type="button" className="link-button" onClick={() => setView('comparison')}>
              {t('sidePanelBack')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => setView('settings')}>
              {t('sidePanelSettings')}
            </button>
          )}
          <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('sidePanelOpenLibrary')}
          </button>
        </nav>
      </header>
      {view === 'settings' ? (
        <AutoCheckSettings />
      ) : state.phase === 'loading' ? (
        <StatusMessage kind="loading" title={t('sidePanelReading')} />
      ) : state.phase === 'no-tab' ? (
        <StatusMessage kind="info" title={t('sidePanelNoTabTitle')}>
          <p>{t('sidePanelNoTabBody')}</p>
        </StatusMessage>
      ) : state.phase === 'needs-click' ? (
        <StatusMessage kind="info" title={t('sidePanelNeedsClickTitle')}>
          <p>{t('sidePanelNeedsClickBody')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void analyze(state.tabId)}>
              {t('sidePanelCheckPage')}
            </button>
          </div>
        </StatusMessage>
      ) : state.phase === 'error' ? (
        <StatusMessage kind="error" title={t('sidePanelErrorTitle')}>
          <p>{state.error.message}</p>
          <div className="actions">
            <button type="button" onClick={() => void analyze(state.tabId)}>
              {t('sidePanelCheckPage')}
            </button>
          </div>
        </StatusMessage>
      ) : (
        <SidePanelResult
          result={state.result}
          comparison={comparison}
          highlight={highlight}
          onChoose={(c) => setChosen(counterclaimKey(c))}
          onHighlight={(quotes) => void onHighlight(quotes)}
          onClear={() => void onClear()}
          onOpenComparison={openComparison}
        />
      )}
    </main>
  );
}
