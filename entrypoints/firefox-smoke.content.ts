import { SMOKE_MESSAGE, type SmokeRequest } from '@/lib/extension/e2e-smoke';

// Test-only: the Firefox smoke test reads the background's answers from the page (see lib/extension/e2e-smoke.ts).
// wxt.config.ts drops this entrypoint from every build but the e2e one.
export default defineContentScript({
  matches: ['http://127.0.0.1/*'],
  include: ['firefox'],
  runAt: 'document_idle',
  main() {
    const root = document.documentElement;
    const ask = (action: SmokeRequest['action']) => browser.runtime.sendMessage({ kind: SMOKE_MESSAGE, action } satisfies SmokeRequest);
    // The page asks by setting data-counterclaim-smoke-ask; the answer lands in data-counterclaim-smoke.
    const observer = new MutationObserver(() => {
      const action = root.getAttribute('data-counterclaim-smoke-ask') as SmokeRequest['action'] | null;
      if (!action) return;
      root.removeAttribute('data-counterclaim-smoke-ask');
      ask(action).then(
        (answer: unknown) => root.setAttribute('data-counterclaim-smoke', JSON.stringify({ action, answer })),
        (e: unknown) => root.setAttribute('data-counterclaim-smoke', JSON.stringify({ action, error: String(e) })),
      );
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-counterclaim-smoke-ask'] });
    root.setAttribute('data-counterclaim-smoke-ready', '1');
  },
});
