/**
 * Highlighting the accusation sentences in the page being read.
 *
 * `highlightQuotesInPage` and `clearHighlightsInPage` are injected with `scripting.executeScript({ func })`, so each
 * must be self-contained: no imports, no module constants, nothing but its arguments and the page's DOM. They run
 * in the extension's isolated world (the page's scripts cannot replace the functions they call) and treat page text
 * as text: they read text nodes, never HTML, and never set innerHTML or run anything.
 *
 * The CSS Custom Highlight API is preferred (`CSS.highlights`): it paints ranges without touching the page's DOM.
 * Where it is missing, each match is wrapped in `<mark data-counterclaim-highlight>`, and clearing unwraps them.
 */

/** The name of the highlight in `CSS.highlights`, styled with `::highlight(counterclaim)`. */
export const HIGHLIGHT_NAME = 'counterclaim';
export const MARK_ATTRIBUTE = 'data-counterclaim-highlight';

/** Inserted with `scripting.insertCSS` while highlights are shown. */
export const HIGHLIGHT_CSS = `::highlight(counterclaim) { background-color: #fde047; color: #1c1917; }
mark[data-counterclaim-highlight] { background-color: #fde047; color: #1c1917; padding: 0; }`;

export interface HighlightOutcome {
  /** How many of the quotes were found in the page. */
  found: number;
  total: number;
  method: 'highlight' | 'mark' | 'none';
}

/**
 * Finds each quote in the page's visible text and highlights it; scrolls the first one into view. Earlier
 * highlights are replaced. Whitespace, curly quotes and dashes are compared loosely, since Readability's text and the
 * page's text differ in them; a quote that is not found whole is looked for by its opening words.
 */
