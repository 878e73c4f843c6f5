/**
 * The Node side of the GDELT import, used by the CLI only (the rest of lib/gdelt runs in the browser too): reads files
 * as streams and writes the library file without ever leaving a half-written one.
 */
import { createReadStream } from 'node:fs';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { GdeltConverter, GdeltImportError, type GdeltImportStats } from './import';
import type { LibraryFile } from './library-file';

export interface GdeltCliOptions {
  files: string[];
  out: string | null;
  includeCriticism: boolean;
  keepGoodRows: boolean;
  anyActorType: boolean;
}

/** A user-facing failure: the CLI prints the message on one line and exits 1. */
export class GdeltCliError extends Error {}

export const GDELT_USAGE =
  'usage: counterclaim gdelt FILE... [--out library.json] [--include-criticism] [--keep-good-rows] [--any-actor-type] [--json]';

/** Parses the arguments after `gdelt` (without --json, which the CLI strips). */
export function parseGdeltArgs(args: string[]): GdeltCliOptions {
  const o: GdeltCliOptions = { files: [], out: null, includeCriticism: false, keepGoodRows: false, anyActorType: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') {
      const v = args[++i];
      if (!v || v.startsWith('--')) throw new GdeltCliError(`--out needs a file name (${GDELT_USAGE})`);
      o.out = v;
    } else if (a.startsWith('--out=')) o.out = a.slice(6);
    else if (a === '--include-criticism') o.includeCriticism = true;
    else if (a === '--keep-good-rows') o.keepGoodRows = true;
    else if (a === '--any-actor-type') o.anyActorType = true;
    else if (a.startsWith('-') && a !== '-') throw new GdeltCliError(`unknown option ${a} (${GDELT_USAGE})`);
    else o.files.push(a);
  }
  if (!o.files.length) throw new GdeltCliError(GDELT_USAGE);
  return o;
}

/** A file as a stream of bytes, and whether it is a zip by its name. */
export async function openGdeltFile(path: string): Promise<{ stream: AsyncIterable<Uint8Array>; zip: boolean | undefined; size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new GdeltCliError(`${path}: no such file`);
  }
  if (!info.isFile()) throw new GdeltCliError(`${path}: not a file`);
  const lower = path.toLowerCase();
  const zip = lower.endsWith('.zip') ? true : /\.(csv|txt|tsv)$/.test(lower) ? false : undefined;
  return { stream: createReadStream(path, { highWaterMark: 256 * 1024 }), zip, size: info.size };
}

/** Writes the file next to its destination, then renames it into place: never half-written. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new GdeltCliError(`${path}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function summary(stats: GdeltImportStats, files: string[], out: string | null, seconds: number): string {
  const n = (v: number) => v.toLocaleString('en');
  const rate = seconds > 0 ? Math.round(stats.lines / seconds) : stats.lines;
  const lines = [
    `${files.length === 1 ? files[0] : `${files.length} files`}: ${n(stats.lines)} rows read, ${n(stats.kept)} accusation events kept, ${n(stats.reports)} reports`,
  ];
  const skipped = Object.entries(stats.skipped).sort((a, b) => b[1] - a[1]);
  if (skipped.length) lines.push(`  skipped: ${skipped.map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);
  for (const e of stats.errors.slice(0, 10)) lines.push(`  bad line skipped: ${e.file ? `${e.file}: ` : ''}${e.message}`);
  if (stats.errorCount > 10) lines.push(`  ... ${n(stats.errorCount - 10)} more bad lines`);
  lines.push(`  ${n(rate)} rows per second (${seconds.toFixed(2)} s)`);
  lines.push(out ? `  wrote ${out}` : '  nothing written: add --out library.json to write the library file, or --json to print it');
  lines.push('  Data: The GDELT Project, https://www.gdeltproject.org/');
  return `${lines.join('\n')}\n`;
}

/** Runs `counterclaim gdelt`. Throws GdeltCliError with a one-line message on any failure. */
export async function runGdeltCli(args: string[], json: boolean, out: { write(s: string): unknown }): Promise<void> {
  const o = parseGdeltArgs(args);
  const t0 = performance.now();
  const converter = new GdeltConverter({ includeCriticism: o.includeCriticism, keepGoodRows: o.keepGoodRows, anyActorType: o.anyActorType });
  for (const path of o.files) {
    const { stream, zip } = await openGdeltFile(path);
    try {
      await converter.add(stream, { zip, name: path });
    } catch (e) {
      if (e instanceof GdeltImportError) {
        const hint = !o.keepGoodRows && e.line !== null && e.kind !== 'not-gdelt' && e.kind !== 'header' ? ' (--keep-good-rows skips bad lines)' : '';
        throw new GdeltCliError(`${path}: ${e.message}${hint}`);
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw new GdeltCliError(`${path}: cannot be read (${code})`);
      throw e;
    }
  }
  const { file, stats } = converter.finish();
  const seconds = (performance.now() - t0) / 1000;
  const text = (f: LibraryFile) => `${JSON.stringify(f, null, 2)}\n`;
  if (o.out) await writeFileAtomic(o.out, text(file));
  if (json && !o.out) out.write(text(file));
  else if (json) out.write(`${JSON.stringify({ out: o.out, stats }, null, 2)}\n`);
  else out.write(summary(stats, o.files, o.out, seconds));
}
