import { describe, expect, it } from 'vitest';
import { splitSentences, MAX_SENTENCE_CHARS } from '../../lib/text/sentences';

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['The U.S. accused China. Beijing denied it.', ['The U.S. accused China.', 'Beijing denied it.']],
    ['Mr. Lipavsky spoke. He left.', ['Mr. Lipavsky spoke.', 'He left.']],
    ["'China is interfering,' Lipavsky said. Then he left.", ["'China is interfering,' Lipavsky said.", 'Then he left.']],
    ['He said “this is a lie.” Others agreed.', ['He said “this is a lie.”', 'Others agreed.']],
    ['First paragraph\n\nSecond paragraph', ['First paragraph', 'Second paragraph']],
    ['Is it? Yes! Fine.', ['Is it?', 'Yes!', 'Fine.']],
  ])('%j', (text, want) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(want);
  });

  it('keeps offsets that point back into the text', () => {
    const text = 'Alpha beta.  Gamma delta!\n\nEpsilon.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts text with no sentence ends into bounded pieces', () => {
    const text = 'word '.repeat(5000);
    const parts = splitSentences(text);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });
});
