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
  let paragraph = 0;
  // Paragraphs are the runs of text between line breaks.
  for (let pStart = 0; pStart < text.length;) {
    let pEnd = text.indexOf('\n', pStart);
    if (pEnd < 0) pEnd = text.length;
    if (pEnd > pStart) {
      const body = text.slice(pStart, pEnd);
      if (NOT_SPACE.test(body)) {
        splitParagraph(out, body, pStart, paragraph);
        paragraph++;
      }
    }
    pStart = pEnd + 1;
  }
  return out;
}

/** Sentence ends: stops (and closing quotes) before a space and a capital, a digit or an opening quote. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;
const LAST_WORD = /([\p{L}.]+)$/u;
const FINAL_STOP = /\.$/;
const ONE_LETTER = /^\p{L}$/u;
const NOT_SPACE = /\S/;
const SPACE = /\s/;

function splitParagraph(out: Sentence[], body: string, pStart: number, paragraph: number) {
  let sStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.')) {
      const before = body.slice(Math.max(sStart, m.index - 12), m.index);
      const lastWord = LAST_WORD.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(lastWord.replace(FINAL_STOP, '')) || ONE_LETTER.test(lastWord)) continue;
    }
    pushSentence(out, body, pStart, sStart, stop, paragraph);
    sStart = stop;
  }
  pushSentence(out, body, pStart, sStart, body.length, paragraph);
}

function pushSentence(out: Sentence[], body: string, base: number, from: number, to: number, paragraph: number) {
  while (from < to && SPACE.test(body.charAt(from))) from++;
  while (to > from && SPACE.test(body.charAt(to - 1))) to--;
  while (to - from > MAX_SENTENCE_CHARS) {
    // No sentence end in sight: cut at the last space inside the budget so words stay whole.
    let cut = body.lastIndexOf(' ', from + MAX_SENTENCE_CHARS);
    if (cut <= from) cut = from + MAX_SENTENCE_CHARS;
    out.push({ text: body.slice(from, cut), start: base + from, end: base + cut, paragraph });
    from = cut;
    while (from < to && SPACE.test(body.charAt(from))) from++;
  }
  if (to > from) out.push({ text: body.slice(from, to), start: base + from, end: base + to, paragraph });
}
