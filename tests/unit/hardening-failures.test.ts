import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/extension/background-service';
import { exportLibrary, importLibrary } from '../../lib/library/export';
import type { LibraryDB } from '../../lib/library/db';
import { allReports } from '../../lib/library/store';
import type { PageAnalysis } from '../../lib/messaging';
import { analyzeArticle } from '../../lib/analyze';
import { article, freshDb } from '../helpers/library';

// Failures injected under the library, at the IndexedDB level (fake-indexeddb), so these tests hold whatever shape
// the library's tables take: a full disk (QuotaExceededError thrown by a write in the middle of a transaction) and
// the service worker stopped in the middle of a save (the browser aborts its open transaction). After each: the
// library is exactly as it was, the user is told, and a retry works.

type Mode = 'quota' | 'stopped';

interface Injection {
  /** Writes that went through before the failure (so it struck mid-transaction), and failures raised. */
  writes: number;
  failures: number;
  restore(): void;
}

/** Lets `after` writes (put or add) through, then fails every write until restored. */
function failWritesAfter(after: number, mode: Mode): Injection {
  const proto = globalThis.IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => unknown>;
  const original = { put: proto.put, add: proto.add };
  const state: Injection = {
    writes: 0,
    failures: 0,
    restore: () => Object.assign(proto, original),
  };
  for (const method of ['put', 'add'] as const) {
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (state.writes < after) {
        state.writes++;
        return original[method].apply(this, args);
      }
      state.failures++;
      if (mode === 'stopped') {
        // What the browser does to a worker's open transaction when it stops the worker.
        this.transaction.abort();
        throw new DOMException('The transaction was aborted: the worker stopped.', 'AbortError');
      }
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }
  return state;
}

let active: Injection | null = null;
afterEach(() => {
  active?.restore();
  active = null;
});
const inject = (after: number, mode: Mode) => (active = failWritesAfter(after, mode));

/** Every table of the library, every row: what "unchanged" means. */
async function snapshot(db: LibraryDB): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();
  return JSON.stringify(tables);
}

function pageOf(i: number, over: { title?: string } = {}): PageAnalysis {
  const a = article({
    url: `https://news.example/story-${i}`,
    title: over.title ?? `The Czech Republic accuses China of cyberattacks (${i})`,
    text: `The Czech Republic accused China of a malicious cyber campaign against its foreign ministry, number ${i}. Beijing denied it.`,
  });
  return { article: a, analysis: analyzeArticle(a), fromSelection: false };
}

function handlersOn(db: LibraryDB) {
  return createHandlers({
    db,
    getTabUrl: async () => undefined,
    extractFromTab: async () => Promise.reject(new Error('no tab')),
    setBadge: async () => {},
  });
}

describe.each<[Mode, RegExp]>([
  ['quota', /no room left for the library\. Nothing was saved; free some disk space and try again/],
  ['stopped', /could not be saved\. Nothing was changed; try again/],
])('save with %s in the middle of it', (mode, message) => {
  it('a new report: nothing written, the popup is told, a retry saves it', async () => {
    const db = freshDb();
    const h = handlersOn(db);
    await h.saveReport({ page: pageOf(1) });
    const before = await snapshot(db);

    const injection = inject(1, mode);
    const res = await h.saveReport({ page: pageOf(2) });
    expect(injection.writes, 'a write went through before the failure').toBe(1);
    expect(injection.failures).toBeGreaterThan(0);
    expect(res).toEqual({ ok: false, error: { code: 'save-failed', message: expect.stringMatching(message) } });
    expect(await snapshot(db)).toBe(before);

    injection.restore();
    const retry = await h.saveReport({ page: pageOf(2) });
    expect(retry).toMatchObject({ ok: true, status: 'created' });
    expect((await allReports(db)).length).toBe(2);
  });

  it('an update of a saved report: the stored copy stays whole, a retry updates it', async () => {
    const db = freshDb();
    const h = handlersOn(db);
    const first = await h.saveReport({ page: pageOf(1) });
    const before = await snapshot(db);

    const injection = inject(1, mode);
    const res = await h.saveReport({ page: pageOf(1, { title: 'A new headline' }) });
    expect(res.ok).toBe(false);
    expect(injection.writes).toBe(1);
    expect(await snapshot(db)).toBe(before);

    injection.restore();
    const retry = await h.saveReport({ page: pageOf(1, { title: 'A new headline' }) });
    expect(retry).toMatchObject({ ok: true, status: 'updated', id: first.ok ? first.id : 'x' });
    expect((await allReports(db)).map((r) => r.title)).toEqual(['A new headline']);
  });
});

describe.each<Mode>(['quota', 'stopped'])('import with %s in the middle of it', (mode) => {
  it('nothing imported, the error says what happened, a retry imports everything', async () => {
    const source = freshDb();
    const hs = handlersOn(source);
    for (let i = 0; i < 30; i++) await hs.saveReport({ page: pageOf(i) });
    const file = await exportLibrary(source);
    expect(file.reports).toHaveLength(30);

    const db = freshDb();
    await handlersOn(db).saveReport({ page: pageOf(100) });
    const before = await snapshot(db);

    // The failure strikes after ten writes went through, in the middle of the import's transaction.
    const injection = inject(10, mode);
    const progress: number[] = [];
    const error = await importLibrary(db, file, { chunkSize: 5, onProgress: (done) => progress.push(done) }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(injection.writes).toBe(10);
    expect(error, 'the import fails').not.toBeNull();
    // The library page shows "The import failed and nothing was changed: <message>".
    if (mode === 'quota') expect(`${error!.name} ${error!.message}`).toMatch(/QuotaExceeded|quota/i);
    expect(await snapshot(db)).toBe(before);

    injection.restore();
    const outcome = await importLibrary(db, file, { chunkSize: 5 });
    expect(outcome.added).toBe(30);
    expect((await allReports(db)).length).toBe(31);
  });
});

describe('two tabs saving the same article at once', () => {
  it('leaves one report (same URL)', async () => {
    const db = freshDb();
    const h = handlersOn(db);
    const results = await Promise.all([h.saveReport({ page: pageOf(1) }), h.saveReport({ page: pageOf(1) })]);
    expect(results.map((r) => r.ok && r.status).sort()).toEqual(['created', 'updated']);
    expect((await allReports(db)).length).toBe(1);
  });

  it('leaves one report (five at once, the same text through different URLs)', async () => {
    const db = freshDb();
    const h = handlersOn(db);
    const pages = [0, 1, 2, 3, 4].map((n) => {
      const p = pageOf(1);
      p.article.url = `https://mirror-${n}.example/story`;
      return p;
    });
    const results = await Promise.all(pages.map((page) => h.saveReport({ page })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.id)).size).toBe(1);
    expect((await allReports(db)).length).toBe(1);
  });
});
