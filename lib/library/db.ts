import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Accusation, ChargeCategory } from '../types';
import { deriveSearchFields } from './derive';
import { rebuildPostings } from './postings';
import { rebuildTerms } from './terms';
import { movePacked, splitCardPacks } from './store';

/** Where a report came from. */
export type ReportSource = 'saved' | 'selection' | 'starter' | 'import' | 'gdelt';

/** Where a report that the user did not save came from (docs/library-format.md). */
export type ReportOrigin =
  { kind: 'gdelt'; eventIds: (string | number)[]; sourceUrls: string[]; cameo: string } | { kind: 'starter'; release: string };

/** A report as the library file format holds it: the article, its analysis and the user's tags and notes. */
export interface ReportData {
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
  origin?: ReportOrigin;
}

/**
 * A stored report: the portable data plus the fields derived from it for the indexes (always written through
 * `prepareReport` in derive.ts, so they never drift) and the trash stamp.
 */
export interface ReportRecord extends ReportData {
  /** ISO timestamp when the report was moved to the trash; absent when it is not in the trash. */
  trashedAt?: string;
  /** Search terms: see `searchWords` in derive.ts. */
  words: string[];
  /** Codes of every accuser and accused. */
  countries: string[];
  /** Charge categories of the accusations. */
  categories: ChargeCategory[];
  /** Title folded for sorting (lowercase, no diacritics). */
  sortTitle: string;
}

/**
 * One accusation of a report, flattened for the matcher: what a posting of the match index holds (see postings.ts).
 * Trashed reports have none. (Schema versions 1 and 2 stored these as rows of an `accusations` table, with an `id`.)
 */
export interface AccusationRow {
  id?: number;
  reportId: string;
  /** Position in the report's `accusations`. */
  index: number;
  accuser: string;
  accused: string;
  category: ChargeCategory;
  publishedAt: string | null;
  /**
   * The accusation's `matchWords` (rank-counterclaims.ts), so the matcher scores a posting exactly without reading
   * its report; null for a posting of schema 3, which did not keep them.
   */
  words: string | null;
}

/** Which side of an accusation a posting list is about. */
export type PostingRole = 'accuser' | 'accused';

/**
 * A chunk of the match index (schema 3, words as of schema 4): the accusations of one charge category in which one
 * code plays one role, as parallel arrays (one entry a posting). `key` is `category|role|code|chunk` (see
 * `postingKey`), so one key-range read gets every chunk of a list. The other side's code, the date and the words are
 * kept so the matcher can score a posting without reading its report.
 */
export interface PostingRecord {
  key: string;
  category: ChargeCategory;
  role: PostingRole;
  code: string;
  chunk: number;
  reportIds: string[];
  /** Position of the accusation in its report. */
  indexes: number[];
  /** The code on the other side: the accused in an accuser list, the accuser in an accused list. */
  others: string[];
  dates: (string | null)[];
  /** Each posting's `matchWords` (schema 4; absent from chunks written by schema 3). */
  words?: string[];
}

/** One shard of the search terms (schema 3, see terms.ts): report ids and their terms, as parallel arrays. */
export interface TermShard {
  shard: number;
  ids: string[];
  /** `termsOf(report.words)`: the search terms between spaces. */
  terms: string[];
}

/**
 * A pack of reports (schema 5, see store.ts): every report whose id hashes to bucket `b`, each kept as the JSON of
 * its `ReportRecord`, so reading a pack copies strings and only the reports asked for are parsed.
 */
export interface PackRecord {
  b: number;
  ids: string[];
  json: string[];
}

/**
 * The match cards of a pack's reports (schema 5, see store.ts): for each, the JSON of its `ReportCard`, what the
 * matcher shows of a report, a few hundred bytes where the report may hold a whole article.
 */
export interface CardPack {
  b: number;
  ids: string[];
  json: string[];
}

/** What the matcher needs of a report to show a counterclaim from it (store.ts `cardOf`). */
export interface ReportCard extends Pick<ReportRecord, 'id' | 'title' | 'url' | 'siteName' | 'publishedAt' | 'source' | 'trashedAt'> {
  accusations: (Pick<Accusation, 'accuser' | 'accused' | 'quote'> & { charge: Pick<Accusation['charge'], 'category' | 'text'> })[];
}

/**
 * A shard of the catalog (schema 5, see store.ts): what lists, filters, sorts and dedupe need of every report in its
 * packs, as parallel columns (one entry a report). Lists are joined: tags by newlines, countries and categories by
 * spaces.
 */
export interface CatalogShard {
  shard: number;
  ids: string[];
  canonicalUrls: (string | null)[];
  contentHashes: string[];
  savedAt: string[];
  publishedAt: (string | null)[];
  sources: ReportSource[];
  tags: string[];
  trashedAt: (string | null)[];
  countries: string[];
  categories: string[];
  sortTitles: string[];
}

/** A bucket of the dedupe lookup (schema 5): `u:` canonical URLs and `h:` content hashes, and the report of each. */
export interface LookupBucket {
  b: number;
  keys: string[];
  ids: string[];
}

/** Library-wide figures kept up to date by every write (schema 5): `key` is `counts`. */
export interface MetaRecord {
  key: string;
  reports: number;
  trashed: number;
  /** Changes on every write: a cached catalog with the same stamp is current. */
  stamp: string;
}

