import candidates from './candidates.json' with { type: 'json' };
import { PerWord, type WordNumbers } from './vocabulary.js';

/**
 * Language detection. franc (the franc-min build) is restricted to a few candidates and only asked
 * when a text is long enough: on its own it calls short Dutch text Danish or Afrikaans. It is loaded
 * on first use, since a draft that declares its language never needs it.
 */

/**
 * ISO 639-1 codes eindred can tell apart, mapped to franc's ISO 639-3 codes. In a JSON file of its
 * own because the build reads it too: the bundle carries franc's language models for these alone.
 */
export const CANDIDATES: Readonly<Record<string, string>> = candidates;

/** Scripts that no candidate language is written in: their letters, and their names in a report. */
const SCRIPTS: readonly { code: string; letter: RegExp; nl: string; en: string }[] = [
  { code: 'und-Arab', letter: /\p{Script=Arabic}/u, nl: 'Arabische schrift', en: 'Arabic script' },
  { code: 'und-Cyrl', letter: /\p{Script=Cyrillic}/u, nl: 'Cyrillische schrift', en: 'Cyrillic script' },
  { code: 'und-Deva', letter: /\p{Script=Devanagari}/u, nl: 'Devanagari-schrift', en: 'Devanagari script' },
  { code: 'und-Grek', letter: /\p{Script=Greek}/u, nl: 'Griekse schrift', en: 'Greek script' },
  { code: 'und-Hang', letter: /\p{Script=Hangul}/u, nl: 'Koreaanse schrift', en: 'Korean script' },
  { code: 'und-Jpan', letter: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, nl: 'Japanse schrift', en: 'Japanese script' },
  { code: 'und-Hani', letter: /\p{Script=Han}/u, nl: 'Chinese schrift', en: 'Chinese script' },
  { code: 'und-Hebr', letter: /\p{Script=Hebrew}/u, nl: 'Hebreeuwse schrift', en: 'Hebrew script' },
  { code: 'und-Thai', letter: /\p{Script=Thai}/u, nl: 'Thaise schrift', en: 'Thai script' },
];

export const LANGUAGE_NAMES: Readonly<Record<string, { nl: string; en: string }>> = {
  nl: { nl: 'Nederlands', en: 'Dutch' },
  en: { nl: 'Engels', en: 'English' },
  de: { nl: 'Duits', en: 'German' },
  fr: { nl: 'Frans', en: 'French' },
  es: { nl: 'Spaans', en: 'Spanish' },
  und: { nl: 'een onbekende taal', en: 'an unknown language' },
  // Text in a script none of the candidates is written in, named by its script (BCP 47 und-Xxxx).
  ...Object.fromEntries(SCRIPTS.map(({ code, nl, en }) => [code, { nl, en }])),
  'und-Zzzz': { nl: 'niet-Latijnse schrift', en: 'a non-Latin script' },
};

/** Below this many letters, a block is too short to say it is in another script. */
const MIN_SCRIPT_LETTERS = 12;

/**
 * The script of a text whose letters are mostly not Latin (a Hindi or Russian paragraph in an
 * English article), as `und-Xxxx`, or undefined for Latin text. Japanese counts as such when it
 * has any kana; otherwise Chinese characters count as Chinese.
 */
export function otherScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  let latin = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) (letters++, latin++);
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Latin}/u.test(ch)) {
      latin++;
      continue;
    }
    const script = SCRIPTS.find(({ letter }) => letter.test(ch))?.code ?? 'und-Zzzz';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters < MIN_SCRIPT_LETTERS || latin * 2 >= letters) return undefined;
  if (counts.has('und-Jpan')) return 'und-Jpan';
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Frequent function words that belong to one candidate only: not "de", "en", "die", "in", and
 * not the words Dutch and English share ("of", "we", "had", "met", "door").
 */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  nl: new Set(
    'het een van niet zijn wordt werd heeft hebben ook maar naar bij deze dit geen zal zou omdat wel meer voor op dat er nog dan als uit om te tot worden hij zij ze ik je wij mijn onze zegt volgens'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the and to that it for on with as by he she they you have has not but from this are were be been which will would at an or its their his her said who'.split(
      ' ',
    ),
  ),
  de: new Set('der das und ist nicht ein eine zu den dem mit sich auf für wird wurde auch sind ich nach bei'.split(' ')),
  fr: new Set('le les des du et est une pour dans sur avec ce il elle sont au aux pas qui'.split(' ')),
  es: new Set('el los las del y una por con para su al lo como más pero está son'.split(' ')),
};

const LANGUAGE_OF_WORD = new Map<string, string>(
  Object.entries(FUNCTION_WORDS).flatMap(([language, words]) => [...words].map((word) => [word, language] as const)),
);

const LANGUAGES = Object.keys(FUNCTION_WORDS);
/** Per word number: 1 for no function word, 2 + i for a function word of LANGUAGES[i]. */
const languageOfNumber = new PerWord();

/** Votes per index into LANGUAGES while one call counts them; all 0 between calls. */
const counts = new Int32Array(LANGUAGES.length);

/**
 * Votes of function words per language among a block's first `limit` words, in the order in
 * which the languages first got one: each distinct word is looked up once per run, by its number,
 * and counted in a typed array (a Map per block, updated at every "the" and "de", was most of what
 * this cost), cheap enough for every block.
 */
export function functionWordVotes(numbers: WordNumbers, limit = numbers.ids.length): Map<string, number> {
  const { ids, words } = numbers;
  const order: number[] = [];
  languageOfNumber.follow(numbers.generation);
  for (let i = 0; i < Math.min(ids.length, limit); i++) {
    const id = ids[i]!;
    let known = languageOfNumber.get(id);
    if (known === 0) {
      const language = LANGUAGE_OF_WORD.get(words[id]!);
      languageOfNumber.set(id, (known = language ? 2 + LANGUAGES.indexOf(language) : 1));
    }
    if (known > 1 && counts[known - 2]!++ === 0) order.push(known - 2);
  }
  const votes = new Map<string, number>();
  for (const language of order) {
    votes.set(LANGUAGES[language]!, counts[language]!);
    counts[language] = 0;
  }
  return votes;
}

/**
 * The language the function words clearly point to, or undefined when they are few or mixed: a
 * news article of some length names its language in hundreds of "de/het/een" or "the/of/and",
 * and franc is needed only for the rest.
 */
export function clearVote(votes: ReadonlyMap<string, number>, minimum = 12): string | undefined {
  let best: string | undefined;
  let first = 0;
  let second = 0;
  for (const [language, count] of votes) {
    if (count > first) {
      second = first;
      first = count;
      best = language;
    } else if (count > second) {
      second = count;
    }
  }
  return first >= minimum && first >= 5 * second ? best : undefined;
}

export type Detector = (text: string) => string | undefined;

let detectorPromise: Promise<Detector> | null = null;

export function loadDetector(): Promise<Detector> {
  detectorPromise ??= import('franc-min').then(({ franc }) => {
    const only = Object.values(CANDIDATES);
    const back = new Map(Object.entries(CANDIDATES).map(([iso1, iso3]) => [iso3, iso1]));
    return (text: string) => {
      const code = franc(text, { only, minLength: 20 });
      return back.get(code);
    };
  });
  return detectorPromise;
}
