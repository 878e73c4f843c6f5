import { describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Table } from 'dexie';
import { LibraryError, type LibraryDB } from '../../lib/library/db';
import { judgeCounterclaim, linkReports, linksOf, removeLink } from '../../lib/library/links';
import { findCounterclaims, JUDGEMENT_BOOST, MANUAL_LINK_SCORE } from '../../lib/library/reports';
import { deleteForever, trashReport } from '../../lib/library/edit';
import { cardPackOf } from '../../lib/library/store';
import { freshDb } from '../helpers/library';
import { makeReport, seed } from '../fixtures/library/build';

const cur = makeReport('cur', [['CZE', 'CHN', 'cyberattack']]);
const mirror = makeReport('mirror', [['CHN', 'TWN', 'cyberattack']], { publishedAt: '2025-05-27' });
const turnabout = makeReport('turnabout', [['USA', 'CZE', 'espionage']], { publishedAt: '2024-01-10' });
const unrelated = makeReport('unrelated', [['RUS', 'UKR', 'war_crimes']]);
const otherCharge = makeReport('other-charge', [
  ['IND', 'PAK', 'terrorism'],
  ['CHN', 'USA', 'economic_coercion'],
]);
const empty = makeReport('empty', []);

async function library(): Promise<LibraryDB> {
  const db = freshDb();
  await seed(db, [cur, mirror, turnabout, unrelated, otherCharge, empty]);
  return db;
}

const find = (db: LibraryDB, options = {}) => findCounterclaims(db, cur, cur.publishedAt, cur.id, { currentReportId: cur.id, ...options });

describe('judgeCounterclaim', () => {
  it('keeps one judgement per pair, whichever way round it is made', async () => {
    const db = await library();
    const first = await judgeCounterclaim(
      db,
      { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'confirmed' },
      new Date('2025-06-01T00:00:00Z'),
    );
    const again = await judgeCounterclaim(
      db,
      { from: 'mirror', fromIndex: 0, to: 'cur', toIndex: 0, kind: 'rejected' },
      new Date('2025-06-02T00:00:00Z'),
    );
    expect(again.id).toBe(first.id);
    expect(await db.links.count()).toBe(1);
    expect(await db.links.get(first.id!)).toMatchObject({ from: 'cur', to: 'mirror', kind: 'rejected', createdAt: '2025-06-02T00:00:00.000Z' });
  });

  it('tells a different pair of accusations of the same reports apart', async () => {
    const db = await library();
    await judgeCounterclaim(db, { from: 'other-charge', fromIndex: 0, to: 'cur', toIndex: 0, kind: 'rejected' });
    await judgeCounterclaim(db, { from: 'other-charge', fromIndex: 1, to: 'cur', toIndex: 0, kind: 'confirmed' });
    expect(await db.links.count()).toBe(2);
  });

  it.each([
    [{ from: 'cur', fromIndex: 0, to: 'nope', toIndex: 0 }, /no report "nope"/],
    [{ from: 'cur', fromIndex: 0, to: 'cur', toIndex: 0 }, /itself/],
    [{ from: 'cur', fromIndex: 3, to: 'mirror', toIndex: 0 }, /fromIndex 3 is not an accusation/],
    [{ from: 'cur', fromIndex: 0, to: 'mirror', toIndex: -1 }, /toIndex -1/],
    [{ from: 'cur', fromIndex: 0.5, to: 'mirror', toIndex: 0 }, /fromIndex 0.5/],
  ])('refuses %o', async (input, message) => {
    const db = await library();
    await expect(judgeCounterclaim(db, { ...input, kind: 'confirmed' })).rejects.toThrow(message);
    await expect(judgeCounterclaim(db, { ...input, kind: 'confirmed' })).rejects.toBeInstanceOf(LibraryError);
    expect(await db.links.count()).toBe(0);
  });

  it('refuses a kind that is not a judgement', async () => {
    const db = await library();
    await expect(judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'manual' as 'confirmed' })).rejects.toThrow(
      /not a judgement/,
    );
  });
});

