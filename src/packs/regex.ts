import type { AST } from '@eslint-community/regexpp';
import type { RegexToCheck } from '../checks/types.js';
import { commonJs } from '../interop.js';
import { isWordUnit } from '../language/tokens.js';

/**
 * Regular expressions from packs. They run on the JavaScript engine, which backtracks, so a pack
 * from outside eindred is checked for patterns that can backtrack catastrophically before it is
 * used: nested quantifiers (`(a+)+`), and quantified alternatives that can match the same text
 * (`(a|a)*`, `(\w|\d)+`). Built-in packs are checked when eindred is built.
 */

/**
 * Letters, marks and digits of the Latin, Greek and Cyrillic scripts: a stand-in for
 * [\p{L}\p{M}\p{N}] inside expressions. V8 takes ~0.4 ms to compile each Unicode property class,
 * and every whole-word pattern would hold two; this class costs next to nothing. Matches are
 * checked against [\p{L}\p{M}\p{N}] afterwards (splitsWord, through isWordUnit), so other scripts stay
 * correct.
 */
const W = '[0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u036F\\u0386-\\u03FF\\u0400-\\u052F]';

/**
 * A pattern whose matches may not end inside a word (JavaScript's `\b` only knows ASCII letters).
 * The end is checked inside the expression, so that the engine backtracks to a longer
 * alternative (`veroorzaakt|veroorzaakte`) instead of giving up; `splitsWord` checks the start
 * after the match (a lookbehind at the start would make V8 try every position the slow way).
 */
export function wholeWords(source: string): string {
  return `(?:${source})(?:(?!${W})|(?<!${W}))`;
}

/** Unicode properties that do not depend on case: the same on lower-cased text. */
const CASELESS_PROPERTY =
  /^(?:L|Letter|M|Mark|N|Number|Nd|P|Punctuation|S|Symbol|Z|Separator|Zs|(?:Script|sc|Script_Extensions|scx)=\w+)$/;

/**
 * The case-insensitive pattern rewritten to run case-sensitively on the text as lowerAligned gives
 * it, which V8 does two to three times faster: ASCII capitals outside escapes become small
 * letters (`AI` → `ai`, `[A-Z]` → `[a-z]`). Null when that could change what matches: a capital
 * beyond ASCII, a case property such as `\p{Lu}`, a range like `[A-z]`, or a typographic
 * apostrophe (lowerAligned makes those straight).
 */
export function lowerCasePattern(source: string): string | null {
  // Most patterns are plain ASCII in small letters: nothing to do. Capitals, letters beyond ASCII
  // and character codes (\u0056 is a V) take the long way.
  if (!/[A-Z’]|[^\x00-\x7f]|\\[ux]/.test(source)) return source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      // Escapes are kept as written: \D \W \B, \u00C9, \x4A, \cJ, \k<Name>, \p{L}.
      let end = i + 1;
      if (next === 'p' || next === 'P') {
        end = source.indexOf('}', i);
        if (source[i + 2] !== '{' || end < 0 || !CASELESS_PROPERTY.test(source.slice(i + 3, end))) return null;
      } else if (next === 'k') end = source.indexOf('>', i);
      else if (next === 'u') end = source[i + 2] === '{' ? source.indexOf('}', i) : i + 5;
      else if (next === 'x') end = i + 3;
      else if (next === 'c') end = i + 2;
      if (end < 0) return null;
      // A capital written as a code (\u00C9) would not match its small letter any more.
      if (next === 'u' || next === 'x') {
        const code = Number.parseInt(source.slice(i + 2, end + 1).replace(/[{}]/g, ''), 16);
        const char = Number.isNaN(code) ? '' : String.fromCodePoint(code);
        if (char.toLowerCase() !== char) return null;
      }
      out += source.slice(i, end + 1);
      i = end;
      continue;
    }
    if (!inClass && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      // A group name: kept as written.
      const end = source.indexOf('>', i);
      if (end < 0) return null;
      out += source.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    if (ch === '’') return null;
    const lower = ch.toLowerCase();
    if (lower === ch) {
      out += ch;
      continue;
    }
    if (ch > '\x7f') return null;
    // In a class, a range must run from capital to capital: [A-Z] → [a-z], but not [A-z].
    if (inClass && source[i + 1] === '-' && source[i + 2] !== ']' && !/[A-Z]/.test(source[i + 2] ?? '')) return null;
    if (inClass && source[i - 1] === '-' && !/[A-Z]/.test(source[i - 2] ?? '')) return null;
    out += lower;
  }
  return out;
}

/** The index of the `)` that closes the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The pattern inside `\b(?:…)` when anchorAtWordStart made it, else null. */
export function anchoredInner(source: string): string | null {
  return source.startsWith('\\b(?:') && closingParen(source, 2) === source.length - 1 ? source.slice(5, -1) : null;
}

