import { describe, expect, it } from 'vitest';
import { findCharges } from '../../lib/charges/lexicon';
import { chargeSimilarity, categoryFromCameo, cameoFromCategory, isChargeCategory } from '../../lib/charges/taxonomy';
import { tokenize } from '../../lib/text/tokens';
import { CHARGE_CATEGORIES } from '../../lib/types';

const charges = (s: string) => findCharges(tokenize(s), s).map((h) => [h.category, h.text]);

describe('charge lexicon', () => {
  it.each([
    ["a 'malicious cyber campaign' targeting the ministry", ['cyberattack', 'malicious cyber campaign']],
    ['orchestrating cyber-attacks on 1,000 targets', ['cyberattack', 'cyber-attacks']],
    ['of spying on its citizens', ['espionage', 'spying']],
    ['meddling in the 2016 election', ['election_interference', 'meddling']],
    ['spreading disinformation', ['disinformation', 'disinformation']],
    ['committing war crimes in Bucha', ['war_crimes', 'war crimes']],
    ['sponsoring terrorism', ['terrorism', 'sponsoring terrorism']],
    ["interfering in China's internal affairs", ['other', "interfering in China's internal affairs"]],
    ['economic coercion against Lithuania', ['economic_coercion', 'economic coercion']],
  ])('%j', (s, want) => {
    expect(charges(s)[0]).toEqual(want);
  });

  it('reads a bare "attacks" as a charge only when no stronger term is there', () => {
    expect(charges('missile attacks on the city').map((c) => c[0])).toEqual(['military_aggression']);
    expect(charges('cyber attacks and attacks').map((c) => c[0])).toEqual(['cyberattack']);
  });

  it('finds nothing in plain text', () => {
    expect(charges('The Hang Seng Index rose 262 points by noon.')).toEqual([]);
  });
});

describe('taxonomy', () => {
  it('scores the same charge above a related one, and unrelated ones at zero', () => {
    expect(chargeSimilarity('cyberattack', 'cyberattack')).toBe(1);
    expect(chargeSimilarity('cyberattack', 'espionage')).toBeGreaterThan(0);
    expect(chargeSimilarity('cyberattack', 'espionage')).toBeLessThan(1);
    expect(chargeSimilarity('espionage', 'cyberattack')).toBe(chargeSimilarity('cyberattack', 'espionage'));
    expect(chargeSimilarity('cyberattack', 'war_crimes')).toBe(0);
  });

  it('maps CAMEO codes both ways', () => {
    expect(categoryFromCameo('1125')).toBe('espionage');
    expect(categoryFromCameo('1122')).toBe('human_rights');
    expect(categoryFromCameo('0211')).toBeNull();
    for (const c of CHARGE_CATEGORIES) expect(categoryFromCameo(cameoFromCategory(c))).not.toBeNull();
    expect(isChargeCategory('cyberattack')).toBe(true);
    expect(isChargeCategory('hacking')).toBe(false);
  });
});
