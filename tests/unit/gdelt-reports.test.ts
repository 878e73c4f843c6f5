import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveGdeltActor, stateFromCameoCountry, igoFromCameo } from '../../lib/gdelt/actors';
import { convertGdelt, type ConvertOptions } from '../../lib/gdelt/import';
import { formatDay, gdeltConfidence, titleCase } from '../../lib/gdelt/to-reports';
import { validateLibraryFile } from '../../lib/library/export';
import { contentHash } from '../../lib/article/content-hash';
import type { GdeltActorFields } from '../../lib/gdelt/parse';

const DIR = join(__dirname, '../fixtures/gdelt');
const FILES = ['20151027220000', '20190121220000', '20191024143000'];
const text = (f: string) => readFileSync(join(DIR, `${f}.export.CSV`), 'utf8');

async function* one(s: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(s);
}
const convert = (s: string, options: ConvertOptions = {}) => convertGdelt(one(s), options);

const actor = (over: Partial<GdeltActorFields>): GdeltActorFields => ({
  code: '',
  name: '',
  countryCode: '',
  knownGroupCode: '',
  type1Code: '',
  ...over,
});

/** The Iran -> Saudi Arabia line of the first sample with other codes, date, id or actors. */
function variant(over: Record<number, string>): string {
  const f = text('20151027220000').split('\n')[46]!.split('\t');
  for (const [i, v] of Object.entries(over)) f[Number(i)] = v;
  return f.join('\t');
}

describe('GDELT actors', () => {
  it('maps CAMEO country codes to gazetteer codes, with the CAMEO exceptions', () => {
    expect(stateFromCameoCountry('CHN')).toBe('CHN');
    expect(stateFromCameoCountry('ROM')).toBe('ROU');
    expect(stateFromCameoCountry('TMP')).toBe('TLS');
    expect(stateFromCameoCountry('MTN')).toBe('MNE');
    expect(stateFromCameoCountry('KSV')).toBe('XKX');
    expect(stateFromCameoCountry('GZS')).toBe('PSE');
    expect(stateFromCameoCountry('EUR')).toBeNull();
    expect(stateFromCameoCountry('XYZ')).toBeNull();
  });

  it('maps intergovernmental actors by their CAMEO group: UN, EU, NATO, and the most specific body', () => {
    expect(igoFromCameo('IGOUNO', 'UNO')).toBe('UN');
    expect(igoFromCameo('IGOEUREEC', 'EEC')).toBe('EU');
    expect(igoFromCameo('IGOWSTNAT', 'NAT')).toBe('NATO');
    expect(igoFromCameo('IGOUNOIAE', 'UNO')).toBe('IAEA');
    expect(igoFromCameo('IGOUNODEVWBK', 'UNO')).toBe('UN');
    expect(igoFromCameo('IGOAFRAFU', '')).toBe('AU');
    expect(igoFromCameo('IGOSAFSAD', 'SAD')).toBeNull();
  });

  it('resolves one side of an event, or says why not', () => {
    expect(resolveGdeltActor(actor({ code: 'CHNGOV', countryCode: 'CHN', type1Code: 'GOV' }))).toMatchObject({
      ok: true,
      code: 'CHN',
      name: 'China',
    });
    expect(resolveGdeltActor(actor({ code: 'IGOEUREEC', countryCode: 'EUR', knownGroupCode: 'EEC' }))).toMatchObject({ ok: true, code: 'EU' });
    expect(resolveGdeltActor(actor({ code: 'EUR', countryCode: 'EUR' }))).toMatchObject({ ok: false, reason: 'actor-region' });
    expect(resolveGdeltActor(actor({ code: 'GOV', type1Code: 'GOV' }))).toMatchObject({ ok: false, reason: 'actor-missing' });
    expect(resolveGdeltActor(actor({ code: 'XYZ', countryCode: 'XYZ' }))).toMatchObject({ ok: false, reason: 'actor-unknown-code' });
    expect(resolveGdeltActor(actor({ code: 'USAMED', countryCode: 'USA', type1Code: 'MED' }))).toMatchObject({
      ok: false,
      reason: 'actor-non-state',
    });
    expect(resolveGdeltActor(actor({ code: 'USAMED', countryCode: 'USA', type1Code: 'MED' }), { anyActorType: true })).toMatchObject({
      ok: true,
      code: 'USA',
    });
    expect(resolveGdeltActor(actor({ code: 'IGOSAFSAD', countryCode: 'SAF', knownGroupCode: 'SAD' }))).toMatchObject({
      ok: false,
      reason: 'actor-unknown-igo',
    });
  });
});

