import { contentHash } from '../article/content-hash';
import { canonicalizeUrl } from '../article/canonical-url';
import { stripBidiControls } from '../text/bidi';
import type { AccusationRow, LibraryDB, LinkRecord, ReportData, ReportRecord } from './db';
import { LibraryError } from './db';
import { normalizeTags, prepareReport, toReportData } from './derive';
import { accusationRows, updatePostings } from './postings';
import { accusationCounts, allReports, getReports, hasReports, lookupIds, putReports } from './store';
import { termsOf, updateTerms } from './terms';
import {
  LIBRARY_FORMAT,
  LIBRARY_VERSION,
  tooDeepPath,
  validateLibraryFile,
  type LibraryFile,
  type LibraryLink,
  type ValidationResult,
} from './file-format';

export {
  validateLibraryFile,
  isCalendarDate,
  isIsoTimestamp,
  LIBRARY_FORMAT,
  LIBRARY_VERSION,
  type LibraryFile,
  type LibraryLink,
  type LibraryReport,
  type ValidateOptions,
  type ValidationResult,
} from './file-format';

/** Library reports an import reads at a time to merge the file into, and links it writes at a time. */
export const IMPORT_CHUNK = 2000;

function toLibraryLink(l: LinkRecord): LibraryLink {
  const out: LibraryLink = { from: l.from, fromIndex: l.fromIndex, to: l.to, toIndex: l.toIndex, kind: l.kind, createdAt: l.createdAt };
  if (l.note) out.note = l.note;
  return out;
}

/**
 * The whole library as one file (docs/library-format.md): every report outside the trash, oldest save first, and
 * every link between two of them (a link to a report in the trash is left out, so the file always validates).
 * Derived fields are not written.
 */
export async function exportLibrary(db: LibraryDB, now: Date = new Date()): Promise<LibraryFile> {
  return db.transaction('r', [...db.reportTables, db.links], async () => {
    const records = await liveBySaveDate(db);
    const ids = new Set(records.map((r) => r.id));
    const links = (await db.links.toArray()).filter((l) => ids.has(l.from) && ids.has(l.to)).map(toLibraryLink);
    return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, exportedAt: now.toISOString(), reports: records.map(toReportData), links };
  });
}

/** The reports outside the trash, oldest save first (then by id). */
async function liveBySaveDate(db: LibraryDB): Promise<ReportRecord[]> {
  const live = (await allReports(db)).filter((r) => !r.trashedAt);
  return live.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const CSV_COLUMNS = [
  'report_id',
  'report_title',
  'report_url',
  'published_at',
  'accuser_code',
  'accuser_name',
  'accuser_detail',
  'accused_code',
  'accused_name',
  'accused_detail',
  'category',
  'charge_text',
  'quote',
  'confidence',
] as const;

/** What a spreadsheet passes over before it looks for a formula: spaces, NULs, zero-width spaces, a byte order mark. */
// eslint-disable-next-line no-control-regex -- the NUL is what is being matched
const SKIPPED_BEFORE_FORMULA = /^[\s\u0000\u200B-\u200D\u2060\uFEFF]*/;
/** A formula's first character, in ASCII or full width (which spreadsheets read as the same). */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text that a
 * spreadsheet would run as a formula gets a leading `'`: one that starts with a tab or a carriage return, or with
 * = + - @ (or their full-width forms) after any spaces, NULs, zero-width spaces or byte order marks. NULs are taken
 * out, and a tab inside a cell becomes a space (a spreadsheet may read it as a column break, and what follows as a
 * cell of its own).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string') {
    s = s.replaceAll('\u0000', '');
    if (s.length > 1) s = s[0] + s.slice(1).replace(/\t/g, ' ');
    const skipped = SKIPPED_BEFORE_FORMULA.exec(s)![0].length;
    if (/^[\t\r]/.test(s) || FORMULA_START.test(s.slice(skipped))) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every accusation of the reports outside the trash as CSV, one row each (columns `CSV_COLUMNS`), lines ending in
 * CRLF. With `bom`, starts with a byte order mark so that Excel reads it as UTF-8.
 */
export async function exportAccusationsCsv(db: LibraryDB, options: { bom?: boolean } = {}): Promise<string> {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of await liveBySaveDate(db))
    for (const a of r.accusations)
      lines.push(
        [
          r.id,
          r.title,
          r.url,
          r.publishedAt,
          a.accuser.code,
          a.accuser.name,
          a.accuser.detail,
          a.accused.code,
          a.accused.name,
          a.accused.detail,
          a.charge.category,
          a.charge.text,
          a.quote,
          a.confidence,
        ]
          .map(csvCell)
          .join(','),
      );
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

export interface ImportOptions {
  /** Called after each batch of packs written with how many of the file's reports are done. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting cancels the import; the library stays as it was. */
  signal?: AbortSignal;
  /** Library reports read at a time to merge into (default `IMPORT_CHUNK`). */
  chunkSize?: number;
}

export interface ImportOutcome {
  /** Reports new to the library. */
  added: number;
  /** Library reports that the file changed (content, tags, notes, or brought back from the trash). */
  updated: number;
  /** Reports of the file already in the library as they are, starter reports the user has saved, duplicates. */
  skipped: number;
  /** Links added or changed. */
  links: number;
}

type Working = ReportData & { trashedAt?: string };

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The import was cancelled.', 'AbortError');
}

