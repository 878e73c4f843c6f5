/**
 * Turns parsed GDELT rows into library reports: keeps accusation events between two states (or intergovernmental
 * bodies), groups the events of one accuser, accused, CAMEO code and day into one report. Holds groups, never rows.
 */
import { contentHash } from '../article/content-hash';
import { getGazetteer } from '../actors/gazetteer';
import { categoryFromCameo } from '../charges/taxonomy';
import type { Accusation } from '../types';
import { resolveGdeltActor, type ActorSkipReason, type ResolveOptions } from './actors';
import type { GdeltRow } from './parse';
import type { GdeltOrigin, LibraryReport } from './library-file';

/** CAMEO 112 "accuse" and its subcodes: what the importer keeps by default. */
export const ACCUSATION_CODES: readonly string[] = ['112', '1121', '1122', '1123', '1124', '1125'];
/** CAMEO 111 "criticize or denounce": kept only with `includeCriticism`. */
export const CRITICISM_CODE = '111';

/** CAMEO labels (lookups/CAMEO.eventcodes.txt), lower-cased, for titles and reasons. */
export const CAMEO_LABELS: Readonly<Record<string, string>> = {
  '111': 'criticize or denounce',
  '112': 'accuse',
  '1121': 'accuse of crime, corruption',
  '1122': 'accuse of human rights abuses',
  '1123': 'accuse of aggression',
  '1124': 'accuse of war crimes',
  '1125': 'accuse of espionage, treason',
};

/** What the accuser did, in the past tense, around the accused: `accused {X} of war crimes`. */
const VERB_PHRASES: Readonly<Record<string, [string, string]>> = {
  '111': ['criticized or denounced', ''],
  '112': ['accused', ''],
  '1121': ['accused', ' of crime or corruption'],
  '1122': ['accused', ' of human rights abuses'],
  '1123': ['accused', ' of aggression'],
  '1124': ['accused', ' of war crimes'],
  '1125': ['accused', ' of espionage or treason'],
};

export type SkipReason = 'not-accusation' | ActorSkipReason | 'same-actor' | 'duplicate-event';

export interface GroupOptions extends ResolveOptions {
  /** Also keep CAMEO 111 "criticize or denounce" events. Default false. */
  includeCriticism?: boolean;
}

interface Side {
  code: string;
  name: string;
  via: string;
  /** GDELT's names for the side, with counts (at most MAX_NAMES distinct). */
  names: Map<string, number>;
}

export interface GdeltGroup {
  accuser: Side;
  accused: Side;
  cameo: string;
  /** `YYYYMMDD` */
  day: string;
  eventIds: number[];
  sourceUrls: string[];
  sources: number;
  articles: number;
  mentions: number;
  rootEvents: number;
}

const MAX_URLS = 20;
const MAX_NAMES = 5;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `20250527` -> `27 May 2025` */
export function formatDay(day: string): string {
  return `${Number(day.slice(6, 8))} ${MONTHS[Number(day.slice(4, 6)) - 1]} ${day.slice(0, 4)}`;
}

/** `20250527` -> `2025-05-27` */
export function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/**
 * How sure the report is, from how widely GDELT saw its events (S = NumSources, A = NumArticles, summed over the
 * group): 0.3 + 0.1 x min(S - 1, 3) + 0.05 x min(floor(log2 A), 4) + 0.05 when an event came from an article's lead
 * paragraph (IsRootEvent), at most 0.85. Machine-coded events never score as high as a sentence read in the text.
 */
export function gdeltConfidence(sources: number, articles: number, rootEvent: boolean): number {
  const s = Math.min(Math.max(sources - 1, 0), 3);
  const a = articles > 0 ? Math.min(Math.floor(Math.log2(articles)), 4) : 0;
  const c = 0.3 + 0.1 * s + 0.05 * a + (rootEvent ? 0.05 : 0);
  return Math.round(Math.min(c, 0.85) * 100) / 100;
}

const ACRONYMS = new Set([
  'EU',
  'UN',
  'US',
  'UK',
  'UAE',
  'USA',
  'NATO',
  'AP',
  'IMF',
  'BBC',
  'CNN',
  'DPP',
  'IAEA',
  'WHO',
  'ASEAN',
  'OPEC',
  'ICC',
  'ICJ',
]);
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'del', 'la', 'le', 'al', 'el']);

