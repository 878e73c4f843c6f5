import { CHARGE_CATEGORIES, type Accusation, type Actor, type Analysis, type ArticleContent, type Facets } from '../types';
import { MAX_ARTICLE_CHARS } from '../article/read-article';
import type { Message, MessageType, PageAnalysis, ProtocolMap } from '../messaging';

/**
 * Schemas for every message the background accepts. A message can come from a buggy or compromised extension page
 * (or carry text a hostile web page shaped), so each request payload is checked against a strict schema before a
 * handler sees it: types, integer ranges, string and array size caps, no unknown keys. Hand-written, no dependency.
 *
 * Adding a message type: add it to `ProtocolMap` (lib/messaging.ts), then add its schema to `REQUEST_SCHEMAS` below;
 * TypeScript fails until you do, and tests/unit/schemas.test.ts asks for a valid example of it.
 */

/** Where a payload first went wrong: a path such as `data.page.analysis.accusations[2].quote`, and why. */
export interface Problem {
  path: string;
  reason: string;
}

/**
 * A check for values of type T. `T` is tied in both directions (the phantom function type), so a schema for
 * `string | null` is not accepted where a `string` is declared, and the other way round.
 */
export interface Schema<T> {
  check(value: unknown, path: string): Problem | null;
  /** Type only: never set. */
  readonly __type?: (value: T) => T;
}

/** A property that may be absent (a `?:` in the type). */
interface OptionalSchema<T> extends Schema<T> {
  readonly optional: true;
}

const schema = <T>(check: Schema<T>['check']): Schema<T> => ({ check });
const problem = (path: string, reason: string): Problem => ({ path, reason });

export function string(opts: { max: number; min?: number; pattern?: RegExp }): Schema<string> {
  return schema((v, path) => {
    if (typeof v !== 'string') return problem(path, 'not a string');
    if (v.length > opts.max) return problem(path, `longer than ${opts.max} characters`);
    if (v.length < (opts.min ?? 0)) return problem(path, `shorter than ${opts.min} characters`);
    if (opts.pattern && !opts.pattern.test(v)) return problem(path, 'not in the expected form');
    return null;
  });
}

export function integer(opts: { min: number; max: number }): Schema<number> {
  return schema((v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return problem(path, 'not an integer');
    if (v < opts.min || v > opts.max) return problem(path, `outside ${opts.min}..${opts.max}`);
    return null;
  });
}

export function number(opts: { min: number; max: number }): Schema<number> {
  return schema((v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return problem(path, 'not a finite number');
    if (v < opts.min || v > opts.max) return problem(path, `outside ${opts.min}..${opts.max}`);
    return null;
  });
}

export const boolean: Schema<boolean> = schema((v, path) => (typeof v === 'boolean' ? null : problem(path, 'not a boolean')));

export function oneOf<const V extends readonly (string | number)[]>(values: V): Schema<V[number]> {
  return schema((v, path) => ((values as readonly unknown[]).includes(v) ? null : problem(path, 'not one of the allowed values')));
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema((v, path) => (v === null ? null : inner.check(v, path)));
}

export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return { check: (v, path) => (v === undefined ? null : inner.check(v, path)), optional: true };
}

