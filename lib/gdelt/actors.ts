/**
 * Resolves a GDELT actor (CAMEO country, known group and role codes) to a code the gazetteer knows: ISO 3166-1
 * alpha-3 for states, the acronym for intergovernmental bodies (EU, NATO, UN, ...).
 */
import { getGazetteer } from '../actors/gazetteer';
import type { GdeltActorFields } from './parse';

/** CAMEO country codes that differ from ISO 3166-1 alpha-3 (lookups/CAMEO.country.txt, Phoenix dictionaries). */
export const CAMEO_COUNTRY_EXCEPTIONS: Readonly<Record<string, string>> = {
  ROM: 'ROU', // Romania
  TMP: 'TLS', // East Timor
  IMY: 'IMN', // Isle of Man
  MTN: 'MNE', // Montenegro
  KSV: 'XKX', // Kosovo (World Bank code in CAMEO; XKX in the gazetteer)
  WSB: 'PSE', // West Bank
  GZS: 'PSE', // Gaza Strip
  BAG: 'IRQ', // Baghdad: the seat of Iraq's government
};

/** CAMEO regional codes: not states, so an event with one on either side is skipped. */
export const CAMEO_REGIONS: ReadonlySet<string> = new Set([
  'AFR', 'ASA', 'BLK', 'CRB', 'CAU', 'CFR', 'CAS', 'CEU', 'EIN', 'EAF', 'EEU', 'EUR', 'LAM', 'MEA', 'MDT', 'NAF', 'NMR', 'PGS',
  'SCN', 'SAM', 'SAS', 'SEA', 'SAF', 'WAF', 'WST', 'ANT',
]); // prettier-ignore

/**
 * CAMEO known-group codes of intergovernmental bodies (lookups/CAMEO.knowngroup.txt, Phoenix.International.actors.txt)
 * mapped to gazetteer codes. Only the pairs whose target the gazetteer knows are used.
 */
export const CAMEO_IGO_GROUPS: Readonly<Record<string, string>> = {
  UNO: 'UN',
  EEC: 'EU',
  NAT: 'NATO',
  ASN: 'ASEAN',
  AFU: 'AU',
  OAU: 'AU',
  GOS: 'G7',
  SCE: 'OSCE',
  IAE: 'IAEA',
  ICC: 'ICC',
  ICJ: 'ICJ',
  WHO: 'WHO',
  WTO: 'WTO',
  ARL: 'LAS',
  GCC: 'GCC',
  WAS: 'ECOWAS',
  COE: 'COE',
  OAS: 'OAS',
  CIS: 'CIS',
  OIC: 'OIC',
  ITP: 'INTERPOL',
};

/** CAMEO roles that act for the state (or that name none): the others (media, business, rebels, ...) are not the state. */
export const STATE_ROLES: ReadonlySet<string> = new Set(['', 'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY', 'UIS']);

export type ActorSkipReason = 'actor-missing' | 'actor-region' | 'actor-unknown-code' | 'actor-unknown-igo' | 'actor-non-state';

export type ResolvedActor = { ok: true; code: string; name: string; via: string } | { ok: false; reason: ActorSkipReason; via: string };

export interface ResolveOptions {
  /** Keep actors of any CAMEO role (media, business, rebels, ...) under their country. Default false. */
  anyActorType?: boolean;
}

/** The gazetteer code of a CAMEO country code, or null when the code names no state the gazetteer knows. */
export function stateFromCameoCountry(code: string): string | null {
  const iso = CAMEO_COUNTRY_EXCEPTIONS[code] ?? code;
  return /^[A-Z]{3}$/.test(iso) && !CAMEO_REGIONS.has(iso) && getGazetteer().names.has(iso) ? iso : null;
}

/** The gazetteer code of an IGO actor (`IGOUNO`, `IGOEUREEC`, `IGOWSTNAT`), or null. The most specific group wins. */
export function igoFromCameo(actorCode: string, knownGroupCode: string): string | null {
  const names = getGazetteer().names;
  const chunks: string[] = [];
  for (let i = 3; i + 3 <= actorCode.length; i += 3) chunks.push(actorCode.slice(i, i + 3));
  for (const c of [...chunks.reverse(), knownGroupCode]) {
    const code = CAMEO_IGO_GROUPS[c];
    if (code && names.has(code)) return code;
  }
  return null;
}

/** Resolves one side of an event. */
export function resolveGdeltActor(actor: GdeltActorFields, options: ResolveOptions = {}): ResolvedActor {
  const names = getGazetteer().names;
  if (actor.code.startsWith('IGO')) {
    const code = igoFromCameo(actor.code, actor.knownGroupCode);
    const via = `Code ${actor.code}`;
    return code ? { ok: true, code, name: names.get(code) ?? code, via } : { ok: false, reason: 'actor-unknown-igo', via };
  }
  const country = actor.countryCode;
  const via = `CountryCode ${country || '(empty)'}`;
  if (!country) return { ok: false, reason: 'actor-missing', via };
  if (CAMEO_REGIONS.has(country)) return { ok: false, reason: 'actor-region', via };
  const code = stateFromCameoCountry(country);
  if (!code) return { ok: false, reason: 'actor-unknown-code', via };
  if (!options.anyActorType && !STATE_ROLES.has(actor.type1Code))
    return { ok: false, reason: 'actor-non-state', via: `${via}, role ${actor.type1Code}` };
  return { ok: true, code, name: names.get(code) ?? code, via: code === country ? via : `${via} (CAMEO for ${code})` };
}
