import type { LibraryDB } from '../library/db';
import { importLibrary, validateLibraryFile } from '../library/export';
import { restoreReport, trashReport } from '../library/edit';
import { readCatalog } from '../library/store';
import starter from '../library/starter/starter-library.json';

/**
 * Installs (or, after an update, refreshes) the starter library of real reports. The user's own reports are never
 * touched (import never lets a starter report overwrite a saved one), and starter reports the user removed stay
 * removed. Returns how many starter reports were added or updated.
 */
export async function installStarterLibrary(db: LibraryDB): Promise<{ added: number; updated: number }> {
  const checked = validateLibraryFile(starter);
  if (!checked.ok) throw new Error(`starter library: ${checked.error}`);
  const removed = new Set((await readCatalog(db)).filter((r) => r.trashedAt).map((r) => r.id));
  const file = { ...checked.file, reports: checked.file.reports.filter((r) => !removed.has(r.id)) };
  const result = await importLibrary(db, file);
  return { added: result.added, updated: result.updated };
}

/** Moves every starter report to the trash; returns their ids, for undo. */
export async function removeStarterReports(db: LibraryDB): Promise<string[]> {
  const ids = (await readCatalog(db)).filter((r) => r.source === 'starter' && !r.trashedAt).map((r) => r.id);
  for (const id of ids) await trashReport(db, id);
  return ids;
}

/** Brings back starter reports removed with removeStarterReports. */
export async function restoreStarterReports(db: LibraryDB, ids: string[]): Promise<void> {
  for (const id of ids) await restoreReport(db, id);
}
