/** A sentence of a text with its offsets and its paragraph index. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'sen',
  'rep',
  'gov',
  'pres',
  'st',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'approx',
  'est',
]);

/** Longest sentence we hand to the extractor; longer runs (text with no sentence ends) are cut into pieces. */
export const MAX_SENTENCE_CHARS = 1200;

/**
 * Splits text into sentences. Paragraphs are separated by blank lines (or single newlines); inside a paragraph a
 * sentence ends at . ! ? (and closing quotes after them) followed by a space and a capital, digit or opening quote,
 * unless the word before the stop is a known abbreviation or a single capital letter (U.S.).
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphRe = /[^\n]+/g;
  let paragraph = 0;
  for (const p of text.matchAll(paragraphRe)) {
    const pStart = p.index ?? 0;
    const body = p[0];
    if (!body.trim()) continue;
    let sStart = 0;
    const endRe = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;
    for (const m of body.matchAll(endRe)) {
      const stop = (m.index ?? 0) + m[0].length;
      const before = body.slice(Math.max(sStart, (m.index ?? 0) - 12), m.index ?? 0);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.replace(/\.$/, '')) || /^\p{L}$/u.test(lastWord))) continue;
      pushSentence(out, body, pStart, sStart, stop, paragraph);
      sStart = stop;
    }
    pushSentence(out, body, pStart, sStart, body.length, paragraph);
    paragraph++;
  }
  return out;
}

function pushSentence(out: Sentence[], body: string, base: number, from: number, to: number, paragraph: number) {
  while (from < to && /\s/.test(body.charAt(from))) from++;
  while (to > from && /\s/.test(body.charAt(to - 1))) to--;
  while (to - from > MAX_SENTENCE_CHARS) {
    // No sentence end in sight: cut at the last space inside the budget so words stay whole.
    let cut = body.lastIndexOf(' ', from + MAX_SENTENCE_CHARS);
    if (cut <= from) cut = from + MAX_SENTENCE_CHARS;
    out.push({ text: body.slice(from, cut), start: base + from, end: base + cut, paragraph });
    from = cut;
    while (from < to && /\s/.test(body.charAt(from))) from++;
  }
  if (to > from) out.push({ text: body.slice(from, to), start: base + from, end: base + to, paragraph });
}
