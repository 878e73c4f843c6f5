/**
 * Column layouts of GDELT event export files (see ../shared/data/gdelt/COLUMNS.md and the GDELT codebooks).
 *
 * - GDELT 2.0 (15-minute `YYYYMMDDHHMMSS.export.CSV`): 61 columns.
 * - GDELT 1.0 daily files since 2013-04-01 (`YYYYMMDD.export.CSV`): 58 columns, the 2.0 layout without the three
 *   `*Geo_ADM2Code` columns; DATEADDED is `YYYYMMDD`.
 * - GDELT 1.0 backfiles: 57 columns, as above without SOURCEURL.
 *
 * A line's column count tells its format.
 */

/** The 61 columns of a GDELT 2.0 event export, in file order. */
export const GDELT2_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1EthnicCode',
  'Actor1Religion1Code',
  'Actor1Religion2Code',
  'Actor1Type1Code',
  'Actor1Type2Code',
  'Actor1Type3Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2EthnicCode',
  'Actor2Religion1Code',
  'Actor2Religion2Code',
  'Actor2Type1Code',
  'Actor2Type2Code',
  'Actor2Type3Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'Actor1Geo_Type',
  'Actor1Geo_FullName',
  'Actor1Geo_CountryCode',
  'Actor1Geo_ADM1Code',
  'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat',
  'Actor1Geo_Long',
  'Actor1Geo_FeatureID',
  'Actor2Geo_Type',
  'Actor2Geo_FullName',
  'Actor2Geo_CountryCode',
  'Actor2Geo_ADM1Code',
  'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat',
  'Actor2Geo_Long',
  'Actor2Geo_FeatureID',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'ActionGeo_FeatureID',
  'DATEADDED',
  'SOURCEURL',
] as const;

export type GdeltColumn = (typeof GDELT2_COLUMNS)[number];

/** GDELT 1.0 daily files since April 2013: 58 columns (no `*Geo_ADM2Code`). */
export const GDELT1_COLUMNS: readonly GdeltColumn[] = GDELT2_COLUMNS.filter((c) => !c.endsWith('_ADM2Code'));

/** GDELT 1.0 backfiles: 57 columns (no SOURCEURL). */
export const GDELT1_BACKFILE_COLUMNS: readonly GdeltColumn[] = GDELT1_COLUMNS.filter((c) => c !== 'SOURCEURL');

export type GdeltFormat = 'gdelt2' | 'gdelt1' | 'gdelt1-backfile' | 'header';

/** The fields the importer reads from every line. */
export const NEEDED_FIELDS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'DATEADDED',
  'SOURCEURL',
] as const satisfies readonly GdeltColumn[];

export type NeededField = (typeof NEEDED_FIELDS)[number];

/** Fields a file with a header line must name; the others are optional there (missing ones read as empty). */
export const REQUIRED_HEADER_FIELDS: readonly NeededField[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'EventCode',
];

/** A layout: the column count and, for each needed field, its index (-1 when the layout lacks it). */
export interface GdeltLayout {
  format: GdeltFormat;
  columns: number;
  index: Record<NeededField, number>;
}

function layoutOf(format: GdeltFormat, columns: readonly string[]): GdeltLayout {
  const lower = columns.map((c) => c.toLowerCase());
  const index = {} as Record<NeededField, number>;
  for (const f of NEEDED_FIELDS) index[f] = lower.indexOf(f.toLowerCase());
  return { format, columns: columns.length, index };
}

export const LAYOUTS: Record<number, GdeltLayout> = {
  61: layoutOf('gdelt2', GDELT2_COLUMNS),
  58: layoutOf('gdelt1', GDELT1_COLUMNS),
  57: layoutOf('gdelt1-backfile', GDELT1_BACKFILE_COLUMNS),
};

/** The column counts a header-less GDELT event export line may have. */
export const VALID_COLUMN_COUNTS = [57, 58, 61] as const;

/** The layout for a header-less line of `count` columns, or null when no GDELT export has that many. */
export function layoutForColumnCount(count: number): GdeltLayout | null {
  return LAYOUTS[count] ?? null;
}

export const FORMAT_LABELS: Record<GdeltFormat, string> = {
  gdelt2: 'GDELT 2.0 event export (61 columns)',
  gdelt1: 'GDELT 1.0 event export (58 columns)',
  'gdelt1-backfile': 'GDELT 1.0 backfile event export (57 columns)',
  header: 'GDELT event table with a header line',
};

const KNOWN_NAMES = new Set(GDELT2_COLUMNS.map((c) => c.toLowerCase()));

/**
 * A layout from a header line (as BigQuery's "Save results -> CSV" writes it), or null when `fields` is not a header
 * of GDELT event columns: every name must be a GDELT event column and the required ones must all be there.
 */
export function layoutFromHeader(fields: readonly string[]): GdeltLayout | null {
  const names = fields.map((f) => f.trim());
  if (names.length < REQUIRED_HEADER_FIELDS.length) return null;
  if (!names.every((n) => KNOWN_NAMES.has(n.toLowerCase()))) return null;
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) return null;
  const layout = layoutOf('header', names);
  return REQUIRED_HEADER_FIELDS.every((f) => layout.index[f] >= 0) ? layout : null;
}
