#!/usr/bin/env node
// Builds the derived actor data files from the MISP galaxy clusters:
//   lib/actors/data/threat-actors.json         (kind "threat-actor", from misp-galaxy/threat-actor.json)
//   lib/actors/data/intelligence-agencies.json (kind "intelligence", from misp-galaxy/intelligence-agencies.json)
// Usage: node scripts/build-gazetteer.mjs [DATA_DIR] [--verbose] [--update-countries-iso2]
//   DATA_DIR is the folder holding misp-galaxy/ (or misp-galaxy itself); default ../shared/data next to the repo.
//   --verbose lists every dropped form with its reason.
//   --update-countries-iso2 rewrites only the "iso2" field of countries.json from misp-galaxy/country.json
//   (without it, mismatches are only reported).
// Node 20, ESM, no dependencies. The curated files (countries.json, organisations.json, officials.json,
// government-bodies.json) are read for validation and never written (except iso2 with the flag above).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'lib', 'actors', 'data');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const updateIso2 = args.includes('--update-countries-iso2');
const srcArg = args.find((a) => !a.startsWith('--'));
const srcRoot = srcArg ? path.resolve(process.cwd(), srcArg) : path.resolve(repoRoot, '..', 'shared', 'data');
const mispDir = fs.existsSync(path.join(srcRoot, 'misp-galaxy')) ? path.join(srcRoot, 'misp-galaxy') : srcRoot;

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const countries = readJson(path.join(dataDir, 'countries.json'));
const organisations = readJson(path.join(dataDir, 'organisations.json'));
const mispThreat = readJson(path.join(mispDir, 'threat-actor.json'));
const mispAgencies = readJson(path.join(mispDir, 'intelligence-agencies.json'));
const mispCountry = readJson(path.join(mispDir, 'country.json'));

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

/** The loader's phrase key (lib/text/phrases.ts phraseWords): lower case, split on anything not a letter/mark/digit. */
function formKey(form) {
  return form
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}*]+/u)
    .filter(Boolean)
    .join(' ');
}

const isLatin = (s) => /^[\p{Script=Latin}\p{N}\p{P}\p{S}\p{Zs}\p{M}]+$/u.test(s);
const hasDigit = (s) => /\p{N}/u.test(s);
const hasLower = (s) => /\p{Ll}/u.test(s);
const words = (s) => s.split(/\s+/).filter(Boolean);

/** Drops, grouped by reason, for the report. */
const drops = { 'threat-actors': new Map(), 'intelligence-agencies': new Map() };
function drop(file, reason, form, owner) {
  const m = drops[file];
  if (!m.has(reason)) m.set(reason, []);
  m.get(reason).push(owner ? `${form} [${owner}]` : form);
}

const stateCodes = new Set(countries.entries.map((e) => e.code));
const orgCodes = new Set(organisations.entries.map((e) => e.code));
const countryByCode = new Map(countries.entries.map((e) => [e.code, e]));
const iso2To3 = new Map();
for (const e of countries.entries) if (e.iso2) iso2To3.set(e.iso2.toUpperCase(), e.code);
for (const v of mispCountry.values) {
  const iso = v.meta?.ISO?.toUpperCase();
  if (iso && v.meta?.ISO3 && !iso2To3.has(iso) && stateCodes.has(v.meta.ISO3)) iso2To3.set(iso, v.meta.ISO3);
}

/** Country name (any spelling in countries.json or misp country.json) -> ISO3. */
const countryNameToCode = new Map();
const addCountryName = (name, code) => {
  const k = formKey(name);
  if (k && !countryNameToCode.has(k)) countryNameToCode.set(k, code);
};
for (const e of countries.entries) for (const n of [e.name, ...(e.names ?? [])]) addCountryName(n, e.code);
for (const v of mispCountry.values) if (stateCodes.has(v.meta?.ISO3)) addCountryName(v.description ?? v.value, v.meta.ISO3);

/** "Korea (Republic of)" -> KOR, "Iran (Islamic Republic of)" -> IRN, "US" -> USA, "Unknown" -> null. */
function countryCodeFromName(name) {
  if (!name || /^unknown$/i.test(name.trim())) return null;
  const direct = countryNameToCode.get(formKey(name));
  if (direct) return direct;
  const m = /^(.*?)\s*\((.*?\bof)\)\s*$/.exec(name);
  if (m) return countryNameToCode.get(formKey(`${m[2]} ${m[1]}`)) ?? null;
  return null;
}

/** Every surface form in countries.json and organisations.json (names, demonyms, capitals, metonyms) -> code. */
const reserved = new Map();
for (const file of [countries, organisations]) {
  for (const e of file.entries) {
    for (const f of [...(e.names ?? []), ...(e.demonyms ?? []), ...(e.capitals ?? []), ...(e.metonyms ?? [])]) {
      const k = formKey(f);
      if (k && !reserved.has(k)) reserved.set(k, e.code);
    }
  }
}

/** Optional: keep countries.json iso2 in line with GeoNames via misp-galaxy/country.json. */
function checkCountriesIso2() {
  const byIso3 = new Map(mispCountry.values.map((v) => [v.meta?.ISO3, v.meta?.ISO]));
  const mismatches = [];
  for (const e of countries.entries) {
    const iso2 = byIso3.get(e.code);
    if (iso2 && e.iso2 !== iso2) mismatches.push(`${e.code}: ${e.iso2 ?? '(none)'} -> ${iso2}`);
  }
  if (!mismatches.length) return;
  if (updateIso2) {
    const file = path.join(dataDir, 'countries.json');
    const data = readJson(file);
    for (const e of data.entries) if (byIso3.get(e.code)) e.iso2 = byIso3.get(e.code);
    fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    console.log(`countries.json: updated iso2 (${mismatches.join(', ')})`);
  } else {
    console.log(`countries.json: iso2 differs from misp country.json (run with --update-countries-iso2): ${mismatches.join(', ')}`);
  }
}

