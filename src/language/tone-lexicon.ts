import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The scores of natural's sentiment lexicons (the pattern lexicons for Dutch and English: the
 * JSON files, not natural's slower analyser): per adjective, how positive or negative it is
 * (polarity, -1 to 1), how much it is an opinion rather than a fact (subjectivity, 0 to 1) and
 * how strong (intensity, around 1; higher is stronger). The build copies the subjective words to
 * dist/tone-lexicon.json, so a run reads a few kilobytes instead of natural's megabyte.
 */

export interface ToneScores {
  polarity: number;
  subjectivity: number;
  intensity: number;
}

export const TONE_JSON = 'tone-lexicon.json';

/** natural's lexicon file per language. */
export const NATURAL_LEXICONS: Readonly<Record<string, string>> = {
  nl: 'natural/lib/natural/sentiment/Dutch/pattern-sentiment-nl.json',
  en: 'natural/lib/natural/sentiment/English/pattern-sentiment-en.json',
};

/**
 * Below this subjectivity a word is a description, not an opinion: not shipped at all (a pack's
 * `min_subjectivity` below it finds no more words).
 */
const KEEP_SUBJECTIVITY = 0.8;

type Compact = Record<string, Record<string, [number, number, number]>>;

interface NaturalEntry {
  form?: string;
  pos?: string;
  polarity?: string;
  subjectivity?: string;
  intensity?: string;
}

/** The subjective adjectives and adverbs of natural's lexicons, in small letters (for the build). */
export function extractToneLexicons(read: (module: string) => string): Compact {
  const result: Compact = {};
  for (const [language, module] of Object.entries(NATURAL_LEXICONS)) {
    const words: Record<string, [number, number, number]> = {};
    for (const entry of Object.values(JSON.parse(read(module)) as Record<string, NaturalEntry>)) {
      const form = entry.form ?? '';
      // Capitalised entries are names of places and peoples ("Amsterdams"), not judgements.
      if (!form || form !== form.toLowerCase() || !['JJ', 'RB', ''].includes(entry.pos ?? '')) continue;
      const scores: [number, number, number] = [Number(entry.polarity), Number(entry.subjectivity), Number(entry.intensity)];
      if (scores.some(Number.isNaN) || scores[1] < KEEP_SUBJECTIVITY) continue;
      words[form] = scores;
    }
    result[language] = words;
  }
  return result;
}

let lexicons: Compact | undefined;

/** The subjective words of a language with their scores; empty for a language without a lexicon. */
export function toneLexicon(language: string): Iterable<[string, ToneScores]> {
  lexicons ??= loadLexicons();
  const words = lexicons[language] ?? {};
  return (function* () {
    for (const word in words) {
      const [polarity, subjectivity, intensity] = words[word]!;
      yield [word, { polarity, subjectivity, intensity }];
    }
  })();
}

function loadLexicons(): Compact {
  const built = new URL(`./${TONE_JSON}`, import.meta.url);
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as Compact;
  // Run from source (tests): read natural's files themselves.
  const require = createRequire(import.meta.url);
  return extractToneLexicons((module) => readFileSync(require.resolve(module), 'utf8'));
}
