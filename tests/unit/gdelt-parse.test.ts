import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GDELT1_BACKFILE_COLUMNS, GDELT1_COLUMNS, GDELT2_COLUMNS, layoutForColumnCount, layoutFromHeader } from '../../lib/gdelt/columns';
import { createGdeltParser, isCameoEventCode, isGdeltDay, splitCsvLine, type GdeltProblem, type GdeltRow } from '../../lib/gdelt/parse';

const DIR = join(__dirname, '../fixtures/gdelt');
const SAMPLE = readFileSync(join(DIR, '20151027220000.export.CSV'), 'utf8');
const LINES = SAMPLE.split('\n').filter(Boolean);

function parse(chunks: string[]) {
  const rows: GdeltRow[] = [];
  const problems: GdeltProblem[] = [];
  const p = createGdeltParser({ onRow: (r) => rows.push(r), onProblem: (e) => problems.push(e) });
  for (const c of chunks) p.push(c);
  p.end();
  return { rows, problems, parser: p };
}

function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** A GDELT 2.0 line as a 1.0 line: no *Geo_ADM2Code columns, DATEADDED as YYYYMMDD, with or without SOURCEURL. */
function toGdelt1(line: string, withUrl: boolean): string {
  const f = line.split('\t');
  const keep = GDELT2_COLUMNS.map((c, i) => [c, f[i]!] as const).filter(([c]) => (withUrl ? GDELT1_COLUMNS : GDELT1_BACKFILE_COLUMNS).includes(c));
  return keep.map(([c, v]) => (c === 'DATEADDED' ? v.slice(0, 8) : v)).join('\t');
}

describe('GDELT column layouts', () => {
  it('has 61 columns for 2.0, 58 and 57 for 1.0, told by the count', () => {
    expect(GDELT2_COLUMNS).toHaveLength(61);
    expect(GDELT1_COLUMNS).toHaveLength(58);
    expect(GDELT1_BACKFILE_COLUMNS).toHaveLength(57);
    expect(layoutForColumnCount(61)?.format).toBe('gdelt2');
    expect(layoutForColumnCount(58)?.format).toBe('gdelt1');
    expect(layoutForColumnCount(57)?.format).toBe('gdelt1-backfile');
    expect(layoutForColumnCount(43)).toBeNull();
    expect(layoutForColumnCount(61)!.index.SOURCEURL).toBe(60);
    expect(layoutForColumnCount(58)!.index.SOURCEURL).toBe(57);
    expect(layoutForColumnCount(58)!.index.DATEADDED).toBe(56);
    expect(layoutForColumnCount(57)!.index.SOURCEURL).toBe(-1);
    expect(layoutForColumnCount(57)!.index.EventCode).toBe(26);
  });

  it('reads a header line of GDELT names in any order, and refuses one without the needed names', () => {
    const l = layoutFromHeader([
      'EventCode',
      'GLOBALEVENTID',
      'SQLDATE',
      'Actor1Code',
      'Actor1Name',
      'Actor1CountryCode',
      'Actor2Code',
      'Actor2Name',
      'Actor2CountryCode',
    ]);
    expect(l?.index.EventCode).toBe(0);
    expect(l?.index.SOURCEURL).toBe(-1);
    expect(layoutFromHeader(['GLOBALEVENTID', 'SQLDATE', 'EventCode'])).toBeNull();
    expect(layoutFromHeader(['country', 'iso3'])).toBeNull();
  });
});

describe('field checks', () => {
  it('knows real dates and CAMEO codes', () => {
    expect(isGdeltDay('20240229')).toBe(true);
    expect(isGdeltDay('20230229')).toBe(false);
    expect(isGdeltDay('20151332')).toBe(false);
    expect(isGdeltDay('2015102')).toBe(false);
    for (const c of ['01', '042', '112', '1125', '20', '0841']) expect(isCameoEventCode(c)).toBe(true);
    for (const c of ['', '9999', '00', '21', '11X', '11250', 'ACCUSE']) expect(isCameoEventCode(c)).toBe(false);
  });

  it('splits CSV lines with quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
    expect(splitCsvLine('"open,b')).toBeNull();
  });
});

