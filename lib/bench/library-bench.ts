import { LibraryDB, SCHEMA } from '../library/db';
import { prepareReport } from '../library/derive';
import { findCounterclaims, saveReport } from '../library/reports';
import { queryReports, type ReportQuery } from '../library/search';
import type { LibraryFile } from '../library/export';
import { openImportJob } from '../library/import-client';
import { contentHash } from '../article/content-hash';
import { analyzeArticle } from '../analyze';
import { CHARGE_CATEGORIES, type Accusation, type ChargeCategory } from '../types';

/** States and bodies the synthetic reports draw from (names are only labels here). */
const CODES =
  'USA CHN RUS UKR GBR FRA DEU CZE POL TWN JPN KOR PRK IND PAK IRN ISR SAU TUR ARM AZE CAN AUS NLD BLR GEO SRB HUN ITA ESP BRA VEN MEX CUB ZAF NGA ETH EGY QAT SYR IRQ AFG PHL VNM EU NATO UN LTU EST LVA'.split(
    ' ',
  );
const CATS = CHARGE_CATEGORIES.filter((c) => c !== 'other');

/** A deterministic pseudo-random generator, so every run fills the same library. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function accusation(accuser: string, accused: string, category: ChargeCategory, text: string): Accusation {
  return {
    accuser: { code: accuser, name: accuser, detail: '' },
    accused: { code: accused, name: accused, detail: '' },
    charge: { category, text: category.replace('_', ' ') },
    quote: text,
    location: { field: 'text', start: 0, end: text.length },
    mentions: 1,
    confidence: 0.8,
    facets: { targets: [], evidence: [], response: [], denial: [] },
    reasons: ['synthetic'],
  };
}

/** A library file of `n` small synthetic reports (one or two accusations each), the same for a given seed. */
export function syntheticLibrary(n: number, seed = 1): LibraryFile {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const reports: LibraryFile['reports'] = [];
  const day0 = Date.UTC(2014, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = pick(CODES);
    let b = pick(CODES);
    while (b === a) b = pick(CODES);
    const cat = pick(CATS);
    const text = `Report ${i}: ${a} accused ${b} of ${cat.replace('_', ' ')} against critical infrastructure, officials said.`;
    const accs = [accusation(a, b, cat, text)];
    if (rand() < 0.3) accs.push(accusation(b, a, pick(CATS), text));
    const date = new Date(day0 + Math.floor(rand() * 4000) * 86_400_000).toISOString().slice(0, 10);
    reports.push({
      id: `bench-${seed}-${i}`,
      url: `https://news.example/${seed}/${i}`,
      canonicalUrl: `https://news.example/${seed}/${i}`,
      contentHash: contentHash(text),
      title: `${a} accuses ${b} (${i})`,
      byline: null,
      siteName: 'Bench News',
      publishedAt: date,
      language: 'en',
      text,
      accusations: accs,
      primary: 0,
      source: 'import',
      tags: i % 10 === 0 ? ['bench'] : [],
      notes: '',
      savedAt: '2026-11-23T00:00:00.000Z',
      updatedAt: '2026-11-23T00:00:00.000Z',
    });
  }
  return { format: 'counterclaim-library', version: 1, exportedAt: '2026-11-23T00:00:00.000Z', reports, links: [] };
}

const quantile = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** An article to match: the accusations and date of one of the library's reports (left out of its own answers). */
export interface BenchQuery {
  id: string;
  accusations: Accusation[];
  publishedAt: string | null;
}

export interface LibraryBenchResult {
  reports: number;
  /** From the user's confirmation to the end of the import (in the import worker). */
  importMs: number;
  /** Reading, parsing and checking the file before the confirmation (in the import worker). */
  checkMs: number;
  fileBytes: number;
  /** Matching in the page that has just imported the library, with the import's garbage still in its heap. */
  afterImportMedianMs: number;
  afterImportP95Ms: number;
  matchesFound: number;
  /** The articles matched, for `runMatchBench` in a fresh page. */
  queries: BenchQuery[];
  saveMedianMs: number;
  /** Median time of a search by words alone (no index: a scan of the stored search terms), first page of 50. */
  searchMs: number;
  /** Median time of a search by words with a country filter (the filter's index narrows what is read). */
  searchFilteredMs: number;
  usageBytes: number | null;
}

const benchDbName = (n: number) => `counterclaim-bench-${n}`;

/** Finds the counterclaims of each query (limit 50, as the popup asks): median and 95th percentile, matches found. */
async function timeMatches(db: LibraryDB, queries: readonly BenchQuery[]): Promise<{ medianMs: number; p95Ms: number; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (const r of queries) {
    const t = performance.now();
    const matches = await findCounterclaims(db, { accusations: r.accusations }, r.publishedAt, r.id, { limit: 50 });
    times.push(performance.now() - t);
    found += matches.length;
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), found: Math.round(found / Math.max(1, queries.length)) };
}

/**
 * Times matching in the library `runLibraryBench(n)` left, from a page that did not import it: as in the extension,
 * where the library page imports and the background worker, with a heap of its own, matches.
 */
export async function runMatchBench(n: number, queries: readonly BenchQuery[]): Promise<{ medianMs: number; p95Ms: number; found: number }> {
  const db = new LibraryDB(benchDbName(n));
  try {
    return await timeMatches(db, queries);
  } finally {
    db.close();
  }
}

/** Deletes the library of `runLibraryBench(n)`, so that the next size's storage estimate is its own. */
export async function dropLibraryBench(n: number): Promise<void> {
  await LibraryDB.delete(benchDbName(n));
}

