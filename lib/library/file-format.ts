/**
 * The library file format, version 1 (docs/library-format.md): its types and the validation every reader runs
 * before it writes anything. Pure TypeScript without Dexie, so the CLI can use it.
 */
import { getGazetteer } from '../actors/gazetteer';
import { isChargeCategory } from '../charges/taxonomy';
import type { LinkKind, ReportData, ReportSource } from './db';

export const LIBRARY_FORMAT = 'counterclaim-library';
export const LIBRARY_VERSION = 1;

export const REPORT_SOURCES: readonly ReportSource[] = ['saved', 'selection', 'starter', 'import', 'gdelt'];

export type LibraryReport = ReportData;

export interface LibraryLink {
  from: string;
  fromIndex: number;
  to: string;
  toIndex: number;
  kind: LinkKind;
  createdAt: string;
  note?: string;
}

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: typeof LIBRARY_VERSION;
  exportedAt: string;
  reports: LibraryReport[];
  links: LibraryLink[];
}

export type ValidationResult = { ok: true; file: LibraryFile } | { ok: false; error: string; path: string };

export interface ValidateOptions {
  /** Ids already in the library: a link may point at them as well as at the file's reports. */
  existingIds?: ReadonlySet<string>;
  /** How many accusations those reports have: a link's index into one is checked against it. */
  existingCounts?: ReadonlyMap<string, number>;
}

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path}: ${what}`);
  }
}

type Obj = Record<string, unknown>;

const show = (v: unknown): string => {
  if (v === undefined) return 'missing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    // A value too deep (or too large) to print: say what it is.
    s = Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** No field of a library file is nested deeper than a few levels; a file nested past this is refused at once. */
export const MAX_NESTING = 32;

/**
 * The path to the first value nested deeper than `limit` levels (`format[0][0][0]...`), or null. The walk goes no
 * deeper than `limit` itself, so a file nested 100,000 levels deep is refused with a path, not a stack overflow,
 * and a large flat file costs one pass with no copies.
 */
export function tooDeepPath(value: unknown, limit = MAX_NESTING): string | null {
  const path: (string | number)[] = [];
  const walk = (v: object, depth: number): boolean => {
    if (depth >= limit) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== 'object' || x === null) continue;
        path.push(i);
        if (walk(x, depth + 1)) return true;
        path.pop();
      }
    } else
      for (const k in v) {
        const x = (v as Obj)[k];
        if (typeof x !== 'object' || x === null) continue;
        path.push(k);
        if (walk(x, depth + 1)) return true;
        path.pop();
      }
    return false;
  };
  if (typeof value !== 'object' || value === null || !walk(value, 0)) return null;
  return path.map((k, d) => (typeof k === 'number' ? `[${k}]` : d === 0 ? k : `.${k}`)).join('');
}

function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, `should be an object, not ${show(v)}`);
  return v as Obj;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(path, `should be a list, not ${show(v)}`);
  return v;
}

function string(o: Obj, key: string, path: string, opts: { min?: number; max?: number } = {}): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Invalid(`${path}.${key}`, `should be text, not ${show(v)}`);
  if (opts.min !== undefined && v.length < opts.min)
    throw new Invalid(`${path}.${key}`, opts.min === 1 ? 'is empty' : `is shorter than ${opts.min} characters`);
  if (opts.max !== undefined && v.length > opts.max) throw new Invalid(`${path}.${key}`, `is longer than ${opts.max} characters`);
  return v;
}

function nullableString(o: Obj, key: string, path: string): string | null {
  if (o[key] === null) return null;
  if (typeof o[key] !== 'string') throw new Invalid(`${path}.${key}`, `should be text or null, not ${show(o[key])}`);
  return o[key];
}

function integer(o: Obj, key: string, path: string, min: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Invalid(`${path}.${key}`, `should be a whole number, not ${show(v)}`);
  if (v < min) throw new Invalid(`${path}.${key}`, `should be ${min} or more, not ${v}`);
  return v;
}

function strings(o: Obj, key: string, path: string): string[] {
  const list = array(o[key], `${path}.${key}`);
  list.forEach((s, i) => {
    if (typeof s !== 'string') throw new Invalid(`${path}.${key}[${i}]`, `should be text, not ${show(s)}`);
  });
  return list as string[];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written YYYY-MM-DD. (Arithmetic, not Date objects: it runs for every report of an import.) */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** An ISO 8601 timestamp with a real date and time and a zone (`2026-11-23T17:00:00.000Z`). */
export function isIsoTimestamp(v: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.exec(v);
  return !!m && isCalendarDate(m[1]!);
}

function timestamp(o: Obj, key: string, path: string): string {
  const v = string(o, key, path);
  if (!isIsoTimestamp(v)) throw new Invalid(`${path}.${key}`, `${show(v)} is not a date and time (ISO 8601, such as 2026-11-23T17:00:00.000Z)`);
  return v;
}

function webUrl(o: Obj, key: string, path: string): void {
  const v = nullableString(o, key, path);
  if (v === null) return;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Invalid(`${path}.${key}`, `${show(v)} is not a web address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Invalid(`${path}.${key}`, `${show(v)} is not an http or https address`);
}

