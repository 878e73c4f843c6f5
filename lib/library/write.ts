import type { LibraryDB, ReportData, ReportRecord } from './db';
import { LibraryError } from './db';
import { prepareReport } from './derive';

/**
 * Writes one report and replaces its accusation rows, deriving everything through `prepareReport`. Call it inside
 * a rw transaction on reports and accusations so the two never disagree.
 */
export async function writeReport(db: LibraryDB, data: ReportData & { trashedAt?: string }): Promise<ReportRecord> {
  const { record, rows } = prepareReport(data);
  await db.accusations.where('reportId').equals(record.id).delete();
  await db.reports.put(record);
  if (rows.length) await db.accusations.bulkAdd(rows);
  return record;
}

/** The report with this id, or a LibraryError that says it is not there. */
export async function getReportOrThrow(db: LibraryDB, id: string): Promise<ReportRecord> {
  const report = typeof id === 'string' ? await db.reports.get(id) : undefined;
  if (!report) throw new LibraryError(`There is no report "${String(id)}" in the library.`);
  return report;
}