/** `ASSOCIATED PRESS` -> `Associated Press`, `THE EU` -> `The EU`, `MINISTRY OF DEFENCE` -> `Ministry of Defence`. */
export function titleCase(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      if (ACRONYMS.has(w.toUpperCase())) return w.toUpperCase();
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      // After an apostrophe only before two letters or more: O'Brien, but People's.
      return lower.replace(/(^|[-/]|['’](?=\p{L}{2}))(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}

const THE_STATES =
  /^(United |Czech Republic|Dominican Republic|Central African Republic|Democratic Republic|Republic of|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Vatican City|.* Islands$)/;

/** The name as it reads inside a sentence: `the United States`, `the European Union`, `China`. */
export function withArticle(code: string, name: string): string {
  const igo = getGazetteer().igoCodes.has(code);
  if ((igo && /\p{Ll}/u.test(name) && !name.startsWith('Group of')) || (!igo && THE_STATES.test(name))) return `the ${name}`;
  return name;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function detailOf(side: Side): string {
  const own = new Set([side.name.toLowerCase(), side.code.toLowerCase()]);
  return [...side.names.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([n]) => titleCase(n))
    .filter((n) => n && !own.has(n.toLowerCase().replace(/^the /, '')))
    .slice(0, 3)
    .join(', ');
}

function quoted(side: Side): string {
  const names = [...side.names.keys()].filter(Boolean).map((n) => `"${titleCase(n)}"`);
  return names.length ? names.join(', ') : 'no name';
}

function listIds(ids: number[], max: number): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

/** The library report of one group. `now` stamps savedAt and updatedAt. */
export function reportFromGroup(g: GdeltGroup, now: Date): LibraryReport {
  const label = CAMEO_LABELS[g.cameo] ?? `CAMEO ${g.cameo}`;
  const [verb, of] = VERB_PHRASES[g.cameo] ?? ['accused', ''];
  const accuserIn = withArticle(g.accuser.code, g.accuser.name);
  const accusedIn = withArticle(g.accused.code, g.accused.name);
  const n = g.eventIds.length;
  const date = formatDay(g.day);
  const titleVerb = g.cameo === CRITICISM_CODE ? 'criticizes' : 'accuses';
  const title = `${capitalise(accuserIn)} ${titleVerb} ${accusedIn} (CAMEO ${g.cameo}: ${label}) — GDELT, ${date}`;
  const quote = `On ${date}, ${accuserIn} ${verb} ${accusedIn}${of} (CAMEO ${g.cameo}), according to ${n === 1 ? 'a news event' : `${plural(n, 'news event')}`} coded by GDELT.`;
  const paragraphs = [
    quote,
    `${n === 1 ? 'The event was' : `The ${n.toLocaleString('en')} events were`} seen in ${plural(g.sources, 'source')} and ${plural(g.articles, 'article')} (${plural(g.mentions, 'mention')}). GDELT names the accuser ${quoted(g.accuser)} and the accused ${quoted(g.accused)}.`,
    `GDELT event ${n === 1 ? 'ID' : 'IDs'}: ${listIds(g.eventIds, 10)}.`,
    'Data: The GDELT Project, https://www.gdeltproject.org/. The articles behind the links belong to their publishers.',
  ];
  const text = paragraphs.join('\n\n');
  const accusation: Accusation = {
    accuser: { code: g.accuser.code, name: g.accuser.name, detail: detailOf(g.accuser) },
    accused: { code: g.accused.code, name: g.accused.name, detail: detailOf(g.accused) },
    charge: { category: categoryFromCameo(g.cameo) ?? 'other', text: label },
    quote,
    location: { field: 'text', start: 0, end: quote.length },
    mentions: Math.max(1, n),
    confidence: gdeltConfidence(g.sources, g.articles, g.rootEvents > 0),
    facets: { targets: [], evidence: [], response: [], denial: [] },
    reasons: [
      `GDELT ${n === 1 ? 'event' : 'events'} ${listIds(g.eventIds, 5)} coded CAMEO ${g.cameo} (${label})`,
      `${plural(g.sources, 'source')}, ${plural(g.articles, 'article')}`,
      `accuser from Actor1${g.accuser.via}, accused from Actor2${g.accused.via}`,
    ],
  };
  const stamp = now.toISOString();
  const origin: GdeltOrigin = { kind: 'gdelt', eventIds: [...g.eventIds], sourceUrls: [...g.sourceUrls], cameo: g.cameo };
  return {
    id: `gdelt-${g.accuser.code}-${g.accused.code}-${g.cameo}-${g.day}`,
    url: g.sourceUrls[0] ?? null,
    canonicalUrl: null,
    contentHash: contentHash(text),
    title,
    byline: null,
    siteName: null,
    publishedAt: isoDay(g.day),
    language: 'en',
    text,
    accusations: [accusation],
    primary: 0,
    source: 'gdelt',
    tags: [],
    notes: '',
    savedAt: stamp,
    updatedAt: stamp,
    origin,
  };
}

const isWebUrl = (u: string) => /^https?:\/\/[^\s]+$/i.test(u);

function addName(names: Map<string, number>, name: string) {
  const key = name.trim();
  if (!key) return;
  const seen = names.get(key);
  if (seen !== undefined) names.set(key, seen + 1);
  else if (names.size < MAX_NAMES) names.set(key, 1);
}

/** Collects the accusation events of any number of rows into groups keyed by day, then by accuser|accused|code. */
export class GdeltGrouper {
  private readonly days = new Map<string, Map<string, GdeltGroup & { seen: Set<number> }>>();
  private readonly codes: ReadonlySet<string>;
  /** Events kept so far. */
  kept = 0;
  /** Groups (future reports) so far. */
  groups = 0;

  constructor(private readonly options: GroupOptions = {}) {
    this.codes = new Set(options.includeCriticism ? [...ACCUSATION_CODES, CRITICISM_CODE] : ACCUSATION_CODES);
  }

  /** Adds a row; returns null when kept, or why it was skipped. */
  add(row: GdeltRow): SkipReason | null {
    if (!this.codes.has(row.eventCode)) return 'not-accusation';
    const accuser = resolveGdeltActor(row.actor1, this.options);
    if (!accuser.ok) return accuser.reason;
    const accused = resolveGdeltActor(row.actor2, this.options);
    if (!accused.ok) return accused.reason;
    if (accuser.code === accused.code) return 'same-actor';
    let day = this.days.get(row.day);
    if (!day) {
      day = new Map();
      this.days.set(row.day, day);
    }
    const key = `${accuser.code}|${accused.code}|${row.eventCode}`;
    let g = day.get(key);
    if (!g) {
      g = {
        accuser: { code: accuser.code, name: accuser.name, via: accuser.via, names: new Map() },
        accused: { code: accused.code, name: accused.name, via: accused.via, names: new Map() },
        cameo: row.eventCode,
        day: row.day,
        eventIds: [],
        seen: new Set(),
        sourceUrls: [],
        sources: 0,
        articles: 0,
        mentions: 0,
        rootEvents: 0,
      };
      day.set(key, g);
      this.groups++;
    }
    if (g.seen.has(row.globalEventId)) return 'duplicate-event';
    g.seen.add(row.globalEventId);
    g.eventIds.push(row.globalEventId);
    g.sources += row.numSources;
    g.articles += row.numArticles;
    g.mentions += row.numMentions;
    if (row.isRootEvent) g.rootEvents++;
    addName(g.accuser.names, row.actor1.name);
    addName(g.accused.names, row.actor2.name);
    const url = row.sourceUrl;
    if (url && isWebUrl(url) && g.sourceUrls.length < MAX_URLS && !g.sourceUrls.includes(url)) g.sourceUrls.push(url);
    this.kept++;
    return null;
  }

  /** The reports, ordered by day, accuser, accused and code. */
  reports(now: Date): LibraryReport[] {
    const out: LibraryReport[] = [];
    for (const dayKey of [...this.days.keys()].sort()) {
      const day = this.days.get(dayKey)!;
      for (const key of [...day.keys()].sort()) out.push(reportFromGroup(day.get(key)!, now));
    }
    return out;
  }
}
