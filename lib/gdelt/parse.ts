/**
 * A streaming parser for GDELT event export files: feed it text chunks of any size, it calls back with one parsed row
 * (or one problem) per line, holding at most one line in memory. Plain TypeScript: runs in Node and in the browser.
 */
import { layoutForColumnCount, layoutFromHeader, VALID_COLUMN_COUNTS, type GdeltFormat, type GdeltLayout, type NeededField } from './columns';

export interface GdeltActorFields {
  /** Actor1Code / Actor2Code: country + type codes concatenated (`CHNGOV`, `IGOEUREEC`). */
  code: string;
  /** Actor1Name / Actor2Name as GDELT writes it (upper case). */
  name: string;
  /** CAMEO country code (mostly ISO 3166-1 alpha-3; regions such as `EUR` too). */
  countryCode: string;
  /** CAMEO known group (`UNO`, `EEC`, `NAT`, `TAL`, ...). */
  knownGroupCode: string;
  /** CAMEO role (`GOV`, `MIL`, `MED`, `INS`, ...). */
  type1Code: string;
}

export interface GdeltRow {
  /** 1-based physical line number in the (unzipped) file. */
  line: number;
  format: GdeltFormat;
  globalEventId: number;
  /** SQLDATE: the day of the event, `YYYYMMDD`. */
  day: string;
  actor1: GdeltActorFields;
  actor2: GdeltActorFields;
  isRootEvent: boolean;
  eventCode: string;
  eventBaseCode: string;
  eventRootCode: string;
  quadClass: number | null;
  goldsteinScale: number | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  avgTone: number | null;
  /** DATEADDED: `YYYYMMDDHHMMSS` (2.0) or `YYYYMMDD` (1.0); empty when the file lacks it. */
  dateAdded: string;
  /** SOURCEURL, or null (1.0 backfiles have none). */
  sourceUrl: string | null;
}

export type GdeltProblemKind =
  'column-count' | 'truncated-line' | 'event-code' | 'date' | 'number' | 'event-id' | 'line-too-long' | 'csv-quote' | 'header' | 'not-gdelt';

export interface GdeltProblem {
  /** 1-based line number (0 when the problem is about the whole file). */
  line: number;
  kind: GdeltProblemKind;
  /** Plain message that starts with the line: `line 12: 43 columns, a GDELT event export line has 57, 58 or 61`. */
  message: string;
  /** True for problems after which the parser stops (`not-gdelt`, a bad header). */
  fatal: boolean;
}

export interface GdeltParserOptions {
  onRow: (row: GdeltRow) => void;
  onProblem: (problem: GdeltProblem) => void;
  /** Longest line accepted, in characters (default 1,000,000; GDELT lines are about 500). */
  maxLineLength?: number;
  /** How many non-empty lines may fail before the first good one until the input is declared not GDELT (default 20). */
  sniffLines?: number;
}

export interface GdeltParser {
  push(chunk: string): void;
  end(): void;
  /** Physical lines seen so far. */
  readonly lines: number;
  /** Non-empty data lines seen so far (a header line is not counted). */
  readonly rows: number;
  /** The layout the file's lines follow, once known. */
  readonly layout: GdeltLayout | null;
  /** True after a fatal problem: further input is ignored. */
  readonly stopped: boolean;
}

const NOT_GDELT = 'This is not a GDELT event export';
const COUNTS_TEXT = `a GDELT event export line has ${VALID_COLUMN_COUNTS.slice(0, -1).join(', ')} or ${VALID_COLUMN_COUNTS.at(-1)}`;

/** A problem to report, without its `fatal` flag. */
type Problem = Omit<GdeltProblem, 'fatal'>;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** True when `s` is `YYYYMMDD` naming a real calendar day (years 1900-2199: GDELT starts in 1979). */
export function isGdeltDay(s: string): boolean {
  if (!/^(19|20|21)\d{6}$/.test(s)) return false;
  return isRealDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}

/** A CAMEO event code: 2 to 4 digits whose first two (the root) are 01 to 20. */
export function isCameoEventCode(s: string): boolean {
  return /^(0[1-9]|1\d|20)\d{0,2}$/.test(s);
}

