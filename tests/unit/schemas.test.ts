import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../../lib/analyze';
import { extractPage } from '../../lib/extension/extract-page';
import { createHandlers } from '../../lib/extension/background-service';
import { LIMITS, REQUEST_SCHEMAS, checkMessage, clampArticle, describeRejection } from '../../lib/extension/schemas';
import { MESSAGE_TYPES, isMessage, type MessageType, type PageAnalysis, type ProtocolMap } from '../../lib/messaging';
import type { Facets } from '../../lib/types';
import { fixtureSlugs, sourcePath } from '../helpers/fixtures';
import { article, czechMini, freshDb } from '../helpers/library';

/** A valid request per message type. A new type in ProtocolMap must get one here (TypeScript says so). */
const VALID: { [K in MessageType]: ProtocolMap[K]['request'] } = {
  analyzeTab: { tabId: 7, useSelection: true },
  saveReport: { page: { article: czechMini, analysis: analyzeArticle(czechMini), fromSelection: false } },
  libraryStatus: {},
  judgeCounterclaim: { from: 'a1b2c3', fromIndex: 0, to: 'starter-czech-china', toIndex: 2, kind: 'confirmed' },
  highlightInTab: { tabId: 7, quotes: ['The Czech Republic strongly condemns the malicious cyber campaign.'] },
  clearHighlights: { tabId: 7 },
};

const clone = <T>(v: T): T => structuredClone(v);
const savePage = (): PageAnalysis => clone(VALID.saveReport.page);

/** Checks `{ type, data }` and returns the bad path, or null when it passes. */
function badPath(type: string, data: unknown): string | null {
  const c = checkMessage({ type, data });
  return c.ok ? null : c.problem.path;
}

describe('message schemas: every type has one', () => {
  it('REQUEST_SCHEMAS covers exactly the message types of ProtocolMap', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...MESSAGE_TYPES].sort());
    expect(Object.keys(VALID).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it.each(MESSAGE_TYPES)('a valid %s passes', (type) => {
    const c = checkMessage({ type, data: clone(VALID[type]) });
    expect(c.ok ? 'ok' : describeRejection(c)).toBe('ok');
    expect(isMessage({ type, data: VALID[type] })).toBe(true);
  });

  it.each([
    [null, 'message'],
    ['saveReport', 'message'],
    [[{ type: 'libraryStatus', data: {} }], 'message'],
    [{ type: 'dropDatabase', data: {} }, 'type'],
    [{ type: 'toString', data: {} }, 'type'],
    [{ type: '__proto__', data: {} }, 'type'],
    [{ data: {} }, 'type'],
    [{ type: 'libraryStatus' }, 'data'],
    [{ type: 'libraryStatus', data: null }, 'data'],
    [{ type: 'libraryStatus', data: {}, extra: 1 }, 'extra'],
  ])('refuses the envelope %j at %s', (message, path) => {
    const c = checkMessage(message);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problem.path).toBe(path);
  });
});

describe('analyzeTab', () => {
  it.each([
    [{}, 'data.tabId', 'missing'],
    [{ tabId: '7' }, 'data.tabId', 'not an integer'],
    [{ tabId: 1.5 }, 'data.tabId', 'not an integer'],
    [{ tabId: -1 }, 'data.tabId', 'outside'],
    [{ tabId: 2 ** 31 }, 'data.tabId', 'outside'],
    [{ tabId: Number.NaN }, 'data.tabId', 'not an integer'],
    [{ tabId: 7, useSelection: 'yes' }, 'data.useSelection', 'not a boolean'],
    [{ tabId: 7, url: 'https://evil.example' }, 'data.url', 'unexpected key'],
  ])('refuses %j at %s (%s)', (data, path, reason) => {
    const c = checkMessage({ type: 'analyzeTab', data });
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.problem.path).toBe(path);
      expect(c.problem.reason).toContain(reason);
    }
  });

  it('accepts a request without useSelection', () => {
    expect(badPath('analyzeTab', { tabId: 0 })).toBeNull();
  });
});

describe('libraryStatus', () => {
  it('refuses any key', () => {
    expect(badPath('libraryStatus', { limit: 1 })).toBe('data.limit');
    expect(badPath('libraryStatus', [])).toBe('data');
  });
});

describe('judgeCounterclaim', () => {
  const ok = VALID.judgeCounterclaim;
  it.each([
    [{ ...ok, from: '' }, 'data.from'],
    [{ ...ok, from: 'x'.repeat(LIMITS.reportId + 1) }, 'data.from'],
    [{ ...ok, to: 42 }, 'data.to'],
    [{ ...ok, fromIndex: -1 }, 'data.fromIndex'],
    [{ ...ok, toIndex: 0.5 }, 'data.toIndex'],
    [{ ...ok, toIndex: LIMITS.accusationIndex + 1 }, 'data.toIndex'],
    [{ ...ok, kind: 'manual' }, 'data.kind'],
    [{ ...ok, kind: undefined }, 'data.kind'],
    [{ ...ok, note: 'hi' }, 'data.note'],
  ])('refuses %j at %s', (data, path) => {
    expect(badPath('judgeCounterclaim', data)).toBe(path);
  });
});

