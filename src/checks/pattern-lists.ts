import type { MapReader } from '../packs/data-reader.js';
import { lowerAligned } from '../language/tokens.js';
import {
  anchorAtWordStart,
  anchoredInner,
  compilePattern,
  eachMatch,
  lowerCasePattern,
  machineCode,
  splitsWord,
  wholeWords,
} from '../packs/regex.js';
import type { ReadContext } from './types.js';

/**
 * Lists of regular expressions in kind settings (disclosure lines, claim markers …), with
 * `{name}` placeholders filled in from a `words` setting so that a pack spells a vocabulary once.
 */

/** The `words` setting: name → regular expression fragment. */
export function readWords(map: MapReader): Record<string, string> {
  const words: Record<string, string> = {};
  const wordsMap = map.map('words');
  for (const name of wordsMap?.keys() ?? []) {
    const word = wordsMap!.string(name);
    if (word) words[name] = word;
  }
  return words;
}

/** Read a list of patterns, fill in `{name}`, check each compiles; queue them for the safety analysis. */
export function readPatternList(
  map: MapReader,
  key: string,
  words: Record<string, string>,
  context: ReadContext,
): string[] | undefined {
  const patterns = map.stringList(key);
  if (!patterns) return undefined;
  const result: string[] = [];
  for (const pattern of patterns) {
    const full = pattern.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
      const word = words[name];
      if (word !== undefined) return `(?:${word})`;
      map.issue(
        key,
        `‘${whole}’ in ‘${key}’ is not one of the words set under ‘words’ (${Object.keys(words).join(', ') || 'none'})`,
      );
      return whole;
    });
    const compiled = compilePattern(full, false);
    if (typeof compiled === 'string') {
      map.issue(key, `‘${pattern}’ is not a valid regular expression: ${compiled}`);
      continue;
    }
    const at = result.push(full) - 1;
    context.regexes.push({
      source: full,
      flags: compiled.flags,
      report: (message) => map.issue(key, message),
      // Lists always match whole words: anchor them where that is faster (same matches).
      analyzed: (analysis) => {
        if (analysis.wordStart) result[at] = anchorAtWordStart(full);
      },
    });
  }
  return result;
}

/**
 * A list of patterns compiled once into one expression (one scan of a text, not one per
 * pattern), matched case-insensitively unless asked, on whole words.
 */
export class Patterns {
  private readonly regex: RegExp | null;
  /** Matched case-sensitively on the lower-cased text: the same matches, faster. */
  private readonly onLower: boolean;
  /** The expression tried at one place only (atStart), made when first needed. */
  private sticky: RegExp | null = null;

  constructor(sources: readonly string[], caseSensitive = false) {
    const lowered = caseSensitive ? [] : sources.map(lowerCasePattern);
    this.onLower = !caseSensitive && lowered.every((source) => source !== null);
    // Patterns anchored at a word start share one `\b`, which V8 checks before the alternatives.
    const anchored: string[] = [];
    const free: string[] = [];
    for (const source of this.onLower ? (lowered as string[]) : sources) {
      const inner = anchoredInner(source);
      if (inner !== null) anchored.push(`(?:${inner})`);
      else free.push(`(?:${source})`);
    }
    const alternatives = anchored.length > 0 ? [`\\b(?:${anchored.join('|')})`, ...free] : free;
    this.regex =
      sources.length > 0 ? (compilePattern(wholeWords(alternatives.join('|')), caseSensitive || this.onLower) as RegExp) : null;
  }

  get isEmpty(): boolean {
    return this.regex === null;
  }

  /**
   * Every whole-word match, as [start, end) pairs, in text order (leftmost first, no overlaps).
   * `lower`, when given, must be lowerAligned(text).
   */
  all(text: string, lower?: string): [number, number][] {
    const found: [number, number][] = [];
    if (this.regex) eachMatch(this.regex, this.subject(text, lower), text, true, (start, end) => void found.push([start, end]));
    return found;
  }

  /** The first whole-word match, or null. */
  find(text: string, lower?: string): [number, number] | null {
    let found: [number, number] | null = null;
    if (this.regex) {
      eachMatch(this.regex, this.subject(text, lower), text, true, (start, end) => {
        found = [start, end];
        return false;
      });
    }
    return found;
  }

  private subject(text: string, lower: string | undefined): string {
    return this.onLower ? (lower ?? lowerAligned(text)) : text;
  }

  test(text: string, lower?: string): boolean {
    return this.find(text, lower) !== null;
  }

  /** The whole-word match that starts the text, or null: one try, at its first character. */
  atStart(text: string, lower?: string): string | null {
    if (!this.regex) return null;
    const sticky = (this.sticky ??= new RegExp(this.regex.source, `${this.regex.flags}y`));
    machineCode(sticky);
    const m = sticky.exec(this.subject(text, lower));
    return m !== null && m[0].length > 0 && !splitsWord(text, 0, m[0].length) ? text.slice(0, m[0].length) : null;
  }

  /**
   * Whether the expression matches anywhere, before matches that split a word are set aside: false
   * means `find` and `all` find nothing, so one scan can stand in for several lists (see claim.ts).
   */
  mayMatch(text: string, lower?: string): boolean {
    if (!this.regex) return false;
    return machineCode(this.regex).test(this.subject(text, lower));
  }
}
