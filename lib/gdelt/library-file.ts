/**
 * The library file format (docs/library-format.md) as the GDELT importer writes it: the types of
 * lib/library/file-format.ts (pure TypeScript, no Dexie), with the GDELT origin spelled out.
 */
export type { LibraryFile, LibraryLink, LibraryReport } from '../library/file-format';

/** `origin` of a GDELT report. */
export interface GdeltOrigin {
  kind: 'gdelt';
  /** GLOBALEVENTIDs of the events grouped into the report. */
  eventIds: number[];
  /** SOURCEURLs of those events, deduplicated, at most 20. */
  sourceUrls: string[];
  /** The CAMEO event code (`112`, `1123`, ...). */
  cameo: string;
}
