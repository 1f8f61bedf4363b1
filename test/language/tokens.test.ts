import { describe, expect, it } from 'vitest';
import { stemmerFor } from '../../src/language/stem.js';
import { joinsPhrase, tokenize } from '../../src/language/tokens.js';

describe('tokenize', () => {
  it('finds words with their offsets, keeping inner apostrophes', () => {
    const tokens = tokenize("Zo'n auto’s, don't — 1,5 kg.");
    expect(tokens.map((t) => [t.text, t.start, t.lower])).toEqual([
      ["Zo'n", 0, "zo'n"],
      ['auto’s', 5, "auto's"],
      ["don't", 13, "don't"],
      ['1', 21, '1'],
      ['5', 23, '5'],
      ['kg', 25, 'kg'],
    ]);
  });

  it('splits at hyphens, and phrases may run across them but not across punctuation', () => {
    expect(tokenize('niet-westers').map((t) => t.text)).toEqual(['niet', 'westers']);
    expect(joinsPhrase('-')).toBe(true);
    expect(joinsPhrase(' \n')).toBe(true);
    expect(joinsPhrase('. ')).toBe(false);
    expect(joinsPhrase(', ')).toBe(false);
  });

  it('handles letters outside the BMP and combining marks', () => {
    expect(tokenize('café 𝒜lpha').map((t) => t.text)).toEqual(['café', '𝒜lpha']);
  });
});

describe('stemmerFor', () => {
  it('uses natural’s Dutch and English Porter stemmers', () => {
    const nl = stemmerFor('nl');
    expect(nl('allochtonen')).toBe(nl('allochtoon'));
    const en = stemmerFor('en');
    expect(en('committed')).toBe(en('commit'));
  });

  it('leaves words in languages without a stemmer alone', () => {
    expect(stemmerFor('de')('Häuser')).toBe('Häuser');
  });
});