/** Long enough that V8 compiles an expression to machine code on its first run (see machineCode). */
const TIER_UP_TEXT = ' '.repeat(1000);
const compiledToMachineCode = new WeakSet<RegExp>();

/**
 * The expression, compiled to machine code before its first real run. V8 otherwise compiles an
 * expression to bytecode, interprets its first run and compiles machine code for the second: for
 * the long alternations of packs (claim and disclosure lists of up to 4,700 characters) the bytecode
 * and that one interpreted run cost three times what the machine code does (the 26 longest
 * expressions of the built-in packs, run on a sentence six times each: 47 ms → 15 ms in a fresh
 * process), and every draft checked in a fresh process pays it. V8 skips the interpreter when the
 * text is 1,000 characters or longer (JSRegExp::kTierUpForSubjectLengthValue); tried at the end of
 * such a text, the expression reads next to nothing of it. Only for global and sticky expressions,
 * which start where lastIndex says; lastIndex is 0 afterwards.
 */
export function machineCode(regex: RegExp): RegExp {
  if (!compiledToMachineCode.has(regex)) {
    compiledToMachineCode.add(regex);
    if (regex.global || regex.sticky) {
      regex.lastIndex = TIER_UP_TEXT.length;
      regex.test(TIER_UP_TEXT);
    }
  }
  regex.lastIndex = 0;
  return regex;
}

/**
 * Run a global expression over `subject` (the text, or its lowerAligned copy) and call `visit`
 * with every non-empty match that, when `wholeWord`, does not begin or end inside a word of
 * `text`. `visit` returns false to stop early.
 */
export function eachMatch(
  regex: RegExp,
  subject: string,
  text: string,
  wholeWord: boolean,
  visit: (start: number, end: number) => boolean | void,
): void {
  machineCode(regex);
  for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start || (wholeWord && splitsWord(text, start, end))) {
      regex.lastIndex = start + 1;
      continue;
    }
    if (visit(start, end) === false) return;
  }
}

/** Whether text[start, end) begins or ends inside a word. */
export function splitsWord(text: string, start: number, end: number): boolean {
  return (
    (start > 0 && start < text.length && isWordUnit(text.charCodeAt(start)) && isWordUnit(text.charCodeAt(start - 1))) ||
    (end < text.length && end > 0 && isWordUnit(text.charCodeAt(end)) && isWordUnit(text.charCodeAt(end - 1)))
  );
}