/** All-caps words of four letters or more become Title Case ("FANCY BEAR" -> "Fancy Bear"); forms with digits stay. */
function naturalCase(form) {
  if (hasDigit(form)) return form;
  const title = (w) => w[0] + w.slice(1).toLowerCase();
  if (!hasLower(form)) return form.replace(/\p{L}[\p{L}'’]*/gu, (w) => (w.length >= 4 ? title(w) : w));
  // Mixed forms: an all-caps word of five letters or more ("VENOMOUS Bear"), or a slipped capital ("BLossom").
  return form
    .replace(/(?<![\p{L}\p{N}])\p{Lu}{5,}(?![\p{L}\p{N}])/gu, title)
    .replace(/(?<![\p{L}\p{N}])(\p{Lu})(\p{Lu})(\p{Ll}{3,})(?![\p{L}\p{N}])/gu, (_, a, b, c) => a + b.toLowerCase() + c);
}

function clean(form) {
  return form
    .replace(/\[\d+\]/g, '')
    .replace(/^\s*subgroup:\s*/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
}

function writeFile(name, source, entries) {
  entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.name.localeCompare(b.name, 'en')));
  const json = `${JSON.stringify({ source, entries }, null, 2)}\n`;
  fs.writeFileSync(path.join(dataDir, name), json);
  const forms = entries.reduce((n, e) => n + e.names.length, 0);
  console.log(`${name}: ${entries.length} entries, ${forms} surface forms, ${(json.length / 1024).toFixed(0)} KB`);
}

function report(file) {
  const m = drops[file];
  for (const [reason, list] of m) {
    const shown = verbose ? list : list.slice(0, 12);
    console.log(
      `  dropped (${reason}): ${list.length}${shown.length ? ` e.g. ${shown.join('; ')}` : ''}${!verbose && list.length > shown.length ? ' ...' : ''}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Threat actors

/**
 * Single-word forms that are common English words, first names or place/brand names, which would fire on ordinary
 * news text. Compared in lower case. Multi-word names ("Fancy Bear", "Hidden Cobra") are not affected.
 */
const TA_STOP = new Set(
  `
lotus patchwork machete hidden shadow shadows equation dragon dragons tiger tigers panda pandas bear bears kitten kittens
spider spiders carbon cobalt gold silver iron copper platinum sandstorm storm typhoon blizzard sleet tempest turbine
emissary stone ocean sea wolf fox viper eagle falcon scarlet crimson ruby sapphire temp leviathan dust harvest seed
group team gang actor actors unknown hackers hacker anonymous
potassium aluminum aluminium nickel mirage helium sulphur sulfur lead boron sodium barium amoeba hoodoo calypso trident
chromium gallium magnesium manganese tantalum radium polaris nitro rancor scarab tick venom superman basin pupa cicada lurid
axiom buckeye blackfly grayling dogfish hogfish fishmonger blackwood topgear webmasters xinxin nian mask bitter monsoon sarit
sidewinder rattlesnake elfin phosphorus dune newscaster parastoo cleaver alibaba sayad lyceum hexane madi voyeur mercury sima
pioneer polonium reaper thallium zinc plutonium moonlight icecap castle dragonfly bromine oxygen snake waterbug wraith
krypton popeye summit vermin longhorn strider sauron lamberts snowglobe silicon blackjack dukes uranium titanium neon argon
hydrogen nitrogen calcium lithium cobra python mamba ghost phantom spectre specter
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Drops "Operation X" campaign names: they name a campaign, not a group, and "Operation ..." is common in news. */
const CAMPAIGN = /^operation\b/i;

/** Hand-checked forms that are too generic or ambiguous even though they pass the rules above (lower case). */
const TA_DROP_FORMS = new Set([
  'unnamed actor',
  'storm cloud',
  'pla navy',
  'red eyes',
  'holy souls',
  'prince of persia',
  'animal farm',
  'social network team',
  'st group',
  'beijing group',
]);
/** "Group 74", "Group 3": vendor numbering that reads like any numbered group (sports, UN groups). */
const NUMBERED_GROUP = /^group \d+$/i;
/** MISP entries that are not state actors: criminals MISP gives no motive for, or a victim/incident name. */
const TA_EXCLUDE = new Set(['SilverTerrier', 'Sands Casino']);
/** Private-sector offensive actors (spyware vendors, mercenaries): their country is the company's seat, not a sponsor. */
const PSOA = /private[- ]sector offensive actor|cyber[- ]?mercenar|private intelligence firm|spyware vendor|commercial spyware/i;

/**
 * Well-known names added by hand (facts, not derived from microsoft-activity-group.json), attached to the MISP actor
 * named by the key. Used when threat-actor.json lacks the exact spelling.
 */
const TA_EXTRA_NAMES = {
  'Gamaredon Group': ['Gamaredon'],
  Sandworm: ['Sandworm Team'],
};

/** Actors MISP lacks entirely: { code, name, names, detail }. Facts from public government attributions. */
const TA_EXTRA_ACTORS = [];

/**
 * Affiliations stated in public government attributions (indictments, sanctions, joint advisories), keyed by MISP
 * value. They take precedence over the description regex below; null means "do not claim an affiliation".
 */
const TA_AFFILIATION = {
  APT31: 'linked to the Ministry of State Security',
  APT40: 'linked to the Ministry of State Security',
  APT10: 'linked to the Ministry of State Security',
  HAFNIUM: 'linked to the Ministry of State Security',
  APT1: "linked to People's Liberation Army Unit 61398",
  APT28: 'linked to GRU military unit 26165',
  Sandworm: 'linked to GRU military unit 74455',
  SaintBear: 'linked to GRU military unit 29155',
  APT29: 'linked to the SVR foreign intelligence service',
  UNC2452: 'linked to the SVR foreign intelligence service',
  Turla: 'linked to the FSB security service',
  'Gamaredon Group': 'linked to the FSB security service',
  Callisto: 'linked to the FSB security service',
  'ENERGETIC BEAR': 'linked to the FSB security service',
  'Lazarus Group': 'linked to the Reconnaissance General Bureau',
  Kimsuky: 'linked to the Reconnaissance General Bureau',
  'Silent Chollima': 'linked to the Reconnaissance General Bureau',
  'Charming Kitten': 'linked to the Islamic Revolutionary Guard Corps',
  'Cyber Av3ngers': 'linked to the Islamic Revolutionary Guard Corps',
  MuddyWater: 'linked to the Ministry of Intelligence and Security',
  'Equation Group': 'widely linked to the National Security Agency',
  // Only an indirect link in MISP's description ("connections to APT28, ... sponsored by the GRU"): no affiliation.
  XakNet: null,
};

/** Agencies recognised in an actor's description, with the state they belong to. */
const TA_AGENCY_PATTERNS = [
  { code: 'CHN', re: /\bMSS\b|Ministry of State Security|State Security (?:Department|Bureau)/, detail: 'linked to the Ministry of State Security' },
  { code: 'PRK', re: /\bMSS\b|Ministry of State Security/, detail: "linked to North Korea's Ministry of State Security" },
  { code: 'CHN', re: /\bPLA\b|People['’]s Liberation Army/, detail: "linked to the People's Liberation Army" },
  {
    code: 'RUS',
    re: /\bGRU\b|Main Intelligence Directorate|Main Directorate of the General Staff/,
    detail: 'linked to the GRU military intelligence service',
  },
  { code: 'RUS', re: /\bFSB\b|Federal Security Service/, detail: 'linked to the FSB security service' },
  { code: 'RUS', re: /\bSVR\b|Foreign Intelligence Service/, detail: 'linked to the SVR foreign intelligence service' },
  { code: 'PRK', re: /\bRGB\b|Reconnaissance General Bureau/, detail: 'linked to the Reconnaissance General Bureau' },
  { code: 'IRN', re: /\bIRGC\b|Islamic Revolutionary Guard|Revolutionary Guards?\b/, detail: 'linked to the Islamic Revolutionary Guard Corps' },
  { code: 'IRN', re: /\bMOIS\b|Ministry of Intelligence(?: and Security)?\b/, detail: 'linked to the Ministry of Intelligence and Security' },
];

/** A sentence that hedges ("possibly linked to the PLA") does not count as the description clearly saying so. */
const HEDGE = /\b(?:possibl[ey]|potentially|may|might|could|unconfirmed|alleged(?:ly)?|unclear|speculat\w*|rumou?r\w*)\b/i;

function affiliation(actor, code) {
  if (actor.value in TA_AFFILIATION && TA_AFFILIATION[actor.value]) return TA_AFFILIATION[actor.value];
  const fallback = `suspected state sponsor: ${countryByCode.get(code).name}`;
  if (actor.value in TA_AFFILIATION) return fallback;
  if (actor.meta?.GRU && code === 'RUS') return `linked to GRU ${String(actor.meta.GRU).replace(/^Military unit/i, 'military unit')}`;
  const sentences = (actor.description ?? '').split(/(?<=[.!?])\s+/).filter((x) => !HEDGE.test(x));
  const hits = new Set(TA_AGENCY_PATTERNS.filter((p) => p.code === code && sentences.some((x) => p.re.test(x))).map((p) => p.detail));
  if (hits.size === 1) return [...hits][0];
  return fallback;
}

/**
 * Cybercriminal and hacktivist groups: MISP's meta.country is where they operate from, not a state sponsor. They are
 * kept only when something marks them as state work (vendor state naming, APT number, state-sponsored wording).
 */
const CRIMINAL =
  /ransomware|financially[- ]motivated|cyber ?crim|criminal|\bfraud|carding|extortion|\bscams?\b|banking (?:trojan|malware)|business email compromise|\bbotnet|\beCrime|cryptocurrency[- ]mining|crypto-?min|cryptojack|cryptocurrency theft|\bstealers?\b|\bbanks\b/i;
const HACKTIVIST = /hacktivis|patriotic hack|\bpro-(?:russian|palestinian|ukrain\w*|iranian|hamas|kremlin|israeli)\b/i;
const CRIMINAL_NAME = /^(?:FIN\d+|GOLD [A-Z]+|TA5\d\d|.* (?:SPIDER|Spider|Tempest))$/;
const STATE_NAME =
  / (?:PANDA|Panda|BEAR|Bear|KITTEN|Kitten|CHOLLIMA|Chollima|Typhoon|Blizzard|Sandstorm|Sleet)$|^(?:BRONZE|IRON|COBALT|NICKEL) |^APT ?\d+$/;
const STATE_TEXT =
  /state[- ]sponsored|state[- ]backed|state[- ]linked|state[- ]aligned|nation[- ]state|government[- ](?:backed|sponsored)|behest of|on behalf of (?:the )?(?:chinese|russian|iranian|north korean|\w+ government)|\b(?:MSS|GRU|FSB|SVR|IRGC|MOIS|RGB)\b|espionage/i;

function stateLinked(actor, code) {
  const m = actor.meta ?? {};
  if (TA_EXCLUDE.has(actor.value)) return false;
  if (PSOA.test(actor.description ?? '') || [actor.value, ...(m.synonyms ?? [])].some((n) => / Tsunami$/.test(n))) return false;
  // North Korea has no independent criminal hacking scene: its crypto theft is state work.
  if (code === 'PRK') return true;
  const names = [actor.value, ...(m.synonyms ?? [])];
  const text = `${actor.description ?? ''} ${JSON.stringify(m.motive ?? '')}`;
  const criminal = CRIMINAL.test(text) || names.some((n) => CRIMINAL_NAME.test(n));
  const hacktivist = HACKTIVIST.test(text) || /hacktivist/i.test(JSON.stringify(m.motive ?? ''));
  if (!criminal && !hacktivist) return true;
  const stateName = names.some((n) => STATE_NAME.test(n));
  if (hacktivist) return stateName || /state[- ]sponsored|state[- ]backed|\b(?:GRU|FSB|IRGC|MOIS)\b/.test(text);
  return stateName || STATE_TEXT.test(text);
}

/** Why a threat-actor form is unusable on its own, or null. */
function threatFormProblem(form) {
  if (!form) return 'empty';
  if (form.includes('*')) return 'wildcard character';
  if (!isLatin(form)) return 'non-Latin script';
  if (CAMPAIGN.test(form)) return 'campaign name (Operation ...)';
  if (form.length < 4 && !hasDigit(form)) return 'shorter than 4 characters';
  if (!hasLower(form) && !hasDigit(form) && form.replace(/[^\p{L}]/gu, '').length <= 4) return 'all-caps acronym of 4 letters or less';
  if (!/\p{Lu}/u.test(form) && !hasDigit(form)) return 'all lower case';
  const w = words(form);
  if (w.length === 1 && TA_STOP.has(form.toLowerCase())) return 'common word or first name';
  if (w.length === 1 && TA_STOP.has(form.toLowerCase().replace(/s$/, ''))) return 'common word or first name';
  if (TA_DROP_FORMS.has(form.toLowerCase())) return 'hand-checked as ambiguous';
  if (NUMBERED_GROUP.test(form)) return 'numbered group ("Group 74")';
  return null;
}

function buildThreatActors() {
  const file = 'threat-actors';
  /** Candidate entries in MISP order: { actor, code, name, detail, forms: string[] } */
  const candidates = [];
  for (const actor of mispThreat.values) {
    const m = actor.meta ?? {};
    const sponsor = m['cfr-suspected-state-sponsor'];
    let code = countryCodeFromName(sponsor);
    const fromSponsor = !!code;
    if (!code && m.country) code = iso2To3.get(String(m.country).toUpperCase()) ?? null;
    if (!code || !stateCodes.has(code)) {
      drop(file, 'no state code', actor.value);
      continue;
    }
    if (!fromSponsor && !stateLinked(actor, code)) {
      drop(file, 'cybercriminal, hacktivist or private-sector group, no state link', actor.value, code);
      continue;
    }
    const raw = [actor.value, ...(m.synonyms ?? []), ...(TA_EXTRA_NAMES[actor.value] ?? [])];
    const forms = [];
    for (const r of raw) {
      const f = naturalCase(clean(r).replace(/^the\s+/i, ''));
      // "APT31" is also written "APT 31" (and the other way round).
      const apt = /^APT ?(\d+)$/.exec(f);
      for (const g of apt ? [`APT${apt[1]}`, `APT ${apt[1]}`] : [f]) {
        const problem = threatFormProblem(g);
        if (problem) drop(file, problem, g, code);
        else forms.push(g);
      }
    }
    candidates.push({ actor, code, name: naturalCase(clean(actor.value)), detail: affiliation(actor, code), forms });
  }
  for (const extra of TA_EXTRA_ACTORS) candidates.push({ actor: { value: extra.name }, ...extra, forms: extra.names });

  // A form naming two states is dropped everywhere; one naming the same state in several MISP entries stays with the
  // entry it is the name of (else the first).
  const byKey = new Map();
  for (const c of candidates) {
    for (const f of c.forms) {
      const k = formKey(f);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k).push(c);
    }
  }
  const owner = new Map();
  for (const [k, list] of byKey) {
    const codes = new Set(list.map((c) => c.code));
    if (codes.size > 1) {
      drop(file, 'names two states', k, [...codes].join('/'));
      continue;
    }
    if (reserved.has(k)) {
      drop(file, 'collides with countries.json/organisations.json', k, reserved.get(k));
      continue;
    }
    owner.set(k, list.find((c) => formKey(c.name) === k) ?? list[0]);
  }

  const entries = [];
  for (const c of candidates) {
    const names = [];
    const seen = new Set();
    for (const f of c.forms) {
      const k = formKey(f);
      if (owner.get(k) !== c || seen.has(k)) continue;
      seen.add(k);
      names.push(f);
    }
    if (!names.length) {
      drop(file, 'entry left without usable names', c.name, c.code);
      continue;
    }
    entries.push({ code: c.code, name: c.name, kind: 'threat-actor', names, detail: c.detail });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Intelligence agencies

/** Words that alone make an agency name generic ("National Intelligence Service"); lower case, as split by formKey. */
const IA_GENERIC = new Set(
  `
the of and for on in to at a an national intelligence security service services agency agencies bureau directorate
directorates general ministry department office central foreign internal external information investigation investigations
investigative criminal crime crimes police counter counterintelligence terrorism terrorist counterterrorism financial unit
division branch special naval navy air force forces army armed command organisation organization centre center committee
council strategic signals communications communication research analysis wing administration authority affairs protection
constitution republic cell section staff joint headquarters reconnaissance secret technical cyber crypto cryptologic cipher
assessment assessments coordination coordinating coordinator monitoring revenue customs immigration border borders guard
guards coast public political homeland judicial judiciary surveillance territorial presidential presidency main chief first
second board commission commissariat detective rapid action battalion establishment radio geospatial cooperating operations
economic telecommunication telecommunications digital transnational crises crisis management accountability anti narcotics
drug drugs smuggling collection safeguarding extremism disorder domestic fraud ballistics gendarmerie corps marine space
acquisition support team group defence defense military state interior sigint humint law enforcement director deputy
documentation documents studies study presidential premier prime minister minister's ministers cabinet government executive
high supreme regional provincial investigating unified integrated combined army's policia federal task
servicio inteligencia direccion dirección nacional general de del la el los las y e agencia centro contra militar aerea aérea
fuerza ejercito ejército policía estado direction générale generale du des renseignement sécurité securite intérieure
exterieure extérieure défense militaire territoire agence national nationale
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Acronyms that are common words or stand for something better known (all caps, compared as written). */
const IA_ACRONYM_STOP = new Set(
  `
CSIS BIS NIA KGB MAD MIT FRA ASD CSE CID FIU AGO ANI BIN SIN GIS NSS NCA CGI MIC MCI DBA DID FID SIS CIS CIO ISD SID DSN DST TEM
PSO PST NSM NID DMI SSA NAB FIA ANF CTD FMU NCMC GIA NCIS NCSC BIA VBA VOA CIFAS BIT KSI NDB MND NPA TISS DJI ISOC SBB
SIA JIO NFIB NGA TFI I&A DOJ SIGN CRIM HNA FIU NCIA OSA DISS DAR DND CISC GAC STS SSF DGI CCG IH AH TEK NIK SEIDO PGR CNS
SEMAR DB SB IB HS ID DI MI AI NI FE AW SNR CNI ONI GDI ISA NIA DSS ANS NSI
DRM PET SOA DCI CII NSU BNI DNI
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Single-word names that are common words or names. */
const IA_WORD_STOP = new Set(['aman', 'intelligence', 'security', 'police']);

/** Entries MISP lists under a parent body (army, ministry, police, customs) that is not itself an intelligence agency. */
const IA_PARENT_ORG =
  /Ministry of (?:Finance|Defence)|\bArmy$|Air Force$|Secretariat of the Navy|\bPolice\b|Border Guards?|Coast Guard|Customs|Immigration|Revenue|Receita|Narcotics|Attorney General|Exchange Commission|Global Affairs|^SEDENA$|Estado Mayor|Gangmasters|Crisis Response|Border Services|Mounted Police|National Board of Revenue|Palace Office|National Economic Crime Bureau|intelligence agencies$/;

/** MISP entries that are not intelligence bodies (border, coast guard, police, tax, trade, market regulators...). */
const IA_NOT_INTEL = new Set([
  'Canada Border Services Agency',
  'Canadian Coast Guard',
  'Global Affairs Canada',
  'Royal Canadian Mounted Police',
  'Federal Police Department',
  'Secretaria da Receita Federal do Brasil',
  'Security and Exchange Commission of Pakistan',
  'Anti-Narcotics Force',
  'Palace Office (Oman)',
  'National Police Agency of the ROC (Taiwan)',
  'Republic of China Military Police',
  'Department of Border Affair (DBA)',
  'Gangmasters and Labour Abuse Authority',
  "People's Liberation Army Air Force",
  "People's Liberation Army General Political Department",
  'State Administration of Foreign Experts Affairs',
  'National Accountability Bureau',
  'National Crises Management Cell',
  'News Division',
]);
/** Forms dropped by hand: ambiguous between states ("Federal Intelligence Service": Germany's BND and Switzerland's NDB) or junk. */
const IA_DROP_FORMS = new Set(
  [
    'Federal Intelligence Service',
    'International Department',
    'MPS',
    'Section for intelligence matters',
    'J2',
    'General štab SV',
    'Sektor za obveščevalne zadeve',
    'SAPS',
    'Center for information and communication technology',
    "Under the Attorney General's Office",
    'Civilian Agency',
  ].map((f) => f.toLowerCase()),
);

/** MISP entries without meta.country that belong to an intergovernmental organisation in organisations.json. */
const IA_ORG_CODES = { 'European Union Military Staff': 'EU', 'European Union Satellite Centre': 'EU' };
/** Already in organisations.json, or not tied to one state. */
const IA_SKIP = new Set(['Regional Anti-Terrorist Structure', 'Counter Terrorism Group']);

/**
 * Well-known agencies written by hand (facts: official names and the acronyms the press uses). `from` names the MISP
 * entry they replace (its other usable forms are merged in). Their forms win over any derived form of another entry.
 */
const IA_CURATED = [
  {
    code: 'CHN',
    name: 'Ministry of State Security',
    from: 'Ministry of State Security (China)',
    names: ['Ministry of State Security', 'MSS', 'Chinese Ministry of State Security', 'Guoanbu'],
  },
  { code: 'CHN', name: 'PLA Unit 61398', from: 'PLA Unit 61398', names: ['PLA Unit 61398', 'Unit 61398'] },
  {
    code: 'PRK',
    name: 'Reconnaissance General Bureau',
    from: 'Reconnaissance General Bureau',
    names: ['Reconnaissance General Bureau', 'RGB', 'General Reconnaissance Bureau'],
  },
  {
    code: 'PRK',
    name: 'North Korean Ministry of State Security',
    from: 'Ministry of State Security (North Korea)',
    names: ['North Korean Ministry of State Security', 'Ministry of State Security of North Korea'],
  },
  {
    code: 'RUS',
    name: 'Federal Security Service',
    from: 'Federal Security Service (Russia)',
    names: ['Federal Security Service', 'FSB', 'Russian Federal Security Service', 'Federal Security Service of the Russian Federation'],
  },
  {
    code: 'RUS',
    name: 'Foreign Intelligence Service (SVR)',
    from: 'Foreign Intelligence Service (Russia)',
    names: ['SVR', 'Russian Foreign Intelligence Service', 'Foreign Intelligence Service of the Russian Federation'],
  },
  {
    code: 'RUS',
    name: 'GRU',
    from: 'GRU (Russian Federation)',
    names: [
      'GRU',
      'Russian Main Intelligence Directorate',
      'Main Directorate of the General Staff',
      'Main Intelligence Directorate of the General Staff',
      'Russian military intelligence',
    ],
  },
  { code: 'USA', name: 'Central Intelligence Agency', from: 'Central Intelligence Agency', names: ['Central Intelligence Agency', 'CIA'] },
  { code: 'USA', name: 'National Security Agency', from: 'National Security Agency', names: ['National Security Agency', 'NSA'] },
  { code: 'USA', name: 'Federal Bureau of Investigation', names: ['Federal Bureau of Investigation', 'FBI'] },
  { code: 'USA', name: 'Defense Intelligence Agency', from: 'Defense Intelligence Agency', names: ['Defense Intelligence Agency', 'DIA'] },
  {
    code: 'USA',
    name: 'Office of the Director of National Intelligence',
    from: 'Director of National Intelligence',
    names: ['Office of the Director of National Intelligence', 'ODNI'],
  },
  { code: 'USA', name: 'National Reconnaissance Office', from: 'National Reconnaissance Office', names: ['National Reconnaissance Office', 'NRO'] },
  {
    code: 'USA',
    name: 'National Geospatial-Intelligence Agency',
    from: 'National Geospatial-Intelligence Agency',
    names: ['National Geospatial-Intelligence Agency'],
  },
  { code: 'GBR', name: 'MI5', from: 'MI5', names: ['MI5', 'British Security Service'] },
  { code: 'GBR', name: 'Secret Intelligence Service', from: 'Secret Intelligence Service', names: ['Secret Intelligence Service', 'MI6'] },
  {
    code: 'GBR',
    name: 'Government Communications Headquarters',
    from: 'Government Communications Headquarters',
    names: ['Government Communications Headquarters', 'GCHQ'],
  },
  { code: 'ISR', name: 'Mossad', from: 'Mossad', names: ['Mossad', 'Institute for Intelligence and Special Operations'] },
  { code: 'ISR', name: 'Shin Bet', from: 'Shin Bet', names: ['Shin Bet', 'Shabak', 'Israel Security Agency'] },
  { code: 'ISR', name: 'Unit 8200', names: ['Unit 8200'] },
  {
    code: 'IRN',
    name: 'Ministry of Intelligence',
    from: 'Ministry of Intelligence (Iran)',
    names: ['Ministry of Intelligence', 'Ministry of Intelligence and Security', 'MOIS', 'VAJA', 'Iranian Ministry of Intelligence'],
  },
  {
    code: 'IRN',
    name: 'IRGC Intelligence Organization',
    from: 'Intelligence Organization of Army of the Guardians of the Islamic Revolution',
    names: ['IRGC Intelligence Organization', 'Intelligence Organization of the IRGC'],
  },
  {
    code: 'PAK',
    name: 'Inter-Services Intelligence',
    from: 'Inter-Services Intelligence',
    names: ['Inter-Services Intelligence', 'ISI', 'Directorate for Inter-Services Intelligence'],
  },
  { code: 'IND', name: 'Research and Analysis Wing', from: 'Research and Analysis Wing', names: ['Research and Analysis Wing', 'R&AW', 'RAW'] },
  { code: 'IND', name: 'National Investigation Agency', from: 'National Investigation Agency', names: ['National Investigation Agency'] },
  {
    code: 'DEU',
    name: 'Bundesnachrichtendienst',
    from: 'Bundesnachrichtendienst',
    names: ['Bundesnachrichtendienst', 'BND', 'German Federal Intelligence Service'],
  },
  {
    code: 'DEU',
    name: 'Bundesamt für Verfassungsschutz',
    from: 'Bundesamt für Verfassungsschutz',
    names: ['Bundesamt für Verfassungsschutz', 'BfV', 'Federal Office for the Protection of the Constitution', 'Verfassungsschutz'],
  },
  {
    code: 'DEU',
    name: 'Federal Office for Information Security',
    from: 'Federal Office for Information Security',
    names: ['Federal Office for Information Security', 'Bundesamt für Sicherheit in der Informationstechnik', 'BSI'],
  },
  {
    code: 'FRA',
    name: 'Directorate-General for External Security',
    from: 'Directorate-General for External Security',
    names: [
      'Directorate-General for External Security',
      'General Directorate for External Security',
      'DGSE',
      'Direction générale de la sécurité extérieure',
    ],
  },
  {
    code: 'FRA',
    name: 'General Directorate for Internal Security',
    from: 'General Directorate for Internal Security',
    names: ['General Directorate for Internal Security', 'DGSI', 'Direction générale de la sécurité intérieure'],
  },
  {
    code: 'CZE',
    name: 'Security Information Service',
    from: 'Security Information Service',
    names: ['Security Information Service', 'Czech BIS', 'Bezpečnostní informační služba'],
  },
  {
    code: 'CZE',
    name: 'Office for Foreign Relations and Information',
    from: 'Office for Foreign Relations and Information',
    names: ['Office for Foreign Relations and Information', 'ÚZSI', 'UZSI'],
  },
  { code: 'TWN', name: 'National Security Bureau', from: 'National Security Bureau (Republic of China)', names: ['National Security Bureau', 'NSB'] },
  { code: 'UKR', name: 'Security Service of Ukraine', from: 'Security Service of Ukraine', names: ['Security Service of Ukraine', 'SBU'] },
  {
    code: 'UKR',
    name: 'Defence Intelligence of Ukraine',
    from: 'Chief directorate of intelligence of the Ministry of Defence of Ukraine',
    names: [
      'Defence Intelligence of Ukraine',
      'Main Directorate of Intelligence of Ukraine',
      'Chief Directorate of Intelligence of the Ministry of Defence of Ukraine',
      'HUR',
      'GUR',
      'Ukrainian military intelligence',
    ],
  },
  {
    code: 'BLR',
    name: 'State Security Committee of the Republic of Belarus',
    from: 'State Security Committee of the Republic of Belarus',
    names: ['State Security Committee of the Republic of Belarus', 'Belarusian KGB', 'KGB of Belarus'],
  },
  { code: 'NLD', name: 'Military Intelligence and Security Service', names: ['MIVD', 'Dutch Military Intelligence and Security Service'] },
  {
    code: 'NZL',
    name: 'Government Communications Security Bureau',
    from: 'Government Communications Security Bureau',
    names: ['Government Communications Security Bureau', 'GCSB'],
  },
  {
    code: 'NZL',
    name: 'New Zealand Security Intelligence Service',
    from: 'New Zealand Security Intelligence Service',
    names: ['New Zealand Security Intelligence Service', 'NZSIS'],
  },
  {
    code: 'TUR',
    name: 'National Intelligence Organization',
    from: 'National Intelligence Organization (Turkey)',
    names: ['Turkish National Intelligence Organization', 'MİT', 'Milli İstihbarat Teşkilatı'],
  },
  {
    code: 'EU',
    name: 'European Union Military Staff',
    from: 'European Union Military Staff',
    names: ['European Union Military Staff', 'EU Military Staff', 'EUMS'],
  },
  {
    code: 'EU',
    name: 'European Union Satellite Centre',
    from: 'European Union Satellite Centre',
    names: ['European Union Satellite Centre', 'EU Satellite Centre', 'SatCen', 'EU SatCen'],
  },
];

const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'the',
  'on',
  'in',
  'against',
  'de',
  'del',
  'la',
  'las',
  'los',
  'des',
  'du',
  'di',
  'der',
  'für',
  'e',
  'y',
  'da',
  'do',
  'dos',
  'das',
  'a',
  'och',
  'i',
  'za',
  'na',
  '&',
]);
const HEAD_NOUN =
  /(?:Service|Services|Agency|Bureau|Directorate|Office|Department|Committee|Centre|Center|Organisation|Organization|Command|Division|Branch|Council|Unit|Establishment|Headquarters|Corps|Authority|Ministry|Intelligence|Security|Wing|Cell)$/;

function isAcronym(s) {
  if (!/^[\p{Lu}\p{N}][\p{L}\p{N}&.-]{1,11}$/u.test(s)) return false;
  const up = (s.match(/\p{Lu}/gu) ?? []).length;
  const low = (s.match(/\p{Ll}/gu) ?? []).length;
  return up >= 2 && up >= low;
}

function isTitleName(s) {
  if (!s || !isLatin(s) || /[[\]]|page does not exist/i.test(s)) return false;
  const w = words(s);
  if (w.length > 10) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(w[0])) return false;
  return w.every((x) => /^[\p{Lu}\p{N}]/u.test(x) || CONNECTORS.has(x.toLowerCase()) || /^(?:al|el)-/i.test(x));
}

const isGenericName = (form) =>
  formKey(form)
    .split(' ')
    .every((w) => IA_GENERIC.has(w));

function acronymsIn(text) {
  const out = [];
  for (const piece of text.split(/[;,/]|\s+or\s+|\s+[–—−-]\s+/)) {
    const p = clean(piece);
    if (isAcronym(p)) out.push(p);
  }
  return out;
}

/** "Suojelupoliisi / Skyddspolisen" -> both; "Puolustusvoimien tiedustelulaitos (PVTIEDL)" -> name and acronym. */
function splitSynonym(syn) {
  const out = [];
  for (const part of syn.split(/\s+\/\s+/)) {
    const acr = [];
    const base = clean(
      part
        .replace(/\s*\(([^()]*)\)?/g, (_, inner) => {
          acr.push(...acronymsIn(inner ?? ''));
          return '';
        })
        .replace(/[()]/g, ''),
    );
    if (base) out.push(base);
    out.push(...acr);
  }
  return out;
}

/** Forms and acronyms in a MISP description such as "Security Information Service (Bezpečnostní informační služba, BIS)". */
function parseDescription(desc) {
  const d = clean((desc ?? '').replace(/\[[^\]]*\]/g, ''));
  const acronyms = [];
  const names = [];
  for (const m of d.matchAll(/\(([^()]*)\)/g)) {
    acronyms.push(...acronymsIn(m[1]));
    const inner = clean(m[1]);
    if (isTitleName(inner) && HEAD_NOUN.test(inner) && words(inner).length > 1) names.push(inner);
  }
  const lead = clean(d.split(/\s*(?:\(|\s[–—−-]\s|:|\/)/)[0]);
  if (isTitleName(lead)) names.unshift(lead);
  const afterColon = /:\s*([^(–—−[]+)/.exec(d);
  if (afterColon && isTitleName(clean(afterColon[1])) && HEAD_NOUN.test(clean(afterColon[1]))) names.push(clean(afterColon[1]));
  return { acronyms, names, lead: isTitleName(lead) ? lead : null };
}

/** Why an agency form is unusable, or null. */
function agencyFormProblem(form) {
  if (!form) return 'empty';
  if (IA_DROP_FORMS.has(form.toLowerCase())) return 'hand-checked as ambiguous or not a name';
  if (form.includes('*')) return 'wildcard character';
  if (!isLatin(form)) return 'non-Latin script';
  const single = words(form).length === 1;
  if (single && isAcronym(form)) {
    if (form.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return 'acronym shorter than 3 characters';
    if (IA_ACRONYM_STOP.has(form)) return 'acronym that is a common word or better known for something else';
    return null;
  }
  if (!/\p{Lu}/u.test(form)) return 'all lower case';
  if (single && (IA_WORD_STOP.has(form.toLowerCase()) || TA_STOP.has(form.toLowerCase()))) return 'common word or first name';
  if (!single && isGenericName(form)) return 'generic name without a distinctive word';
  return null;
}

function demonymOf(code) {
  const c = countryByCode.get(code);
  return c?.demonyms?.find((d) => !/s$/.test(d) || /ese$|ss$/.test(d)) ?? null;
}

function buildAgencies() {
  const file = 'intelligence-agencies';
  const curatedFrom = new Map(IA_CURATED.filter((c) => c.from).map((c) => [c.from, c]));
  const candidates = [];
  const curatedCands = IA_CURATED.map((c) => ({ code: c.code, name: c.name, forms: [...c.names], curated: true }));
  const seenFrom = new Set();
  for (const v of mispAgencies.values) {
    if (IA_NOT_INTEL.has(v.value)) {
      drop(file, 'not an intelligence body', v.value);
      continue;
    }
    if (IA_SKIP.has(v.value)) {
      drop(file, 'skipped (in organisations.json or not tied to one state)', v.value);
      continue;
    }
    const code = IA_ORG_CODES[v.value] ?? (v.meta?.country ? iso2To3.get(String(v.meta.country).toUpperCase()) : null);
    if (!code || !(stateCodes.has(code) || orgCodes.has(code))) {
      drop(file, 'no state code', v.value);
      continue;
    }
    // The value is a Wikipedia article title: strip citations, "(page does not exist)", language prefixes and the
    // disambiguator "(Russia)"; acronyms in brackets are kept.
    const valueAcronyms = [];
    let base = clean(v.value.replace(/\(page does not exist\)/g, '').replace(/^[a-z]{2}:/, ''));
    base = clean(
      base.replace(/\s*\(([^()]*)\)/g, (_, inner) => {
        valueAcronyms.push(...acronymsIn(inner));
        return '';
      }),
    );
    const segments = base
      .split(/\s+[–—−-]\s+|:\s+/)
      .map(clean)
      .filter(Boolean);
    const desc = parseDescription(v.description);
    let name = segments[0] ?? base;
    let valueForms = segments;
    if (IA_PARENT_ORG.test(name) && desc.lead && formKey(desc.lead) !== formKey(name)) {
      drop(file, 'parent body, not the agency (the agency name from the description is used)', name, code);
      name = desc.lead;
      valueForms = [];
    }
    const raw = [...valueForms, ...valueAcronyms, ...(v.meta?.synonyms ?? []).flatMap(splitSynonym), ...desc.names, ...desc.acronyms];
    const forms = [];
    for (const r of raw) {
      const f = clean(r).replace(/^the\s+/i, '');
      const problem = agencyFormProblem(f);
      if (problem) drop(file, problem, f, code);
      else forms.push(f);
    }
    const curated = curatedFrom.get(v.value);
    if (curated) {
      seenFrom.add(v.value);
      const cand = curatedCands.find((c) => c.name === curated.name && c.code === curated.code);
      if (cand.code !== code) throw new Error(`curated ${curated.name}: MISP says ${code}, curated says ${curated.code}`);
      cand.forms.push(...forms);
      continue;
    }
    // A generic name ("National Security Bureau") is kept only with the country's adjective in front.
    let display = name;
    if (isGenericName(name)) {
      const dem = demonymOf(code);
      if (dem) {
        display = `${dem} ${name.replace(/^the /i, '')}`;
        forms.unshift(display);
      } else {
        display = `${name} (${countryByCode.get(code)?.name ?? code})`;
      }
    }
    candidates.push({ code, name: display, forms });
  }
  for (const c of IA_CURATED)
    if (c.from && !seenFrom.has(c.from)) console.warn(`warning: curated agency ${c.name}: MISP entry "${c.from}" not found`);

  // Curated forms first: they own their keys. Then a derived form naming two codes is dropped everywhere.
  const owner = new Map();
  for (const c of curatedCands) {
    for (const f of c.forms) {
      const k = formKey(f);
      const prev = owner.get(k);
      if (prev && prev.code !== c.code) throw new Error(`curated agencies: "${f}" names both ${prev.code} and ${c.code}`);
      if (reserved.has(k)) {
        drop(file, 'collides with countries.json/organisations.json', f, reserved.get(k));
        continue;
      }
      if (!prev) owner.set(k, c);
    }
  }
  const byKey = new Map();
  for (const c of candidates) {
    for (const f of c.forms) {
      const k = formKey(f);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k).push(c);
    }
  }
  for (const [k, list] of byKey) {
    const codes = new Set(list.map((c) => c.code));
    const cur = owner.get(k);
    if (cur) {
      if ([...codes].some((x) => x !== cur.code)) drop(file, 'taken by a well-known agency of another state', k, [...codes].join('/'));
      continue;
    }
    if (codes.size > 1) {
      drop(file, 'names two states', k, [...codes].join('/'));
      continue;
    }
    if (reserved.has(k)) {
      drop(file, 'collides with countries.json/organisations.json', k, reserved.get(k));
      continue;
    }
    owner.set(k, list.find((c) => formKey(c.name) === k) ?? list[0]);
  }

  const entries = [];
  for (const c of [...curatedCands, ...candidates]) {
    const names = [];
    const seen = new Set();
    for (const f of c.forms) {
      const k = formKey(f);
      if (owner.get(k) !== c || seen.has(k)) continue;
      seen.add(k);
      names.push(f);
    }
    if (!names.length) {
      drop(file, 'entry left without usable names', c.name, c.code);
      continue;
    }
    entries.push({ code: c.code, name: c.name, kind: 'intelligence', names });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Main: build, drop forms that another data file gives to a different code, write, report.

const SOURCES = {
  'threat-actors.json':
    `Derived by scripts/build-gazetteer.mjs from the MISP galaxy threat-actor cluster (MISP/misp-galaxy clusters/threat-actor.json, cluster version ${mispThreat.version}, snapshot 9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0), CC0-1.0 OR BSD-2-Clause (see LICENSE-misp-galaxy.txt). ` +
    'Code: the CFR suspected state sponsor, else meta.country; cybercriminal and hacktivist groups without a state link are left out. ' +
    'Common-word, short, ambiguous and colliding aliases are dropped; a few well-known names and affiliations from public government attributions are added by hand in the script.',
  'intelligence-agencies.json':
    `Derived by scripts/build-gazetteer.mjs from the MISP galaxy intelligence-agencies cluster (MISP/misp-galaxy clusters/intelligence-agencies.json, version ${mispAgencies.version}, snapshot 9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0), ` +
    'which is taken from Wikipedia, "List of intelligence agencies" (https://en.wikipedia.org/wiki/List_of_intelligence_agencies), CC BY-SA 4.0: ' +
    'this file is an adaptation of that list and is shared under CC BY-SA 4.0 with attribution to Wikipedia contributors. ' +
    'Generic names are kept only with the country adjective; ambiguous acronyms are dropped; well-known agencies are curated by hand in the script.',
};

function formsByKey(entries) {
  const m = new Map();
  for (const e of entries)
    for (const f of [...(e.names ?? []), ...(e.demonyms ?? []), ...(e.capitals ?? []), ...(e.metonyms ?? [])]) {
      const k = formKey(f);
      if (k && !m.has(k)) m.set(k, e.code);
    }
  return m;
}

/** Removes from `entries` every form that `others` (key -> code) gives to a different code. */
function dropAgainst(file, entries, others, label) {
  for (const e of entries) {
    e.names = e.names.filter((f) => {
      const c = others.get(formKey(f));
      if (c && c !== e.code) {
        drop(file, `collides with ${label}`, f, `${e.code} vs ${c}`);
        return false;
      }
      return true;
    });
  }
  return entries.filter((e) => {
    if (e.names.length) return true;
    drop(file, 'entry left without usable names', e.name, e.code);
    return false;
  });
}

checkCountriesIso2();
let threatActors = buildThreatActors();
let agencies = buildAgencies();
for (const other of ['officials.json', 'government-bodies.json']) {
  const p = path.join(dataDir, other);
  if (!fs.existsSync(p)) continue;
  const map = formsByKey(readJson(p).entries ?? []);
  agencies = dropAgainst('intelligence-agencies', agencies, map, other);
  threatActors = dropAgainst('threat-actors', threatActors, map, other);
}
threatActors = dropAgainst('threat-actors', threatActors, formsByKey(agencies), 'intelligence-agencies.json');

writeFile('threat-actors.json', SOURCES['threat-actors.json'], threatActors);
report('threat-actors');
writeFile('intelligence-agencies.json', SOURCES['intelligence-agencies.json'], agencies);
report('intelligence-agencies');
