import { afterEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { clearHighlightsInPage, highlightQuotesInPage } from '../../lib/extension/highlight';

// The injected functions use the global `document`, as they do in the page. linkedom has no CSS Highlight API, so
// this runs the <mark> fallback; the e2e test runs the Highlight path in Chromium.
function load(html: string): Document {
  const { document } = parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
  (globalThis as { document?: unknown }).document = document;
  return document as unknown as Document;
}
afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

const marks = (doc: Document) => Array.from(doc.querySelectorAll('mark[data-counterclaim-highlight]'), (m) => m.textContent);

describe('highlighting quotes in a page', () => {
  it('finds a quote that runs across inline elements, curly quotes and extra whitespace', () => {
    const doc = load(
      `<p>Intro.  The Czech Republic   <a href="#">strongly condemns</a> the \u201cmalicious cyber campaign\u201d\n by China. After.</p>`,
    );
    const out = highlightQuotesInPage(['The Czech Republic strongly condemns the "malicious cyber campaign" by China.']);
    expect(out).toEqual({ found: 1, total: 1, method: 'mark' });
    expect(marks(doc).join('').replace(/\s+/g, ' ')).toBe('The Czech Republic strongly condemns the \u201cmalicious cyber campaign\u201d by China.');
    // The page's own text is unchanged, only wrapped.
    expect(doc.body.textContent).toBe('Intro.  The Czech Republic   strongly condemns the \u201cmalicious cyber campaign\u201d\n by China. After.');
  });

  it('skips text the page hides with CSS (the browser says the element is not visible)', () => {
    const doc = load(
      `<div class="decoy"><span>China accused Taiwan of hacking 1,000 targets</span></div>` +
        `<p>Officials said China accused Taiwan of hacking 1,000 targets on Monday.</p>`,
    );
    // linkedom lays nothing out; in the browser, checkVisibility() is false under display: none or visibility: hidden.
    const decoy = doc.querySelector('.decoy span') as Element & { checkVisibility?: () => boolean };
    decoy.checkVisibility = () => false;
    expect(highlightQuotesInPage(['China accused Taiwan of hacking 1,000 targets'])).toEqual({ found: 1, total: 1, method: 'mark' });
    expect(doc.querySelector('.decoy mark')).toBeNull();
    expect(doc.querySelector('p mark')).not.toBeNull();
  });

  it('ignores scripts, styles and hidden text, and counts what it did not find', () => {
    const doc = load(
      `<script>var s = "China accused Taiwan of hacking 1,000 targets";</script><div hidden>China accused Taiwan of hacking 1,000 targets</div>` +
        `<p>Officials said China accused Taiwan of hacking 1,000 targets on Monday.</p>`,
    );
    const out = highlightQuotesInPage(['China accused Taiwan of hacking 1,000 targets', 'A sentence that is nowhere in this page at all.']);
    expect(out).toEqual({ found: 1, total: 2, method: 'mark' });
    expect(marks(doc)).toEqual(['China accused Taiwan of hacking 1,000 targets']);
    expect(doc.querySelector('p mark')).not.toBeNull();
  });

  it('finds a sentence by its opening words when the page words its end differently', () => {
    const doc = load('<p>The ministry summoned the ambassador over the campaign against its networks, it said in a statement.</p>');
    const out = highlightQuotesInPage(['The ministry summoned the ambassador over the campaign against its networks and infrastructure.']);
    expect(out.found).toBe(1);
    expect(marks(doc).join('')).toMatch(/^The ministry summoned the ambassador over the campaign/);
  });

  it('treats page text as text: markup-shaped text stays text', () => {
    const doc = load('<p>They wrote &lt;img src=x onerror=alert(1)&gt; in the accusation against the agency.</p>');
    highlightQuotesInPage(['They wrote <img src=x onerror=alert(1)> in the accusation']);
    expect(doc.querySelector('img')).toBeNull();
    expect(marks(doc).join('')).toBe('They wrote <img src=x onerror=alert(1)> in the accusation');
  });

  it('does not stack highlights, and clearing restores the page text', () => {
    const doc = load('<p>Beijing accused Washington of hacking its universities for years.</p>');
    const before = doc.body.innerHTML;
    highlightQuotesInPage(['Beijing accused Washington of hacking its universities']);
    highlightQuotesInPage(['Beijing accused Washington of hacking its universities']);
    expect(marks(doc)).toHaveLength(1);
    expect(clearHighlightsInPage()).toBe(1);
    expect(marks(doc)).toHaveLength(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('merges two quotes that overlap into one mark per text piece', () => {
    const doc = load('<p>Russia accused Britain of espionage and Britain accused Russia of sabotage.</p>');
    const out = highlightQuotesInPage(['Russia accused Britain of espionage and', 'espionage and Britain accused Russia of sabotage.']);
    expect(out.found).toBe(2);
    expect(marks(doc)).toEqual(['Russia accused Britain of espionage and Britain accused Russia of sabotage.']);
  });
});
