/** Helpers for the side-by-side comparison: words the two sides share, highlighted segments, a quote's paragraph. */

const STOP = new Set(
  'the a an of and or to in on for with by at from as is are was were be been has have had it its this that these those their his her our we they he she said says say will would could also but not than more over after before into about against who which what when where while there here such other any all some one two three new more most last first being very'.split(
    ' ',
  ),
);

/** Content words of a text (lowercase, 4+ letters, no stop words). */
export function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []).map((w) => w.replace(/['’]s$/, '')).filter((w) => !STOP.has(w)));
}

/** Words both texts use, and two-word phrases both use ("critical infrastructure"), most telling first. */
export function sharedTerms(a: string, b: string): string[] {
  const wa = contentWords(a);
  const wb = contentWords(b);
  const words = [...wa].filter((w) => wb.has(w));
  const bigrams = (t: string) => {
    const ws = t.toLowerCase().match(/\p{L}[\p{L}-]+/gu) ?? [];
    const out = new Set<string>();
    for (let i = 0; i + 1 < ws.length; i++) if (!STOP.has(ws[i]!) && !STOP.has(ws[i + 1]!)) out.add(`${ws[i]} ${ws[i + 1]}`);
    return out;
  };
  const ba = bigrams(a);
  const phrases = [...bigrams(b)].filter((p) => ba.has(p));
  return [...phrases, ...words.sort((x, y) => y.length - x.length)];
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits `text` into segments, marking every occurrence of the given terms (whole words, case-insensitive). */
export function highlight(text: string, terms: string[]): Segment[] {
  if (!terms.length) return [{ text, mark: false }];
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})(?:['’]s)?(?![\\p{L}])`, 'giu');
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), mark: false });
    out.push({ text: m[0], mark: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/** The paragraph of `text` (blank-line separated) that holds the span [start, end), or the span itself. */
export function paragraphAround(text: string, start: number, end: number): string {
  if (start < 0 || end > text.length || start >= end) return text.slice(Math.max(0, start), Math.max(0, end));
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  return text.slice(from, next < 0 ? text.length : next).trim();
}
