import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPage, isDeeperThan, MAX_DOM_DEPTH } from '../../lib/extension/extract-page';
import { articleFromSelection, stripBidiControls } from '../../lib/article/read-article';
import { createHandlers } from '../../lib/extension/background-service';
import { checkMessage } from '../../lib/extension/schemas';
import { freshDb } from '../helpers/library';
import { STRANGE } from '../fixtures/hostile/strange.mjs';

const LEAD = 'The United States accused Russia of cyberattacks on the computer networks of election offices, officials said on Monday.';

/** A page whose article sits `depth` levels below <html>, built with the DOM (as a script would). */
function deepPage(depth: number): Document {
  const { document } = parseHTML('<!doctype html><html lang="en"><head><title>Deep</title></head><body></body></html>');
  let node: Element = document.body;
  for (let i = 0; i < depth; i++) node = node.appendChild(document.createElement('div'));
  node.innerHTML = `<p>${LEAD}</p>`;
  return document as unknown as Document;
}

describe('deep pages', () => {
  // <html> is level 0, <body> 1, the divs 2.., the paragraph at depth + 2.
  it.each([
    [0, 2, false],
    [0, 1, true],
    [3, 5, false],
    [3, 4, true],
    [10, 5, true],
  ])('a page with %i nested divs is deeper than %i levels: %s', (depth, max, want) => {
    expect(isDeeperThan(deepPage(depth).documentElement, max)).toBe(want);
  });

  it('walks wide pages (siblings and back up) without losing count', () => {
    const { document } = parseHTML(`<html><body>${'<section><p>a</p><div><p><b>x</b></p></div></section>'.repeat(2000)}<i></i></body></html>`);
    // html > body > section > div > p > b: five levels below <html>.
    expect(isDeeperThan(document.documentElement, 5)).toBe(false);
    expect(isDeeperThan(document.documentElement, 4)).toBe(true);
  });

  it('a 5,000-level page is refused as too large at once, and its selection is still read', async () => {
    const doc = deepPage(5_000);
    const t0 = performance.now();
    const extract = extractPage(doc, 'http://127.0.0.1/deep', LEAD);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(extract.read).toMatchObject({ ok: false, reason: 'too-large' });
    const h = createHandlers({
      db: freshDb(),
      getTabUrl: async () => 'http://127.0.0.1/deep',
      extractFromTab: async () => extract,
      setBadge: async () => {},
    });
    const res = await h.analyzeTab({ tabId: 1 });
    expect(!res.ok && res.error.code).toBe('too-large');
    expect(!res.ok && res.error.message).toMatch(/Select the article text/);
    const sel = await h.analyzeTab({ tabId: 1, useSelection: true });
    expect(sel.ok && sel.page.analysis.accusations[0]?.accused.code).toBe('RUS');
  });

  it(`a page ${MAX_DOM_DEPTH - 20} levels deep is still read`, () => {
    const extract = extractPage(deepPage(MAX_DOM_DEPTH - 20), 'http://127.0.0.1/deep', '');
    expect(extract.read.ok || extract.read.reason).not.toBe('too-large');
  });
});

describe('strange pages in Node (the same pages the e2e test opens in Chromium)', () => {
  // The reader and the analysis without the browser: each answers, and what the popup would save fits the schema.
  it.each(Object.keys(STRANGE).filter((k) => k !== 'deep-dom'))(
    '%s',
    async (kind) => {
      const { document } = parseHTML(STRANGE[kind]!.build());
      const url = `http://127.0.0.1/strange/${kind}.html`;
      const extract = extractPage(document as unknown as Document, url, '');
      const res = await createHandlers({
        db: freshDb(),
        getTabUrl: async () => url,
        extractFromTab: async () => extract,
        setBadge: async () => {},
      }).analyzeTab({
        tabId: 1,
      });
      if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
      expect(checkMessage({ type: 'saveReport', data: { page: res.page } }).ok).toBe(true);
      if (kind === 'mixed-scripts-rtl') expect(res.page.analysis.notes.join(' ')).toMatch(/not in English/);
      else expect(res.page.analysis.accusations[0]?.accused.code).toBe('RUS');
    },
    120_000,
  );
});

describe('bidirectional controls', () => {
  // U+202E (right-to-left override) would make "gnp.exe" display as "exe.png"; a page must not disguise its text so.
  it('are taken out of the article text, title and selection a page gives us', () => {
    const rlo = '\u202E';
    const body = Array.from(
      { length: 6 },
      () => `<p>${LEAD} The ministry said it ${rlo}deined${'\u202C'} nothing and named ${'\u2066'}APT28${'\u2069'}.</p>`,
    ).join('');
    const { document } = parseHTML(
      `<!doctype html><html lang="en"><head><title>Russia ${rlo}accused</title></head><body><article><h1>Russia ${rlo}accused</h1>${body}</article></body></html>`,
    );
    const extract = extractPage(document as unknown as Document, 'https://example.com/a', `Selected ${rlo}text`);
    expect(extract.read.ok).toBe(true);
    if (!extract.read.ok) return;
    expect(extract.read.article.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(extract.read.article.text).toContain('deined nothing and named APT28.');
    expect(extract.read.article.title).toBe('Russia accused');
    expect(stripBidiControls(extract.selection)).toBe('Selected text');
    expect(articleFromSelection(extract.selection, { url: null, title: `a${rlo}b` })).toMatchObject({ text: 'Selected text', title: 'ab' });
  });
});