describe('saveReport: the nested PageAnalysis', () => {
  const P = 'data.page';
  const A = `${P}.analysis.accusations[0]`;
  const cases: [string, (p: PageAnalysis) => unknown, string][] = [
    ['no page', () => undefined, P],
    ['page is a string', () => '{"article":{}}', P],
    ['extra page key', (p) => Object.assign(p, { html: '<script>' }), `${P}.html`],
    ['fromSelection not boolean', (p) => Object.assign(p, { fromSelection: 1 }), `${P}.fromSelection`],
    ['article missing', (p) => ({ analysis: p.analysis, fromSelection: false }), `${P}.article`],
    ['text not a string', (p) => (((p.article as unknown as { text: number }).text = 5), p), `${P}.article.text`],
    ['text too long', (p) => ((p.article.text = 'a'.repeat(LIMITS.text + 1)), p), `${P}.article.text`],
    ['title too long', (p) => ((p.article.title = 'a'.repeat(LIMITS.title + 1)), p), `${P}.article.title`],
    ['url too long', (p) => ((p.article.url = `https://x.example/${'a'.repeat(LIMITS.url)}`), p), `${P}.article.url`],
    ['excerpt too long', (p) => ((p.article.excerpt = 'a'.repeat(LIMITS.excerpt + 1)), p), `${P}.article.excerpt`],
    ['javascript: url', (p) => ((p.article.url = 'javascript:alert(1)'), p), `${P}.article.url`],
    ['data: canonical url', (p) => ((p.article.canonicalUrl = 'data:text/html,<script>alert(1)</script>'), p), `${P}.article.canonicalUrl`],
    ['date not ISO', (p) => ((p.article.publishedAt = 'yesterday'), p), `${P}.article.publishedAt`],
    ['unknown article key', (p) => (Object.assign(p.article, { blob: 'x' }), p), `${P}.article.blob`],
    [
      'a key that is not a name is not logged',
      (p) => (Object.assign(p.article, { '<img src=x onerror=alert(1)>': 1 }), p),
      `${P}.article.(unnamed key)`,
    ],
    ['language not a code', (p) => ((p.analysis.language = 'english please'), p), `${P}.analysis.language`],
    [
      'too many accusations',
      (p) => ((p.analysis.accusations = Array(LIMITS.accusations + 1).fill(p.analysis.accusations[0])), p),
      `${P}.analysis.accusations`,
    ],
    ['accusations not an array', (p) => (Object.assign(p.analysis, { accusations: { 0: 'a' } }), p), `${P}.analysis.accusations`],
    ['primary out of range', (p) => ((p.analysis.primary = p.analysis.accusations.length), p), `${P}.analysis.primary`],
    ['primary negative', (p) => ((p.analysis.primary = -1), p), `${P}.analysis.primary`],
    ['truncated missing', (p) => (delete (p.analysis as Partial<PageAnalysis['analysis']>).truncated, p), `${P}.analysis.truncated`],
    ['too many notes', (p) => ((p.analysis.notes = Array(LIMITS.notes + 1).fill('n')), p), `${P}.analysis.notes`],
    ['actor code not a code', (p) => ((p.analysis.accusations[0]!.accuser.code = 'czech republic'), p), `${A}.accuser.code`],
    ['actor name too long', (p) => ((p.analysis.accusations[0]!.accused.name = 'a'.repeat(LIMITS.actorName + 1)), p), `${A}.accused.name`],
    ['roles equal', (p) => ((p.analysis.accusations[0]!.accused = { ...p.analysis.accusations[0]!.accuser }), p), `${A}.accused.code`],
    ['unknown category', (p) => (((p.analysis.accusations[0]!.charge as { category: string }).category = 'treason'), p), `${A}.charge.category`],
    ['quote too long', (p) => ((p.analysis.accusations[0]!.quote = 'q'.repeat(LIMITS.quote + 1)), p), `${A}.quote`],
    ['location field unknown', (p) => (((p.analysis.accusations[0]!.location as { field: string }).field = 'byline'), p), `${A}.location.field`],
    ['location end before start', (p) => ((p.analysis.accusations[0]!.location = { field: 'text', start: 5, end: 2 }), p), `${A}.location.end`],
    [
      'location past the text',
      (p) => ((p.analysis.accusations[0]!.location = { field: 'text', start: 0, end: p.article.text.length + 1 }), p),
      `${A}.location.end`,
    ],
    [
      'location past the title',
      (p) => ((p.analysis.accusations[0]!.location = { field: 'title', start: 0, end: p.article.title.length + 1 }), p),
      `${A}.location.end`,
    ],
    ['mentions zero', (p) => ((p.analysis.accusations[0]!.mentions = 0), p), `${A}.mentions`],
    ['confidence above 1', (p) => ((p.analysis.accusations[0]!.confidence = 2), p), `${A}.confidence`],
    ['confidence infinite', (p) => ((p.analysis.accusations[0]!.confidence = Infinity), p), `${A}.confidence`],
    ['facet not a string', (p) => (((p.analysis.accusations[0]!.facets.targets as unknown[]) = [{}]), p), `${A}.facets.targets[0]`],
    ['too many facets', (p) => ((p.analysis.accusations[0]!.facets.evidence = Array(LIMITS.facetsPerKind + 1).fill('e')), p), `${A}.facets.evidence`],
    ['facets missing a kind', (p) => (delete (p.analysis.accusations[0]!.facets as Partial<Facets>).denial, p), `${A}.facets.denial`],
    ['reason too long', (p) => ((p.analysis.accusations[0]!.reasons = ['r'.repeat(LIMITS.phrase + 1)]), p), `${A}.reasons[0]`],
    ['extra accusation key', (p) => (Object.assign(p.analysis.accusations[0]!, { payload: 'x'.repeat(10) }), p), `${A}.payload`],
    [
      'a class instance, not plain data',
      (p) => (
        (p.analysis.accusations[0]!.charge = new (class Charge {
          category = 'cyberattack' as const;
          text = 'x';
        })()),
        p
      ),
      `${A}.charge`,
    ],
  ];

  it('the valid example has an accusation to break', () => {
    expect(VALID.saveReport.page.analysis.accusations.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: refused at the right path', (_name, mutate, path) => {
    expect(badPath('saveReport', { page: mutate(savePage()) })).toBe(path);
  });

  it('the logged line names the type and the path, never the payload', () => {
    const p = savePage();
    p.article.title = `PAYLOAD-MARKER ${'x'.repeat(LIMITS.title)}`;
    const c = checkMessage({ type: 'saveReport', data: { page: p } });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    const line = describeRejection(c);
    expect(line).toBe(`ignored saveReport: data.page.article.title longer than ${LIMITS.title} characters`);
    expect(line).not.toContain('PAYLOAD-MARKER');
    const unknown = checkMessage({ type: 'PAYLOAD-MARKER', data: {} });
    expect(!unknown.ok && describeRejection(unknown)).toBe('ignored a message of unknown type: type not a known message type');
  });

  it('refuses a 100 MB text without walking it', () => {
    const p = savePage();
    p.article.text = 'a'.repeat(100_000_000);
    const t0 = performance.now();
    expect(badPath('saveReport', { page: p })).toBe('data.page.article.text');
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('the caps sit above anything the product produces', () => {
  // Through the same path as the extension: the reader on a clone of the page, then the background's analysis.
  it.each(fixtureSlugs())('%s: the analysis the popup receives is one it can save', async (slug) => {
    const url = `http://127.0.0.1/articles/${slug}/`;
    const { document } = parseHTML(readFileSync(sourcePath(slug), 'utf8'));
    const extract = extractPage(document as unknown as Document, url, '');
    const res = await createHandlers({
      db: freshDb(),
      getTabUrl: async () => url,
      extractFromTab: async () => extract,
      setBadge: async () => undefined,
    }).analyzeTab({ tabId: 1 });
    if (!res.ok) return expect(res.error.code).toBe('not-article');
    const c = checkMessage({ type: 'saveReport', data: { page: res.page } });
    expect(c.ok ? 'ok' : describeRejection(c)).toBe('ok');
  });

  it('a long text full of accusations, at the analysis limit, still fits', () => {
    const states = ['China', 'Russia', 'Iran', 'the United States', 'Taiwan', 'Japan', 'India', 'Pakistan', 'Israel', 'Ukraine', 'Germany', 'France'];
    const charges = [
      'cyberattacks',
      'espionage',
      'election interference',
      'genocide',
      'terrorism',
      'aggression',
      'corruption',
      'spreading propaganda',
    ];
    const sentences: string[] = [];
    for (let i = 0; sentences.join(' ').length < 210_000; i++) {
      const a = states[i % states.length]!;
      const b = states[(i * 7 + 3) % states.length]!;
      if (a === b) continue;
      sentences.push(
        `${a} accused ${b} of ${charges[i % charges.length]} against its ministry networks on day ${i}, officials said, citing technical analysis.`,
      );
    }
    const a = clampArticle(article({ title: 'China accuses Taiwan of cyberattacks', text: sentences.join(' ') }));
    const page: PageAnalysis = { article: a, analysis: analyzeArticle(a), fromSelection: false };
    expect(page.analysis.accusations.length).toBeGreaterThan(10);
    expect(Math.max(...page.analysis.accusations.map((x) => x.mentions))).toBeGreaterThan(50);
    const c = checkMessage({ type: 'saveReport', data: { page } });
    expect(c.ok ? 'ok' : describeRejection(c)).toBe('ok');
  });

  it('clampArticle cuts what the page controls to the caps', () => {
    const a = clampArticle(
      article({ title: 't'.repeat(1_000_000), text: 'x', byline: 'b'.repeat(5_000), excerpt: 'e'.repeat(50_000), publishedAt: '<script>' }),
    );
    expect(a.title.length).toBe(LIMITS.title);
    expect(a.byline?.length).toBe(LIMITS.shortText);
    expect(a.excerpt?.length).toBe(LIMITS.excerpt);
    expect(a.publishedAt).toBeNull();
  });
});
