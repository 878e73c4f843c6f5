/**
 * Converts GDELT event export files (plain or zipped, streamed) into a library file. All or nothing by default: the
 * first bad line stops the conversion and nothing is imported; with `keepGoodRows` bad lines are skipped and counted.
 * Plain TypeScript: runs in Node and in the browser (File.stream() gives a ReadableStream<Uint8Array>).
 */
import type { GdeltFormat } from './columns';
import { createGdeltParser, type GdeltProblem, type GdeltProblemKind } from './parse';
import { GdeltGrouper, type GroupOptions } from './to-reports';
import { createUnzipStream, GdeltZipError, looksLikeZip, type UnzipStream } from './zip';
import type { LibraryFile } from './library-file';

export type { LibraryFile } from './library-file';

export interface GdeltProgress {
  /** Bytes read from the input (compressed bytes for a zip). */
  bytes: number;
  /** Data lines read. */
  lines: number;
  /** Accusation events kept. */
  kept: number;
}

export interface ConvertOptions extends GroupOptions {
  /** true: the input is a zip; false: plain text; undefined: told from its first bytes. */
  zip?: boolean;
  /** Skip and count bad lines instead of failing the whole conversion. */
  keepGoodRows?: boolean;
  onProgress?: (p: GdeltProgress) => void;
  signal?: AbortSignal;
  /** The time stamped on the reports and the file (default: now). */
  now?: Date;
}

export interface GdeltLineError {
  line: number;
  message: string;
  /** The input's name, when it was given one. */
  file?: string;
}

export interface GdeltImportStats {
  /** Data lines read (header and blank lines not counted). */
  lines: number;
  /** Accusation events kept. */
  kept: number;
  /** Reports made (one per accuser, accused, CAMEO code and day). */
  reports: number;
  /** Why lines were not kept, with counts: `not-accusation`, `actor-missing`, `same-actor`, `column-count`, ... */
  skipped: Record<string, number>;
  /** The first 100 bad lines (with keepGoodRows). */
  errors: GdeltLineError[];
  /** All bad lines. */
  errorCount: number;
  bytes: number;
  /** The layout of the (last) file read. */
  format: GdeltFormat | null;
  /** Milliseconds spent converting. */
  ms: number;
}

export interface GdeltConversion {
  file: LibraryFile;
  stats: GdeltImportStats;
}

/** Why a conversion failed: one plain message naming the line (`line 12: ...; nothing imported`). */
export class GdeltImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly kind: GdeltProblemKind | 'zip',
    readonly file: string | null = null,
  ) {
    super(message);
    this.name = 'GdeltImportError';
  }
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

const MAX_ERRORS = 100;
const ZIP_PIECE = 16 * 1024;
const NOTHING = 'nothing imported';

