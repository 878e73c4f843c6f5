import { DB_NAME } from './db';
import type { ImportOutcome, LibraryFile } from './export';
import { importJobHandler, type ImportReply, type ImportRequest } from './import-job';
import ImportWorker from './import-worker?worker';

/** Why a file was refused before anything was imported: not JSON, or not a valid library file (`path` says where). */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(
    readonly reason: 'json' | 'invalid',
    readonly error: string,
    readonly path: string,
  ) {
    super(reason === 'json' ? 'The file is not JSON.' : `${path}: ${error}`);
  }
}

/** A library import, started by `openImportJob`. */
export interface ImportJob {
  /** The file read and checked: how many reports and links it holds; rejects with `ImportRefused` (or another error). */
  readonly checked: Promise<{ reports: number; links: number }>;
  /** Imports the checked file. Aborting `signal` cancels it and the library stays as it was (the promise rejects). */
  run(options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<ImportOutcome>;
  /** Stops the job and frees what it holds (the worker); call it once the job is done with or dropped. */
  close(): void;
}

/**
 * Starts the import of `source` (a JSON library file as picked, or a library file built in the page) into the
 * library `dbName`, in a dedicated worker where there is one (the extension's pages), else in this thread (Node).
 */
export function openImportJob(source: Blob | LibraryFile, dbName: string = DB_NAME, options: { worker?: boolean } = {}): ImportJob {
  const useWorker = options.worker ?? typeof Worker !== 'undefined';
  let onReply: (reply: ImportReply) => void = () => {};
  let send: (req: ImportRequest) => void;
  let stop = () => {};
  if (useWorker) {
    const worker = new ImportWorker({ name: 'counterclaim-import' });
    worker.onmessage = (e: MessageEvent<ImportReply>) => onReply(e.data);
    // A worker that dies (out of memory, a bug) says nothing more: fail what is waiting.
    worker.onerror = (e) => {
      e.preventDefault();
      onReply({ type: 'failed', name: 'Error', message: e.message || 'The import stopped unexpectedly.' });
    };
    send = (req) => worker.postMessage(req);
    stop = () => worker.terminate();
  } else {
    const handle = importJobHandler((reply) => onReply(reply));
    send = (req) => void handle(req);
    stop = () => send({ type: 'close' });
  }

  const failure = (r: Extract<ImportReply, { type: 'failed' }>) => Object.assign(new Error(r.message), { name: r.name });
  const checked = new Promise<{ reports: number; links: number }>((resolve, reject) => {
    onReply = (r) => {
      if (r.type === 'checked') resolve({ reports: r.reports, links: r.links });
      else if (r.type === 'refused') reject(new ImportRefused(r.reason, r.error, r.path));
      else if (r.type === 'failed') reject(failure(r));
    };
  });
  // A caller that drops the job without waiting for the check must not see an unhandled rejection.
  checked.catch(() => {});
  send({ type: 'check', dbName, source });

  let started = false;
  return {
    checked,
    async run({ onProgress, signal } = {}) {
      await checked;
      if (started) throw new Error('This import has already run.');
      started = true;
      return new Promise<ImportOutcome>((resolve, reject) => {
        onReply = (r) => {
          if (r.type === 'progress') onProgress?.(r.done, r.total);
          else if (r.type === 'done') resolve(r.outcome);
          else if (r.type === 'failed') reject(failure(r));
        };
        if (signal?.aborted) send({ type: 'cancel' });
        else signal?.addEventListener('abort', () => send({ type: 'cancel' }), { once: true });
        send({ type: 'run' });
      });
    },
    close: () => stop(),
  };
}