/** Splits one comma-separated line with RFC 4180 quoting; null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', i);
      value += comma < 0 ? line.slice(i) : line.slice(i, comma);
      out.push(value);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Reads the needed fields of one line. Reused for every line so that a million rows make no garbage beyond the row. */
class LineFields {
  private tabs = new Int32Array(128);
  private count = 0;
  private line = '';
  private csv: string[] | null = null;

  /** Splits on tabs; returns the column count. */
  setTabbed(line: string): number {
    this.line = line;
    this.csv = null;
    let n = 0;
    let pos = line.indexOf('\t');
    while (pos !== -1) {
      if (n < this.tabs.length) this.tabs[n] = pos;
      n++;
      pos = line.indexOf('\t', pos + 1);
    }
    this.count = n + 1;
    return this.count;
  }

  /** Splits as CSV; returns the column count, or -1 for an open quote. */
  setCsv(line: string): number {
    this.csv = splitCsvLine(line);
    this.count = this.csv ? this.csv.length : -1;
    return this.count;
  }

  get(i: number): string {
    if (i < 0 || i >= this.count) return '';
    if (this.csv) return this.csv[i] ?? '';
    const start = i === 0 ? 0 : this.tabs[i - 1]! + 1;
    const end = i === this.count - 1 ? this.line.length : this.tabs[i]!;
    return this.line.slice(start, end);
  }
}

