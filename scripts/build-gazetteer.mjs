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
export function formKey(form) {
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
  if (hasLower(form) || hasDigit(form)) return form;
  return form.replace(/\p{L}[\p{L}'’]*/gu, (w) => (w.length >= 4 ? w[0] + w.slice(1).toLowerCase() : w));
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
    console.log(`  dropped (${reason}): ${list.length}${shown.length ? ` e.g. ${shown.join('; ')}` : ''}${!verbose && list.length > shown.length ? ' ...' : ''}`);
  }
}