export type LinkKind = 'confirmed' | 'rejected' | 'manual';

/**
 * A user's judgement on a pair of accusations (confirmed, rejected) or a link made by hand (manual). One link per
 * pair, whichever way round it was made.
 */
export interface LinkRecord {
  id?: number;
  from: string;
  fromIndex: number;
  to: string;
  toIndex: number;
  kind: LinkKind;
  createdAt: string;
  note?: string;
}

export const DB_NAME = 'counterclaim';

/** One schema version: the Dexie store declarations and the upgrade that brings older data up to it. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version, oldest first. Never edit a released version: add one. Each version before the last has a
 * fixture, tests/fixtures/library/v<N>-reports.json, that tests/unit/library-migrations.test.ts writes with that
 * version and opens with the current one.
 */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags',
      accusations: '++id, reportId, accuser, accused, category',
    },
  },
  {
    // Trash, search terms and filters on reports; role+charge indexes for matching; the user's links.
    version: 2,
    stores: {
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags, trashedAt, *words, *countries, *categories, sortTitle',
      accusations: '++id, reportId, [accuser+category], [accused+category]',
      links: '++id, from, to, [from+to], kind',
    },
    upgrade: async (tx) => {
      await tx
        .table('reports')
        .toCollection()
        .modify((r: ReportRecord) => {
          Object.assign(r, deriveSearchFields(r));
        });
    },
  },
  {
    // The accusation rows give way to the match index (a few packed records per actor, role and charge); reports
    // lose the *words and *categories indexes (search reads the packed term shards; the category filter reads the
    // match index). Fewer records and index entries make a large import several times faster.
    version: 3,
    stores: {
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags, trashedAt, *countries, sortTitle',
      accusations: null,
      postings: 'key',
      terms: 'shard',
      links: '++id, from, to, [from+to], kind',
    },
    upgrade: async (tx) => {
      await rebuildPostings(tx.table('reports'), tx.table('postings'));
      await rebuildTerms(tx.table('reports'), tx.table('terms') as EntityTable<TermShard, 'shard'>);
    },
  },
  {
    // Each posting keeps its accusation's words, so matching scores every candidate exactly from the index and
    // reads only the reports it returns. Same stores; the match index is rebuilt.
    version: 4,
    stores: {
      reports: 'id, canonicalUrl, contentHash, savedAt, publishedAt, source, *tags, trashedAt, *countries, sortTitle',
      postings: 'key',
      terms: 'shard',
      links: '++id, from, to, [from+to], kind',
    },
    upgrade: async (tx) => {
      await rebuildPostings(tx.table('reports'), tx.table('postings'));
    },
  },
  {
    // Reports move into packs of about 25 (by a hash of the id) with a columnar catalog and a dedupe lookup beside
    // them, and lose their per-report record and its nine indexes: an import of 100,000 reports writes a few
    // thousand records instead of 100,000 records and a million index entries. The match index, the term shards and
    // the links stay as they were.
    version: 5,
    stores: {
      reports: null,
      packs: 'b',
      cards: 'b',
      catalog: 'shard',
      lookup: 'b',
      meta: 'key',
      postings: 'key',
      terms: 'shard',
      links: '++id, from, to, [from+to], kind',
    },
    upgrade: async (tx) => {
      await movePacked(tx.table('reports'), {
        packs: tx.table('packs'),
        cards: tx.table('cards'),
        catalog: tx.table('catalog'),
        lookup: tx.table('lookup'),
        meta: tx.table('meta'),
      });
    },
  },
  {
    // Each pack's match cards are split in two card packs (`cardPackOf`): matching reads one card pack an answer, and
    // half-size card packs took its 95th percentile at 100,000 reports from 17.8-21.9 ms to 13.3-19.0 ms.
    version: 6,
    // Same stores: a version that declares none keeps every table of the one before.
    stores: {},
    upgrade: async (tx) => {
      await splitCardPacks(tx.table('cards'));
    },
  },
];

export const SCHEMA_VERSION = SCHEMA[SCHEMA.length - 1]!.version;

/** Declares `versions` (oldest first) on a Dexie instance. Tests use it to write databases of earlier versions. */
export function applySchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

/** The library database, at the latest version of `SCHEMA`. */
export class LibraryDB extends Dexie {
  packs!: EntityTable<PackRecord, 'b'>;
  cards!: EntityTable<CardPack, 'b'>;
  catalog!: EntityTable<CatalogShard, 'shard'>;
  lookup!: EntityTable<LookupBucket, 'b'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  postings!: EntityTable<PostingRecord, 'key'>;
  terms!: EntityTable<TermShard, 'shard'>;
  links!: EntityTable<LinkRecord, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    applySchema(this);
  }

  /** The tables that hold reports (see store.ts): a transaction that reads or writes reports takes all five. */
  get reportTables(): Table[] {
    return [this.packs, this.cards, this.catalog, this.lookup, this.meta];
  }
}

/** A library operation the user asked for that cannot be done (unknown report, bad index): the message says why. */
export class LibraryError extends Error {
  constructor(
    message: string,
    /** Where in an imported file the problem is (`reports[3].title`), when it comes from one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}
