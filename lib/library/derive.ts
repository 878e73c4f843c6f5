import type { ChargeCategory } from '../types';
import type { AccusationRow, ReportData, ReportRecord } from './db';
import { accusationRows } from './postings';

/** Words of the body text that go into the search terms: the start of an article says what it is about. */
export const TEXT_WORDS = 300;
/** At most this many search terms a report, so one long article cannot bloat the index. */
export const MAX_WORDS = 400;
const MAX_WORD_LENGTH = 40;
/** Tags longer than this are cut. */
export const MAX_TAG_LENGTH = 50;

/**
 * Words too common to search for. Kept small on purpose: a country code such as "us" or "eu" must stay searchable,
 * and every word left out here is a word a user cannot find.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'the and of to in on for with by at from as is are was were be been being has have had it its this that these ' +
    'those an or not but he she they we his her their our said says will would could should also than more over ' +
    'after before into about who which what when where while there here can may no so if do did does all any'
  ).split(' '),
);

// Printable ASCII plus tab, line feed and carriage return: text that needs no Unicode folding.
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Lowercase, diacritics folded ("Česká" -> "ceska"), split on anything that is not a letter or a digit. */
export function tokenize(text: string): string[] {
  // Most text is ASCII: skip Unicode normalisation for it (an import tokenises every report).
  if (ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A token worth indexing: two or more characters, at least one a letter, not a stop word. */
export function isSearchWord(word: string): boolean {
  return word.length >= 2 && word.length <= MAX_WORD_LENGTH && (/[a-z]/.test(word) || /\p{L}/u.test(word)) && !STOP_WORDS.has(word);
}

/**
 * The search terms of a report: distinct words of the title, the accusations' quotes and charge words, the tags and
 * the first `TEXT_WORDS` words of the text, in that order of priority, at most `MAX_WORDS`.
 */
export function searchWords(report: Pick<ReportData, 'title' | 'accusations' | 'tags' | 'text'>): string[] {
  const out = new Set<string>();
  const add = (tokens: string[]) => {
    for (const w of tokens) {
      if (out.size >= MAX_WORDS) return;
      if (isSearchWord(w)) out.add(w);
    }
  };
  add(tokenize(report.title));
  for (const a of report.accusations) add(tokenize(`${a.quote} ${a.charge.text}`));
  for (const tag of report.tags) add(tokenize(tag));
  // A generous slice of characters holds the first TEXT_WORDS words without tokenising a whole long article.
  add(tokenize(report.text.slice(0, TEXT_WORDS * 20)).slice(0, TEXT_WORDS));
  return [...out];
}

/** The title as the sort index holds it. */
export function sortTitleOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim()
    .slice(0, 200);
}

/** The fields of a stored report that are computed from its data, for the indexes. */
export function deriveSearchFields(report: Pick<ReportData, 'title' | 'accusations' | 'tags' | 'text'>): {
  words: string[];
  countries: string[];
  categories: ChargeCategory[];
  sortTitle: string;
} {
  const countries = new Set<string>();
  const categories = new Set<ChargeCategory>();
  for (const a of report.accusations) {
    countries.add(a.accuser.code);
    countries.add(a.accused.code);
    categories.add(a.charge.category);
  }
  return { words: searchWords(report), countries: [...countries], categories: [...categories], sortTitle: sortTitleOf(report.title) };
}

/**
 * Tags as the library keeps them: trimmed, inner whitespace collapsed, cut to `MAX_TAG_LENGTH` characters, empty
 * ones dropped, and duplicates dropped case-insensitively (the first spelling wins). Case is kept.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** A report ready to write: the record with its derived fields, and its match-index postings (none when trashed). */
export interface PreparedReport {
  record: ReportRecord;
  rows: AccusationRow[];
}

/**
 * The one place where a report's derived state is computed. Every write path (save, edit, trash, restore, import)
 * goes through it, so the search fields and the accusation rows always agree with the report. Copies only the
 * known fields, so stray properties (an old schema's, an imported file's) are not stored.
 */
export function prepareReport(data: ReportData & { trashedAt?: string }): PreparedReport {
  const record: ReportRecord = {
    id: data.id,
    url: data.url,
    canonicalUrl: data.canonicalUrl,
    contentHash: data.contentHash,
    title: data.title,
    byline: data.byline,
    siteName: data.siteName,
    publishedAt: data.publishedAt,
    language: data.language,
    text: data.text,
    accusations: data.accusations,
    primary: data.primary,
    source: data.source,
    tags: data.tags,
    notes: data.notes,
    savedAt: data.savedAt,
    updatedAt: data.updatedAt,
    ...(data.origin ? { origin: data.origin } : {}),
    ...(data.trashedAt ? { trashedAt: data.trashedAt } : {}),
    ...deriveSearchFields(data),
  };
  return { record, rows: accusationRows(record) };
}

/** The portable part of a stored report (what the library file holds): derived fields and the trash stamp removed. */
export function toReportData(record: ReportRecord): ReportData {
  const data: ReportData = {
    id: record.id,
    url: record.url,
    canonicalUrl: record.canonicalUrl,
    contentHash: record.contentHash,
    title: record.title,
    byline: record.byline,
    siteName: record.siteName,
    publishedAt: record.publishedAt,
    language: record.language,
    text: record.text,
    accusations: record.accusations,
    primary: record.primary,
    source: record.source,
    tags: record.tags,
    notes: record.notes,
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
  };
  if (record.origin) data.origin = record.origin;
  return data;
}
