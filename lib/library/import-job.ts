import { LibraryDB } from './db';
import { checkLibraryFile, importCheckedLibrary, type ImportOutcome, type LibraryFile } from './export';

/**
 * The import of a library file as a job that runs away from the page (lib/library/import-worker.ts runs it in a
 * dedicated worker): the page hands over the file, the job reads, parses and checks it and says how many reports
 * it holds; when the user confirms, it imports them, reporting progress, and can be cancelled. The page's thread
 * never parses, checks or derives the reports, so it stays responsive, and it never holds the file.
 *
 * The messages are plain data (structured clone), so the same handler serves a worker and, where there is none
 * (Node), a direct call.
 */
export type ImportRequest =
  /** A file's bytes (a JSON library file) or a library file already built in the page (GDELT). */
  | { type: 'check'; dbName: string; source: Blob | LibraryFile }
  | { type: 'run' }
  | { type: 'cancel' }
  /** Cancels what runs and closes the library (a job in this thread; a worker is simply ended). */
  | { type: 'close' };

export type ImportReply =
  | { type: 'checked'; reports: number; links: number }
  /** The file is not JSON (`error` is empty), or not a valid library file: `error` and `path` say where. */
  | { type: 'refused'; reason: 'json' | 'invalid'; error: string; path: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ImportOutcome }
  /** The import failed or was cancelled; the library is as it was. `name` is the error's (QuotaExceededError, AbortError...). */
  | { type: 'failed'; name: string; message: string };

/**
 * A job's message handler. `post` sends replies back; `open` opens the library by name (a test passes its own).
 * One file per job: a `run` before a successful `check`, or a second `run`, fails.
 */
export function importJobHandler(post: (reply: ImportReply) => void, open: (name: string) => LibraryDB = (name) => new LibraryDB(name)) {
  let db: LibraryDB | null = null;
  let file: LibraryFile | null = null;
  let running = false;
  const abort = new AbortController();
  const fail = (e: unknown) => {
    const err = e instanceof Error || e instanceof DOMException ? e : new Error(String(e));
    post({ type: 'failed', name: err.name, message: err.message });
  };

  async function check(dbName: string, source: Blob | LibraryFile) {
    let json: unknown = source;
    if (source instanceof Blob) {
      try {
        json = JSON.parse(await source.text());
      } catch {
        post({ type: 'refused', reason: 'json', error: '', path: '' });
        return;
      }
    }
    db = open(dbName);
    const checked = await checkLibraryFile(db, json);
    json = null;
    if (!checked.ok) {
      post({ type: 'refused', reason: 'invalid', error: checked.error, path: checked.path });
      return;
    }
    file = checked.file;
    post({ type: 'checked', reports: file.reports.length, links: file.links.length });
  }

  async function run() {
    if (!db || !file || running) throw new Error('No checked library file to import.');
    running = true;
    const f = file;
    // The job holds the file only until the import has it: the reports it has written can then be collected.
    file = null;
    const outcome = await importCheckedLibrary(db, f, {
      signal: abort.signal,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', outcome });
  }

  return (req: ImportRequest): Promise<void> => {
    if (req.type === 'cancel' || req.type === 'close') {
      abort.abort(new DOMException('The import was cancelled.', 'AbortError'));
      if (req.type === 'close') {
        file = null;
        db?.close();
      }
      return Promise.resolve();
    }
    return (req.type === 'check' ? check(req.dbName, req.source) : run()).catch(fail);
  };
}