async function* chunksOf(input: ByteSource): AsyncGenerator<Uint8Array> {
  if ('getReader' in input && typeof input.getReader === 'function') {
    const reader = input.getReader();
    let done = false;
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      if (!done) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    yield* input as AsyncIterable<Uint8Array>;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Converts several inputs into one library file, so that the events of one accuser, accused, code and day spread over
 * several files (GDELT 2.0 writes one every 15 minutes) make one report.
 */
export class GdeltConverter {
  private readonly grouper: GdeltGrouper;
  private readonly t0 = performance.now();
  private readonly stats: GdeltImportStats = { lines: 0, kept: 0, reports: 0, skipped: {}, errors: [], errorCount: 0, bytes: 0, format: null, ms: 0 };

  constructor(private readonly options: ConvertOptions = {}) {
    this.grouper = new GdeltGrouper(options);
  }

  /** Reads one input to its end. Throws GdeltImportError (or the signal's reason when aborted). */
  async add(input: ByteSource, opts: { zip?: boolean; name?: string } = {}): Promise<void> {
    const { options, stats, grouper } = this;
    const name = opts.name;
    const wantZip = opts.zip ?? options.zip;
    const fail = (message: string, line: number | null, kind: GdeltProblemKind | 'zip'): never => {
      throw new GdeltImportError(message, line, kind, name ?? null);
    };
    const skip = (reason: string) => {
      stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
    };
    const baseLines = stats.lines;
    const parser = createGdeltParser({
      onRow: (row) => {
        const reason = grouper.add(row);
        if (reason) skip(reason);
      },
      onProblem: (p: GdeltProblem) => {
        if (p.fatal) fail(p.kind === 'not-gdelt' ? p.message : `${p.message}; ${NOTHING}`, p.line || null, p.kind);
        if (!options.keepGoodRows) fail(`${p.message}; ${NOTHING}`, p.line, p.kind);
        skip(p.kind);
        stats.errorCount++;
        if (stats.errors.length < MAX_ERRORS)
          stats.errors.push(name ? { line: p.line, message: p.message, file: name } : { line: p.line, message: p.message });
      },
    });
    const decoder = new TextDecoder('utf-8');
    let unzip: UnzipStream | null = null;
    let mode: 'zip' | 'plain' | null = null;
    let head: Uint8Array[] = [];
    let headBytes = 0;

    const feed = (bytes: Uint8Array) => {
      if (unzip) {
        try {
          // Small pieces: a zip inflates about 15-fold, and each piece's output is decoded and parsed in one go.
          for (let i = 0; i < bytes.length; i += ZIP_PIECE) unzip.push(bytes.subarray(i, i + ZIP_PIECE));
        } catch (e) {
          if (e instanceof GdeltZipError) fail(`${e.message}; ${NOTHING}`, null, 'zip');
          throw e;
        }
      } else parser.push(decoder.decode(bytes, { stream: true }));
    };
    const decide = (first: Uint8Array) => {
      const isZip = looksLikeZip(first);
      if (wantZip === true && !isZip) fail(`not a zip file; ${NOTHING}`, null, 'zip');
      if (wantZip === false && isZip) fail('This is not a GDELT event export: it is a zip file (import it as a .zip)', null, 'not-gdelt');
      mode = isZip ? 'zip' : 'plain';
      if (isZip) unzip = createUnzipStream((data) => parser.push(decoder.decode(data, { stream: true })));
    };
    const progress = () => {
      stats.lines = baseLines + parser.rows;
      stats.kept = grouper.kept;
      options.onProgress?.({ bytes: stats.bytes, lines: stats.lines, kept: stats.kept });
    };

    options.signal?.throwIfAborted();
    for await (const chunk of chunksOf(input)) {
      options.signal?.throwIfAborted();
      stats.bytes += chunk.length;
      if (mode === null) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes < 4) continue;
        const first = concat(head);
        head = [];
        decide(first);
        feed(first);
      } else feed(chunk);
      progress();
    }
    options.signal?.throwIfAborted();
    if (mode === null) {
      const first = concat(head);
      if (wantZip === true && first.length === 0) fail(`the zip file is empty; ${NOTHING}`, null, 'zip');
      decide(first);
      if (first.length) feed(first);
    }
    if (unzip) {
      try {
        (unzip as UnzipStream).end();
      } catch (e) {
        if (e instanceof GdeltZipError) fail(`${e.message}; ${NOTHING}`, null, 'zip');
        throw e;
      }
    }
    parser.push(decoder.decode());
    parser.end();
    stats.format = parser.layout?.format ?? null;
    progress();
  }

  /** The library file and the statistics. Call once, after the last `add`. */
  finish(): GdeltConversion {
    const now = this.options.now ?? new Date();
    const reports = this.grouper.reports(now);
    this.stats.reports = reports.length;
    this.stats.ms = Math.round((performance.now() - this.t0) * 100) / 100;
    return {
      file: { format: 'counterclaim-library', version: 1, exportedAt: now.toISOString(), reports, links: [] },
      stats: { ...this.stats, skipped: { ...this.stats.skipped }, errors: [...this.stats.errors] },
    };
  }
}

/** Converts one GDELT event export (plain or zipped) into a library file. See GdeltConverter for several files. */
export async function convertGdelt(input: ByteSource, options: ConvertOptions = {}): Promise<GdeltConversion> {
  const converter = new GdeltConverter(options);
  await converter.add(input);
  return converter.finish();
}
