import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { DEFAULT_SETTINGS, loadSettings, normalizeSite, saveSettings, SETTINGS_KEY, siteOrigin, type Settings } from '@/lib/extension/settings';

type Note = { kind: 'ok' | 'error'; text: string } | null;

const originsOf = (sites: string[]) => sites.map(siteOrigin).filter((o): o is string => o !== null);

/** Gives a permission back; one the manifest requires (the test build's 127.0.0.1) cannot be, which is fine. */
const release = (origins: string[]) => (origins.length ? browser.permissions.remove({ origins }).catch(() => false) : Promise.resolve(true));

/** The stored settings, and which listed sites' permissions the browser holds now. */
async function readState(): Promise<{ settings: Settings; granted: Record<string, boolean> }> {
  const settings = await loadSettings(browser.storage.local).catch(() => structuredClone(DEFAULT_SETTINGS));
  const entries = await Promise.all(
    settings.autoCheck.sites.map(
      async (site) => [site, await browser.permissions.contains({ origins: originsOf([site]) }).catch(() => false)] as const,
    ),
  );
  return { settings, granted: Object.fromEntries(entries) };
}

/**
 * Opt-in automatic checking: off by default; the user lists sites, and turning it on (or adding a site while it is
 * on) asks the browser for exactly those sites' host permissions, in the click. Turning it off or removing a site
 * gives the permission back. Each `permissions.request` is the handler's first call: browsers accept it only while
 * the click's user gesture lasts.
 */
export function AutoCheckSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<Note>(null);

  const refresh = useCallback(() => readState().then(({ settings: s, granted: g }) => (setSettings(s), setGranted(g))), []);

  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void refresh();
    };
    // The user may also revoke a site's permission in the browser's own settings.
    const onPermissions = () => void refresh();
    browser.storage.onChanged.addListener(onChanged);
    browser.permissions.onRemoved?.addListener(onPermissions);
    browser.permissions.onAdded?.addListener(onPermissions);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      browser.permissions.onRemoved?.removeListener(onPermissions);
      browser.permissions.onAdded?.removeListener(onPermissions);
    };
  }, [refresh]);

  if (!settings) return <p className="muted">{t('autoCheckLoading')}</p>;
  const { enabled, sites } = settings.autoCheck;

  const store = async (next: Settings['autoCheck']) => {
    await saveSettings(browser.storage.local, { autoCheck: next });
    await refresh();
  };

  const onToggle = (on: boolean) => {
    if (on) {
      const origins = originsOf(sites);
      void (origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true)).then(
        async (ok) => {
          if (!ok) return setNote({ kind: 'error', text: t('autoCheckDenied') });
          await store({ enabled: true, sites });
          setNote({ kind: 'ok', text: t('autoCheckTurnedOn') });
        },
        () => setNote({ kind: 'error', text: t('autoCheckDenied') }),
      );
    } else {
      void release(originsOf(sites)).then(async () => {
        await store({ enabled: false, sites });
        setNote({ kind: 'ok', text: t('autoCheckTurnedOff') });
      });
    }
  };

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    const site = normalizeSite(draft);
    if (!site) return setNote({ kind: 'error', text: t('autoCheckBadSite', { site: draft.trim().slice(0, 80) }) });
    if (sites.includes(site)) return setNote({ kind: 'error', text: t('autoCheckDuplicate', { site }) });
    const add = async () => {
      await store({ enabled, sites: [...sites, site] });
      setDraft('');
      setNote({ kind: 'ok', text: t('autoCheckAdded', { site }) });
    };
    if (!enabled) return void add();
    void browser.permissions.request({ origins: originsOf([site]) }).then(
      (ok) => (ok ? add() : setNote({ kind: 'error', text: t('autoCheckSiteDenied', { site }) })),
      () => setNote({ kind: 'error', text: t('autoCheckSiteDenied', { site }) }),
    );
  };

  const onRemove = (site: string) => {
    void release(originsOf([site])).then(async () => {
      await store({ enabled, sites: sites.filter((s) => s !== site) });
      setNote({ kind: 'ok', text: t('autoCheckRemoved', { site }) });
    });
  };

  const onAllow = (site: string) => {
    void browser.permissions.request({ origins: originsOf([site]) }).then(
      async (ok) => (ok ? refresh() : setNote({ kind: 'error', text: t('autoCheckAllowDenied', { site }) })),
      () => setNote({ kind: 'error', text: t('autoCheckAllowDenied', { site }) }),
    );
  };

  return (
    <section className="auto-check" aria-labelledby="auto-check-h">
      <h2 id="auto-check-h">{t('autoCheckHeading')}</h2>
      <p className="muted">{t('autoCheckIntro')}</p>
      <label className="auto-check-toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
        <span>{t('autoCheckToggle')}</span>
      </label>
      <form className="auto-check-add" onSubmit={onAdd}>
        <label htmlFor="auto-check-site">{t('autoCheckSiteLabel')}</label>
        <div className="auto-check-add-row">
          <input
            id="auto-check-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('autoCheckSitePlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">{t('autoCheckAdd')}</button>
        </div>
        <p className="hint">{t('autoCheckSiteHint')}</p>
      </form>
      {sites.length === 0 ? (
        <p className="muted">{t('autoCheckNoSites')}</p>
      ) : (
        <ul className="auto-check-sites" aria-label={t('autoCheckSitesLabel')}>
          {sites.map((site) => (
            <li key={site}>
              <span className="auto-check-site">{site}</span>
              {enabled ? (
                granted[site] ? (
                  <span className="auto-check-state ok">{t('autoCheckAllowed')}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => onAllow(site)}>
                    {t('autoCheckAllow')}
                  </button>
                )
              ) : null}
              <button type="button" className="link-button" onClick={() => onRemove(site)} aria-label={t('autoCheckRemoveAria', { site })}>
                {t('autoCheckRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {note ? (
        <p className={note.kind === 'error' ? 'save-error' : 'saved-state'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      ) : null}
      <p className="hint">{t('autoCheckPrivacy')}</p>
    </section>
  );
}
