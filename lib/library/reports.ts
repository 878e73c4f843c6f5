import Dexie from 'dexie';
import type { Accusation, Analysis, ArticleContent, ChargeCategory, Relation } from '../types';
import { contentHash } from '../article/content-hash';
import { canonicalizeUrl } from '../article/canonical-url';
import { CATEGORY_LABELS, chargeSimilarity } from '../charges/taxonomy';
import { relationBetween } from '../match/relations';
import { rankCounterclaims, type Counterclaim, type StoredAccusation, toStoredAccusation } from '../match/rank-counterclaims';
import type { LibraryDB, LinkKind, LinkRecord, ReportCard, ReportRecord, ReportSource } from './db';
import { normalizeTags } from './derive';
import { writeReport } from './write';
import { rowAt } from './postings';
import { getCards, getExistingReports, lookupIds, readCounts } from './store';

export interface SaveInput {
  article: ArticleContent;
  analysis: Analysis;
  source?: ReportSource;
  tags?: string[];
  notes?: string;
}

export interface SaveOutcome {
  id: string;
  /** `updated` when the article was already in the library (or in its trash). */
  status: 'created' | 'updated';
  /** True when the article was in the trash: saving it again brought it back (and updated it). */
  restored?: boolean;
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The stored report for an article (same canonical URL first, then same text), trashed ones included when asked.
 * A report outside the trash wins over a trashed one.
 */
async function findExisting(db: LibraryDB, canonical: string | null, text: string, includeTrashed: boolean): Promise<ReportRecord | undefined> {
  const read = async (kind: 'url' | 'hash', value: string) => getExistingReports(db, (await lookupIds(db, kind, [value])).get(value) ?? []);
  const byUrl = canonical ? await read('url', canonical) : [];
  const live = byUrl.find((r) => !r.trashedAt);
  if (live) return live;
  const byHash = text.trim() ? await read('hash', contentHash(text)) : [];
  const liveByHash = byHash.find((r) => !r.trashedAt);
  if (liveByHash) return liveByHash;
  return includeTrashed ? (byUrl[0] ?? byHash[0]) : undefined;
}

/** The saved report for this article (same canonical URL, or same text), if any. Reports in the trash do not count. */
export async function findSavedReport(
  db: LibraryDB,
  article: Pick<ArticleContent, 'canonicalUrl' | 'url' | 'text'>,
): Promise<ReportRecord | undefined> {
  return findExisting(db, canonicalizeUrl(article.canonicalUrl ?? article.url), article.text, false);
}

/**
 * Saves an article and its analysis. Saving the same article again (same canonical URL or same text) updates the
 * report in place, keeping its id, tags, notes and first save date; an article in the trash is restored and updated
 * (`restored: true`). All or nothing: one transaction.
 */
export async function saveReport(db: LibraryDB, input: SaveInput, now: Date = new Date()): Promise<SaveOutcome> {
  const { article, analysis } = input;
  const hash = contentHash(article.text);
  const canonical = canonicalizeUrl(article.canonicalUrl ?? article.url);
  return db.transaction('rw', [...db.reportTables, db.postings, db.terms], async () => {
    const existing = await findExisting(db, canonical, article.text, true);
    const stamp = now.toISOString();
    const report = await writeReport(db, {
      id: existing?.id ?? newId(),
      url: article.url,
      canonicalUrl: canonical,
      contentHash: hash,
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedAt: article.publishedAt,
      language: analysis.language,
      text: article.text,
      accusations: analysis.accusations,
      primary: analysis.primary,
      source: existing?.source ?? input.source ?? 'saved',
      tags: normalizeTags([...(existing?.tags ?? []), ...(input.tags ?? [])]),
      notes: input.notes ?? existing?.notes ?? '',
      savedAt: existing?.savedAt ?? stamp,
      updatedAt: stamp,
      ...(existing?.origin ? { origin: existing.origin } : {}),
    });
    if (!existing) return { id: report.id, status: 'created' };
    return existing.trashedAt ? { id: report.id, status: 'updated', restored: true } : { id: report.id, status: 'updated' };
  });
}

/** How many reports the library holds, not counting the trash. One read. */
export async function countReports(db: LibraryDB): Promise<number> {
  const { reports, trashed } = await readCounts(db);
  return reports - trashed;
}

/** The relation of a counterclaim: the four of mission.md, or `linked` for a link made by hand that fits none. */
export type CounterclaimRelation = Relation | 'linked';

/** The user's word on a counterclaim: a judgement of a suggestion, a link made by hand, or nothing yet. */
export type Judgement = LinkKind | null;

/** A counterclaim with the report it comes from, ready to show. */
export interface CounterclaimWithReport<R extends CounterclaimRelation = CounterclaimRelation> extends Omit<Counterclaim, 'relation'> {
  relation: R;
  /** Index of the stored accusation in its report's `accusations` (what `judgeCounterclaim` takes as the other side). */
  storedIndex: number;
  judgement: Judgement;
  /** The link that carries the judgement, for undo (`removeLink`); null when there is none. */
  linkId: number | null;
  report: Pick<ReportRecord, 'id' | 'title' | 'url' | 'siteName' | 'publishedAt' | 'source'>;
}

export interface FindCounterclaimsOptions {
  /**
   * The saved report the current article is (when it is one): its links (the user's judgements) then change the
   * result. A rejected counterclaim is left out, a confirmed one scores 0.2 more, and a counterclaim linked by hand
   * shows even when the matcher would not suggest it.
   */
  currentReportId?: string | null;
  /** Keep rejected counterclaims (marked `judgement: 'rejected'`, sorted last) so a page can offer to undo. */
  includeRejected?: boolean;
  /**
   * At most this many counterclaims, best first. Only the reports that can make the cut are read: each candidate
   * row is scored from the index alone, and the words the two accusations share can add at most `MAX_WORD_BONUS`.
   */
  limit?: number;
}

/** How much a confirmed (or hand-made) link raises a counterclaim's score, capped at 1. */
export const JUDGEMENT_BOOST = 0.2;
/** Score of a counterclaim linked by hand that the matcher would not suggest (different charges, unrelated roles). */
export const MANUAL_LINK_SCORE = 0.7;

import { scoreCandidates, selectCandidates } from './candidates';

export { similarCategories } from './candidates';

/** Key of a judged pair seen from the current report: its accusation, the other report and its accusation. */
const pairKey = (against: number, reportId: string, storedIndex: number) => `${against}|${reportId}|${storedIndex}`;

function storedFrom(report: ReportCard, index: number): StoredAccusation | null {
  const a = report.accusations[index];
  return a ? toStoredAccusation(report.id, a, index, report.publishedAt) : null;
}

/** The ranking keeps one counterclaim per report and role/charge triple: a link to a twin accusation is that one. */
const tripleKey = (against: number, s: StoredAccusation) => `${against}|${s.reportId}|${s.accuser.code}|${s.accused.code}|${s.category}`;

const round = (x: number) => Math.round(Math.min(1, x) * 1000) / 1000;

/** Reads reports by id into `into`, skipping those already there; leaves out reports in the trash. */
async function readReports(db: LibraryDB, ids: Iterable<string>, into: Map<string, ReportCard | null>): Promise<void> {
  const need = [...new Set(ids)].filter((id) => !into.has(id));
  if (!need.length) return;
  const got = await getCards(db, need);
  need.forEach((id, i) => {
    const r = got[i];
    into.set(id, r && !r.trashedAt ? r : null);
  });
}

function describeLinked(a: Accusation, b: StoredAccusation): string {
  const sim = chargeSimilarity(a.charge.category, b.category);
  const label = (c: ChargeCategory) => CATEGORY_LABELS[c].toLowerCase();
  if (a.charge.category === b.category) return `same charge: ${label(b.category)}`;
  return sim > 0
    ? `related charges: ${label(a.charge.category)} and ${label(b.category)}`
    : `different charges: ${label(a.charge.category)} and ${label(b.category)}`;
}

/**
 * Finds and ranks the stored accusations that answer `analysis` (reversal, mirror, turnabout, echo), best first.
 * Reads the match index for the codes and charges involved (a few records), then only the reports that can make the
 * result; never scans the library. Reports in the trash have no postings, so they never match.
 *
 * With `options.currentReportId`, the user's links of that report apply (see FindCounterclaimsOptions) and a link
 * made by hand whose roles fit none of the four relations comes back as relation `linked`.
 */
export function findCounterclaims(
  db: LibraryDB,
  analysis: Pick<Analysis, 'accusations'>,
  publishedAt: string | null,
  excludeReportId?: string | null,
): Promise<CounterclaimWithReport<Relation>[]>;
export function findCounterclaims(
  db: LibraryDB,
  analysis: Pick<Analysis, 'accusations'>,
  publishedAt: string | null,
  excludeReportId: string | null | undefined,
  options: FindCounterclaimsOptions,
): Promise<CounterclaimWithReport[]>;
export async function findCounterclaims(
  db: LibraryDB,
  analysis: Pick<Analysis, 'accusations'>,
  publishedAt: string | null,
  excludeReportId: string | null = null,
  options: FindCounterclaimsOptions = {},
): Promise<CounterclaimWithReport[]> {
  // One read transaction for all the reads (a dozen small requests), unless the caller is already in one.
  if (Dexie.currentTransaction) return findIn(db, analysis, publishedAt, excludeReportId, options);
  return db.transaction('r', [...db.reportTables, db.postings, db.links], () => findIn(db, analysis, publishedAt, excludeReportId, options));
}

async function findIn(
  db: LibraryDB,
  analysis: Pick<Analysis, 'accusations'>,
  publishedAt: string | null,
  excludeReportId: string | null,
  options: FindCounterclaimsOptions,
): Promise<CounterclaimWithReport[]> {
  const current = analysis.accusations;
  if (!current.length) return [];
  const currentId = options.currentReportId ?? null;
  const excluded = new Set([excludeReportId, currentId].filter((x): x is string => !!x));

  // The user's links of the current report, keyed from its side.
  const links = new Map<string, LinkRecord>();
  if (currentId) {
    const [out, back] = await Promise.all([db.links.where('from').equals(currentId).toArray(), db.links.where('to').equals(currentId).toArray()]);
    for (const l of out) links.set(pairKey(l.fromIndex, l.to, l.toIndex), l);
    for (const l of back) links.set(pairKey(l.toIndex, l.from, l.fromIndex), l);
  }
  const judgedReports = new Set([...links.values()].flatMap((l) => [l.from, l.to]));

  const matchable = current.some((a) => a.accuser.code !== a.accused.code);
  const rejected = (against: number, reportId: string, index: number) => links.get(pairKey(against, reportId, index))?.kind === 'rejected';
  // The bound-pruned read does not know the user's links: a report the user judged must be read whatever its score.
  const prune = options.limit !== undefined && options.limit >= 0 && !links.size;
  let candidates = matchable
    ? await scoreCandidates(db, current, publishedAt, excluded, prune ? { limit: Math.max(1, options.limit!), rejected } : {})
    : [];
  if (!options.includeRejected) candidates = candidates.filter((c) => !rejected(c.against, c.chunk.reportIds[c.at]!, c.chunk.indexes[c.at]!));
  if (options.limit !== undefined && options.limit >= 0)
    candidates = selectCandidates(candidates, Math.max(1, options.limit), (id) => judgedReports.has(id), rejected);
  const rows = candidates.map((c) => rowAt(c.chunk, c.at));
  const reports = new Map<string, ReportCard | null>();

  // Reports of the rows, plus the reports linked by hand or confirmed (they show even when not suggested).
  const extraIds = [...links.values()]
    .filter((l) => l.kind !== 'rejected')
    .map((l) => (l.from === currentId ? l.to : l.from))
    .filter((id) => !excluded.has(id));
  const toRead = [...rows.map((r) => r.reportId), ...extraIds].filter((id) => !reports.has(id));
  if (toRead.length) await readReports(db, toRead, reports);

  const stored: StoredAccusation[] = [];
  const indexOf = new Map<StoredAccusation, number>();
  for (const row of rows) {
    const report = reports.get(row.reportId);
    const s = report && storedFrom(report, row.index);
    if (!s) continue;
    stored.push(s);
    indexOf.set(s, row.index);
  }

  const out: CounterclaimWithReport[] = [];
  const shown = new Set<string>();
  const reportView = (r: ReportCard) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    siteName: r.siteName,
    publishedAt: r.publishedAt,
    source: r.source,
  });
  for (const c of rankCounterclaims(current, publishedAt, stored)) {
    const storedIndex = indexOf.get(c.stored)!;
    const link = links.get(pairKey(c.against, c.stored.reportId, storedIndex));
    shown.add(pairKey(c.against, c.stored.reportId, storedIndex));
    shown.add(tripleKey(c.against, c.stored));
    const item: CounterclaimWithReport = {
      ...c,
      storedIndex,
      judgement: link?.kind ?? null,
      linkId: link?.id ?? null,
      report: reportView(reports.get(c.stored.reportId)!),
    };
    if (link) applyJudgement(item, link);
    if (link?.kind === 'rejected' && !options.includeRejected) continue;
    out.push(item);
  }

  // Links made by hand (or confirmed) that the matcher does not suggest.
  for (const [key, link] of links) {
    if (link.kind === 'rejected' || shown.has(key)) continue;
    const [againstText, otherId] = key.split('|') as [string, string];
    const against = Number(againstText);
    const otherIndex = link.from === currentId ? link.toIndex : link.fromIndex;
    const report = reports.get(otherId);
    const a = current[against];
    const s = report && storedFrom(report, otherIndex);
    if (!a || !s || shown.has(tripleKey(against, s))) continue;
    const ranked = rankCounterclaims([a], publishedAt, [s])[0];
    const item: CounterclaimWithReport = ranked
      ? { ...ranked, against, storedIndex: otherIndex, judgement: link.kind, linkId: link.id ?? null, report: reportView(report) }
      : {
          stored: s,
          against,
          relation:
            relationBetween({ accuser: a.accuser.code, accused: a.accused.code }, { accuser: s.accuser.code, accused: s.accused.code }) ?? 'linked',
          score: MANUAL_LINK_SCORE,
          reasons: [describeLinked(a, s)],
          storedIndex: otherIndex,
          judgement: link.kind,
          linkId: link.id ?? null,
          report: reportView(report),
        };
    applyJudgement(item, link, !!ranked);
    out.push(item);
  }

  // Equal scores in a fixed order (report id, then accusation), whatever order the reports were read in.
  out.sort(
    (x, y) =>
      Number(x.judgement === 'rejected') - Number(y.judgement === 'rejected') ||
      y.score - x.score ||
      (x.report.id < y.report.id ? -1 : x.report.id > y.report.id ? 1 : 0) ||
      x.storedIndex - y.storedIndex ||
      x.against - y.against,
  );
  return options.limit !== undefined && options.limit >= 0 ? out.slice(0, options.limit) : out;
}

/** Marks a counterclaim with the user's link: the reason first, the note last, and the boost when it is a yes. */
function applyJudgement(item: CounterclaimWithReport, link: LinkRecord, boost = true): void {
  const note = link.note ? [`your note: ${link.note}`] : [];
  if (link.kind === 'rejected') {
    item.reasons = [...item.reasons, 'you rejected this link', ...note];
    return;
  }
  if (boost) item.score = round(item.score + JUDGEMENT_BOOST);
  item.reasons = [link.kind === 'confirmed' ? 'you confirmed this link' : 'linked by you', ...item.reasons, ...note];
}
