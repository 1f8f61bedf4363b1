import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';

export type Stemmer = (lowerWord: string) => string;

const STEMMERS: Record<string, (word: string) => string> = {
  nl: (word) => porterNl.stem(word),
  en: (word) => porterEn.stem(word),
};

const identity: Stemmer = (word) => word;
const cached = new Map<string, Stemmer>();

/**
 * natural's Porter stemmer for a language, memoised: news text repeats its words, so most lookups
 * are a Map hit rather than a stemmer run. Languages without a stemmer match on exact forms.
 */
export function stemmerFor(language: string): Stemmer {
  const existing = cached.get(language);
  if (existing) return existing;
  const stem = STEMMERS[language];
  if (!stem) return identity;
  const memo = new Map<string, string>();
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

export function hasStemmer(language: string): boolean {
  return language in STEMMERS;
}
