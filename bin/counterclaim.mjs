#!/usr/bin/env node
// The counterclaim CLI. The TypeScript core is bundled into dist/cli.mjs at install; build it if it is missing.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) await import('../scripts/build-cli.mjs');
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