/** The median time of running `query` `runs` times. */
async function timeQuery(db: LibraryDB, query: ReportQuery, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await queryReports(db, query);
    times.push(performance.now() - t);
  }
  return Math.round(quantile(times, 0.5) * 10) / 10;
}

/**
 * Fills a fresh database with `n` synthetic reports through the real import, then times finding the counterclaims
 * of `queries` articles and saving `saves` articles. Runs in an extension page (real IndexedDB). The database is
 * kept for `runMatchBench`; `dropLibraryBench` deletes it.
 */
export async function runLibraryBench(n: number, queries = 200, saves = 20): Promise<LibraryBenchResult> {
  const name = benchDbName(n);
  await LibraryDB.delete(name);
  const db = new LibraryDB(name);
  let file: LibraryFile | null = syntheticLibrary(n);
  // The articles to match, picked before the import: the file itself is dropped once imported, as the extension
  // never holds the library in memory (a page that kept 100,000 reports alive would pay for them in every GC).
  const rand = rng(99);
  const picked = Array.from({ length: queries }, (): BenchQuery => {
    const r = file!.reports[Math.floor(rand() * file!.reports.length)]!;
    return { id: r.id, accusations: r.accusations, publishedAt: r.publishedAt };
  });
  // As in the library page: the file as picked (its JSON) goes to an import worker, which reads and checks it before
  // the user confirms, then imports it. The import time runs from the confirmation to the end.
  const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
  file = null;
  const c0 = performance.now();
  const job = openImportJob(blob, name);
  await job.checked;
  const checkMs = performance.now() - c0;
  const t0 = performance.now();
  await job.run();
  const importMs = performance.now() - t0;
  job.close();

  const matched = await timeMatches(db, picked);

  const saveTimes: number[] = [];
  for (let s = 0; s < saves; s++) {
    const text = `Bench article ${s}. The United States accused Russia of hacking the election systems of several states, officials said.`;
    const article = {
      url: `https://bench.example/save/${s}`,
      canonicalUrl: null,
      title: `Save ${s}`,
      byline: null,
      siteName: null,
      publishedAt: '2025-05-28',
      declaredLanguage: 'en',
      text,
      excerpt: null,
    };
    const analysis = analyzeArticle(article);
    const t = performance.now();
    await saveReport(db, { article, analysis });
    saveTimes.push(performance.now() - t);
  }
  // A word most reports have, and a prefix as typed (the last word of a query matches as a prefix).
  const searchMs = await timeQuery(db, { text: 'critical infra' });
  const searchFilteredMs = await timeQuery(db, { text: 'critical infra', country: 'CZE' });
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  db.close();
  return {
    reports: n,
    importMs: Math.round(importMs),
    checkMs: Math.round(checkMs),
    fileBytes: blob.size,
    afterImportMedianMs: matched.medianMs,
    afterImportP95Ms: matched.p95Ms,
    matchesFound: matched.found,
    queries: picked,
    saveMedianMs: Math.round(quantile(saveTimes, 0.5) * 100) / 100,
    searchMs,
    searchFilteredMs,
    usageBytes: estimate?.usage ?? null,
  };
}

export interface StorageFloorResult {
  records: number;
  /** One record per report, no index: the least an import that keeps one record per report can cost. */
  onePerRecordMs: number;
  /** One record per report, with the `reports` indexes of schema 4. */
  indexedMs: number;
  /** The same reports, 100 to a record, no index. */
  packedMs: number;
}

/** Writes `records` in one raw IndexedDB transaction into a fresh store declared by `setup`; returns the time taken. */
async function timedWrite(name: string, setup: (store: IDBObjectStore) => void, records: readonly object[]): Promise<number> {
  const drop = () =>
    new Promise<void>((done) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = () => done();
    });
  await drop();
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => setup(r.result.createObjectStore('r', { keyPath: 'id' }));
    r.onsuccess = () => done(r.result);
    r.onerror = () => fail(r.error);
  });
  const t = performance.now();
  await new Promise<void>((done, fail) => {
    const tx = db.transaction('r', 'readwrite');
    const store = tx.objectStore('r');
    for (const rec of records) store.put(rec);
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
  const ms = performance.now() - t;
  db.close();
  await drop();
  return Math.round(ms);
}

/**
 * What IndexedDB itself costs for `n` reports, below the library code: the synthetic reports as the library stores
 * them, written with raw puts in one transaction, one per record (with and without the schema's indexes) and 100 per
 * record. It shows how much of an import is the per-record price of the storage.
 */
export async function runStorageFloor(n: number): Promise<StorageFloorResult> {
  const records = syntheticLibrary(n).reports.map((r) => prepareReport(r).record);
  // The report indexes of schema 4, the last schema with one record per report.
  const spec = SCHEMA.find((v) => v.version === 4)!.stores.reports!;
  const indexes = spec
    .split(',')
    .slice(1)
    .map((s) => s.trim());
  const onePerRecordMs = await timedWrite('counterclaim-floor-bare', () => {}, records);
  const indexedMs = await timedWrite(
    'counterclaim-floor-indexed',
    (store) => {
      for (const i of indexes) store.createIndex(i.replace('*', ''), i.replace('*', ''), { multiEntry: i.startsWith('*') });
    },
    records,
  );
  const packs: { id: string; reports: object[] }[] = [];
  for (let i = 0; i < records.length; i += 100) packs.push({ id: String(i), reports: records.slice(i, i + 100) });
  const packedMs = await timedWrite('counterclaim-floor-packed', () => {}, packs);
  return { records: n, onePerRecordMs, indexedMs, packedMs };
}
