import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The scores of natural's sentiment lexicons (the pattern lexicons for Dutch and English: the
 * JSON files, not natural's slower analyser): per adjective, how positive or negative it is
 * (polarity, -1 to 1), how much it is an opinion rather than a fact (subjectivity, 0 to 1) and
 * how strong (intensity, around 1; higher is stronger). The build copies the subjective words to
 * dist/tone-lexicon.json, so a run reads a few kilobytes instead of natural's megabyte.
 */

/** A word with its polarity, subjectivity and intensity. */
export type ToneEntry = readonly [word: string, polarity: number, subjectivity: number, intensity: number];

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

/**
 * Per language, the words in the lexicon's order. An array of entries rather than an object keyed
 * by word: a run parses and walks it in a fraction of the time (an object with two thousand keys
 * is a dictionary, slow to read in order), and a one-draft run compiles the tone check first thing.
 */
type Compact = Record<string, ToneEntry[]>;

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
    // A form listed twice keeps its first place and its last scores.
    const words = new Map<string, [number, number, number]>();
    for (const entry of Object.values(JSON.parse(read(module)) as Record<string, NaturalEntry>)) {
      const form = entry.form ?? '';
      // Capitalised entries are names of places and peoples ("Amsterdams"), not judgements.
      if (!form || form !== form.toLowerCase() || !['JJ', 'RB', ''].includes(entry.pos ?? '')) continue;
      const scores: [number, number, number] = [Number(entry.polarity), Number(entry.subjectivity), Number(entry.intensity)];
      if (scores.some(Number.isNaN) || scores[1] < KEEP_SUBJECTIVITY) continue;
      words.set(form, scores);
    }
    result[language] = Array.from(words, ([form, scores]) => [form, ...scores] as const);
  }
  return result;
}

let lexicons: Compact | undefined;

/** The subjective words of a language with their scores; empty for a language without a lexicon. */
export function toneLexicon(language: string): readonly ToneEntry[] {
  lexicons ??= loadLexicons();
  return lexicons[language] ?? [];
}

function loadLexicons(): Compact {
  const built = new URL(`./${TONE_JSON}`, import.meta.url);
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as Compact;
  // Run from source (tests): read natural's files themselves.
  const require = createRequire(import.meta.url);
  return extractToneLexicons((module) => readFileSync(require.resolve(module), 'utf8'));
}
