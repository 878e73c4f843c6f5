// Finds Firefox ESR for the Firefox smoke test; installs Debian's firefox-esr through apt when running as root.
import { ensureTool, findTool } from './debian-tool.mjs';

const FIREFOX = {
  name: 'Firefox ESR',
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
  pkg: 'firefox-esr',
  seconds: 20,
  purpose: 'the Firefox smoke test',
};

export const findFirefox = () => findTool(FIREFOX);

/** Returns a Firefox path or null, installing Debian's firefox-esr when root and apt is there. Says what to do when not. */
export const ensureFirefox = () => ensureTool(FIREFOX);
