import { describe, expect, it } from 'vitest';
import { ruleTriples } from '../helpers/extract';
import { analyzeArticle } from '../../lib/analyze';
import { detectLanguage } from '../../lib/article/language';

// The rules' table tests read the rule stage; the whole pipeline has its own (extract-scorer.test.ts).
const triples = ruleTriples;

describe('extraction rules (one sentence each)', () => {
  it.each([
    ['active', 'The United States accused Russia of election interference on Tuesday.', ['USA>RUS:election_interference']],
    ['passive with agent', 'China was accused by the United States of hacking into government networks.', ['USA>CHN:cyberattack']],
    ['held responsible', 'Britain holds Russia responsible for the cyberattack on the electoral commission.', ['GBR>RUS:cyberattack']],
    ['attributed to', 'Germany attributed the cyberattack to Russia.', ['DEU>RUS:cyberattack']],
    ['compound accuser', 'The European Union and the Czech Republic accused China of espionage.', ['EU>CHN:espionage', 'CZE>CHN:espionage']],
    ['cyber-espionage is a cyberattack', 'Britain accused China of a cyber-espionage campaign.', ['GBR>CHN:cyberattack']],
    ['mutual', 'Armenia and Azerbaijan accused each other of ceasefire violations.', ['ARM>AZE:military_aggression', 'AZE>ARM:military_aggression']],
    ['reported speech', "'Russia is spreading disinformation,' the French foreign minister said.", ['FRA>RUS:disinformation']],
    ['accused side', "India rejected Pakistan's allegation that it sponsors terrorism.", ['PAK>IND:terrorism']],
    ['court case', 'The European Union took China to the WTO over its trade curbs on Lithuania.', ['EU>CHN:economic_coercion']],
    ['cut ties', 'Algeria cut diplomatic ties with Morocco, citing hostile acts and support for terrorism.', ['DZA>MAR:terrorism']],
    ['called it', "Pakistan called India's missile strikes an act of war.", ['PAK>IND:military_aggression']],
    ['coordinated "it"', 'Sudan cut ties with the United Arab Emirates and declared it an aggressor state.', ['SDN>ARE:military_aggression']],
    ['demonym and charge', 'The Kremlin said Ukrainian saboteurs carried out a terrorist act.', ['RUS>UKR:terrorism']],
  ])('%s', (_rule, sentence, want) => {
    expect(new Set(triples('', sentence))).toEqual(new Set(want));
  });

  it.each([
    ['negated', 'Japan did not accuse China of hacking.'],
    ['denial only', 'China denied the accusations and called them groundless.'],
    ['people, not states', 'The chief executive was accused of fraud by shareholders.'],
    ['no charge', 'France and Germany held talks in Paris on Monday.'],
    ['cooperation', 'Japan and Australia agreed to cooperate against cyberattacks, the ministers said.'],
    ['a denial calling the charge propaganda', 'India rejected the dossier released by Pakistan, calling it propaganda.'],
    ['defence, not accusation', "Seoul said the drills would help to counter North Korea's missile threats."],
    ['calls for', 'Israel called for UN action.'],
  ])('nothing when %s', (_why, sentence) => {
    expect(triples('', sentence)).toEqual([]);
  });

  it('never flips the roles on a denial: the denial is a facet of the accusation it answers', () => {
    const r = analyzeArticle({ title: '', text: 'The United States accused China of hacking. China denied the accusation as groundless.' });
    expect(r.accusations.map((a) => `${a.accuser.code}>${a.accused.code}`)).toEqual(['USA>CHN']);
    expect(r.accusations[0]!.facets.denial[0]).toMatch(/denied/);
  });

  it('completes a headline without accuser from the body', () => {
    const r = analyzeArticle({
      title: 'Russia accused of cyberattack on German parliament',
      text: 'Germany said the cyberattack on the Bundestag was carried out by hackers. Berlin blamed Russia for the cyberattack.',
    });
    expect(r.primary).toBe(0);
    expect(`${r.accusations[0]!.accuser.code}>${r.accusations[0]!.accused.code}`).toBe('DEU>RUS');
  });
});

describe('bad input', () => {
  it('empty text', () => {
    const r = analyzeArticle({ title: '', text: '' });
    expect(r.accusations).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/no text/);
  });
  it('a non-English article gives its language and no accusations', () => {
    const r = analyzeArticle({
      title: 'La Chine accusée',
      text: "La République tchèque a accusé la Chine d'une cyberattaque contre le ministère des affaires étrangères. Le ministère a convoqué l'ambassadeur.",
    });
    expect(r.language).toBe('fr');
    expect(r.accusations).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/not in English/);
  });
  it('odd Unicode and text with no sentence ends', () => {
    const text = `${'\u200b\u202e🙂 China Russia accused '.repeat(2000)}`;
    expect(() => analyzeArticle({ title: '\u0000', text })).not.toThrow();
  });
  it('a 5 MB text is truncated and says so', () => {
    const text = 'The United States accused Russia of hacking. '.repeat(120_000);
    const r = analyzeArticle({ title: 'x', text });
    expect(r.truncated).toBe(true);
    expect(r.accusations[0]?.accused.code).toBe('RUS');
  });
  it('detects languages by script and function words', () => {
    expect(detectLanguage('The ministry said that the attack was carried out by a group linked to the state.')).toBe('en');
    expect(detectLanguage('Министерство иностранных дел заявило, что атака была осуществлена')).toBe('ru');
    expect(detectLanguage('abc')).toBe('und');
    // A short English sentence with a possessive is not Czech ("s"): too short to tell, so it is analysed.
    expect(detectLanguage("Pakistan called India's missile strikes an act of war.")).toBe('und');
    expect(detectLanguage("The ministry said that Russia's hackers were behind the attack on the network of the election commission.")).toBe('en');
  });
});

describe('actors', () => {
  it.each([
    ["North Korea's Ministry of State Security accused Seoul of espionage.", 'PRK>KOR:espionage'],
    ["China's Ministry of State Security accused Taiwan of espionage.", 'CHN>TWN:espionage'],
  ])('a body named after a country belongs to it: %s', (sentence, want) => {
    expect(triples('', sentence)).toEqual([want]);
  });
});
