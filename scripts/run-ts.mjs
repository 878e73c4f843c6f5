// Runs a TypeScript entry (eval, bench) in Node: bundles it with esbuild into .cache/ and imports it.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = resolve(root, '.cache', `${basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
