import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDB, type ReportData } from '../../lib/library/db';
import { exportLibrary, importLibrary, type LibraryFile, type LibraryLink } from '../../lib/library/export';
import { ImportRefused, openImportJob } from '../../lib/library/import-client';
import { importJobHandler, type ImportReply } from '../../lib/library/import-job';
import { deleteForever, trashReport } from '../../lib/library/edit';
import { getReport, readCounts } from '../../lib/library/store';
import { makeReport } from '../fixtures/library/build';

// The import job (lib/library/import-job.ts) as the library page drives it through import-client.ts. In the extension it
// runs in a dedicated worker (covered by tests/e2e/library.e2e.ts); Node has no Worker, so here the same handler runs
// in this thread, with fake-indexeddb.

let n = 0;
const opened: LibraryDB[] = [];
function dbName(): string {
  return `import-job-${Date.now()}-${n++}`;
}
function openDb(name: string): LibraryDB {
  const db = new LibraryDB(name);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function libraryFile(reports: ReportData[], links: LibraryLink[] = []): LibraryFile {
  return { format: 'counterclaim-library', version: 1, exportedAt: '2025-07-01T12:00:00.000Z', reports, links };
}
const blobOf = (json: unknown) => new Blob([typeof json === 'string' ? json : JSON.stringify(json)], { type: 'application/json' });
const reports = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, i) => makeReport(`${prefix}${i}`, [[i % 2 ? 'CHN' : 'CZE', i % 2 ? 'TWN' : 'CHN', 'cyberattack']]));

/** A library holding report "old", and the job of a file whose report "new" links to it. */
async function jobLinkingToLibrary() {
  const name = dbName();
  const db = openDb(name);
  await importLibrary(db, libraryFile([makeReport('old', [['CHN', 'TWN', 'cyberattack']])]));
  const link: LibraryLink = { from: 'new', fromIndex: 0, to: 'old', toIndex: 0, kind: 'confirmed', createdAt: '2025-07-01T12:00:00.000Z' };
  const job = openImportJob(blobOf(libraryFile([makeReport('new', [['CZE', 'CHN', 'cyberattack']])], [link])), name, { worker: false });
  return { db, job };
}

describe('import job', () => {
  it('checks a picked file, then imports it with progress that ends at the total', async () => {
    const name = dbName();
    const job = openImportJob(blobOf(libraryFile(reports(40))), name, { worker: false });
    expect(await job.checked).toEqual({ reports: 40, links: 0 });
    const seen: [number, number][] = [];
    const outcome = await job.run({ onProgress: (done, total) => seen.push([done, total]) });
    job.close();
    expect(outcome).toEqual({ added: 40, updated: 0, skipped: 0, links: 0 });
    expect(seen.at(-1)).toEqual([40, 40]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
    const db = openDb(name);
    expect((await readCounts(db)).reports).toBe(40);
    expect((await getReport(db, 'r7'))?.title).toBe(reports(8)[7]!.title);
  });

  it('takes a library file built in the page (GDELT) as well as a picked file', async () => {
    const name = dbName();
    const job = openImportJob(libraryFile(reports(3, 'g')), name, { worker: false });
    expect(await job.checked).toEqual({ reports: 3, links: 0 });
    expect((await job.run()).added).toBe(3);
    job.close();
  });

  it('refuses a file that is not JSON, and one that is not a valid library file, naming the first bad field', async () => {
    const notJson = openImportJob(blobOf('{ not json'), dbName(), { worker: false });
    await expect(notJson.checked).rejects.toMatchObject({ name: 'ImportRefused', reason: 'json' });
    notJson.close();

    const bad = libraryFile(reports(3)) as unknown as { reports: Record<string, unknown>[] };
    bad.reports[1]!.title = 42;
    const invalid = openImportJob(blobOf(bad), dbName(), { worker: false });
    const error = await invalid.checked.catch((e: unknown) => e);
    invalid.close();
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).path).toBe('reports[1].title');
    expect((error as ImportRefused).error).toMatch(/reports\[1\]\.title/);
  });

  it('accepts links to reports already in the library when checking (the page once refused them)', async () => {
    const { db, job } = await jobLinkingToLibrary();
    expect(await job.checked).toEqual({ reports: 1, links: 1 });
    expect(await job.run()).toMatchObject({ added: 1, links: 1 });
    job.close();
    expect((await exportLibrary(db)).links).toHaveLength(1);
  });

  it('fails, naming the link, when a report a link points at was deleted between the check and the import', async () => {
    const { db, job } = await jobLinkingToLibrary();
    await job.checked;
    await trashReport(db, 'old');
    await deleteForever(db, 'old');
    await expect(job.run()).rejects.toThrow('links[0].to: "old" is not a report in the file or the library');
    job.close();
    expect(await readCounts(db)).toEqual({ reports: 0, trashed: 0 });
  });

  it('cancels when the signal is aborted, leaving the library as it was', async () => {
    const name = dbName();
    const db = openDb(name);
    await importLibrary(db, libraryFile(reports(5, 'keep')));
    const at = new Date('2025-07-01T12:00:00.000Z');
    const before = await exportLibrary(db, at);
    const job = openImportJob(blobOf(libraryFile(reports(600))), name, { worker: false });
    await job.checked;
    const abort = new AbortController();
    const error = await job.run({ signal: abort.signal, onProgress: () => abort.abort() }).catch((e: unknown) => e);
    job.close();
    expect((error as Error).name).toBe('AbortError');
    expect(await exportLibrary(db, at)).toEqual(before);
    // A job runs once.
    await expect(job.run()).rejects.toThrow(/already run/);
  });

  it('passes the name of a failure back (a full disk), and the library is as it was', async () => {
    const name = dbName();
    const db = openDb(name);
    await importLibrary(db, libraryFile(reports(5, 'keep')));
    const replies: ImportReply[] = [];
    const handle = importJobHandler((r) => replies.push(r), openDb);
    await handle({ type: 'check', dbName: name, source: blobOf(libraryFile(reports(30))) });
    expect(replies.at(-1)).toEqual({ type: 'checked', reports: 30, links: 0 });
    const proto = globalThis.IDBObjectStore.prototype as unknown as { put: (...args: unknown[]) => unknown };
    const put = proto.put;
    proto.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await handle({ type: 'run' });
    } finally {
      proto.put = put;
    }
    expect(replies.at(-1)).toMatchObject({ type: 'failed', name: 'QuotaExceededError' });
    expect((await readCounts(db)).reports).toBe(5);
  });

  it('refuses to run without a checked file', async () => {
    const replies: ImportReply[] = [];
    const handle = importJobHandler((r) => replies.push(r), openDb);
    await handle({ type: 'run' });
    expect(replies).toEqual([{ type: 'failed', name: 'Error', message: 'No checked library file to import.' }]);
  });
});