/** The file's report as the library stores it: canonical URL and hash recomputed (dedupe must agree), tags normalised. */
/**
 * An imported report, cleaned as a page read is where no offset depends on it: bidirectional controls are taken out
 * of its title, byline, site name, notes and tags (its text and quotes keep theirs, since the quotes' offsets
 * index into the text).
 */
function normalizeIncoming(r: ReportData): ReportData {
  const clean = (t: string | null) => (t === null ? null : stripBidiControls(t));
  return {
    ...r,
    title: stripBidiControls(r.title),
    byline: clean(r.byline),
    siteName: clean(r.siteName),
    notes: stripBidiControls(r.notes),
    canonicalUrl: canonicalizeUrl(r.canonicalUrl ?? r.url),
    contentHash: contentHash(r.text),
    tags: normalizeTags(r.tags.map(stripBidiControls)),
  };
}

const CONTENT_FIELDS = [
  'url',
  'canonicalUrl',
  'contentHash',
  'title',
  'byline',
  'siteName',
  'publishedAt',
  'language',
  'text',
  'accusations',
  'primary',
] as const;

/**
 * Merges a file's report into the library's copy of the same article. The library's id stays. The content is the
 * newer of the two (`updatedAt`), and a user's report always wins over a starter one; tags are merged; the file's
 * notes are appended when the library's do not hold them; the earlier save date stays; a report in the trash comes
 * back. Returns `target` itself when nothing changes.
 */
export function mergeReport(target: Working, inc: ReportData): Working {
  if (inc.source === 'starter' && target.source !== 'starter') return target;
  const userOverStarter = target.source === 'starter' && inc.source !== 'starter';
  const takeContent = userOverStarter || inc.updatedAt > target.updatedAt;
  const out: Working = { ...target };
  delete out.trashedAt;
  if (takeContent) {
    for (const k of CONTENT_FIELDS) (out as unknown as Record<string, unknown>)[k] = inc[k];
    out.updatedAt = inc.updatedAt;
    if (inc.origin) out.origin = inc.origin;
    else delete out.origin;
  }
  if (userOverStarter) out.source = inc.source;
  out.tags = normalizeTags([...target.tags, ...inc.tags]);
  const notes = inc.notes.trim();
  const appendNotes = !!notes && !target.notes.includes(notes);
  if (appendNotes) out.notes = target.notes.trim() ? `${target.notes}\n\n${notes}` : notes;
  if (inc.savedAt < out.savedAt) out.savedAt = inc.savedAt;
  // takeContent always changes updatedAt or the source. Field by field rather than a deep compare: a re-import of a
  // whole library compares every report.
  const changed =
    takeContent ||
    !!target.trashedAt ||
    appendNotes ||
    out.savedAt !== target.savedAt ||
    out.tags.length !== target.tags.length ||
    out.tags.some((t, i) => t !== target.tags[i]);
  return changed ? out : target;
}

const pairKey = (a: string, ai: number, b: string, bi: number) =>
  a < b || (a === b && ai <= bi) ? `${a}|${ai}|${b}|${bi}` : `${b}|${bi}|${a}|${ai}`;

