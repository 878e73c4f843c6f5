import { PhraseIndex, phraseWords, type PhrasePattern } from '../text/phrases';
import countries from './data/countries.json';
import organisations from './data/organisations.json';
import officials from './data/officials.json';
import bodies from './data/government-bodies.json';
import agencies from './data/intelligence-agencies.json';
import threatActors from './data/threat-actors.json';
import kinds from './rules/kinds.json';

/** How a surface form names its actor: the state's own name, a demonym ("Czech"), a seat of power ("the Kremlin"), ... */
export type SurfaceType = 'name' | 'demonym' | 'capital' | 'metonym' | 'official' | 'body' | 'igo' | 'threat-actor';

export interface GazetteerValue {
  code: string;
  /** Canonical name of the state or organisation the code stands for ("China"). */
  codeName: string;
  /** Canonical name of the entry itself ("Ministry of State Security"). */
  entryName: string;
  kind: string;
  surface: SurfaceType;
  /** Natural-case form from the data, for the case rule. */
  form: string;
  caseSensitive: boolean;
  /** The form starts with a capital, so the text must too. */
  capitalised: boolean;
  /** Extra words for the actor's detail ("linked to the Ministry of State Security"). */
  detail: string;
  role: string;
}

interface RawEntry {
  code: string;
  name: string;
  kind: string;
  names?: string[];
  demonyms?: string[];
  capitals?: string[];
  metonyms?: string[];
  role?: string;
  detail?: string;
}

interface RawFile {
  entries: RawEntry[];
}

const KINDS = new Set(kinds.kinds);

/** An all-caps form (letters, digits, dots) such as "MSS", "APT31", "U.S." is matched case-sensitively. */
function isCaseSensitive(form: string): boolean {
  return !/\p{Ll}/u.test(form);
}

export interface Gazetteer {
  index: PhraseIndex<GazetteerValue>;
  /** Code -> canonical name, for states and organisations. */
  names: Map<string, string>;
  /** Codes of intergovernmental organisations (EU, NATO, UN, ...). */
  igoCodes: Set<string>;
  size: number;
}

/** Loads and validates the actor data files. Throws with the file and entry on any inconsistency. */
export function buildGazetteer(): Gazetteer {
  const names = new Map<string, string>();
  const igoCodes = new Set<string>();
  for (const e of (countries as RawFile).entries) names.set(e.code, e.name);
  for (const e of (organisations as RawFile).entries) {
    if (e.kind === 'igo') {
      names.set(e.code, e.name);
      igoCodes.add(e.code);
    }
  }
  for (const e of (organisations as RawFile).entries) if (!names.has(e.code)) names.set(e.code, e.name);

  const patterns: PhrasePattern<GazetteerValue>[] = [];
  const owner = new Map<string, string>();
  const add = (file: string, e: RawEntry, form: string, surface: SurfaceType) => {
    const key = phraseWords(form).join(' ');
    if (!key) throw new Error(`${file}: empty name in ${e.name}`);
    const prev = owner.get(key);
    if (prev && prev !== e.code) throw new Error(`${file}: "${form}" names both ${prev} and ${e.code}`);
    if (prev) return; // same code from two files: keep the first (more specific files load later only add detail)
    owner.set(key, e.code);
    patterns.push({
      words: phraseWords(form),
      value: {
        code: e.code,
        codeName: names.get(e.code) ?? e.code,
        entryName: e.name,
        kind: e.kind,
        surface,
        form,
        caseSensitive: isCaseSensitive(form),
        capitalised: /^\p{Lu}/u.test(form),
        detail: e.detail ?? '',
        role: e.role ?? '',
      },
    });
  };
  const files: [string, RawFile, SurfaceType][] = [
    ['countries.json', countries as RawFile, 'name'],
    ['organisations.json', organisations as RawFile, 'igo'],
    ['government-bodies.json', bodies as RawFile, 'body'],
    ['intelligence-agencies.json', agencies as RawFile, 'body'],
    ['threat-actors.json', threatActors as RawFile, 'threat-actor'],
    ['officials.json', officials as RawFile, 'official'],
  ];
  for (const [file, data, surface] of files) {
    for (const e of data.entries) {
      if (!/^[A-Z][A-Z0-9]{1,11}$/.test(e.code)) throw new Error(`${file}: bad code "${e.code}" in ${e.name}`);
      if (!names.has(e.code)) throw new Error(`${file}: unknown code "${e.code}" in ${e.name}`);
      if (!KINDS.has(e.kind)) throw new Error(`${file}: unknown kind "${e.kind}" in ${e.name}`);
      for (const n of e.names ?? []) add(file, e, n, surface);
      for (const n of e.demonyms ?? []) add(file, e, n, 'demonym');
      for (const n of e.capitals ?? []) add(file, e, n, 'capital');
      for (const n of e.metonyms ?? []) add(file, e, n, 'metonym');
    }
  }
  return { index: new PhraseIndex(patterns), names, igoCodes, size: patterns.length };
}

let cached: Gazetteer | null = null;

/** The gazetteer, built once per process (about a millisecond per thousand names). */
export function getGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
