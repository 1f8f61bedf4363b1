import { toneLexicon } from '../language/tone-lexicon.js';
import { hasGenre } from './genre.js';
import type { MapReader } from '../packs/data-reader.js';
import { PhraseIndex } from './phrases.js';
import { isNameOrTitle } from './term.js';
import type { ActiveRule, CheckKind, DocumentContext, DocumentHit, KindSettings } from './types.js';
import { stemmerFor } from '../language/stem.js';

/**
 * `kind: tone`: words that judge instead of report ("schandalig", "absurd", "shocking") in straight
 * news, outside quotes. Which words: the strongly subjective adjectives of natural's sentiment
 * lexicon for the language (see tone-lexicon.ts), chosen by the thresholds in the pack's `tone:`
 * settings, minus the words news uses neutrally (`ignore`), plus the pack's own `words`. Opinion
 * pieces, columns, reviews and interviews may judge: a draft whose front matter `genre` is one of
 * `genres` gets no tone findings.
 */

export interface ToneSettings {
  minSubjectivity: number;
  /** A word counts when its polarity is at least this far from neutral … */
  minPolarity: number;
  /** … or its intensity at least this high. */
  minIntensity: number;
  /** Words to look for besides the lexicon's (base forms). */
  words: string[];
  /** Lexicon words that news uses neutrally ("ervaren", "experienced"). */
  ignore: string[];
  /** Front matter `genre` values in which judging is the point. */
  genres: string[];
}

const settings: KindSettings<ToneSettings> = {
  defaults: () => ({ minSubjectivity: 0.9, minPolarity: 0.8, minIntensity: 1.3, words: [], ignore: [], genres: [] }),

  read(map: MapReader): Partial<ToneSettings> {
    map.allowOnly(['min_subjectivity', 'min_polarity', 'min_intensity', 'words', 'ignore', 'genres'], 'the tone settings');
    const result: Partial<ToneSettings> = {};
    const number = (key: string, field: 'minSubjectivity' | 'minPolarity' | 'minIntensity', max: number): void => {
      const value = map.number(key);
      if (value === undefined) return;
      if (value < 0 || value > max) map.issue(key, `‘${key}’ is a score from 0 to ${max}`);
      else result[field] = value;
    };
    number('min_subjectivity', 'minSubjectivity', 1);
    number('min_polarity', 'minPolarity', 1);
    number('min_intensity', 'minIntensity', 3);
    for (const key of ['words', 'ignore', 'genres'] as const) {
      const list = map.stringList(key);
      if (list) result[key] = list.map((word) => word.toLowerCase());
    }
    return result;
  },

  merge(base, over) {
    return {
      minSubjectivity: over.minSubjectivity ?? base.minSubjectivity,
      minPolarity: over.minPolarity ?? base.minPolarity,
      minIntensity: over.minIntensity ?? base.minIntensity,
      words: [...new Set([...base.words, ...(over.words ?? [])])],
      ignore: [...new Set([...base.ignore, ...(over.ignore ?? [])])],
      genres: [...new Set([...base.genres, ...(over.genres ?? [])])],
    };
  },
};

/**
 * The forms an adjective takes in running text: Dutch adds -e with its spelling changes (groot →
 * grote, lief → lieve, dom → domme, boos → boze), English makes adverbs (shocking → shockingly).
 * Forms that do not exist do no harm: they are never found.
 */
export function adjectiveForms(word: string, language: string): string[] {
  const forms = new Set([word]);
  if (language === 'nl' && !word.endsWith('e')) {
    const last = word.slice(-1);
    const soft = (stem: string): string => stem.replace(/f$/, 'v').replace(/s$/, 'z');
    forms.add(`${word}e`);
    const longVowel = /([aeou])\1([^aeiou])$/.exec(word);
    if (longVowel) forms.add(`${soft(word.slice(0, -3) + longVowel[1] + longVowel[2])}e`);
    if (/(?:ie|ij|ei|ui|ou|eu|oe)[fs]$/.test(word)) forms.add(`${soft(word)}e`);
    if (/(?:^|[^aeiou])[aeiou][^aeiouwjh]$/.test(word) && !/(?:ig|lijk|en|el|er|em|es|et)$/.test(word)) {
      forms.add(`${word}${last}e`);
    }
  }
  if (language === 'en') {
    if (/y$/.test(word)) forms.add(`${word.slice(0, -1)}ily`);
    else if (/le$/.test(word)) forms.add(`${word.slice(0, -1)}y`);
    else if (/ic$/.test(word)) forms.add(`${word}ally`);
    else forms.add(`${word}ly`);
  }
  return [...forms];
}

export const toneCheck: CheckKind<Record<string, never>, ToneSettings> = {
  description: 'judging words (strongly subjective adjectives) in straight news, outside quotes',
  keys: [],
  settings,

  readOptions: () => ({}),

  compile(rules: readonly ActiveRule<Record<string, never>>[], language: string, config: ToneSettings) {
    const ignore = new Set(config.ignore);
    const index = new PhraseIndex<true>(stemmerFor(language));
    const add = (word: string): void => {
      if (!ignore.has(word)) for (const form of adjectiveForms(word, language)) index.add(form, 'lower', true);
    };
    for (const [word, polarity, subjectivity, intensity] of toneLexicon(language)) {
      if (
        subjectivity >= config.minSubjectivity &&
        (Math.abs(polarity) >= config.minPolarity || intensity >= config.minIntensity)
      ) {
        add(word);
      }
    }
    config.words.forEach(add);
    const genres = new Set(config.genres);

    return {
      document(context: DocumentContext, emit: (hit: DocumentHit) => void) {
        // An opinion piece, column, review or interview may judge.
        if (index.isEmpty || hasGenre(context, genres)) return;
        for (const block of context.blocks) {
          if (block.language !== language || block.inBlockQuote || block.kind === 'imageAlt') continue;
          index.match(block, (start, end) => {
            // "the Most Brilliant Order of the Sun": part of a name, not a judgement.
            if (isNameOrTitle(block, start)) return;
            // Any quotation marks count here, also around a single word: the writer is quoting it.
            const quoted = block.quotes().some((q) => q.start <= start && end <= q.end);
            const hit = {
              range: block.range(start, end),
              match: block.text.slice(start, end),
              inQuote: quoted,
              at: { block, start, end },
            };
            for (const rule of rules) emit({ ...hit, rule });
          });
        }
      },
    };
  },
};