/** The report ids that `file`'s links point at outside the file itself (they must be in the library). */
function outsideLinkEnds(file: unknown): string[] {
  const raw = file as Partial<LibraryFile> | null;
  const inFile = new Set(Array.isArray(raw?.reports) ? raw.reports.map((r) => r?.id) : []);
  return [
    ...new Set(
      (Array.isArray(raw?.links) ? raw.links : [])
        .flatMap((l) => [l?.from, l?.to])
        .filter((id): id is string => typeof id === 'string' && !inFile.has(id)),
    ),
  ];
}

/**
 * Checks a parsed library file against the format and against the library (links may point at reports already in
 * it). What `importLibrary` does first; the import worker does it before the user confirms, then imports with
 * `importCheckedLibrary`.
 */
export async function checkLibraryFile(db: LibraryDB, json: unknown): Promise<ValidationResult> {
  // (A file too deep to walk is refused by the check before its links are read.)
  if (tooDeepPath(json) !== null) return validateLibraryFile(json);
  const outside = outsideLinkEnds(json);
  const existingCounts = await accusationCounts(db, outside);
  return validateLibraryFile(json, { existingIds: new Set(existingCounts.keys()), existingCounts });
}

/**
 * Imports a library file: validated first (links may point at reports already in the library), then written in
 * one transaction (see `importCheckedLibrary`). Throws a LibraryError (with `path`) when the file is not valid.
 */
export async function importLibrary(db: LibraryDB, file: LibraryFile, options: ImportOptions = {}): Promise<ImportOutcome> {
  throwIfAborted(options.signal);
  const checked = await checkLibraryFile(db, file);
  if (!checked.ok) throw new LibraryError(checked.error, checked.path);
  return importCheckedLibrary(db, checked.file, options);
}

/**
 * Imports a file that `checkLibraryFile` has passed, in one transaction, so an error or an abort leaves the library
 * as it was. A report already in the library (same id, canonical URL or text) is merged into it (see `mergeReport`)
 * rather than copied; links follow the reports they point at, one per pair of accusations (the newer wins). Reports
 * go into their packs (store.ts) a batch of packs at a time, with progress after each, each batch derived while
 * IndexedDB writes the one before; the catalog, the lookup, the match index and the term shards are then updated in
 * one pass each (a few thousand records at most). The reports that links point at outside the file are looked for
 * again inside the transaction: one deleted since the check fails the import (a LibraryError naming the link).
 */
