import type { Analysis, ArticleContent } from '../types';
import { contentHash } from '../article/content-hash';
import { canonicalizeUrl } from '../article/canonical-url';
import { rankCounterclaims, type Counterclaim, type StoredAccusation } from '../match/rank-counterclaims';
import type { AccusationRow, LibraryDB, ReportRecord, ReportSource } from './db';

export interface SaveInput {
  article: ArticleContent;
  analysis: Analysis;
  source?: ReportSource;
  tags?: string[];
  notes?: string;
}

export interface SaveOutcome {
  id: string;
  status: 'created' | 'updated';
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** The saved report for this article (same canonical URL, or same text), if any. */
export async function findSavedReport(
  db: LibraryDB,
  article: Pick<ArticleContent, 'canonicalUrl' | 'url' | 'text'>,
): Promise<ReportRecord | undefined> {
  const canonical = canonicalizeUrl(article.canonicalUrl ?? article.url);
  if (canonical) {
    const byUrl = await db.reports.where('canonicalUrl').equals(canonical).first();
    if (byUrl) return byUrl;
  }
  if (!article.text.trim()) return undefined;
  return db.reports.where('contentHash').equals(contentHash(article.text)).first();
}

function rowsOf(report: ReportRecord): AccusationRow[] {
  return report.accusations.map((a, index) => ({
    reportId: report.id,
    index,
    accuser: a.accuser.code,
    accused: a.accused.code,
    category: a.charge.category,
    publishedAt: report.publishedAt,
  }));
}

/**
 * Saves an article and its analysis. Saving the same article again (same canonical URL or same text) updates the
 * report in place, keeping its id, tags, notes and first save date. All or nothing: one transaction.
 */
export async function saveReport(db: LibraryDB, input: SaveInput, now: Date = new Date()): Promise<SaveOutcome> {
  const { article, analysis } = input;
  const hash = contentHash(article.text);
  const canonical = canonicalizeUrl(article.canonicalUrl ?? article.url);
  return db.transaction('rw', db.reports, db.accusations, async () => {
    const existing = await findSavedReport(db, { canonicalUrl: canonical, url: article.url, text: article.text });
    const stamp = now.toISOString();
    const report: ReportRecord = {
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
      tags: [...new Set([...(existing?.tags ?? []), ...(input.tags ?? [])])],
      notes: input.notes ?? existing?.notes ?? '',
      savedAt: existing?.savedAt ?? stamp,
      updatedAt: stamp,
    };
    if (existing) await db.accusations.where('reportId').equals(existing.id).delete();
    await db.reports.put(report);
    await db.accusations.bulkAdd(rowsOf(report));
    return { id: report.id, status: existing ? 'updated' : 'created' };
  });
}

export async function countReports(db: LibraryDB): Promise<number> {
  return db.reports.count();
}

/** A counterclaim with the report it comes from, ready to show. */
export interface CounterclaimWithReport extends Counterclaim {
  report: Pick<ReportRecord, 'id' | 'title' | 'url' | 'siteName' | 'publishedAt' | 'source'>;
}

/**
 * Finds and ranks the stored accusations that answer `analysis` (reversal, mirror, turnabout, echo).
 * Reads the accusation indexes for the codes involved; never scans the library.
 */
export async function findCounterclaims(
  db: LibraryDB,
  analysis: Pick<Analysis, 'accusations'>,
  publishedAt: string | null,
  excludeReportId: string | null = null,
): Promise<CounterclaimWithReport[]> {
  if (!analysis.accusations.length) return [];
  const accusers = [...new Set(analysis.accusations.map((a) => a.accuser.code))];
  const accused = [...new Set(analysis.accusations.map((a) => a.accused.code))];
  const [byAccuser, byAccused] = await Promise.all([
    db.accusations.where('accuser').anyOf(accused).toArray(),
    db.accusations
      .where('accused')
      .anyOf([...accusers, ...accused])
      .toArray(),
  ]);
  const rows = new Map<number, AccusationRow>();
  for (const r of [...byAccuser, ...byAccused]) if (r.id !== undefined && r.reportId !== excludeReportId) rows.set(r.id, r);
  const reportIds = [...new Set([...rows.values()].map((r) => r.reportId))];
  const reports = new Map((await db.reports.bulkGet(reportIds)).filter((r): r is ReportRecord => !!r).map((r) => [r.id, r]));
  const stored: StoredAccusation[] = [];
  for (const row of rows.values()) {
    const report = reports.get(row.reportId);
    const a = report?.accusations[row.index];
    if (!report || !a) continue;
    stored.push({
      reportId: report.id,
      accuser: a.accuser,
      accused: a.accused,
      category: a.charge.category,
      chargeText: a.charge.text,
      quote: a.quote,
      publishedAt: report.publishedAt,
    });
  }
  return rankCounterclaims(analysis.accusations, publishedAt, stored).map((c) => {
    const r = reports.get(c.stored.reportId)!;
    return { ...c, report: { id: r.id, title: r.title, url: r.url, siteName: r.siteName, publishedAt: r.publishedAt, source: r.source } };
  });
}