describe('linkReports, linksOf, removeLink', () => {
  it('links the main accusations by default, with a note, and lists links both ways', async () => {
    const db = await library();
    const link = await linkReports(db, { from: 'unrelated', to: 'cur', note: '  same week  ' }, new Date('2025-06-03T00:00:00Z'));
    expect(link).toMatchObject({ from: 'unrelated', fromIndex: 0, to: 'cur', toIndex: 0, kind: 'manual', note: 'same week' });
    await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'confirmed' }, new Date('2025-06-01T00:00:00Z'));
    expect((await linksOf(db, 'cur')).map((l) => l.kind)).toEqual(['confirmed', 'manual']);
    expect((await linksOf(db, 'mirror')).map((l) => [l.from, l.to])).toEqual([['cur', 'mirror']]);
    expect(await linksOf(db, 'turnabout')).toEqual([]);
  });

  it('links a report without accusations as a whole (index 0)', async () => {
    const db = await library();
    expect(await linkReports(db, { from: 'cur', to: 'empty' })).toMatchObject({ toIndex: 0 });
    await expect(linkReports(db, { from: 'cur', to: 'empty', toIndex: 1 })).rejects.toThrow(/toIndex 1/);
  });

  it('turns a judged pair into a manual link rather than adding one', async () => {
    const db = await library();
    await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'rejected' });
    await linkReports(db, { from: 'mirror', to: 'cur' });
    expect((await db.links.toArray()).map((l) => l.kind)).toEqual(['manual']);
  });

  it('removes a link and says whether there was one', async () => {
    const db = await library();
    const link = await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'rejected' });
    expect(await removeLink(db, link.id!)).toBe(true);
    expect(await removeLink(db, link.id!)).toBe(false);
    expect(await db.links.count()).toBe(0);
  });

  it('keeps links when a report goes to the trash, and drops them when it is deleted for good', async () => {
    const db = await library();
    await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'confirmed' });
    await trashReport(db, 'mirror');
    expect(await linksOf(db, 'cur')).toHaveLength(1);
    await deleteForever(db, 'mirror');
    expect(await linksOf(db, 'cur')).toHaveLength(0);
  });
});

describe('findCounterclaims with the user judgements', () => {
  it('without judgements: the mirror and the turnabout, judgement null', async () => {
    const db = await library();
    const found = await find(db);
    expect(found.map((c) => [c.report.id, c.relation, c.judgement])).toEqual([
      ['mirror', 'mirror', null],
      ['turnabout', 'turnabout', null],
    ]);
    expect(found[0]).toMatchObject({ storedIndex: 0, linkId: null, stored: { index: 0 } });
  });

  it('a rejected counterclaim is left out, or kept last with includeRejected', async () => {
    const db = await library();
    const before = await find(db);
    await judgeCounterclaim(db, { from: 'mirror', fromIndex: 0, to: 'cur', toIndex: 0, kind: 'rejected' });
    expect((await find(db)).map((c) => c.report.id)).toEqual(['turnabout']);
    const all = await find(db, { includeRejected: true });
    expect(all.map((c) => [c.report.id, c.judgement])).toEqual([
      ['turnabout', null],
      ['mirror', 'rejected'],
    ]);
    expect(all[1]!.score).toBe(before[0]!.score);
    expect(all[1]!.reasons).toContain('you rejected this link');
  });

  it('a confirmed counterclaim scores 0.2 more (at most 1) and says so first', async () => {
    const db = await library();
    const before = (await find(db)).find((c) => c.report.id === 'turnabout')!;
    const link = await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'turnabout', toIndex: 0, kind: 'confirmed' });
    const after = (await find(db)).find((c) => c.report.id === 'turnabout')!;
    expect(after.score).toBeCloseTo(Math.min(1, before.score + JUDGEMENT_BOOST), 3);
    expect(after.reasons[0]).toBe('you confirmed this link');
    expect(after).toMatchObject({ judgement: 'confirmed', linkId: link.id });
    const mirrorAfter = await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'confirmed' }).then(() => find(db));
    expect(mirrorAfter[0]!.score).toBeLessThanOrEqual(1);
  });

  it('a manual link to a report the matcher would not suggest shows, as linked when the roles fit no relation', async () => {
    const db = await library();
    await linkReports(db, { from: 'cur', to: 'unrelated', note: 'same week' });
    const linked = (await find(db)).find((c) => c.report.id === 'unrelated')!;
    expect(linked).toMatchObject({ relation: 'linked', judgement: 'manual', score: MANUAL_LINK_SCORE, storedIndex: 0 });
    expect(linked.reasons[0]).toBe('linked by you');
    expect(linked.reasons).toContain('your note: same week');
    expect(linked.reasons).toContain('different charges: cyberattack and war crimes');
  });

  it('a manual link whose roles make a relation gets that relation, even with another charge', async () => {
    const db = await library();
    await linkReports(db, { from: 'other-charge', fromIndex: 1, to: 'cur' });
    const linked = (await find(db)).find((c) => c.report.id === 'other-charge')!;
    expect(linked).toMatchObject({ relation: 'mirror', judgement: 'manual', storedIndex: 1 });
  });

  it('judgements apply only when the current report is given', async () => {
    const db = await library();
    await judgeCounterclaim(db, { from: 'cur', fromIndex: 0, to: 'mirror', toIndex: 0, kind: 'rejected' });
    await linkReports(db, { from: 'cur', to: 'unrelated' });
    const found = await findCounterclaims(db, cur, cur.publishedAt, cur.id);
    expect(found.map((c) => [c.report.id, c.judgement])).toEqual([
      ['mirror', null],
      ['turnabout', null],
    ]);
  });

  it('a link to a report in the trash shows nothing', async () => {
    const db = await library();
    await linkReports(db, { from: 'cur', to: 'unrelated' });
    await trashReport(db, 'unrelated');
    expect((await find(db)).map((c) => c.report.id)).not.toContain('unrelated');
  });
});

