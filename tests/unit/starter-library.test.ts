import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/article/content-hash';
import { canonicalizeUrl } from '../../lib/article/canonical-url';
import { getGazetteer } from '../../lib/actors/gazetteer';
import { chargeSimilarity, isChargeCategory } from '../../lib/charges/taxonomy';
import { relationBetween } from '../../lib/match/relations';
import { validateLibraryFile, type LibraryFile, type LibraryReport } from '../../lib/library/file-format';
import type { Accusation, Relation } from '../../lib/types';

// The starter library shipped with the extension (lib/library/starter/README.md): real, dated accusations between
// states, written as short summaries, that make the first click useful before the user has saved anything.
const file = JSON.parse(readFileSync(new URL('../../lib/library/starter/starter-library.json', import.meta.url), 'utf8')) as LibraryFile;
const reports: LibraryReport[] = file.reports;
const accusations: { report: LibraryReport; accusation: Accusation }[] = reports.flatMap((report) =>
  report.accusations.map((accusation) => ({ report, accusation })),
);

// The region of each actor code used by the starter library, kept here so the users' tags stay empty.
const REGION: Record<string, string> = {
  CZE: 'Europe',
  DEU: 'Europe',
  EU: 'Europe',
  FRA: 'Europe',
  GBR: 'Europe',
  LTU: 'Europe',
  MDA: 'Europe',
  NLD: 'Europe',
  POL: 'Europe',
  RUS: 'Europe',
  UKR: 'Europe',
  ARM: 'Caucasus',
  AZE: 'Caucasus',
  CHN: 'East Asia',
  JPN: 'East Asia',
  KOR: 'East Asia',
  PRK: 'East Asia',
  TWN: 'East Asia',
  PHL: 'Southeast Asia',
  IND: 'South Asia',
  PAK: 'South Asia',
  ARE: 'Middle East',
  IRN: 'Middle East',
  IRQ: 'Middle East',
  ISR: 'Middle East',
  QAT: 'Middle East',
  SAU: 'Middle East',
  TUR: 'Middle East',
  COD: 'Africa',
  DZA: 'Africa',
  ETH: 'Africa',
  MAR: 'Africa',
  MLI: 'Africa',
  RWA: 'Africa',
  SDN: 'Africa',
  SOM: 'Africa',
  ZAF: 'Africa',
  CAN: 'Americas',
  CUB: 'Americas',
  ECU: 'Americas',
  GUY: 'Americas',
  MEX: 'Americas',
  NIC: 'Americas',
  USA: 'Americas',
  VEN: 'Americas',
  G7: 'International',
  UN: 'International',
};

const COUNTERCLAIMS: readonly Relation[] = ['reversal', 'mirror', 'turnabout'];
const roles = (a: Accusation) => ({ accuser: a.accuser.code, accused: a.accused.code });