describe('createGdeltParser', () => {
  it('parses every line of a real GDELT 2.0 file with its fields', () => {
    const { rows, problems, parser } = parse([SAMPLE]);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2116);
    expect(parser.layout?.format).toBe('gdelt2');
    const irn = rows.find((r) => r.line === 47)!;
    expect(irn).toMatchObject({
      format: 'gdelt2',
      globalEventId: 479491285,
      day: '20150927',
      eventCode: '112',
      eventBaseCode: '112',
      eventRootCode: '11',
      actor1: { code: 'IRN', name: 'IRAN', countryCode: 'IRN' },
      actor2: { code: 'SAU', name: 'SAUDI ARABIA', countryCode: 'SAU' },
      dateAdded: '20151027220000',
    });
    expect(irn.sourceUrl).toMatch(/^https:\/\/www\.washingtonpost\.com\//);
    expect(typeof irn.numArticles).toBe('number');
    expect(typeof irn.goldsteinScale).toBe('number');
  });

  it('gives the same rows whatever the chunk size (a line split across chunks), with CRLF, with or without a final newline', () => {
    const whole = parse([SAMPLE]).rows;
    expect(parse(split(SAMPLE, 7)).rows).toEqual(whole);
    expect(parse(split(SAMPLE, 1)).rows.slice(0, 50)).toEqual(whole.slice(0, 50));
    expect(parse(split(SAMPLE.replace(/\n/g, '\r\n'), 7)).rows).toEqual(whole);
    const noFinalNewline = parse([SAMPLE.replace(/\n$/, '')]);
    expect(noFinalNewline.problems).toEqual([]);
    expect(noFinalNewline.rows).toEqual(whole);
    const blankLines = parse([`\n${SAMPLE}\n\n`]);
    expect(blankLines.rows.map((r) => r.globalEventId)).toEqual(whole.map((r) => r.globalEventId));
    expect(blankLines.rows[0]!.line).toBe(2);
  });

  it('reads GDELT 1.0 lines of 58 and 57 columns', () => {
    const line = LINES[46]!;
    const v1 = parse([`${toGdelt1(line, true)}\n`]);
    expect(v1.problems).toEqual([]);
    expect(v1.rows[0]).toMatchObject({ format: 'gdelt1', eventCode: '112', actor1: { countryCode: 'IRN' }, dateAdded: '20151027' });
    expect(v1.rows[0]!.sourceUrl).toMatch(/^https:/);
    const backfile = parse([`${toGdelt1(line, false)}\n`]);
    expect(backfile.problems).toEqual([]);
    expect(backfile.rows[0]).toMatchObject({ format: 'gdelt1-backfile', eventCode: '112', sourceUrl: null });
  });

  it('reports a wrong column count, a bad date, a bad code and a truncated last line by line number', () => {
    const bad = [LINES[0], LINES[1]!.split('\t').slice(0, 43).join('\t'), LINES[2], LINES[3]];
    const { rows, problems } = parse([`${bad.join('\n')}\n${LINES[4]!.slice(0, 150)}`]);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(problems.map((p) => [p.line, p.kind, p.fatal])).toEqual([
      [2, 'column-count', false],
      [5, 'truncated-line', false],
    ]);
    expect(problems[0]!.message).toBe("line 2: 43 columns, a GDELT event export line has 57, 58 or 61 (this file's lines have 61)");
    expect(problems[1]!.message).toMatch(/^line 5: truncated line \(the file ends in the middle of it, after \d+ of 61 columns\)$/);
    const fields = LINES[2]!.split('\t');
    fields[1] = '20150931';
    const d = parse([`${LINES[0]}\n${fields.join('\t')}\n`]);
    expect(d.problems.map((p) => p.message)).toEqual(['line 2: SQLDATE "20150931" is not a real date (YYYYMMDD)']);
    fields[1] = LINES[2]!.split('\t')[1]!;
    fields[26] = '9999';
    const c = parse([`${LINES[0]}\n${fields.join('\t')}\n`]);
    expect(c.problems.map((p) => p.message)).toEqual(['line 2: EventCode "9999" is not a CAMEO event code (2 to 4 digits, root 01 to 20)']);
  });

  it('refuses a file that is not GDELT after 20 bad lines, or when no line is good', () => {
    const csv = Array.from({ length: 30 }, (_, i) => `name${i},${i},x`).join('\n');
    const { rows, problems } = parse([csv]);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'not-gdelt', fatal: true, line: 1 });
    expect(problems[0]!.message).toMatch(
      /^This is not a GDELT event export: the first 20 lines fail \(line 1: 1 column, a GDELT event export line has 57, 58 or 61/,
    );
    const short = parse(['hello world\n']);
    expect(short.problems.map((p) => p.message)).toEqual([
      'This is not a GDELT event export: line 1: 1 column, a GDELT event export line has 57, 58 or 61',
    ]);
    expect(parse(['']).problems.map((p) => p.message)).toEqual(['This is not a GDELT event export: the file is empty']);
    const binary = parse(['x'.repeat(2_000_001)]);
    expect(binary.problems.map((p) => p.kind)).toEqual(['not-gdelt']);
  });

  it('holds back early bad lines until a good one shows the file is GDELT, then reports them in order', () => {
    const { rows, problems } = parse([`garbage\n${LINES.slice(0, 3).join('\n')}\n`]);
    expect(rows).toHaveLength(3);
    expect(problems.map((p) => [p.line, p.kind, p.fatal])).toEqual([[1, 'column-count', false]]);
  });

  it('refuses lines of another GDELT format than the first ones', () => {
    const { rows, problems } = parse([`${LINES[0]}\n${toGdelt1(LINES[1]!, true)}\n`]);
    expect(rows).toHaveLength(1);
    expect(problems[0]!.message).toBe("line 2: 58 columns, but this file's lines have 61");
  });

  it('reads a comma-separated file with a header line (BigQuery "Save results -> CSV")', () => {
    const text = readFileSync(join(DIR, 'bigquery-results.csv'), 'utf8');
    const { rows, problems, parser } = parse(split(text, 13));
    expect(problems).toEqual([]);
    expect(parser.layout?.format).toBe('header');
    expect(rows).toHaveLength(10);
    const plain = parse([SAMPLE]).rows;
    for (const r of rows) {
      const same = plain.find((p) => p.globalEventId === r.globalEventId)!;
      expect({ ...r, line: 0, format: '' }).toEqual({ ...same, line: 0, format: '' });
    }
    const badHeader = parse(['GLOBALEVENTID,SQLDATE,Foo\n1,2,3\n']);
    expect(badHeader.problems[0]).toMatchObject({ kind: 'header', fatal: true, line: 1 });
  });
});
