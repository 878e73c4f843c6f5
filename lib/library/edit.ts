import type { LibraryDB } from './db';
import { accusationRows, updatePostings } from './postings';
import { updateTerms } from './terms';
import { normalizeTags } from './derive';
import { toSummary, type ReportSummary } from './search';
import { getReportOrThrow, writeReport } from './write';
import { getExistingReports, hasReports, putReports, readCatalog } from './store';

const DAY_MS = 86_400_000;

/**
 * Replaces a report's tags (normalised by `normalizeTags`: trimmed, at most 50 characters, no empty ones, no
 * duplicates ignoring case, case kept) and returns them. The search terms follow.
 */
export async function setTags(db: LibraryDB, id: string, tags: string[]): Promise<string[]> {
  return db.transaction('rw', [...db.reportTables, db.postings, db.terms], async () => {
    const report = await getReportOrThrow(db, id);
    const normalized = normalizeTags(tags);
    await writeReport(db, { ...report, tags: normalized });
    return normalized;
  });
}

/** Replaces a report's notes. */
export async function setNotes(db: LibraryDB, id: string, notes: string): Promise<void> {
  await db.transaction('rw', [...db.reportTables, db.postings, db.terms], async () => {
    const report = await getReportOrThrow(db, id);
    await writeReport(db, { ...report, notes: String(notes) });
  });
}

/**
 * Moves a report to the trash: it stays in the database (and its links stay), but it leaves every query, count and
 * match, because its postings leave the match index. `restoreReport` undoes it. Trashing a trashed report keeps its
 * first date. Returns the trash date.
 */
export async function trashReport(db: LibraryDB, id: string, now: Date = new Date()): Promise<{ id: string; trashedAt: string }> {
  return db.transaction('rw', [...db.reportTables, db.postings, db.terms], async () => {
    const report = await getReportOrThrow(db, id);
    const trashedAt = report.trashedAt ?? now.toISOString();
    await writeReport(db, { ...report, trashedAt });
    return { id, trashedAt };
  });
}

/** Takes a report out of the trash and posts its accusations again, so it matches again. */
export async function restoreReport(db: LibraryDB, id: string): Promise<void> {
  await db.transaction('rw', [...db.reportTables, db.postings, db.terms], async () => {
    const report = await getReportOrThrow(db, id);
    delete report.trashedAt;
    await writeReport(db, report);
  });
}

/** The reports in the trash, most recently trashed first. */
export async function listTrash(db: LibraryDB): Promise<ReportSummary[]> {
  const ids = (await readCatalog(db)).filter((r) => r.trashedAt).map((r) => r.id);
  const trashed = (await getExistingReports(db, ids)).filter((r) => r.trashedAt);
  return trashed.sort((a, b) => (b.trashedAt ?? '').localeCompare(a.trashedAt ?? '')).map(toSummary);
}

/** Deletes a report for good: the report, its postings and its links. Returns whether there was one. */
export async function deleteForever(db: LibraryDB, id: string): Promise<boolean> {
  return db.transaction('rw', [...db.reportTables, db.postings, db.terms, db.links], async () => {
    if (!(await hasReports(db, [id])).has(id)) return false;
    await deleteReports(db, [id]);
    return true;
  });
}

async function deleteReports(db: LibraryDB, ids: string[]): Promise<void> {
  const gone = await getExistingReports(db, ids);
  await putReports(db, [], ids);
  await updatePostings(db.postings, gone.flatMap(accusationRows), []);
  await updateTerms(db.terms, [], ids);
  await db.links.where('from').anyOf(ids).delete();
  await db.links.where('to').anyOf(ids).delete();
}

/** Deletes for good the reports that have been in the trash for more than `olderThanDays` days. Returns how many. */
export async function purgeTrash(db: LibraryDB, olderThanDays = 30, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString();
  return db.transaction('rw', [...db.reportTables, db.postings, db.terms, db.links], async () => {
    const ids = (await readCatalog(db)).filter((r) => r.trashedAt !== null && r.trashedAt < cutoff).map((r) => r.id);
    if (ids.length) await deleteReports(db, ids);
    return ids.length;
  });
}
