import { existsSync, readFileSync } from 'node:fs';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import { stemEnglish } from './porter-en.js';

export type Stemmer = (lowerWord: string) => string;

const STEMMERS: Record<string, (word: string) => string> = {
  nl: (word) => porterNl.stem(word),
  // natural's English stemmer, rewritten without regular expressions (see porter-en.ts).
  en: stemEnglish,
};

const identity: Stemmer = (word) => word;
const cached = new Map<string, Stemmer>();

/**
 * The stems of the words in the built-in packs, computed when eindred is built: compiling the
 * packs stems a few thousand words, and a cold stemmer makes that a noticeable part of a
 * one-draft run. Run from source (tests), there is no such file and words are stemmed as usual.
 */
export const STEMS_JSON = 'builtin-stems.json';
let seeds: Record<string, Record<string, string>> | null | undefined;

function seedsFor(language: string): Record<string, string> {
  if (seeds === undefined) {
    const built = new URL(`./${STEMS_JSON}`, import.meta.url);
    seeds = existsSync(built) ? (JSON.parse(readFileSync(built, 'utf8')) as Record<string, Record<string, string>>) : null;
  }
  return seeds?.[language] ?? {};
}

/**
 * natural's Porter stemmer for a language (for English, its rewrite in porter-en.ts), memoised:
 * news text repeats its words, so most lookups are a Map hit rather than a stemmer run. Languages
 * without a stemmer match on exact forms.
 */
export function stemmerFor(language: string): Stemmer {
  const existing = cached.get(language);
  if (existing) return existing;
  const stem = STEMMERS[language];
  if (!stem) return identity;
  const memo = new Map<string, string>(Object.entries(seedsFor(language)));
  const stemmer: Stemmer = (word) => {
    let result = memo.get(word);
    if (result === undefined) {
      // Digits and one-letter words have no inflection worth stemming.
      result = word.length < 3 || /\d/.test(word) ? word : stem(word);
      if (memo.size > 200_000) memo.clear();
      memo.set(word, result);
    }
    return result;
  };
  cached.set(language, stemmer);
  return stemmer;
}

/** Lower-case word without diacritics (the Dutch stemmer folds them too: coördinator → coordinator). */
export function foldWord(lowerWord: string): string {
  return /[^\x00-\x7f]/.test(lowerWord) ? lowerWord.normalize('NFD').replace(/\p{M}/gu, '') : lowerWord;
}

/**
 * How many leading characters a word and its stem always share. Porter stemmers rewrite only the
 * end of a word: a stem keeps all of its word but the last letter (happy → happi, hoping → hope),
 * and long Dutch stems the last two (eenheden → eenheid). So a word can only have stem `s` if it
 * starts with that much of `s`. Checked on every word of the corpora (test/language/tokens.test.ts);
 * the phrase index uses it to stem only words that can match.
 */
export function stemPrefixLength(stem: string): number {
  return Math.max(1, stem.length - (stem.length > 4 ? 2 : 1));
}
