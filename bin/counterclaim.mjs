#!/usr/bin/env node
// The counterclaim CLI. The TypeScript core is bundled into dist/cli.mjs at install; build it if it is missing.
import { existsSync } from 'node:fs';

// A reader that stops early (`counterclaim analyze … | head`) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) await import('../scripts/build-cli.mjs');
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
