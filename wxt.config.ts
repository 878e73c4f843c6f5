import { defineConfig } from 'wxt';

// The e2e build (`wxt build --mode e2e`) may read pages on 127.0.0.1 without a toolbar click, which a test
// cannot make; the real build reads a page only through activeTab, when the user clicks.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  // COUNTERCLAIM_OUT lets two builds run side by side (each engineer's e2e run, the benchmark) without clobbering.
  outDir: process.env.COUNTERCLAIM_OUT ?? '.output',
  hooks: {
    // The benchmark page drives the real IndexedDB in Chromium, and the Firefox smoke script lets the Firefox test reach
    // the background; both exist only in the e2e build, never in a shipped one.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'e2e') return;
      for (const name of ['bench', 'firefox-smoke']) {
        const i = entrypoints.findIndex((e) => e.name === name);
        if (i >= 0) entrypoints.splice(i, 1);
      }
    },
  },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Automatic checking (opt-in, off by default) asks for the sites the user lists, one origin at a time, when the user
    // turns it on; a request is allowed only within what is declared here. Firefox's Manifest V2 declares origins
    // among its optional permissions. The side panel's `sidePanel` permission (Chrome) and `sidebar_action` (Firefox)
    // come from entrypoints/sidepanel.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterclaim@counterclaim.example',
              strict_min_version: '115.0',
              // Counterclaim collects nothing: everything stays on the user's machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
