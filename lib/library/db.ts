import Dexie, { type EntityTable } from 'dexie';
import type { Accusation, ChargeCategory } from '../types';

/** Where a report came from. */
export type ReportSource = 'saved' | 'selection' | 'starter' | 'import';

/** A stored report: an article the user saved, with its analysis. */
export interface ReportRecord {
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  language: string;
  text: string;
  accusations: Accusation[];
  primary: number | null;
  source: ReportSource;
  tags: string[];
  notes: string;
  savedAt: string;
  updatedAt: string;
}

/** One accusation of a report, flattened so the matcher can find it through indexes. */
export interface AccusationRow {
  id?: number;
  reportId: string;
  /** Position in the report's `accusations`. */
  index: number;
  accuser: string;
  accused: string;
  category: ChargeCategory;
  publishedAt: string | null;
}

export const DB_NAME = 'counterclaim';

/**
 * The library database. Every schema version is declared here, oldest first, with its upgrade; a fixture test
 * opens a database written by each earlier version.
 */
export class LibraryDB extends Dexie {
  reports!: EntityTable<ReportRecord, 'id'>;
  accusations!: EntityTable<AccusationRow, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags',
      accusations: '++id, reportId, accuser, accused, category',
    });
  }
}
