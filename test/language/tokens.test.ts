import { describe, expect, it } from 'vitest';
import { foldWord, stemmerFor, stemPrefixLength } from '../../src/language/stem.js';
import { isWordUnit, joinsPhrase, lowerAligned, tokenize } from '../../src/language/tokens.js';

describe('tokenize', () => {
  it('finds words with their offsets, keeping inner apostrophes', () => {
    const text = "Zo'n auto’s, don't — 1,5 kg.";
    const lower = lowerAligned(text);
    const tokens = tokenize(text);
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.start, lower.slice(t.start, t.end)])).toEqual([
      ["Zo'n", 0, "zo'n"],
      ['auto’s', 5, "auto's"],
      ["don't", 13, "don't"],
      ['1', 21, '1'],
      ['5', 23, '5'],
      ['kg', 25, 'kg'],
    ]);
  });

  it('splits at hyphens, and phrases may run across them but not across punctuation', () => {
    expect(tokenize('niet-westers').map((t) => 'niet-westers'.slice(t.start, t.end))).toEqual(['niet', 'westers']);
    expect(joinsPhrase('-')).toBe(true);
    expect(joinsPhrase(' \n')).toBe(true);
    expect(joinsPhrase('. ')).toBe(false);
    expect(joinsPhrase(', ')).toBe(false);
  });

  it('lower-cases without changing the length, so token offsets stay valid', () => {
    expect(lowerAligned('İSTANBUL’s')).toHaveLength('İSTANBUL’s'.length);
    expect(lowerAligned('İSTANBUL’s')).toBe("İstanbul's");
  });

  it('handles letters outside the BMP and combining marks', () => {
    const text = 'café 𝒜lpha';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['café', '𝒜lpha']);
  });
});

describe('isWordUnit', () => {
  it('says of every UTF-16 code unit what [\\p{L}\\p{M}\\p{N}] says, also when asked again', () => {
    const wordChar = /[\p{L}\p{M}\p{N}]/u;
    const differ: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let code = 0; code < 0x10000; code++) {
        if (isWordUnit(code) !== wordChar.test(String.fromCharCode(code))) differ.push(code);
      }
    }
    expect(differ).toEqual([]);
    expect(['é', 'ß', 'ж', '٣', '\u0301'].every((c) => isWordUnit(c.charCodeAt(0)))).toBe(true);
    expect(['’', '–', '\u00a0', '\ud83d'].some((c) => isWordUnit(c.charCodeAt(0)))).toBe(false);
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

describe('stems keep the start of their word', () => {
  // The term index only stems words that start like a stem it knows; that is only right if a
  // stemmer never rewrites more than the last character of what it keeps.
  const words = (text: string) => {
    const lower = lowerAligned(text);
    return [...new Set(tokenize(text).map((t) => lower.slice(t.start, t.end)))];
  };

  it.each(['nl', 'en'])('holds for every word of the %s fixtures and corpora', async (language) => {
    const { readdirSync, readFileSync, existsSync } = await import('node:fs');
    const { CORPORA, ROOT } = await import('../helpers.js');
    const sources = readdirSync(`${ROOT}fixtures/${language}`).map((f) =>
      readFileSync(`${ROOT}fixtures/${language}/${f}`, 'utf8'),
    );
    const corpora =
      language === 'nl'
        ? [
            `${CORPORA}nl/ud-dutch-alpino/sentences.jsonl`,
            `${CORPORA}nl/be-kamer-schriftelijke-vragen/be_parliament_2020.nl.jsonl`,
          ]
        : [`${CORPORA}en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl`];
    for (const corpus of corpora) if (existsSync(corpus)) sources.push(readFileSync(corpus, 'utf8'));
    const stem = stemmerFor(language);
    const broken = words(sources.join('\n')).filter((word) => {
      const stemmed = foldWord(stem(word));
      const shared = stemPrefixLength(stemmed);
      return foldWord(word).slice(0, shared) !== stemmed.slice(0, shared);
    });
    expect(broken).toEqual([]);
  });
});