export function array<T>(item: Schema<T>, opts: { max: number }): Schema<T[]> {
  return schema((v, path) => {
    if (!Array.isArray(v)) return problem(path, 'not an array');
    // The length first: a huge array is refused before any of it is walked.
    if (v.length > opts.max) return problem(path, `more than ${opts.max} items`);
    for (let i = 0; i < v.length; i++) {
      const p = item.check(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An unknown key is named in the path only when it is a short plain name: the log never carries page text. */
const keyLabel = (key: string) => (/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : '(unnamed key)');

/** Every key of T, each with its schema: a key missing here, or one T does not have, is a type error. */
export type Shape<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? OptionalSchema<Exclude<T[K], undefined>> : Schema<T[K]>;
};

/** A plain object with exactly the keys of `shape`: an unknown key is refused (it would be stored as it came). */
export function object<T>(shape: Shape<T>, refine?: (value: T, path: string) => Problem | null): Schema<T> {
  const entries = Object.entries(shape) as [string, Schema<unknown> & { optional?: true }][];
  return schema((v, path) => {
    if (!isPlainObject(v)) return problem(path, 'not an object');
    for (const key of Object.keys(v)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) return problem(`${path}.${keyLabel(key)}`, 'unexpected key');
    }
    for (const [key, s] of entries) {
      if (!Object.prototype.hasOwnProperty.call(v, key) && !s.optional) return problem(`${path}.${key}`, 'missing');
      const p = s.check(v[key], `${path}.${key}`);
      if (p) return p;
    }
    return refine ? refine(v as T, path) : null;
  });
}

/**
 * Size caps. Each sits well above what the reader and the extractor produce for any page (a test runs the whole
 * fixture corpus and the huge-page cases through them), so only junk is refused.
 */
export const LIMITS = {
  /** Page and canonical URLs (browsers accept longer ones; news URLs are far shorter). */
  url: 8_192,
  title: 2_000,
  /** Byline, site name. */
  shortText: 1_000,
  excerpt: 10_000,
  language: 64,
  /** The article body: what the reader keeps of a page. */
  text: MAX_ARTICLE_CHARS,
  accusations: 2_000,
  /** A quote is one sentence (at most 1,200 characters) or the headline (at most 1,000 read). */
  quote: 4_000,
  actorName: 300,
  /** Sub-actor words, charge words, facet phrases, notes, reasons. */
  phrase: 4_000,
  facetsPerKind: 50,
  reasons: 500,
  notes: 50,
  /** Report ids: UUIDs, `starter-<slug>`, `gdelt-<codes>-<day>`. */
  reportId: 300,
  /** Accusations per report. */
  accusationIndex: 100_000,
  mentions: 1_000_000,
} as const;

const ACTOR_CODE = /^[A-Z][A-Z0-9]{1,11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const actor = object<Actor>({
  code: string({ max: 12, pattern: ACTOR_CODE }),
  name: string({ max: LIMITS.actorName }),
  detail: string({ max: LIMITS.phrase }),
});

const phrases = array(string({ max: LIMITS.phrase }), { max: LIMITS.facetsPerKind });

const accusation = object<Accusation>(
  {
    accuser: actor,
    accused: actor,
    charge: object<Accusation['charge']>({ category: oneOf(CHARGE_CATEGORIES), text: string({ max: LIMITS.phrase }) }),
    quote: string({ max: LIMITS.quote }),
    location: object<Accusation['location']>({
      field: oneOf(['title', 'text'] as const),
      start: integer({ min: 0, max: LIMITS.text }),
      end: integer({ min: 0, max: LIMITS.text }),
    }),
    mentions: integer({ min: 1, max: LIMITS.mentions }),
    confidence: number({ min: 0, max: 1 }),
    facets: object<Facets>({ targets: phrases, evidence: phrases, response: phrases, denial: phrases }),
    reasons: array(string({ max: LIMITS.phrase }), { max: LIMITS.reasons }),
  },
  (a, path) =>
    a.accuser.code === a.accused.code
      ? problem(`${path}.accused.code`, 'same as the accuser')
      : a.location.end < a.location.start
        ? problem(`${path}.location.end`, 'before the start')
        : null,
);

/** A page the extension reads is a web page or a file; a `javascript:` or `data:` address is never stored. */
const PAGE_URL = /^(https?|file):\/\//i;

const article = object<ArticleContent>({
  url: nullable(string({ max: LIMITS.url, pattern: PAGE_URL })),
  canonicalUrl: nullable(string({ max: LIMITS.url, pattern: /^https?:\/\//i })),
  title: string({ max: LIMITS.title }),
  byline: nullable(string({ max: LIMITS.shortText })),
  siteName: nullable(string({ max: LIMITS.shortText })),
  publishedAt: nullable(string({ max: 40, pattern: ISO_DATE })),
  declaredLanguage: nullable(string({ max: LIMITS.language })),
  text: string({ max: LIMITS.text }),
  excerpt: nullable(string({ max: LIMITS.excerpt })),
});

const analysis = object<Analysis>(
  {
    language: string({ max: 16, pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/ }),
    accusations: array(accusation, { max: LIMITS.accusations }),
    primary: nullable(integer({ min: 0, max: LIMITS.accusations - 1 })),
    truncated: boolean,
    notes: array(string({ max: LIMITS.phrase }), { max: LIMITS.notes }),
  },
  (a, path) => (a.primary !== null && a.primary >= a.accusations.length ? problem(`${path}.primary`, 'not the index of an accusation') : null),
);

/** The analysed page Save stores: its parts, and every quote's offsets inside the field it quotes. */
export const pageAnalysisSchema = object<PageAnalysis>({ article, analysis, fromSelection: boolean }, (page, path) => {
  for (const [i, a] of page.analysis.accusations.entries()) {
    const field = a.location.field === 'title' ? page.article.title : page.article.text;
    if (a.location.end > field.length) return problem(`${path}.analysis.accusations[${i}].location.end`, `past the end of the ${a.location.field}`);
  }
  return null;
});

const reportId = string({ min: 1, max: LIMITS.reportId });
const accusationIndex = integer({ min: 0, max: LIMITS.accusationIndex });

/** One schema per message type. A type of `ProtocolMap` without an entry here is a TypeScript error. */
export const REQUEST_SCHEMAS: { [K in MessageType]: Schema<ProtocolMap[K]['request']> } = {
  analyzeTab: object<ProtocolMap['analyzeTab']['request']>({
    tabId: integer({ min: 0, max: 2 ** 31 - 1 }),
    useSelection: optional(boolean),
  }),
  saveReport: object<ProtocolMap['saveReport']['request']>({ page: pageAnalysisSchema }),
  libraryStatus: object<ProtocolMap['libraryStatus']['request']>({}),
  judgeCounterclaim: object<ProtocolMap['judgeCounterclaim']['request']>({
    from: reportId,
    fromIndex: accusationIndex,
    to: reportId,
    toIndex: accusationIndex,
    kind: oneOf(['confirmed', 'rejected'] as const),
  }),
  highlightInTab: object<ProtocolMap['highlightInTab']['request']>({
    tabId: integer({ min: 0, max: 2 ** 31 - 1 }),
    // The page's accusation sentences: one per accusation the side panel shows.
    quotes: array(string({ min: 1, max: LIMITS.quote }), { max: 200 }),
  }),
  clearHighlights: object<ProtocolMap['clearHighlights']['request']>({ tabId: integer({ min: 0, max: 2 ** 31 - 1 }) }),
};

export type MessageCheck = { ok: true; message: Message } | { ok: false; type: MessageType | null; problem: Problem };

/**
 * Checks a message as it arrives: a known type, nothing but `type` and `data`, and a payload that fits its schema.
 * The problem names the type and the first bad path, never the value, so it can be logged.
 */
export function checkMessage(value: unknown): MessageCheck {
  if (!isPlainObject(value)) return { ok: false, type: null, problem: problem('message', 'not an object') };
  const type = value.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, type))
    return { ok: false, type: null, problem: problem('type', 'not a known message type') };
  const known = type as MessageType;
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'data') return { ok: false, type: known, problem: problem(keyLabel(key), 'unexpected key') };
  }
  const p = (REQUEST_SCHEMAS[known] as Schema<unknown>).check(value.data, 'data');
  return p ? { ok: false, type: known, problem: p } : { ok: true, message: value as unknown as Message };
}

/** The line logged for an ignored message: its type and first bad path, never its payload. */
export function describeRejection(check: Extract<MessageCheck, { ok: false }>): string {
  return `ignored ${check.type ?? 'a message of unknown type'}: ${check.problem.path} ${check.problem.reason}`;
}

/**
 * An article as read from a page, cut to the sizes a save accepts. The page decides how long its title or first
 * paragraph is; the analysis the popup receives must always be one it can save.
 */
export function clampArticle(a: ArticleContent): ArticleContent {
  const cut = (s: string | null, max: number) => (s !== null && s.length > max ? s.slice(0, max) : s);
  return {
    url: cut(a.url, LIMITS.url),
    canonicalUrl: cut(a.canonicalUrl, LIMITS.url),
    title: cut(a.title, LIMITS.title) ?? '',
    byline: cut(a.byline, LIMITS.shortText),
    siteName: cut(a.siteName, LIMITS.shortText),
    publishedAt: a.publishedAt !== null && ISO_DATE.test(a.publishedAt) && a.publishedAt.length <= 40 ? a.publishedAt : null,
    declaredLanguage: cut(a.declaredLanguage, LIMITS.language),
    text: cut(a.text, LIMITS.text) ?? '',
    excerpt: cut(a.excerpt, LIMITS.excerpt),
  };
}