/** Creates a streaming parser. Call `push` with text chunks (split anywhere), then `end` once. */
export function createGdeltParser(options: GdeltParserOptions): GdeltParser {
  const maxLine = options.maxLineLength ?? 1_000_000;
  const sniffLines = options.sniffLines ?? 20;
  const fields = new LineFields();
  let pending: string[] = [];
  let pendingLength = 0;
  let overlong = false;
  let lineNo = 0;
  let rows = 0;
  let layout: GdeltLayout | null = null;
  let separator: '\t' | ',' = '\t';
  let headerChecked = false;
  let goodRows = 0;
  let stopped = false;
  /** The last SQLDATE and DATEADDED that passed, to skip checking them again (a file holds few distinct ones). */
  let lastDay = '';
  let lastDateAdded = '';
  /** Problems held back until the first good row shows that this is GDELT at all. */
  let held: Problem[] = [];

  const stop = (p: Problem) => {
    stopped = true;
    held = [];
    options.onProblem({ ...p, fatal: true });
  };

  const problem = (p: Problem) => {
    if (goodRows > 0) {
      options.onProblem({ ...p, fatal: false });
      return;
    }
    held.push(p);
    if (held.length >= sniffLines) notGdelt();
  };

  const notGdelt = () => {
    const first = held[0];
    const why = first ? (held.length > 1 ? `the first ${held.length} lines fail (${first.message})` : first.message) : 'the file holds no lines';
    stop({ line: first?.line ?? 0, kind: 'not-gdelt', message: `${NOT_GDELT}: ${why}` });
  };

  const num = (i: number): number | null => {
    const s = fields.get(i);
    if (s === '') return null;
    const v = Number(s);
    return Number.isFinite(v) ? v : NaN;
  };

  const count = (name: NeededField, l: GdeltLayout): number | string => {
    const i = l.index[name];
    if (i < 0) return 0;
    const s = fields.get(i);
    if (s === '') return 0;
    return /^\d+$/.test(s) ? Number(s) : `line ${lineNo}: ${name} "${clip(s)}" is not a whole number`;
  };

  const parseRow = (l: GdeltLayout): void => {
    const ix = l.index;
    const idText = fields.get(ix.GLOBALEVENTID);
    if (!/^\d{1,15}$/.test(idText) || Number(idText) === 0) {
      return problem({ line: lineNo, kind: 'event-id', message: `line ${lineNo}: GLOBALEVENTID "${clip(idText)}" is not an event number` });
    }
    const day = fields.get(ix.SQLDATE);
    if (day !== lastDay && !isGdeltDay(day)) {
      return problem({ line: lineNo, kind: 'date', message: `line ${lineNo}: SQLDATE "${clip(day)}" is not a real date (YYYYMMDD)` });
    }
    const eventCode = fields.get(ix.EventCode);
    if (!isCameoEventCode(eventCode)) {
      return problem({
        line: lineNo,
        kind: 'event-code',
        message: `line ${lineNo}: EventCode "${clip(eventCode)}" is not a CAMEO event code (2 to 4 digits, root 01 to 20)`,
      });
    }
    const eventRootCode = fields.get(ix.EventRootCode);
    const eventBaseCode = fields.get(ix.EventBaseCode);
    if ((eventRootCode && eventRootCode !== eventCode.slice(0, 2)) || (eventBaseCode && !eventCode.startsWith(eventBaseCode))) {
      return problem({
        line: lineNo,
        kind: 'event-code',
        message: `line ${lineNo}: EventCode "${eventCode}" does not agree with EventBaseCode "${clip(eventBaseCode)}" and EventRootCode "${clip(eventRootCode)}"`,
      });
    }
    const dateAdded = fields.get(ix.DATEADDED);
    if (dateAdded && dateAdded !== lastDateAdded && !(/^\d{8}(\d{6})?$/.test(dateAdded) && isGdeltDay(dateAdded.slice(0, 8)))) {
      return problem({ line: lineNo, kind: 'date', message: `line ${lineNo}: DATEADDED "${clip(dateAdded)}" is not a real date` });
    }
    const numMentions = count('NumMentions', l);
    const numSources = count('NumSources', l);
    const numArticles = count('NumArticles', l);
    for (const c of [numMentions, numSources, numArticles]) if (typeof c === 'string') return problem({ line: lineNo, kind: 'number', message: c });
    const quadClass = num(ix.QuadClass);
    const goldsteinScale = num(ix.GoldsteinScale);
    const avgTone = num(ix.AvgTone);
    for (const [name, v] of [
      ['QuadClass', quadClass],
      ['GoldsteinScale', goldsteinScale],
      ['AvgTone', avgTone],
    ] as const) {
      if (Number.isNaN(v))
        return problem({ line: lineNo, kind: 'number', message: `line ${lineNo}: ${name} "${clip(fields.get(ix[name]))}" is not a number` });
    }
    const url = fields.get(ix.SOURCEURL).trim();
    const row: GdeltRow = {
      line: lineNo,
      format: l.format,
      globalEventId: Number(idText),
      day,
      actor1: {
        code: fields.get(ix.Actor1Code),
        name: fields.get(ix.Actor1Name),
        countryCode: fields.get(ix.Actor1CountryCode),
        knownGroupCode: fields.get(ix.Actor1KnownGroupCode),
        type1Code: fields.get(ix.Actor1Type1Code),
      },
      actor2: {
        code: fields.get(ix.Actor2Code),
        name: fields.get(ix.Actor2Name),
        countryCode: fields.get(ix.Actor2CountryCode),
        knownGroupCode: fields.get(ix.Actor2KnownGroupCode),
        type1Code: fields.get(ix.Actor2Type1Code),
      },
      isRootEvent: fields.get(ix.IsRootEvent) === '1',
      eventCode,
      eventBaseCode,
      eventRootCode,
      quadClass,
      goldsteinScale,
      numMentions: numMentions as number,
      numSources: numSources as number,
      numArticles: numArticles as number,
      avgTone,
      dateAdded,
      sourceUrl: url || null,
    };
    lastDay = day;
    lastDateAdded = dateAdded;
    if (goodRows === 0 && held.length) {
      // The file is GDELT after all: report what was held back, in order.
      const early = held;
      held = [];
      for (const p of early) options.onProblem({ ...p, fatal: false });
    }
    goodRows++;
    options.onRow(row);
  };

  /** Recognises a header line (tab- or comma-separated GDELT column names); true when the line was one. */
  const tryHeader = (line: string): boolean => {
    const sep = line.includes('\t') ? '\t' : ',';
    const names = sep === '\t' ? line.split('\t') : (splitCsvLine(line) ?? []);
    const lower = names.map((n) => n.trim().toLowerCase());
    if (!lower.includes('globaleventid')) return false;
    const headerLayout = layoutFromHeader(names);
    if (!headerLayout) {
      const missing = ['GLOBALEVENTID', 'SQLDATE', 'Actor1CountryCode', 'Actor2CountryCode', 'EventCode'].filter(
        (n) => !lower.includes(n.toLowerCase()),
      );
      stop({
        line: lineNo,
        kind: 'header',
        message: `line ${lineNo}: a header line, but not of GDELT event columns${missing.length ? ` (no ${missing.join(', ')})` : ' (unknown or repeated column names)'}`,
      });
      return true;
    }
    layout = headerLayout;
    separator = sep;
    return true;
  };

  const processLine = (raw: string, unterminated: boolean): void => {
    lineNo++;
    if (stopped) return;
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') return;
    if (!headerChecked) {
      headerChecked = true;
      if (tryHeader(line)) return;
    }
    rows++;
    const columns = separator === '\t' ? fields.setTabbed(line) : fields.setCsv(line);
    if (columns < 0) {
      return problem({ line: lineNo, kind: 'csv-quote', message: `line ${lineNo}: a quoted field is not closed` });
    }
    if (layout) {
      if (columns === layout.columns) return parseRow(layout);
      if (unterminated && columns < layout.columns) return truncated(columns, layout.columns);
      const other = layout.format !== 'header' && layoutForColumnCount(columns);
      return problem({
        line: lineNo,
        kind: 'column-count',
        message: other
          ? `line ${lineNo}: ${columnsText(columns)}, but this file's lines have ${layout.columns}`
          : layout.format === 'header'
            ? `line ${lineNo}: ${columnsText(columns)}, the header line has ${layout.columns}`
            : `line ${lineNo}: ${columnsText(columns)}, ${COUNTS_TEXT} (this file's lines have ${layout.columns})`,
      });
    }
    const found = layoutForColumnCount(columns);
    if (!found) {
      if (unterminated && columns < 61) return truncated(columns, 61);
      const hint = columns === 1 && line.includes(',') ? ' separated by tabs (this line has commas; a comma-separated file needs a header line)' : '';
      return problem({ line: lineNo, kind: 'column-count', message: `line ${lineNo}: ${columnsText(columns)}, ${COUNTS_TEXT}${hint}` });
    }
    // The first line that parses fixes the file's layout.
    const before = goodRows;
    parseRow(found);
    if (goodRows > before) layout = found;
  };

  const truncated = (columns: number, expected: number) =>
    problem({
      line: lineNo,
      kind: 'truncated-line',
      message: `line ${lineNo}: truncated line (the file ends in the middle of it, after ${columns} of ${expected} columns)`,
    });

  const overlongLine = () => {
    lineNo++;
    if (stopped) return;
    if (goodRows === 0) {
      stop({ line: lineNo, kind: 'not-gdelt', message: `${NOT_GDELT}: line ${lineNo} is longer than ${maxLine.toLocaleString('en')} characters` });
      return;
    }
    rows++;
    problem({
      line: lineNo,
      kind: 'line-too-long',
      message: `line ${lineNo}: longer than ${maxLine.toLocaleString('en')} characters, not a GDELT event line`,
    });
  };

  return {
    push(chunk: string) {
      if (stopped) return;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf('\n', start);
        if (nl < 0) {
          if (start < chunk.length && !overlong) {
            const piece = chunk.slice(start);
            pending.push(piece);
            pendingLength += piece.length;
            if (pendingLength > maxLine) {
              overlong = true;
              pending = [];
              pendingLength = 0;
            }
          }
          return;
        }
        if (overlong) {
          overlong = false;
          overlongLine();
        } else if (pendingLength + nl - start > maxLine) {
          pending = [];
          pendingLength = 0;
          overlongLine();
        } else {
          const piece = chunk.slice(start, nl);
          const line = pending.length ? pending.join('') + piece : piece;
          pending = [];
          pendingLength = 0;
          processLine(line, false);
        }
        if (stopped) return;
        start = nl + 1;
      }
    },
    end() {
      if (stopped) return;
      if (overlong) overlongLine();
      else if (pending.length) {
        const line = pending.join('');
        pending = [];
        pendingLength = 0;
        processLine(line, true);
      }
      if (!stopped && goodRows === 0) {
        if (held.length) notGdelt();
        else
          stop({
            line: 0,
            kind: 'not-gdelt',
            message: `${NOT_GDELT}: ${layout ? 'the file holds a header line and no event lines' : 'the file is empty'}`,
          });
      }
    },
    get lines() {
      return lineNo;
    },
    get rows() {
      return rows;
    },
    get layout() {
      return layout;
    },
    get stopped() {
      return stopped;
    },
  };
}

const columnsText = (n: number) => `${n} column${n === 1 ? '' : 's'}`;

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
