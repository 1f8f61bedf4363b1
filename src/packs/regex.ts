import type { AST } from '@eslint-community/regexpp';
import type { RegexToCheck } from '../checks/types.js';
import { commonJs } from '../interop.js';

/**
 * Regular expressions from packs. They run on the JavaScript engine, which backtracks, so a pack
 * from outside eindred is checked for patterns that can backtrack catastrophically before it is
 * used: nested quantifiers (`(a+)+`), and quantified alternatives that can match the same text
 * (`(a|a)*`, `(\w|\d)+`). Built-in packs are checked when eindred is built.
 */

export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

const W = '[\\p{L}\\p{M}\\p{N}]';

/**
 * A pattern whose matches may not end inside a word (JavaScript's `\b` only knows ASCII letters).
 * The end is checked inside the expression, so that the engine backtracks to a longer
 * alternative (`veroorzaakt|veroorzaakte`) instead of giving up; `startsInWord` checks the start
 * after the match (a lookbehind at the start would make V8 try every position the slow way).
 */
export function wholeWords(source: string): string {
  return `(?:${source})(?:(?!${W})|(?<!${W}))`;
}

/**
 * Whether a case-insensitive pattern can run case-sensitively on the lower-cased text instead,
 * which V8 does about twice as fast: no upper-case letter outside an escape (`\D`, `\p{Lu}` …
 * keep the slow way) and no typographic apostrophe (lowerAligned makes those straight).
 */
export function lowerCaseSafe(source: string): boolean {
  return !/(?<!\\)[A-Z]|\\[pP]\{|’/.test(source);
}

/** Whether a match starting at `start` begins inside a word. */
export function startsInWord(text: string, start: number): boolean {
  return start > 0 && WORD_CHAR.test(text[start]!) && WORD_CHAR.test(text[start - 1]!);
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
  const result = analyse({ pattern, flags: parsedFlags }, { reportTypes: { Move: false, Trade: false } });
  for (const report of result.reports) {
    if (report.type === 'Self' || report.exponential) {
      const quantifier = report.type === 'Self' ? report.parentQuant.raw : source;
      return {
        hazard: `‘${quantifier}’ can backtrack catastrophically (a quantifier inside a quantifier matches the same text in exponentially many ways); rewrite it without nesting, e.g. ‘(a+)+’ → ‘a+’`,
        literals,
      };
    }
  }
  // Alternatives under an unbounded quantifier that can start with the same character: (a|ab)*.
  return { hazard: overlappingAlternatives(pattern, parsedFlags, ast.getFirstConsumedChar), literals };
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
    // The most selective: the longest shortest text, then the fewest texts.
    const best = options.sort(
      (a, b) => Math.min(...b.map((x) => x.length)) - Math.min(...a.map((x) => x.length)) || a.length - b.length,
    )[0];
    if (!best) return null;
    literals.push(...best);
  }
  return literals;
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
