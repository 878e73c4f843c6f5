/**
 * `benchGdelt(rows)`: synthesises `rows` valid GDELT 2.0 event lines (61 columns, varying actors and codes, about one
 * in eight an accusation between two states) as a stream, converts them, and reports the speed and the peak heap.
 * Nothing is held in memory but the current chunk, so the peak heap shows what the converter itself keeps.
 */
import { GDELT2_COLUMNS } from './columns';
import { convertGdelt } from './import';

export interface GdeltBenchResult {
  rows: number;
  kept: number;
  reports: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak `heapUsed` seen during the conversion, in bytes (null where process.memoryUsage is not available). */
  peakHeapBytes: number | null;
  /** Input size, in bytes. */
  bytes: number;
}

const COUNTRIES = ['USA', 'CHN', 'RUS', 'TWN', 'CZE', 'IRN', 'SAU', 'GBR', 'FRA', 'DEU', 'UKR', 'ISR', 'IND', 'PAK', 'TUR', 'EUR', ''];
// About one line in eight carries an accusation code (112x); real GDELT files have fewer (about 2 %).
const CODES = [
  '010', '020', '036', '042', '043', '046', '051', '057', '061', '070', '080', '0841', '090', '100', '111',
  '112', '120', '130', '141', '150', '160', '172', '173', '180', '190', '193', '200', '1122', '1123', '1125',
]; // prettier-ignore
const TYPES = ['', 'GOV', 'MIL', 'MED', 'BUS', 'COP'];

function heapUsed(): number | null {
  const proc = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  return proc?.memoryUsage ? proc.memoryUsage().heapUsed : null;
}

/** One synthetic line: a deterministic function of its index. */
export function syntheticGdeltLine(i: number): string {
  const c1 = COUNTRIES[(i * 7) % COUNTRIES.length]!;
  const c2 = COUNTRIES[(i * 11 + 3) % COUNTRIES.length]!;
  const t1 = c1 ? TYPES[i % TYPES.length]! : '';
  const code = CODES[(i * 13) % CODES.length]!;
  const day = String(20250501 + (i % 28));
  // Columns 0-34 (GLOBALEVENTID .. AvgTone), 24 empty geo columns, DATEADDED, SOURCEURL: 61 in all.
  return (
    `${1_000_000_000 + i}\t${day}\t${day.slice(0, 6)}\t2025\t2025.3699\t${c1}${t1}\t${c1 ? `${c1} NAME` : ''}\t${c1}\t\t\t\t\t${t1}\t\t\t` +
    `${c2}\t${c2 ? `${c2} NAME` : ''}\t${c2}\t\t\t\t\t\t\t\t${i % 2}\t${code}\t${code.slice(0, 3)}\t${code.slice(0, 2)}\t3\t-2.0\t` +
    `${1 + (i % 10)}\t${1 + (i % 3)}\t${1 + (i % 10)}\t-3.2${GEO_COLUMNS}\t20250528150000\thttps://news.example/${i % 5000}/article.html`
  );
}

const GEO_COLUMNS = '\t'.repeat(GDELT2_COLUMNS.indexOf('DATEADDED') - GDELT2_COLUMNS.indexOf('AvgTone') - 1);

/** The synthetic file as a stream of ~64 KB chunks. */
export async function* syntheticGdeltFile(rows: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buf: string[] = [];
  let size = 0;
  for (let i = 0; i < rows; i++) {
    const line = syntheticGdeltLine(i);
    buf.push(line);
    size += line.length + 1;
    if (size >= 65536) {
      yield encoder.encode(`${buf.join('\n')}\n`);
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield encoder.encode(`${buf.join('\n')}\n`);
}

/** Converts `rows` synthetic lines; returns rows per second and peak heap. */
export async function benchGdelt(rows: number): Promise<GdeltBenchResult> {
  let peak = heapUsed();
  const t0 = performance.now();
  const { stats } = await convertGdelt(syntheticGdeltFile(rows), {
    onProgress: () => {
      const h = heapUsed();
      if (h !== null && (peak === null || h > peak)) peak = h;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    rows: stats.lines,
    kept: stats.kept,
    reports: stats.reports,
    seconds: Math.round(seconds * 1000) / 1000,
    rowsPerSecond: Math.round(stats.lines / seconds),
    peakHeapBytes: peak,
    bytes: stats.bytes,
  };
}
