import { rowsOf } from '../fixtures/library/build';
import { describe, expect, it, vi } from 'vitest';
import { findCounterclaims, findSavedReport, saveReport } from '../../lib/library/reports';
import { analyzeArticle } from '../../lib/analyze';
import { allReports, getReport } from '../../lib/library/store';
import { analysed, freshDb, czechMini, chineseMini } from '../helpers/library';

const czech = { ...czechMini, url: 'https://news.example/czech?utm_source=x#top' };
const chinese = chineseMini;

describe('library', () => {
  it('saves a report with its accusations and finds it by canonical URL', async () => {
    const db = freshDb();
    const out = await saveReport(db, analysed(czech));
    expect(out.status).toBe('created');
    const found = await findSavedReport(db, { canonicalUrl: null, url: 'https://news.example/czech', text: '' });
    expect(found?.id).toBe(out.id);
    expect((await rowsOf(db, out.id)).length).toBe(analyzeArticle(czech).accusations.length);
  });

  it('saving again updates rather than copies, keeping tags and the first save date', async () => {
    const db = freshDb();
    const first = await saveReport(db, { ...analysed(czech), tags: ['apt31'] }, new Date('2025-06-01T00:00:00Z'));
    const second = await saveReport(db, analysed({ ...czech, url: 'https://news.example/czech?fbclid=1' }), new Date('2025-06-02T00:00:00Z'));
    expect(second).toEqual({ id: first.id, status: 'updated' });
    expect((await allReports(db)).length).toBe(1);
    const r = await getReport(db, first.id);
    expect(r?.tags).toEqual(['apt31']);
    expect(r?.savedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(r?.updatedAt).toBe('2025-06-02T00:00:00.000Z');
    expect((await rowsOf(db)).length).toBe(analyzeArticle(czech).accusations.length);
  });

  it('recognises the same text under another URL', async () => {
    const db = freshDb();
    await saveReport(db, analysed(czech));
    const again = await saveReport(db, analysed({ ...czech, url: 'https://mirror.example/copy' }));
    expect(again.status).toBe('updated');
    expect((await allReports(db)).length).toBe(1);
  });

  it('a failed save leaves nothing half-written', async () => {
    const db = freshDb();
    const input = analysed(chinese);
    // The last write of a save (the search terms) fails, after the report and its postings were written.
    const packs = vi.spyOn(db.packs, 'bulkPut');
    vi.spyOn(db.terms, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(saveReport(db, input)).rejects.toThrow('disk full');
    expect(packs).toHaveBeenCalled();
    expect((await allReports(db)).length).toBe(0);
    for (const table of db.reportTables) expect(await table.count(), table.name).toBe(0);
    expect(await db.postings.count()).toBe(0);
    expect(await db.terms.count()).toBe(0);
  });

  it('finds the mirror of the Czech accusation, and the turnabout the other way', async () => {
    const db = freshDb();
    await saveReport(db, analysed(chinese));
    const cz = analyzeArticle(czech);
    const found = await findCounterclaims(db, cz, czech.publishedAt);
    expect(found[0]?.relation).toBe('mirror');
    expect(found[0]?.report.title).toBe(chinese.title);
    expect(found[0]?.reasons.join(' ')).toMatch(/accuses Taiwan there/);
    expect(found[0]?.reasons.join(' ')).toMatch(/1 day apart/);

    const db2 = freshDb();
    await saveReport(db2, analysed(czech));
    const back = await findCounterclaims(db2, analyzeArticle(chinese), chinese.publishedAt);
    expect(back[0]?.relation).toBe('turnabout');
  });

  it('does not match a report against itself', async () => {
    const db = freshDb();
    const { id } = await saveReport(db, analysed(czech));
    expect(await findCounterclaims(db, analyzeArticle(czech), czech.publishedAt, id)).toEqual([]);
  });
});
