import { describe, expect, it } from 'vitest';
import { installStarterLibrary, removeStarterReports, restoreStarterReports } from '../../lib/extension/starter';
import { countReports, saveReport } from '../../lib/library/reports';
import { trashReport } from '../../lib/library/edit';
import { getReport, readCatalog } from '../../lib/library/store';
import { analysed, article, freshDb } from '../helpers/library';

describe('starter library install', () => {
  it('installs once, an update adds no copies, and the user’s reports are untouched', async () => {
    const db = freshDb();
    const mine = await saveReport(db, {
      ...analysed(article({ title: 'Mine', text: 'The United States accused Russia of hacking.' })),
      tags: ['mine'],
      notes: 'my note',
    });
    const first = await installStarterLibrary(db);
    expect(first.added).toBeGreaterThanOrEqual(60);
    const count = await countReports(db);
    const again = await installStarterLibrary(db);
    expect(again.added).toBe(0);
    expect(await countReports(db)).toBe(count);
    const kept = await getReport(db, mine.id);
    expect(kept?.tags).toEqual(['mine']);
    expect(kept?.notes).toBe('my note');
    expect(kept?.source).toBe('saved');
  });

  it('keeps removed starter reports removed across an update, and restores them on undo', async () => {
    const db = freshDb();
    await installStarterLibrary(db);
    const one = (await readCatalog(db))
      .filter((r) => r.source === 'starter')
      .map((r) => r.id)
      .sort()[0]!;
    await trashReport(db, one);
    await installStarterLibrary(db);
    expect((await getReport(db, one))?.trashedAt).toBeTruthy();

    const ids = await removeStarterReports(db);
    expect(await countReports(db)).toBe(0);
    await restoreStarterReports(db, ids);
    expect(await countReports(db)).toBe(ids.length);
  });
});
