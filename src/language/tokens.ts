/**
 * Word tokens with their offsets in the block text. natural's tokenizers return bare strings, and
 * eindred needs exact positions, so words are found here: letters, marks and digits, with inner
 * apostrophes (auto's, zo'n, don't) kept inside the word. A hyphen splits words ("niet-westers"
 * is "niet" + "westers"); `joinsPhrase` lets phrases run across it.
 *
 * A token is only its offsets: its lower-case form is `lower.slice(start, end)` in the block's
 * `lowerAligned` text, so that checking a batch does not allocate a string per word. A block's
 * words are found once, by the vocabulary, as typed arrays of offsets (scanWords); `tokenize`
 * gives the same words as objects, for the places that want few of them.
 */

export interface Token {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Word characters among the first 128 code points: digits and ASCII letters. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[0-9A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Per UTF-16 code unit: 0 while not yet asked, 1 when it is no word character, 2 when it is. An
 * article's accented letters, curly quotes and dashes are a handful of distinct code units met
 * thousands of times: each is tested against WORD_CHAR once per run, not at every occurrence.
 */
const WORD_UNIT = new Uint8Array(0x10000);

/** Whether a code unit, on its own, is a letter, mark or digit (a lone surrogate is none). */
export function isWordUnit(code: number): boolean {
  let known = WORD_UNIT[code]!;
  if (known === 0) WORD_UNIT[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/** Length (1 or 2 code units) of the word character at `i`, or 0 when it is not one. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code]!;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return isWordUnit(code) ? 1 : 0;
}

/**
 * The words the last `scanWords` call found: word i is text[starts[i], ends[i]), and hashes[i] is
 * the FNV-1a hash of its code units (what the vocabulary files it under). Overwritten by the next
 * call, and replaced by larger arrays when a text has more words: read the fields after the call.
 */
export const scanned = {
  starts: new Int32Array(1024),
  ends: new Int32Array(1024),
  hashes: new Int32Array(1024),
};

/** Twice the room in `scanned`, keeping what it holds. */
function growScanned(): void {
  for (const key of ['starts', 'ends', 'hashes'] as const) {
    const grown = new Int32Array(scanned[key].length * 2);
    grown.set(scanned[key]);
    scanned[key] = grown;
  }
}

/**
 * A hand-written scanner, the one that finds words everywhere: tokenising is the largest part of
 * checking a batch. It hashes each word as it reads it, so that numbering a block's words reads
 * their characters once (see vocabulary.ts). Returns how many words `scanned` now holds.
 */
export function scanWords(text: string): number {
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    // ASCII inline: this loop runs once per character of every draft.
    let code = text.charCodeAt(i);
    let width = code < 128 ? ASCII_WORD[code]! : wordCharAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      hash = Math.imul(hash ^ code, 0x01000193);
      if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
      i += width;
      if (i >= length) break;
      code = text.charCodeAt(i);
      width = code < 128 ? ASCII_WORD[code]! : wordCharAt(text, i);
      // An apostrophe between word characters stays inside the word: zo'n, auto’s, don't.
      if (width === 0 && (code === 0x27 || code === 0x2019) && i + 1 < length && wordCharAt(text, i + 1) > 0) width = 1;
      if (width === 0) break;
    }
    if (count === scanned.starts.length) growScanned();
    scanned.starts[count] = start;
    scanned.ends[count] = i;
    scanned.hashes[count] = hash;
    count++;
  }
  return count;
}

/** The words of a text with their offsets. */
export function tokenize(text: string): Token[] {
  const count = scanWords(text);
  return tokensOf(scanned.starts, scanned.ends, count);
}

/** Word offsets as tokens: word i is text[starts[i], ends[i]). */
export function tokensOf(starts: Int32Array, ends: Int32Array, count = starts.length): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < count; i++) tokens.push({ start: starts[i]!, end: ends[i]! });
  return tokens;
}

/**
 * The text lower-cased, with typographic apostrophes made straight, and always of the same
 * length, so that offsets into the text are offsets into it. (Where lower-casing a character
 * would change the length, such as İ, that character is kept as it is.)
 */
export function lowerAligned(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    let aligned = '';
    for (const char of text) {
      const one = char.toLowerCase();
      aligned += one.length === char.length ? one : char;
    }
    lower = aligned;
  }
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** The lower-case form of one word, as `lowerAligned` gives it. */
export const normalizeWord = lowerAligned;

/**
 * Whether the text between two tokens lets a phrase run on: spaces, a hyphen, a slash or a line
 * break do; sentence punctuation, brackets and quotes do not.
 */
export function joinsPhrase(gap: string): boolean {
  return gap.length <= 3 && /^[\s\-‐‑–/]*$/u.test(gap) && gap.length > 0;
}