describe('findCounterclaims reads indexes only', () => {
  it('loads only the reports whose rows can answer, not the library', async () => {
    const db = await library();
    await seed(
      db,
      Array.from({ length: 60 }, (_, i) => makeReport(`noise-${i}`, [['BRA', 'ARG', 'human_rights']])),
    );
    // The matcher reads match cards a card pack at a time (store.ts): only those of the two answers, no scan, and
    // no whole report.
    const spy = vi.spyOn(db.cards, 'bulkGet');
    const scans: MockInstance[] = ([db.cards, db.packs, db.catalog] as Table[]).flatMap((t) => [
      vi.spyOn(t, 'toArray'),
      vi.spyOn(t, 'where'),
      vi.spyOn(t, 'toCollection'),
    ]);
    scans.push(vi.spyOn(db.packs as Table, 'bulkGet'));
    await find(db);
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    const loaded = spy.mock.calls.flatMap((c) => c[0] as number[]);
    expect(new Set(loaded)).toEqual(new Set(['mirror', 'turnabout'].map(cardPackOf)));
  });

  it('with a limit, gives exactly the best of the full ranking', async () => {
    const db = freshDb();
    const many = Array.from({ length: 40 }, (_, i) => {
      const accuser = ['CHN', 'USA', 'FRA'][i % 3]!;
      const accused = ['CZE', 'TWN', 'CHN'][(i >> 1) % 3]!;
      return makeReport(`m${i}`, [[accuser, accused === accuser ? 'JPN' : accused, i % 4 ? 'cyberattack' : 'espionage']], {
        publishedAt: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
        extra: i % 5 ? '' : 'malicious cyber campaign against the foreign ministry',
      });
    });
    await seed(db, [cur, ...many]);
    const all = await find(db);
    expect(all.length).toBeGreaterThan(20);
    for (const limit of [1, 5, 12]) {
      const top = await find(db, { limit });
      expect(top.map((c) => c.score)).toEqual(all.slice(0, limit).map((c) => c.score));
    }
    // Rejecting the best two: a limit still gives the best of what is shown.
    for (const c of all.slice(0, 2))
      await judgeCounterclaim(db, { from: 'cur', fromIndex: c.against, to: c.report.id, toIndex: c.storedIndex, kind: 'rejected' });
    const shown = await find(db);
    expect(shown.map((c) => c.report.id)).toEqual(all.slice(2).map((c) => c.report.id));
    expect((await find(db, { limit: 3 })).map((c) => c.report.id)).toEqual(shown.slice(0, 3).map((c) => c.report.id));
    expect((await find(db, { limit: 3, includeRejected: true })).map((c) => c.judgement)).toEqual([null, null, null]);
  });
});
