/**
 * natural's English Porter stemmer (natural/lib/natural/stemmers/porter_stemmer.js), step by step
 * the same, with its regular expressions written out as string operations. natural builds a new
 * regular expression for every suffix it tries and runs some thirty expressions per word; on a
 * batch of news text the stemmer was a tenth of the checking time, most of it before V8 had
 * optimised anything. Its results are natural's, quirks included (test/language/porter.test.ts
 * compares the two on every word of the corpora and on random strings): the stems in the built-in
 * packs and in users' packs must not change.
 */

const VOWELS = 'aeiou';
const isVowel = (char: string): boolean => VOWELS.includes(char);

const C = 1;
const V = 2;
/** The groups of the last word categorised, one symbol each (C or V); grown for long words. */
let groups = new Uint8Array(64);

/**
 * natural's categorizeGroups, as symbols in `groups`; returns how many. natural rewrites the word
 * with /[^aeiouy]+y/g → 'CV', then /[aeiou]+/g → 'V', then /[^V]+/g → 'C': a run of consonants
 * (anything but a, e, i, o, u, y) followed by a y becomes C and V; a run of vowels one V; every run
 * of what is left one C. The V of a "CV" stays a V of its own, even before a vowel ("CVV").
 */
function categorizeGroups(token: string): number {
  if (groups.length < token.length + 1) groups = new Uint8Array(token.length * 2);
  let n = 0;
  let i = 0;
  while (i < token.length) {
    const char = token[i]!;
    if (char !== 'y' && !isVowel(char)) {
      // A maximal run of consonants: followed by a y, it and the y become "CV".
      let end = i;
      while (end < token.length && token[end] !== 'y' && !isVowel(token[end]!)) end++;
      if (n === 0 || groups[n - 1] !== C) groups[n++] = C;
      if (token[end] === 'y') {
        groups[n++] = V;
        i = end + 1;
      } else {
        i = end;
      }
    } else if (char === 'y') {
      // A y after a vowel, after a "CV" or at the start is not a vowel.
      if (n === 0 || groups[n - 1] !== C) groups[n++] = C;
      i++;
    } else {
      while (i < token.length && isVowel(token[i]!)) i++;
      groups[n++] = V;
    }
  }
  return n;
}

/** Whether natural's categorizeGroups(token) has a V (before its last symbol, with `skipLast`). */
function hasVowelGroup(token: string, skipLast = false): boolean {
  const n = categorizeGroups(token) - (skipLast ? 1 : 0);
  for (let i = 0; i < n; i++) if (groups[i] === V) return true;
  return false;
}

/** natural's categorizeChars: /[^aeiouy]y/g → 'CV', then each vowel 'V', each other character 'C'. */
function categorizeChars(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    const char = token[i]!;
    if (char !== 'y' && !isVowel(char) && token[i + 1] === 'y') {
      out += 'CV';
      i += 2;
    } else {
      out += isVowel(char) ? 'V' : 'C';
      i++;
    }
  }
  return out;
}

/** natural's measure: the groups without a leading C and a trailing V, halved. */
function measure(token: string | null): number {
  if (!token) return -1;
  const n = categorizeGroups(token);
  const from = groups[0] === C ? 1 : 0;
  const to = n > from && groups[n - 1] === V ? n - 1 : n;
  return (to - from) / 2;
}

/** /([^aeiou])\1$/ */
function endsWithDoubleConsonant(token: string): boolean {
  const last = token[token.length - 1];
  return token.length >= 2 && last === token[token.length - 2] && !isVowel(last!);
}

/** natural's attemptReplace with a plain suffix: the token with `suffix` replaced, or null. */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  return token.endsWith(suffix) ? token.slice(0, token.length - suffix.length) + replacement : null;
}

/** natural's attemptReplacePatterns: every pattern is tried, on the text as the earlier ones left it. */
function replacePatterns(token: string, replacements: readonly (readonly [string, string])[], threshold?: number): string {
  let replacement = token;
  for (const [suffix, by] of replacements) {
    if (threshold === undefined || measure(replaceSuffix(token, suffix, '')) > threshold) {
      replacement = replaceSuffix(replacement, suffix, by) || replacement;
    }
  }
  return replacement || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (token.endsWith('ies')) return token.slice(0, -2);
  if (token.endsWith('s') && token[token.length - 2] !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

const STEP1B = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
] as const;

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    return measure(token.slice(0, -3)) > 0 ? token.slice(0, -1) : token;
  }
  const suffix = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  if (suffix === 0) return token;
  const stripped = token.slice(0, -suffix);
  // natural treats an empty remainder as no match.
  if (!stripped || !hasVowelGroup(stripped)) return token;
  const replaced = replacePatterns(stripped, STEP1B);
  if (replaced !== stripped) return replaced;
  const last = stripped[stripped.length - 1]!;
  if (endsWithDoubleConsonant(stripped) && !'lsz'.includes(last)) return stripped.slice(0, -1);
  if (measure(stripped) === 1 && categorizeChars(stripped).slice(-3) === 'CVC' && !'wxy'.includes(last)) return `${stripped}e`;
  return stripped;
}

function step1c(token: string): string {
  return token.endsWith('y') && hasVowelGroup(token, true) ? `${token.slice(0, -1)}i` : token;
}

const STEP2 = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
] as const;

const STEP3 = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
] as const;

/** Suffixes of step 4, longest first: natural's /^(.+?)(al|ance|…)$/ keeps the shortest stem. */
const STEP4 = [
  'ement',
  'ance',
  'ence',
  'able',
  'ible',
  'ment',
  'ant',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'al',
  'er',
  'ic',
  'ou',
];

function step4(token: string): string {
  for (const suffix of STEP4) {
    if (token.length > suffix.length && token.endsWith(suffix)) {
      const stem = token.slice(0, -suffix.length);
      if (measure(stem) > 1) return stem;
      break;
    }
  }
  if (token.length > 4 && (token.endsWith('sion') || token.endsWith('tion'))) {
    const stem = token.slice(0, -3);
    if (measure(stem) > 1) return stem;
  }
  return token;
}

function step5a(token: string): string {
  if (!token.endsWith('e')) return token;
  const m = measure(token.slice(0, -1));
  if (m > 1) return token.slice(0, -1);
  if (m !== 1) return token;
  const cvc = categorizeChars(token).substr(-4, 3) === 'CVC' && token.length >= 2 && !'wxy'.includes(token[token.length - 2]!);
  return cvc ? token : token.slice(0, -1);
}

function step5b(token: string): string {
  return token.endsWith('ll') && measure(token) > 1 ? token.slice(0, -1) : token;
}

export function stemEnglish(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(word.toLowerCase()))), STEP2, 0), STEP3, 0))));
}