describe('GDELT reports', () => {
  it('maps CAMEO 112 and its subcodes to the charge taxonomy; 111 only with includeCriticism; root 11 never', async () => {
    const codes = ['112', '1121', '1122', '1123', '1124', '1125', '111', '110', '113'];
    const lines = codes.map((code, i) => variant({ 0: String(900 + i), 26: code, 27: code.slice(0, 3), 28: '11' })).join('\n');
    const { file } = await convert(lines);
    expect(file.reports.map((r) => [r.id, r.accusations[0]!.charge])).toEqual([
      ['gdelt-IRN-SAU-112-20150927', { category: 'other', text: 'accuse' }],
      ['gdelt-IRN-SAU-1121-20150927', { category: 'crime_corruption', text: 'accuse of crime, corruption' }],
      ['gdelt-IRN-SAU-1122-20150927', { category: 'human_rights', text: 'accuse of human rights abuses' }],
      ['gdelt-IRN-SAU-1123-20150927', { category: 'military_aggression', text: 'accuse of aggression' }],
      ['gdelt-IRN-SAU-1124-20150927', { category: 'war_crimes', text: 'accuse of war crimes' }],
      ['gdelt-IRN-SAU-1125-20150927', { category: 'espionage', text: 'accuse of espionage, treason' }],
    ]);
    expect(file.reports[5]!.accusations[0]!.quote).toBe(
      'On 27 September 2015, Iran accused Saudi Arabia of espionage or treason (CAMEO 1125), according to a news event coded by GDELT.',
    );
    const withCriticism = await convert(lines, { includeCriticism: true });
    const c = withCriticism.file.reports.find((r) => r.id === 'gdelt-IRN-SAU-111-20150927')!;
    expect(c.title).toBe('Iran criticizes Saudi Arabia (CAMEO 111: criticize or denounce) — GDELT, 27 September 2015');
    expect(c.accusations[0]!.charge).toEqual({ category: 'other', text: 'criticize or denounce' });
    expect(withCriticism.stats.skipped['not-accusation']).toBe(2);
  });

  it('drops an event whose two sides are the same state, and splits groups by day', async () => {
    const lines = [
      variant({ 0: '1', 15: 'IRN', 17: 'IRN' }),
      variant({ 0: '2', 1: '20150928' }),
      variant({ 0: '3', 1: '20150927' }),
      variant({ 0: '4', 1: '20150928' }),
    ].join('\n');
    const { file, stats } = await convert(lines);
    expect(stats.skipped['same-actor']).toBe(1);
    expect(file.reports.map((r) => [r.id, (r.origin as { eventIds: number[] }).eventIds])).toEqual([
      ['gdelt-IRN-SAU-112-20150927', [3]],
      ['gdelt-IRN-SAU-112-20150928', [2, 4]],
    ]);
  });

  it('keeps at most 20 distinct source URLs and only web addresses', async () => {
    const lines = Array.from({ length: 30 }, (_, i) =>
      variant({ 0: String(100 + i), 60: i === 0 ? 'BBC Monitoring' : `https://news.example/${i % 25}` }),
    );
    const { file } = await convert(lines.join('\n'));
    const r = file.reports[0]!;
    const o = r.origin as { eventIds: number[]; sourceUrls: string[] };
    expect(o.eventIds).toHaveLength(30);
    expect(o.sourceUrls).toHaveLength(20);
    expect(new Set(o.sourceUrls).size).toBe(20);
    expect(r.url).toBe('https://news.example/1');
    expect(r.text).toContain('GDELT event IDs: 100, 101, 102, 103, 104, 105, 106, 107, 108, 109 and 20 more.');
  });

  it('derives confidence from sources and articles (documented formula)', () => {
    expect(gdeltConfidence(1, 1, false)).toBe(0.3);
    expect(gdeltConfidence(2, 5, false)).toBe(0.5);
    expect(gdeltConfidence(1, 4, true)).toBe(0.45);
    expect(gdeltConfidence(4, 16, false)).toBe(0.8);
    expect(gdeltConfidence(100, 1000, true)).toBe(0.85);
  });

  it('title-cases GDELT names and formats days', () => {
    expect(titleCase('ASSOCIATED PRESS')).toBe('Associated Press');
    expect(titleCase('THE EU')).toBe('The EU');
    expect(titleCase('MINISTRY OF DEFENCE')).toBe('Ministry of Defence');
    expect(titleCase("PEOPLE'S LIBERATION ARMY")).toBe("People's Liberation Army");
    expect(titleCase("O'BRIEN")).toBe("O'Brien");
    expect(formatDay('20250527')).toBe('27 May 2025');
  });

  it('every library file made from the samples passes validateLibraryFile, with a correct content hash', async () => {
    for (const options of [{}, { includeCriticism: true }, { anyActorType: true, includeCriticism: true }]) {
      for (const f of FILES) {
        const { file } = await convert(text(f), options);
        const checked = validateLibraryFile(JSON.parse(JSON.stringify(file)));
        expect(checked.ok ? 'ok' : checked.error, f).toBe('ok');
        for (const r of file.reports) {
          expect(r.contentHash).toBe(contentHash(r.text));
          expect(r.id.length).toBeLessThanOrEqual(100);
          expect(r.text.split('\n\n').length).toBe(4);
        }
      }
    }
  });
});
