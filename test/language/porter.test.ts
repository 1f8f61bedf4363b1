import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { stemEnglish } from '../../src/language/porter-en.js';
import { lowerAligned, tokenize } from '../../src/language/tokens.js';
import { CORPORA, HAS_CORPORA, ROOT } from '../helpers.js';

// eindred's English stemmer is natural's, rewritten for speed: a stem that changed would make
// terms in packs (built-in and users') match other words than they did.
describe('the English stemmer gives natural’s stems', () => {
  const differences = (words: Iterable<string>) =>
    [...words]
      .filter((word) => stemEnglish(word) !== porter.stem(word))
      .map((word) => [word, stemEnglish(word), porter.stem(word)]);

  const wordsOf = (text: string): Set<string> => {
    const lower = lowerAligned(text);
    return new Set(tokenize(text).map((t) => lower.slice(t.start, t.end)));
  };

  it('for the words of the English fixtures and packs, and words natural handles in its own ways', () => {
    const texts = [
      ...readdirSync(`${ROOT}fixtures/en`).map((f) => readFileSync(`${ROOT}fixtures/en/${f}`, 'utf8')),
      ...readdirSync(`${ROOT}rules/en`).map((f) => readFileSync(`${ROOT}rules/en/${f}`, 'utf8')),
    ];
    const words = wordsOf(texts.join('\n'));
    // "CV" groups before a vowel, y as consonant and vowel, suffixes tried one after another.
    for (const word of ['flyaway', 'ayby', 'byy', 'yy', 'relational', 'agreement', 'ement', 'ing', 'eed', 'feed', 'sses', 'ies'])
      words.add(word);
    expect(words.size).toBeGreaterThan(2000);
    expect(differences(words)).toEqual([]);
  });

  it.skipIf(!HAS_CORPORA)('for every word of the English corpora', () => {
    const words = new Set<string>();
    for (const file of ['en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl', 'en/wikipedia-current-events/posts'].map(
      (path) => `${CORPORA}${path}`,
    )) {
      if (!existsSync(file)) continue;
      const texts = file.endsWith('.jsonl')
        ? [readFileSync(file, 'utf8')]
        : readdirSync(file).map((f) => readFileSync(`${file}/${f}`, 'utf8'));
      for (const text of texts) for (const word of wordsOf(text)) words.add(word);
    }
    expect(words.size).toBeGreaterThan(20_000);
    expect(differences(words)).toEqual([]);
  });

  it('for random strings of letters that stress its rules', () => {
    const word = fc
      .array(
        fc.constantFrom(
          ...'aeiouybcdglmnprstvwxz',
          'é',
          "'",
          'ing',
          'ed',
          'ational',
          'ness',
          'ement',
          'sion',
          'll',
          'sses',
          'ies',
        ),
        {
          maxLength: 10,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(word, (w) => stemEnglish(w) === porter.stem(w)),
      { numRuns: 20_000 },
    );
  });
});
