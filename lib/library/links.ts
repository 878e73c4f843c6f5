import type { LibraryDB, LinkKind, LinkRecord, ReportRecord } from './db';
import { LibraryError } from './db';
import { getReports } from './store';

export interface JudgementInput {
  /** The report the counterclaim was found for, and the index of its accusation (`against`). */
  from: string;
  fromIndex: number;
  /** The report of the counterclaim, and the index of its accusation (`storedIndex`). */
  to: string;
  toIndex: number;
  kind: 'confirmed' | 'rejected';
}

export interface ManualLinkInput {
  from: string;
  /** Defaults to the report's main accusation (or 0 when it has none). */
  fromIndex?: number;
  to: string;
  toIndex?: number;
  note?: string;
}

/**
 * Checks that both reports exist and the indexes point at their accusations. A report without accusations can only
 * be linked as a whole, which the file format writes as index 0.
 */
async function checkPair(db: LibraryDB, from: string, fromIndex: number | undefined, to: string, toIndex: number | undefined) {
  if (from === to) throw new LibraryError('A report cannot be linked to itself.');
  const [a, b] = await getReports(db, [from, to]);
  const side = (r: ReportRecord | undefined, id: string, index: number | undefined, name: string): number => {
    if (!r) throw new LibraryError(`There is no report "${id}" in the library.`);
    const i = index ?? r.primary ?? 0;
    const max = Math.max(1, r.accusations.length);
    if (!Number.isInteger(i) || i < 0 || i >= max)
      throw new LibraryError(`${name} ${String(index)} is not an accusation of "${r.title}" (it has ${r.accusations.length}).`);
    return i;
  };
  return { fromIndex: side(a, from, fromIndex, 'fromIndex'), toIndex: side(b, to, toIndex, 'toIndex') };
}

/** The link of this pair of accusations, made either way round, if any. */
async function findPair(db: LibraryDB, from: string, fromIndex: number, to: string, toIndex: number): Promise<LinkRecord | undefined> {
  const links = await db.links
    .where('[from+to]')
    .anyOf([
      [from, to],
      [to, from],
    ])
    .toArray();
  return links.find((l) =>
    l.from === from ? l.fromIndex === fromIndex && l.toIndex === toIndex : l.fromIndex === toIndex && l.toIndex === fromIndex,
  );
}

async function upsert(db: LibraryDB, link: LinkRecord): Promise<LinkRecord> {
  return db.transaction('rw', db.links, async () => {
    const existing = await findPair(db, link.from, link.fromIndex, link.to, link.toIndex);
    if (existing) {
      // Keep the way round it was first made; the kind, date and note are the new ones.
      const updated: LinkRecord = { ...existing, kind: link.kind, createdAt: link.createdAt };
      if (link.note !== undefined) updated.note = link.note;
      if (!updated.note) delete updated.note;
      await db.links.put(updated);
      return updated;
    }
    const id = await db.links.add(link);
    return { ...link, id };
  });
}

/**
 * Records the user's judgement of a suggested counterclaim: `from`/`fromIndex` is the report it was found for and
 * its accusation, `to`/`toIndex` the counterclaim's. One judgement per pair, either way round: judging again
 * replaces it. Returns the stored link.
 */
export async function judgeCounterclaim(db: LibraryDB, input: JudgementInput, now: Date = new Date()): Promise<LinkRecord> {
  if (input.kind !== 'confirmed' && input.kind !== 'rejected')
    throw new LibraryError(`"${String(input.kind)}" is not a judgement (confirmed or rejected).`);
  const { fromIndex, toIndex } = await checkPair(db, input.from, input.fromIndex, input.to, input.toIndex);
  return upsert(db, { from: input.from, fromIndex, to: input.to, toIndex, kind: input.kind, createdAt: now.toISOString() });
}

/**
 * Links two reports by hand (kind `manual`), on their main accusations unless indexes are given. A pair already
 * judged becomes a manual link. Returns the stored link.
 */
export async function linkReports(db: LibraryDB, input: ManualLinkInput, now: Date = new Date()): Promise<LinkRecord> {
  const { fromIndex, toIndex } = await checkPair(db, input.from, input.fromIndex, input.to, input.toIndex);
  const note = input.note?.trim();
  const link: LinkRecord = { from: input.from, fromIndex, to: input.to, toIndex, kind: 'manual' satisfies LinkKind, createdAt: now.toISOString() };
  if (note) link.note = note;
  return upsert(db, link);
}

/** Removes a link (undoes a judgement). Returns whether there was one. */
export async function removeLink(db: LibraryDB, id: number): Promise<boolean> {
  return db.transaction('rw', db.links, async () => {
    if (!(await db.links.get(id))) return false;
    await db.links.delete(id);
    return true;
  });
}

/** Every link of a report, made from it or to it, oldest first. Two index reads. */
export async function linksOf(db: LibraryDB, reportId: string): Promise<LinkRecord[]> {
  const [out, back] = await Promise.all([db.links.where('from').equals(reportId).toArray(), db.links.where('to').equals(reportId).toArray()]);
  return [...out, ...back].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id ?? 0) - (b.id ?? 0));
}
