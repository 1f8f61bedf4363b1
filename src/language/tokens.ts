/**
 * Word tokens with their offsets in the block text. natural's tokenizers return bare strings, and
 * eindred needs exact positions, so words are found here with one Unicode-aware expression: letters,
 * marks and digits, with inner apostrophes (auto's, zo'n, don't) and inner dots in abbreviations
 * (o.a., U.S.) kept inside the word. A hyphen splits words ("niet-westers" is "niet" + "westers")
 * but is remembered, so phrases match across it.
 */

export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  text: string;
  /** Lower-cased, with typographic apostrophes made straight. */
  lower: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const word = m[0];
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      lower: normalizeWord(word),
    });
  }
  return tokens;
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/**
 * Whether the text between two tokens lets a phrase run on: spaces, a hyphen, a slash or a line
 * break do; sentence punctuation, brackets and quotes do not.
 */
export function joinsPhrase(gap: string): boolean {
  return gap.length <= 3 && /^[\s\-‐‑–/]*$/u.test(gap) && gap.length > 0;
}