function actor(v: unknown, path: string, known: ReadonlyMap<string, string>): string {
  const a = object(v, path);
  const code = string(a, 'code', path);
  if (!known.has(code)) throw new Invalid(`${path}.code`, `${show(code)} is not a known actor code`);
  string(a, 'name', path);
  string(a, 'detail', path);
  return code;
}

function accusation(v: unknown, path: string, report: Obj, known: ReadonlyMap<string, string>): void {
  const a = object(v, path);
  const accuser = actor(a.accuser, `${path}.accuser`, known);
  const accused = actor(a.accused, `${path}.accused`, known);
  if (accuser === accused) throw new Invalid(`${path}.accused.code`, `the accused is the accuser (${accuser})`);
  const charge = object(a.charge, `${path}.charge`);
  if (!isChargeCategory(charge.category)) throw new Invalid(`${path}.charge.category`, `${show(charge.category)} is not a charge category`);
  string(charge, 'text', `${path}.charge`);
  const quote = string(a, 'quote', path);
  const loc = object(a.location, `${path}.location`);
  if (loc.field !== 'title' && loc.field !== 'text')
    throw new Invalid(`${path}.location.field`, `should be "title" or "text", not ${show(loc.field)}`);
  const field = report[loc.field] as string;
  const start = integer(loc, 'start', `${path}.location`, 0);
  const end = integer(loc, 'end', `${path}.location`, start);
  if (end > field.length) throw new Invalid(`${path}.location.end`, `${end} is past the end of the ${loc.field} (${field.length} characters)`);
  if (field.slice(start, end) !== quote) throw new Invalid(`${path}.location`, `the ${loc.field} from ${start} to ${end} is not the quote`);
  integer(a, 'mentions', path, 1);
  const conf = a.confidence;
  if (typeof conf !== 'number' || !(conf >= 0 && conf <= 1))
    throw new Invalid(`${path}.confidence`, `should be a number from 0 to 1, not ${show(conf)}`);
  const facets = object(a.facets, `${path}.facets`);
  for (const k of ['targets', 'evidence', 'response', 'denial']) strings(facets, k, `${path}.facets`);
  strings(a, 'reasons', path);
}

function origin(v: unknown, path: string): void {
  const o = object(v, path);
  if (o.kind === 'starter') string(o, 'release', path, { min: 1 });
  else if (o.kind === 'gdelt') {
    array(o.eventIds, `${path}.eventIds`).forEach((e, i) => {
      if (typeof e !== 'string' && !(typeof e === 'number' && Number.isFinite(e)))
        throw new Invalid(`${path}.eventIds[${i}]`, `should be an event id, not ${show(e)}`);
    });
    webUrls(o, 'sourceUrls', path);
    string(o, 'cameo', path, { min: 1 });
  } else throw new Invalid(`${path}.kind`, `should be "gdelt" or "starter", not ${show(o.kind)}`);
}

