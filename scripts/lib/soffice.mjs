// Finds LibreOffice (soffice) for the CSV export test, which opens the exported file in a real spreadsheet program;
// installs Debian's libreoffice-calc-nogui through apt when running as root.
import { ensureTool } from './debian-tool.mjs';

/** Returns a soffice path or null, installing Debian's libreoffice-calc-nogui when root. Says what to do when not. */
export const ensureSoffice = () =>
  ensureTool({
    name: 'LibreOffice',
    envVar: 'SOFFICE_PATH',
    candidates: ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'],
    pkg: 'libreoffice-calc-nogui',
    seconds: 20,
    purpose: 'the CSV spreadsheet test',
  });