export async function importCheckedLibrary(db: LibraryDB, file: LibraryFile, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK);
  throwIfAborted(signal);

  const incoming = file.reports.map(normalizeIncoming);
  const total = incoming.length;
  throwIfAborted(signal);

  return db.transaction('rw', [...db.reportTables, db.postings, db.terms, db.links], async () => {
    // Which of the file's reports the library already holds, by id (the packs' id lists), canonical URL and content
    // hash (the lookup buckets).
    const existingById = await hasReports(
      db,
      incoming.map((r) => r.id),
    );
    // A report a link points at outside the file may have been deleted since the check.
    const outside = outsideLinkEnds(file);
    const present = await hasReports(db, outside);
    if (present.size < outside.length)
      file.links.forEach((l, k) => {
        for (const end of ['from', 'to'] as const)
          if (outside.includes(l[end]) && !present.has(l[end]))
            throw new LibraryError(`links[${k}].${end}: ${JSON.stringify(l[end])} is not a report in the file or the library`, `links[${k}].${end}`);
      });
    const first = (m: Map<string, string[]>) => new Map([...m].map(([k, ids]) => [k, ids[0]!]));
    const urlToId = first(await lookupIds(db, 'url', [...new Set(incoming.map((r) => r.canonicalUrl).filter((u): u is string => !!u))]));
    // An empty text says nothing about which article it is: no dedupe by its hash (as when saving).
    const hashOf = (r: ReportData) => (r.text.trim() ? r.contentHash : null);
    const hashToId = first(await lookupIds(db, 'hash', [...new Set(incoming.map(hashOf).filter((h): h is string => !!h))]));
    throwIfAborted(signal);

    // Plan: each incoming report is new, or goes into a library report, or into a new one earlier in the file.
    const targets: (string | null)[] = [];
    const newIds = new Set<string>();
    for (const r of incoming) {
      const hash = hashOf(r);
      const target = existingById.has(r.id)
        ? r.id
        : ((r.canonicalUrl ? urlToId.get(r.canonicalUrl) : undefined) ?? (hash ? hashToId.get(hash) : undefined) ?? null);
      targets.push(target);
      if (target === null) {
        newIds.add(r.id);
        if (r.canonicalUrl) urlToId.set(r.canonicalUrl, r.id);
        if (hash) hashToId.set(hash, r.id);
      }
    }
    const toLoad = [...new Set(targets.filter((t): t is string => t !== null && !newIds.has(t)))];
    const originals = new Map<string, Working>();
    for (let i = 0; i < toLoad.length; i += chunkSize)
      for (const r of await getReports(db, toLoad.slice(i, i + chunkSize))) if (r) originals.set(r.id, r);

    // Merge in memory.
    const idMap = new Map<string, string>();
    const working = new Map<string, Working>();
    const fresh = new Map<string, Working>();
    incoming.forEach((r, i) => {
      const target = targets[i]!;
      if (target === null) {
        fresh.set(r.id, r);
        idMap.set(r.id, r.id);
        return;
      }
      idMap.set(r.id, target);
      const base = working.get(target) ?? fresh.get(target) ?? originals.get(target);
      if (!base) return;
      const merged = mergeReport(base, r);
      if (merged === base) return;
      if (fresh.has(target)) fresh.set(target, merged);
      else working.set(target, merged);
    });
    const writes = [...fresh.values(), ...working.values()];
    const added = fresh.size;
    const updated = working.size;
    const done = total - writes.length;
    onProgress?.(done, total);

    // The reports are derived (`prepareReport`) a batch of packs at a time, while IndexedDB writes the last batch.
    const rowsOf: AccusationRow[][] = [];
    const terms: { id: string; terms: string }[] = [];
    await putReports(
      db,
      {
        ids: writes.map((w) => w.id),
        make: (i) => {
          const p = prepareReport(writes[i]!);
          rowsOf[i] = p.rows;
          terms.push({ id: p.record.id, terms: termsOf(p.record.words) });
          return p.record;
        },
      },
      [],
      { checkpoint: () => throwIfAborted(signal), onProgress: (written) => onProgress?.(done + written, total) },
    );
    const rows = rowsOf.flat();
    // The match index in one pass: the changed reports' old postings out, every written report's postings in.
    throwIfAborted(signal);
    const oldRows = [...working.keys()].flatMap((id) => accusationRows(originals.get(id)!));
    await updatePostings(db.postings, oldRows, rows);
    await updateTerms(db.terms, terms);

    const links = await importLinks(db, file.links, idMap);
    throwIfAborted(signal);
    return { added, updated, skipped: total - added - updated, links };
  });
}

/** Writes the file's links, their ends moved to the library reports they were merged into. Returns how many changed. */
async function importLinks(db: LibraryDB, links: LibraryLink[], idMap: Map<string, string>): Promise<number> {
  if (!links.length) return 0;
  const moved = links.map((l) => ({ ...l, from: idMap.get(l.from) ?? l.from, to: idMap.get(l.to) ?? l.to })).filter((l) => l.from !== l.to);
  const pairs = new Map<string, [string, string]>();
  for (const l of moved) {
    pairs.set(`${l.from}|${l.to}`, [l.from, l.to]);
    pairs.set(`${l.to}|${l.from}`, [l.to, l.from]);
  }
  const byPair = new Map<string, LinkRecord>();
  for (const l of await db.links
    .where('[from+to]')
    .anyOf([...pairs.values()])
    .toArray())
    byPair.set(pairKey(l.from, l.fromIndex, l.to, l.toIndex), l);
  const touched = new Map<string, LinkRecord>();
  for (const l of moved) {
    const key = pairKey(l.from, l.fromIndex, l.to, l.toIndex);
    const have = touched.get(key) ?? byPair.get(key);
    if (have && (l.createdAt <= have.createdAt || (have.kind === l.kind && (have.note ?? '') === (l.note ?? '')))) continue;
    const next: LinkRecord = have
      ? { ...have, kind: l.kind, createdAt: l.createdAt }
      : { from: l.from, fromIndex: l.fromIndex, to: l.to, toIndex: l.toIndex, kind: l.kind, createdAt: l.createdAt };
    if (l.note) next.note = l.note;
    else delete next.note;
    touched.set(key, next);
  }
  const list = [...touched.values()];
  for (let i = 0; i < list.length; i += IMPORT_CHUNK) await db.links.bulkPut(list.slice(i, i + IMPORT_CHUNK));
  return list.length;
}
