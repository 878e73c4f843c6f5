import type { LibraryDB, ReportData, ReportRecord } from './db';
import { LibraryError } from './db';
import { prepareReport } from './derive';
import { accusationRows, sameRows, updatePostings } from './postings';
import { termsOf, updateTerms } from './terms';
import { getReport, putReports } from './store';

/**
 * Writes one report and moves its postings in the match index, deriving everything through `prepareReport`. Call
 * it inside a rw transaction on the report tables, postings and terms so they never disagree. A write that leaves the
 * accusations, the date and the trash state as they were (notes, tags) does not touch the match index, and one that
 * leaves the search terms as they were (notes, trash) does not touch the term shards.
 */
export async function writeReport(db: LibraryDB, data: ReportData & { trashedAt?: string }): Promise<ReportRecord> {
  const { record, rows } = prepareReport(data);
  const old = await getReport(db, record.id);
  await putReports(db, [record]);
  const oldRows = old ? accusationRows(old) : [];
  if (!sameRows(oldRows, rows)) await updatePostings(db.postings, oldRows, rows);
  if (!old || old.words.join(' ') !== record.words.join(' ')) await updateTerms(db.terms, [{ id: record.id, terms: termsOf(record.words) }]);
  return record;
}

/** The report with this id, or a LibraryError that says it is not there. */
export async function getReportOrThrow(db: LibraryDB, id: string): Promise<ReportRecord> {
  const report = await getReport(db, id);
  if (!report) throw new LibraryError(`There is no report "${String(id)}" in the library.`);
  return report;
}