describe('starter library file', () => {
  it('is a counterclaim-library file, version 1, that the library reader accepts', () => {
    expect(file.format).toBe('counterclaim-library');
    expect(file.version).toBe(1);
    const result = validateLibraryFile(JSON.parse(JSON.stringify(file)));
    expect(result.ok ? 'valid' : `${result.path}: ${result.error}`).toBe('valid');
  });

  it('ships at least 60 reports, each with one main accusation', () => {
    expect(reports.length).toBeGreaterThanOrEqual(60);
    for (const r of reports) {
      expect(r.accusations.length, r.id).toBeGreaterThanOrEqual(1);
      expect(r.primary, r.id).toBe(0);
    }
  });

  it('uses unique ids prefixed "starter-"', () => {
    const ids = reports.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^starter-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('marks every report as a starter report with no user tags or notes', () => {
    for (const r of reports) {
      expect(r.source, r.id).toBe('starter');
      expect(r.origin, r.id).toEqual({ kind: 'starter', release: '2026.11' });
      expect(r.tags, r.id).toEqual([]);
      expect(r.notes, r.id).toBe('');
      expect(r.language, r.id).toBe('en');
      expect(r.title.trim().length, r.id).toBeGreaterThan(0);
    }
  });

  it('names every actor by a code the gazetteer knows, with its canonical name, and never accuses the accuser', () => {
    const names = getGazetteer().names;
    for (const { report, accusation } of accusations) {
      for (const actor of [accusation.accuser, accusation.accused]) {
        expect(names.has(actor.code), `${report.id}: ${actor.code}`).toBe(true);
        expect(actor.name, `${report.id}: ${actor.code}`).toBe(names.get(actor.code));
        expect(actor.detail.trim().length, `${report.id}: ${actor.code} detail`).toBeGreaterThan(0);
      }
      expect(accusation.accuser.code, report.id).not.toBe(accusation.accused.code);
    }
  });

  it('files every charge under a taxonomy category, with the words used', () => {
    for (const { report, accusation } of accusations) {
      expect(isChargeCategory(accusation.charge.category), `${report.id}: ${accusation.charge.category}`).toBe(true);
      expect(accusation.charge.text.trim().length, report.id).toBeGreaterThan(0);
    }
  });

  it('dates every report with a real calendar date between 2000-01-01 and 2026-11-23', () => {
    for (const r of reports) {
      const date = r.publishedAt ?? '';
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      expect(m, `${r.id}: ${date}`).not.toBeNull();
      const d = new Date(Date.UTC(Number(m![1]), Number(m![2]) - 1, Number(m![3])));
      expect(d.toISOString().slice(0, 10), r.id).toBe(date);
      expect(date >= '2000-01-01' && date <= '2026-11-23', `${r.id}: ${date}`).toBe(true);
    }
  });

  it('holds no duplicate accusation (same accuser, accused, category and date) and no duplicate text', () => {
    const keys = accusations.map(
      ({ report, accusation }) => `${accusation.accuser.code}>${accusation.accused.code}:${accusation.charge.category}@${report.publishedAt}`,
    );
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const hashes = reports.map((r) => r.contentHash);
    expect(hashes.filter((h, i) => hashes.indexOf(h) !== i)).toEqual([]);
  });

  it('quotes a sentence of the summary at its exact offsets', () => {
    for (const { report, accusation } of accusations) {
      const { field, start, end } = accusation.location;
      expect(field, report.id).toBe('text');
      expect(accusation.quote.length, report.id).toBeGreaterThan(0);
      expect(report.text.slice(start, end), report.id).toBe(accusation.quote);
    }
  });

  it('summarises each event in two to four sentences', () => {
    for (const r of reports) {
      const sentences = r.text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'])/);
      expect(sentences.length, r.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, r.id).toBeLessThanOrEqual(4);
    }
  });

  it('stores the content hash of its text', () => {
    for (const r of reports) expect(r.contentHash, r.id).toBe(contentHash(r.text));
  });

  it('gives a URL only as an https address, with its canonical form, and never the same one twice', () => {
    for (const r of reports) {
      if (r.url === null) {
        expect(r.canonicalUrl, r.id).toBeNull();
        continue;
      }
      expect(new URL(r.url).protocol, r.id).toBe('https:');
      expect(r.canonicalUrl, r.id).toBe(canonicalizeUrl(r.url));
    }
    const urls = reports.map((r) => r.canonicalUrl).filter((u) => u !== null);
    expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);
  });

  it('covers at least 8 charge categories', () => {
    const categories = new Set(accusations.map(({ accusation }) => accusation.charge.category));
    expect(categories.size).toBeGreaterThanOrEqual(8);
  });

  it('has accusers from at least 5 regions of the world', () => {
    const unmapped = accusations.map(({ accusation }) => accusation.accuser.code).filter((code) => !(code in REGION));
    expect(unmapped).toEqual([]);
    const regions = new Set(accusations.map(({ accusation }) => REGION[accusation.accuser.code]));
    regions.delete('International');
    expect(regions.size).toBeGreaterThanOrEqual(5);
  });

  it('holds the seed pair: the Czech Republic accuses China, China accuses Taiwan a day earlier', () => {
    const czech = accusations.find(
      ({ report, accusation: a }) =>
        a.accuser.code === 'CZE' && a.accused.code === 'CHN' && a.charge.category === 'cyberattack' && report.publishedAt === '2025-05-28',
    );
    const chinese = accusations.find(
      ({ report, accusation: a }) =>
        a.accuser.code === 'CHN' && a.accused.code === 'TWN' && a.charge.category === 'cyberattack' && report.publishedAt === '2025-05-27',
    );
    expect(czech, 'Czech report').toBeDefined();
    expect(chinese, 'Chinese report').toBeDefined();
    expect(relationBetween(roles(czech!.accusation), roles(chinese!.accusation))).toBe('mirror');
    expect(relationBetween(roles(chinese!.accusation), roles(czech!.accusation))).toBe('turnabout');
  });

  it('forms at least 20 counterclaim pairs (reversal, mirror or turnabout with the same or a related charge)', () => {
    const pairs = new Set<string>();
    const byRelation: Record<string, number> = {};
    for (let i = 0; i < accusations.length; i++) {
      for (let j = i + 1; j < accusations.length; j++) {
        const a = accusations[i]!;
        const b = accusations[j]!;
        if (a.report.id === b.report.id) continue;
        const relation = relationBetween(roles(a.accusation), roles(b.accusation));
        if (!relation || !COUNTERCLAIMS.includes(relation)) continue;
        if (chargeSimilarity(a.accusation.charge.category, b.accusation.charge.category) <= 0) continue;
        const key = [a.report.id, b.report.id].sort().join('|');
        if (pairs.has(key)) continue;
        pairs.add(key);
        byRelation[relation] = (byRelation[relation] ?? 0) + 1;
      }
    }
    expect(pairs.size).toBeGreaterThanOrEqual(20);
    // Each kind of counterclaim is represented, so the popup has all three groups to show.
    for (const relation of COUNTERCLAIMS) expect(byRelation[relation] ?? 0, relation).toBeGreaterThan(0);
  });
});