/** Compile a pack pattern; returns the error text when it is not a valid expression. */
export function compilePattern(source: string, caseSensitive: boolean): RegExp | string {
  try {
    return new RegExp(source, caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** Analyse the regular expressions a pack or config holds; problems go to where they came from. */
export async function checkRegexes(regexes: readonly RegexToCheck[]): Promise<void> {
  for (const regex of regexes) {
    const analysis = await analyzeRegex(regex.source, regex.flags);
    if (analysis.hazard) regex.report(analysis.hazard);
    regex.analyzed?.(analysis);
  }
}

export interface RegexAnalysis {
  /** Why the pattern is unsafe to run on untrusted text, or null when it is safe. */
  hazard: string | null;
  /**
   * Texts of which every match contains at least one (in lower case when the pattern ignores
   * case), or null when there are none to be found. A block that holds none of them cannot match,
   * so the regular expression does not have to run on it.
   */
  literals: string[] | null;
  /**
   * Whether every match starts with an ASCII letter or digit. Such a pattern can be anchored with
   * `\b` (see anchorAtWordStart), which V8 checks before trying the alternatives: two to three
   * times faster on long word lists.
   */
  wordStart: boolean;
}

/** Letters that match an ASCII letter when ignoring case: ſ (s) and the Kelvin sign (k). */
const ASCII_CASE_FOLDS = [0x17f, 0x212a];

function asciiWordChars(ranges: readonly { min: number; max: number }[]): boolean {
  const word = [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ];
  return (
    ranges.length > 0 &&
    ranges.every(
      ({ min, max }) => word.some(([from, to]) => min >= from! && max <= to!) || (min === max && ASCII_CASE_FOLDS.includes(min)),
    )
  );
}

/**
 * Anchor a whole-word pattern whose matches start with an ASCII letter or digit at a word start.
 * The match is unchanged, since a whole-word match cannot start inside a word anyway (save right
 * after an underscore, which \b counts as a letter): only the places V8 tries become fewer.
 */
export function anchorAtWordStart(source: string): string {
  return `\\b(?:${source})`;
}

/**
 * Analyse a pack pattern once, when the pack is read. Loaded on demand: the analysis libraries
 * cost ~40 ms to load, and built-in packs are analysed when eindred is built.
 */
export async function analyzeRegex(source: string, flags: string): Promise<RegexAnalysis> {
  const { RegExpParser } = commonJs(await import('@eslint-community/regexpp'));
  const { analyse } = commonJs(await import('scslre'));
  const ast = commonJs(await import('regexp-ast-analysis'));
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const parsedFlags = parser.parseFlags(flags);
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: parsedFlags.unicode });
  const literals = requiredLiterals(pattern, parsedFlags.ignoreCase);
  const first = ast.getFirstConsumedChar(pattern.alternatives, 'ltr', parsedFlags);
  const wordStart = !first.empty && asciiWordChars(first.char.ranges);
  // eindred never runs a pattern as written: it adds a word-boundary test after it and joins lists into
  // alternations, so any pattern may be followed by something that fails (scslre's heuristic assumes
  // the pattern runs alone, and lets `(a+)+` through).
  const result = analyse(
    { pattern, flags: parsedFlags },
    { reportTypes: { Move: false, Trade: false }, assumeRejectingSuffix: true },
  );
  for (const report of result.reports) {
    if (report.type === 'Self' || report.exponential) {
      const quantifier = report.type === 'Self' ? report.parentQuant.raw : source;
      return {
        hazard: `‘${quantifier}’ can backtrack catastrophically (a quantifier inside a quantifier matches the same text in exponentially many ways); rewrite it without nesting, e.g. ‘(a+)+’ → ‘a+’`,
        literals,
        wordStart,
      };
    }
  }
  // Alternatives under an unbounded quantifier that can start with the same character: (a|ab)*.
  return { hazard: overlappingAlternatives(pattern, parsedFlags, ast.getFirstConsumedChar), literals, wordStart };
}

/**
 * Texts of which every match holds at least one: per top-level alternative, the most selective of
 * its runs of plain characters and its groups of alternatives that all hold such a text ("as an?
 * (?:language model|chatbot)" → language model, chatbot). Null when some alternative has none.
 */
function requiredLiterals(pattern: AST.Pattern | AST.Group | AST.CapturingGroup, ignoreCase: boolean): string[] | null {
  const literals: string[] = [];
  for (const alternative of pattern.alternatives) {
    const options: string[][] = [];
    let run = '';
    const endRun = (): void => {
      if (run) options.push([run]);
      run = '';
    };
    for (const element of alternative.elements) {
      const char = element.type === 'Character' ? String.fromCodePoint(element.value) : null;
      // Under `i`, only characters whose lower case is unambiguous (ASCII, non-letters).
      if (char !== null && (!ignoreCase || /^[\x00-\x7f]$|^[^\p{L}]$/u.test(char))) {
        run += ignoreCase ? char.toLowerCase() : char;
        continue;
      }
      endRun();
      if (element.type === 'Group' || element.type === 'CapturingGroup') {
        const inner = requiredLiterals(element, ignoreCase);
        if (inner) options.push(inner);
      }
    }
    endRun();
    // The most selective: the rarest shortest text, then the fewest texts.
    const least = (texts: string[]): number => Math.min(...texts.map(rarity));
    const best = options.sort((a, b) => least(b) - least(a) || a.length - b.length)[0];
    if (!best) return null;
    literals.push(...best);
  }
  return literals;
}

/**
 * How rarely a text occurs in prose, roughly: each letter, digit or space counts one, any other
 * character five. A short word is inside many others ("date" in "candidate", "name" in "surname"),
 * while brackets, braces and question marks are rare: `\[(?:name|date|…)\]` is looked for by its
 * "[", which skips almost every block, not by "name" and "date", which let most of them through.
 */
function rarity(text: string): number {
  let score = 0;
  for (const char of text) score += /[\p{L}\p{N}\s]/u.test(char) ? 1 : 5;
  return score;
}

type FirstChar = typeof import('regexp-ast-analysis').getFirstConsumedChar;

function overlappingAlternatives(root: AST.Node, flags: AST.Flags, firstChar: FirstChar): string | null {
  const pending: AST.Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'Quantifier' && node.max === Infinity) {
      const element = node.element;
      if (element.type === 'Group' || element.type === 'CapturingGroup') {
        const alternatives = element.alternatives;
        for (let i = 0; i < alternatives.length; i++) {
          for (let j = i + 1; j < alternatives.length; j++) {
            const a = firstChar(alternatives[i]!, 'ltr', flags);
            const b = firstChar(alternatives[j]!, 'ltr', flags);
            if (!a.char.isDisjointWith(b.char)) {
              return `‘${node.raw}’ can backtrack catastrophically: its alternatives ‘${alternatives[i]!.raw}’ and ‘${alternatives[j]!.raw}’ can match the same text; make them start differently or use a character class`;
            }
          }
        }
      }
    }
    pending.push(...children(node));
  }
  return null;
}

function children(node: AST.Node): AST.Node[] {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives;
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? node.alternatives : [];
    case 'Alternative':
      return node.elements;
    case 'Quantifier':
      return [node.element];
    default:
      return [];
  }
}