export function highlightQuotesInPage(quotes: string[], options: { preferMarks?: boolean } = {}): HighlightOutcome {
  const NAME = 'counterclaim';
  const ATTR = 'data-counterclaim-highlight';
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SVG', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT']);

  // One character in, one character out: positions in the folded text are positions in the page's text.
  const fold = (ch: string): string => {
    if (/\s/.test(ch)) return ' ';
    if (/[\u2018\u2019\u201a\u201b\u2032`]/.test(ch)) return "'";
    if (/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/.test(ch)) return '"';
    if (/[\u2010-\u2015\u2212]/.test(ch)) return '-';
    return ch.toLowerCase();
  };
  const foldQuote = (q: string): string => Array.from(q.replace(/\s+/g, ' ').trim(), (c) => (c.length === 1 ? fold(c) : c.toLowerCase())).join('');

  // Remove earlier highlights first, so a second press does not stack them.
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  registry?.delete(NAME);
  for (const mark of Array.from(document.querySelectorAll(`mark[${ATTR}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize?.();
  }

  // The page's text: every text node under <body> outside scripts, styles and hidden elements, with whitespace
  // runs folded to one space (a run across nodes too). `owner[i]` and `offset[i]` locate folded character i.
  const nodes: Text[] = [];
  const root = document.body ?? document.documentElement;
  if (!root) return { found: 0, total: quotes.length, method: 'none' };
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // Text hidden by CSS (display: none, visibility: hidden) is not what the reader sees: a hidden copy of a sentence
  // must not take the highlight. An element with display: contents has no box of its own but shows its text.
  const hiddenByCss = new Map<Element, boolean>();
  const isHiddenByCss = (el: Element): boolean => {
    let hidden = hiddenByCss.get(el);
    if (hidden === undefined) {
      const check = (el as Element & { checkVisibility?: (o?: { visibilityProperty?: boolean }) => boolean }).checkVisibility;
      hidden =
        typeof check === 'function' &&
        !check.call(el, { visibilityProperty: true }) &&
        !(typeof getComputedStyle === 'function' && getComputedStyle(el).display === 'contents');
      hiddenByCss.set(el, hidden);
    }
    return hidden;
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || SKIP.has(el.tagName.toUpperCase()) || el.closest('script,style,noscript,textarea,template,svg,[hidden],[aria-hidden="true"]'))
      continue;
    if (isHiddenByCss(el)) continue;
    nodes.push(n as Text);
  }
  let text = '';
  const owner: number[] = [];
  const offset: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const data = nodes[i]!.data;
    for (let j = 0; j < data.length; j++) {
      const c = fold(data[j]!);
      if (c === ' ' && (text.length === 0 || text.endsWith(' '))) continue;
      text += c;
      owner.push(i);
      offset.push(j);
    }
  }

  type Span = { start: number; end: number };
  const spans: Span[] = [];
  let found = 0;
  for (const quote of quotes) {
    const q = foldQuote(String(quote));
    if (q.length < 8) continue;
    let at = text.indexOf(q);
    let length = q.length;
    if (at < 0) {
      // Readability may have joined or cut the sentence differently: look for its opening words.
      // Readability may have joined or cut the sentence differently: find its opening words, then take as much of
      // the quote as the page has there (the longest such run, ending at a word's end).
      const head = q.slice(0, 40).replace(/\s\S*$/, '');
      if (head.length >= 20) {
        for (let from = text.indexOf(head); from >= 0; from = text.indexOf(head, from + 1)) {
          let n = head.length;
          while (n < q.length && text[from + n] === q[n]) n++;
          if (n < q.length) n = q.slice(0, n).replace(/\s\S*$/, '').length;
          if (n > (at < 0 ? 0 : length)) {
            at = from;
            length = n;
          }
        }
      }
    }
    if (at < 0) continue;
    found++;
    spans.push({ start: at, end: at + length });
  }
  if (!spans.length) return { found: 0, total: quotes.length, method: 'none' };
  spans.sort((a, b) => a.start - b.start);

  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (registry && HighlightCtor && !options.preferMarks) {
    const ranges = spans.map((s) => {
      const r = document.createRange();
      r.setStart(nodes[owner[s.start]!]!, offset[s.start]!);
      r.setEnd(nodes[owner[s.end - 1]!]!, offset[s.end - 1]! + 1);
      return r;
    });
    registry.set(NAME, new HighlightCtor(...ranges));
    const first = ranges[0]!.startContainer.parentElement;
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return { found, total: quotes.length, method: 'highlight' };
  }

  // Fallback: wrap each matched piece of each text node in a <mark>. Pieces are cut from the end of a node backwards,
  // so the offsets of earlier pieces in the same node stay valid.
  const pieces = new Map<number, { from: number; to: number }[]>();
  for (const s of spans) {
    // Within one span, the folded characters of one node are contiguous in it but for whitespace runs folded to
    // one space: one piece per node, from its first to its last matched character, leaves no gap unmarked.
    const perNode = new Map<number, { from: number; to: number }>();
    for (let k = s.start; k < s.end; k++) {
      const piece = perNode.get(owner[k]!);
      if (piece) piece.to = offset[k]! + 1;
      else perNode.set(owner[k]!, { from: offset[k]!, to: offset[k]! + 1 });
    }
    for (const [index, piece] of perNode) pieces.set(index, [...(pieces.get(index) ?? []), piece]);
  }
  for (const [index, list] of pieces) {
    // Two quotes may share a node (or overlap): sort and merge so each character is wrapped once.
    list.sort((a, b) => a.from - b.from);
    const merged: { from: number; to: number }[] = [];
    for (const p of list) {
      const last = merged[merged.length - 1];
      if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
      else merged.push({ ...p });
    }
    pieces.set(index, merged);
  }
  let firstMark: Element | null = null;
  for (const [index, list] of [...pieces.entries()].sort((a, b) => a[0] - b[0])) {
    const node = nodes[index]!;
    const parent = node.parentNode;
    if (!parent) continue;
    const data = node.data;
    const parts: Node[] = [];
    let cursor = 0;
    for (const p of list) {
      if (p.from > cursor) parts.push(document.createTextNode(data.slice(cursor, p.from)));
      const mark = document.createElement('mark');
      mark.setAttribute(ATTR, '');
      mark.textContent = data.slice(p.from, p.to);
      parts.push(mark);
      firstMark ??= mark;
      cursor = p.to;
    }
    if (cursor < data.length) parts.push(document.createTextNode(data.slice(cursor)));
    for (const part of parts) parent.insertBefore(part, node);
    parent.removeChild(node);
  }
  (firstMark as HTMLElement | null)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  return { found, total: quotes.length, method: 'mark' };
}

/** Removes what `highlightQuotesInPage` added; returns how many highlights and marks were removed. */
export function clearHighlightsInPage(): number {
  const NAME = 'counterclaim';
  const ATTR = 'data-counterclaim-highlight';
  let removed = 0;
  const registry = (globalThis as { CSS?: { highlights?: Map<string, { size: number }> } }).CSS?.highlights;
  const current = registry?.get(NAME);
  if (current) {
    removed += current.size;
    registry!.delete(NAME);
  }
  for (const mark of Array.from(document.querySelectorAll(`mark[${ATTR}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize?.();
    removed++;
  }
  return removed;
}
