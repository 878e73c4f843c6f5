// Bundles the CLI (lib/cli/main.ts and the core it uses) into dist/cli.mjs. Runs at `npm install` (postinstall).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}/lib/cli/main.ts`],
  outfile: `${root}/dist/cli.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
});
