/**
 * Streaming unzip of a GDELT export zip (`YYYYMMDDHHMMSS.export.CSV.zip`: one .CSV inside) with fflate's `Unzip`, so
 * memory stays bounded by the chunk size whatever the file size. Runs in Node and in the browser.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';

/** A zip that cannot be read: not a zip, empty, truncated, more than one file, an unsupported compression. */
export class GdeltZipError extends Error {}

/** True when the bytes start like a zip file (`PK\x03\x04`, or `PK\x05\x06` for an empty one). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

export interface UnzipStream {
  /** Pushes the next chunk of the zip file; the unzipped bytes of its file go to `onData`, synchronously. */
  push(chunk: Uint8Array): void;
  /** Signals the end of the zip file; throws when the zip held no file or ended in the middle of it. */
  end(): void;
  /** The name of the file inside, once seen. */
  readonly fileName: string | null;
}

const ignorable = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/');

/** Unzips the single file of a zip as it streams in. */
export function createUnzipStream(onData: (data: Uint8Array) => void): UnzipStream {
  let file: UnzipFile | null = null;
  let finished = false;
  let started = false;
  const unzip = new Unzip((f) => {
    if (ignorable(f.name)) return;
    if (file) throw new GdeltZipError(`the zip holds more than one file (${file.name}, ${f.name}); a GDELT export zip holds one .CSV`);
    if (f.compression !== 0 && f.compression !== 8) {
      throw new GdeltZipError(`${f.name} in the zip is compressed with method ${f.compression}; only stored and deflated files can be read`);
    }
    file = f;
    f.ondata = (err, data, final) => {
      if (err) throw new GdeltZipError(`the zip file is damaged (${err.message})`);
      if (data.length) onData(data);
      if (final) finished = true;
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  const wrap = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      // fflate throws plain Errors with a numeric code; anything else (the parser's own errors) passes through.
      const fromFflate = e instanceof Error && e.constructor === Error && typeof (e as Error & { code?: unknown }).code === 'number';
      if (!fromFflate) throw e;
      throw new GdeltZipError(file && !finished ? 'the zip file is truncated or damaged' : `not a readable zip file (${e.message})`);
    }
  };

  return {
    push(chunk) {
      if (!started) {
        started = true;
        if (chunk.length >= 4 && !looksLikeZip(chunk)) throw new GdeltZipError('not a zip file');
      }
      wrap(() => unzip.push(chunk, false));
    },
    end() {
      wrap(() => unzip.push(new Uint8Array(0), true));
      if (!file) throw new GdeltZipError(started ? 'the zip holds no file (or is not a zip file)' : 'the zip file is empty');
      if (!finished) throw new GdeltZipError('the zip file is truncated: it ends in the middle of its file');
    },
    get fileName() {
      return (file as UnzipFile | null)?.name ?? null;
    },
  };
}
