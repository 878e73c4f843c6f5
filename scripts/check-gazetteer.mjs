#!/usr/bin/env node
// Checks every JSON file in lib/actors/data/ the way lib/actors/gazetteer.ts loads them, and a little stricter.
// Usage: node scripts/check-gazetteer.mjs [DATA_DIR]
// Exits 1, printing each offending entry, on: a file that is not {"entries": [...]}, an unknown kind, a badly formed
// or unknown code (codes must exist in countries.json or organisations.json), an entry without names, an empty form,
// the same surface form twice in one file (case-insensitive, punctuation read as spaces), and the same surface form
// naming two different codes across files (the loader throws on that). A form repeated inside one entry only warns
// (it is redundant, not wrong) unless --strict is given.
// Node 20, ESM, no dependencies.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// --strict also fails on a form repeated inside one entry ("St Lucia", "St. Lucia"), which is only redundant.
const strict = args.includes('--strict');
const dirArg = args.find((a) => !a.startsWith('--'));
const dataDir = path.resolve(dirArg ?? path.join(repoRoot, 'lib', 'actors', 'data'));

/** The kinds the loader accepts: one list, in lib/actors/rules/kinds.json. */
const KINDS = new Set(JSON.parse(fs.readFileSync(new URL('../lib/actors/rules/kinds.json', import.meta.url), 'utf8')).kinds);
const FORM_FIELDS = ['names', 'demonyms', 'capitals', 'metonyms'];

/** The loader's phrase key (lib/text/phrases.ts phraseWords): lower case, anything not a letter/mark/digit splits. */
function formKey(form) {
  return String(form)
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}*]+/u)
    .filter(Boolean)
    .join(' ');
}

const problems = [];
const show = (e) => {
  const s = JSON.stringify(e);
  return s.length > 400 ? `${s.slice(0, 400)}...` : s;
};
const fail = (file, message, entry) => problems.push(`${file}: ${message}${entry ? `\n    entry: ${show(entry)}` : ''}`);
const warnings = [];
const warn = (file, message) => warnings.push(`${file}: ${message}`);

const files = fs
  .readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const data = new Map();
for (const file of files) {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
    if (!json || !Array.isArray(json.entries)) fail(file, 'not of the form {"source": "...", "entries": [...]}');
    else data.set(file, json);
    if (json && typeof json.source !== 'string') fail(file, 'missing "source" (origin, snapshot, licence)');
  } catch (err) {
    fail(file, `not valid JSON: ${err.message}`);
  }
}
for (const required of ['countries.json', 'organisations.json']) if (!data.has(required)) fail(required, 'missing');

const codes = new Set();
for (const file of ['countries.json', 'organisations.json']) for (const e of data.get(file)?.entries ?? []) if (e?.code) codes.add(e.code);

/** form key -> { code, file, form } of its first use, across all files. */
const owners = new Map();
let forms = 0;
let entries = 0;
// countries.json and organisations.json first, as the loader does; the rest in name order.
const order = ['countries.json', 'organisations.json', ...[...data.keys()].filter((f) => f !== 'countries.json' && f !== 'organisations.json')];
for (const file of order) {
  const json = data.get(file);
  if (!json) continue;
  const inFile = new Map();
  for (const e of json.entries) {
    entries++;
    if (!e || typeof e !== 'object') {
      fail(file, 'entry is not an object', e);
      continue;
    }
    if (typeof e.name !== 'string' || !e.name.trim()) fail(file, 'entry without a "name"', e);
    if (typeof e.code !== 'string' || !/^[A-Z][A-Z0-9]{1,11}$/.test(e.code)) fail(file, `badly formed code "${e.code}"`, e);
    else if (!codes.has(e.code)) fail(file, `unknown code "${e.code}" (not in countries.json or organisations.json)`, e);
    if (!KINDS.has(e.kind)) fail(file, `unknown kind "${e.kind}" (allowed: ${[...KINDS].join(', ')})`, e);
    if (!Array.isArray(e.names) || e.names.length === 0) fail(file, 'entry without names', e);
    for (const field of FORM_FIELDS) {
      const list = e[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        fail(file, `"${field}" is not a list`, e);
        continue;
      }
      for (const form of list) {
        const key = typeof form === 'string' ? formKey(form) : '';
        if (!key) {
          fail(file, `empty or non-text form ${JSON.stringify(form)} in ${field}`, e);
          continue;
        }
        if (key.includes('*')) fail(file, `form "${form}" contains "*", which the phrase index reads as a wildcard`, e);
        forms++;
        const dup = inFile.get(key);
        if (dup && dup.entry === e && !strict)
          warn(file, `"${form}" repeats "${dup.form}" in the same entry (${e.name}): redundant, the loader reads both as "${key}"`);
        else if (dup) fail(file, `"${form}" appears twice in this file (also "${dup.form}" in ${dup.name} -> ${dup.code})`, e);
        else inFile.set(key, { form, name: e.name, code: e.code, entry: e });
        const owner = owners.get(key);
        if (owner && owner.code !== e.code) fail(file, `"${form}" names ${e.code} here but ${owner.code} in ${owner.file} ("${owner.form}")`, e);
        else if (!owner) owners.set(key, { code: e.code, file, form });
      }
    }
  }
}

for (const w of warnings) console.warn(`warning: ${w}`);
if (problems.length) {
  console.error(`check-gazetteer: ${problems.length} problem(s) in ${dataDir}`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(`check-gazetteer: OK (${files.length} files, ${entries} entries, ${forms} forms, ${owners.size} distinct surface forms)`);