/**
 * What an imported file may hold, as what a page read may give (lib/extension/schemas.ts LIMITS) and a little
 * room for what the user wrote: a 10 MB title or note is no report.
 */
export const IMPORT_LIMITS = {
  title: 2_000,
  shortText: 1_000,
  text: 2_000_000,
  notes: 100_000,
  tag: 200,
  tags: 500,
  linkNote: 10_000,
} as const;

/** A list of http or https addresses (a `javascript:` or `data:` one is never stored). */
function webUrls(o: Obj, key: string, path: string): void {
  strings(o, key, path).forEach((v, i) => {
    let u: URL | null = null;
    try {
      u = new URL(v);
    } catch {
      // not an address
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
      throw new Invalid(`${path}.${key}[${i}]`, `${show(v)} is not an http or https address`);
  });
}

function report(v: unknown, path: string, known: ReadonlyMap<string, string>, ids: Map<string, number>, positions: Map<string, number>): void {
  const r = object(v, path);
  const id = string(r, 'id', path, { min: 1, max: 100 });
  if (ids.has(id)) throw new Invalid(`${path}.id`, `${show(id)} is used twice (also by reports[${positions.get(id)}])`);
  webUrl(r, 'url', path);
  webUrl(r, 'canonicalUrl', path);
  const hash = string(r, 'contentHash', path);
  if (!/^[0-9a-f]{16}$/.test(hash)) throw new Invalid(`${path}.contentHash`, `${show(hash)} is not 16 hexadecimal characters`);
  string(r, 'title', path, { max: IMPORT_LIMITS.title });
  const short = (key: string) => {
    const t = nullableString(r, key, path);
    if (t !== null && t.length > IMPORT_LIMITS.shortText) throw new Invalid(`${path}.${key}`, `is longer than ${IMPORT_LIMITS.shortText} characters`);
  };
  short('byline');
  short('siteName');
  const published = nullableString(r, 'publishedAt', path);
  if (published !== null && !isCalendarDate(published))
    throw new Invalid(`${path}.publishedAt`, `${show(published)} is not a real date (YYYY-MM-DD)`);
  const language = string(r, 'language', path);
  if (!/^([a-z]{2}|und)$/.test(language)) throw new Invalid(`${path}.language`, `${show(language)} is not a two-letter language code or "und"`);
  string(r, 'text', path, { max: IMPORT_LIMITS.text });
  const accusations = array(r.accusations, `${path}.accusations`);
  accusations.forEach((a, i) => accusation(a, `${path}.accusations[${i}]`, r, known));
  if (r.primary !== null) {
    const p = integer(r, 'primary', path, 0);
    if (p >= accusations.length) throw new Invalid(`${path}.primary`, `${p} is not one of the ${accusations.length} accusations`);
  }
  if (!REPORT_SOURCES.includes(r.source as ReportSource))
    throw new Invalid(`${path}.source`, `${show(r.source)} is not a source (${REPORT_SOURCES.join(', ')})`);
  const tags = strings(r, 'tags', path);
  if (tags.length > IMPORT_LIMITS.tags) throw new Invalid(`${path}.tags`, `has more than ${IMPORT_LIMITS.tags} tags`);
  const seen = new Set<string>();
  tags.forEach((t, i) => {
    if (!t.trim()) throw new Invalid(`${path}.tags[${i}]`, 'is empty');
    if (t !== t.trim()) throw new Invalid(`${path}.tags[${i}]`, `${show(t)} has spaces around it`);
    if (seen.has(t)) throw new Invalid(`${path}.tags[${i}]`, `${show(t)} is there twice`);
    if (t.length > IMPORT_LIMITS.tag) throw new Invalid(`${path}.tags[${i}]`, `is longer than ${IMPORT_LIMITS.tag} characters`);
    seen.add(t);
  });
  string(r, 'notes', path, { max: IMPORT_LIMITS.notes });
  timestamp(r, 'savedAt', path);
  timestamp(r, 'updatedAt', path);
  if (r.origin !== undefined) origin(r.origin, `${path}.origin`);
  ids.set(id, accusations.length);
  positions.set(id, positions.size);
}

function link(v: unknown, path: string, ids: Map<string, number>, existing: ReadonlySet<string>, counts: ReadonlyMap<string, number>): void {
  const l = object(v, path);
  const end = (key: 'from' | 'to', indexKey: 'fromIndex' | 'toIndex') => {
    const id = string(l, key, path, { min: 1 });
    const index = integer(l, indexKey, path, 0);
    const inFile = ids.get(id);
    if (inFile === undefined && !existing.has(id)) throw new Invalid(`${path}.${key}`, `${show(id)} is not a report in the file or the library`);
    // A report in the library is checked like one in the file, when its count is known.
    const count = inFile ?? counts.get(id);
    if (count !== undefined && index >= Math.max(1, count))
      throw new Invalid(`${path}.${indexKey}`, `${index} is not one of the report's ${count} accusations`);
    return id;
  };
  if (end('from', 'fromIndex') === end('to', 'toIndex')) throw new Invalid(`${path}.to`, 'links a report to itself');
  if (l.kind !== 'confirmed' && l.kind !== 'rejected' && l.kind !== 'manual')
    throw new Invalid(`${path}.kind`, `should be "confirmed", "rejected" or "manual", not ${show(l.kind)}`);
  timestamp(l, 'createdAt', path);
  if (l.note !== undefined) string(l, 'note', path, { max: IMPORT_LIMITS.linkNote });
}

/**
 * Checks a parsed library file against the format, field by field, and stops at the first problem: its path
 * (`reports[12].accusations[0].accused.code`) and what is wrong, in plain words. Unknown top-level fields are
 * ignored; a missing `links` reads as none; a newer version is refused. Links may point at reports in the file
 * or at `options.existingIds`; a link's indexes are checked against the reports in the file.
 */
export function validateLibraryFile(json: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    const deep = tooDeepPath(json);
    if (deep !== null) {
      const shown = deep.length > 40 ? `${deep.slice(0, 37)}...` : deep;
      throw new Invalid(shown, `is nested more than ${MAX_NESTING} levels deep: this is not a Counterclaim library file`);
    }
    const f = object(json, 'file');
    if (f.format !== LIBRARY_FORMAT)
      throw new Invalid('format', `should be "${LIBRARY_FORMAT}", not ${show(f.format)}: this is not a Counterclaim library file`);
    if (typeof f.version !== 'number' || !Number.isInteger(f.version) || f.version < 1)
      throw new Invalid('version', `should be a version number, not ${show(f.version)}`);
    if (f.version > LIBRARY_VERSION)
      throw new Invalid(
        'version',
        `the file is version ${f.version}, newer than this Counterclaim reads (${LIBRARY_VERSION}); update Counterclaim to import it`,
      );
    timestamp(f, 'exportedAt', 'file');
    const known = getGazetteer().names;
    // Report id -> how many accusations it has (for the links), and -> its place in the file (for messages).
    const ids = new Map<string, number>();
    const positions = new Map<string, number>();
    array(f.reports, 'reports').forEach((r, i) => report(r, `reports[${i}]`, known, ids, positions));
    const links = f.links === undefined ? [] : array(f.links, 'links');
    links.forEach((l, i) => link(l, `links[${i}]`, ids, options.existingIds ?? new Set(), options.existingCounts ?? new Map()));
    return { ok: true, file: { ...(f as unknown as LibraryFile), links: links as LibraryLink[] } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message.replace(/^file\./, ''), path: e.path.replace(/^file\.?/, '') || 'file' };
    throw e;
  }
}
