import { describe, expect, it } from 'vitest';
import { highlight, paragraphAround, sharedTerms } from '../../lib/compare/align';
import { comparisonTerms } from '../../components/use-comparison';
import type { ComparisonSide } from '../../components/comparison';

describe('comparison helpers', () => {
  it('finds shared words and phrases, phrases first', () => {
    const terms = sharedTerms(
      'attacks on critical infrastructure by state-backed hackers',
      'state-backed group hit critical infrastructure networks',
    );
    expect(terms[0]).toBe('critical infrastructure');
    expect(terms).toContain('state-backed');
    expect(terms).not.toContain('by');
  });

  it.each([
    [
      'China accused Taiwan',
      ['taiwan'],
      [
        ['China accused ', false],
        ['Taiwan', true],
      ],
    ],
    [
      "Taiwan's hackers",
      ['taiwan'],
      [
        ["Taiwan's", true],
        [' hackers', false],
      ],
    ],
    ['Taiwanese', ['taiwan'], [['Taiwanese', false]]],
    [
      'critical  infrastructure hit',
      ['critical infrastructure'],
      [
        ['critical  infrastructure', true],
        [' hit', false],
      ],
    ],
  ])('highlights %j', (text, terms, want) => {
    expect(highlight(text, terms).map((s) => [s.text, s.mark])).toEqual(want);
  });

  it('treats terms as text, never as patterns', () => {
    expect(highlight('abc', ['.']).some((s) => s.mark)).toBe(false);
    expect(
      highlight('a (b) c', ['(b)'])
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['(b)']);
    expect(() => highlight('x', ['[', '*'])).not.toThrow();
  });

  it('expands a quote to its paragraph', () => {
    const text = 'First paragraph.\n\nSecond one. The quote is here. End.\n\nThird.';
    const start = text.indexOf('The quote');
    expect(paragraphAround(text, start, start + 'The quote is here.'.length)).toBe('Second one. The quote is here. End.');
    expect(paragraphAround(text, 5, 2)).toBe('');
  });
});

describe('comparisonTerms', () => {
  const side = (accuser: [string, string], accused: [string, string], quote: string): ComparisonSide =>
    ({
      label: 'x',
      article: { title: '', url: null, siteName: null, publishedAt: null, text: quote },
      accusation: {
        accuser: { code: accuser[0], name: accuser[1], detail: '' },
        accused: { code: accused[0], name: accused[1], detail: '' },
        charge: { category: 'cyberattack', text: 'cyberattacks' },
        facets: { targets: [], evidence: [], response: [], denial: [] },
        quote,
      },
    }) as unknown as ComparisonSide;

  it('keeps the telling shared words and leaves out the parties, their codes and their adjectives', () => {
    const left = side(['CHN', 'China'], ['TWN', 'Taiwan'], 'Mainland Chinese authorities said Taiwanese hackers hit government networks.');
    const right = side(['TWN', 'Taiwan'], ['CHN', 'China'], 'Taiwan said Chinese cyber forces hit its government networks and Taiwanese banks.');
    const terms = comparisonTerms(left, right);
    expect(terms).toEqual(expect.arrayContaining(['government', 'networks']));
    expect(terms.some((t) => /^(chin|taiwan)/.test(t))).toBe(false);
  });
});
