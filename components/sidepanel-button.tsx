import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

interface SidePanelApis {
  /** Chrome: `sidePanel.open` (Chrome 116+). */
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  /** Firefox: the sidebar. */
  sidebarAction?: { open(): Promise<void> };
}

/**
 * "Open in side panel", for the popup. Both browsers accept the call only inside the click's user gesture, so it is
 * the first thing the handler does. Renders nothing where the browser has neither API.
 */
export function OpenSidePanelButton({ tabId }: { tabId: number | null }) {
  const apis = browser as unknown as SidePanelApis;
  if (apis.sidePanel?.open ? tabId === null : !apis.sidebarAction?.open) return null;
  const onClick = () => {
    const opened = apis.sidePanel?.open ? apis.sidePanel.open(tabId !== null ? { tabId } : {}) : apis.sidebarAction!.open();
    // The popup has done its job once the panel shows the same result beside the page.
    opened.then(
      () => window.close(),
      (e: unknown) => console.warn('[counterclaim] side panel not opened', e),
    );
  };
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {t('sidePanelOpen')}
    </button>
  );
}
