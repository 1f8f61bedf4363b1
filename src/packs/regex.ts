import type { AST } from '@eslint-community/regexpp';
import { commonJs } from '../interop.js';

/**
 * Regular expressions from packs. They run on the JavaScript engine, which backtracks, so a pack
 * from outside eindred is checked for patterns that can backtrack catastrophically before it is
 * used: nested quantifiers (`(a+)+`), and quantified alternatives that can match the same text
 * (`(a|a)*`, `(\w|\d)+`). Built-in packs are checked by the test suite instead of at every start.
 */

export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Compile a pack pattern; returns the error text when it is not a valid expression. */
export function compilePattern(source: string, caseSensitive: boolean): RegExp | string {
  try {
    return new RegExp(source, caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/**
 * Why a pattern is unsafe to run on untrusted text, or null when it is safe. Loaded on demand: the
 * analysis libraries cost ~40 ms to load, and only packs from outside eindred need them.
 */
export async function regexHazard(source: string, flags: string): Promise<string | null> {
  const { RegExpParser } = commonJs(await import('@eslint-community/regexpp'));
  const { analyse } = commonJs(await import('scslre'));
  const ast = commonJs(await import('regexp-ast-analysis'));
  const literal = new RegExpParser({ ecmaVersion: 2025 }).parseLiteral(`/${source.replace(/\//g, '\\/')}/${flags}`);
  const result = analyse(literal, { reportTypes: { Move: false, Trade: false } });
  for (const report of result.reports) {
    if (report.type === 'Self' || report.exponential) {
      const quantifier = report.type === 'Self' ? report.parentQuant.raw : source;
      return `‘${quantifier}’ can backtrack catastrophically (a quantifier inside a quantifier matches the same text in exponentially many ways); rewrite it without nesting, e.g. ‘(a+)+’ → ‘a+’`;
    }
  }
  // Alternatives under an unbounded quantifier that can start with the same character: (a|ab)*.
  return overlappingAlternatives(literal.pattern, literal.flags, ast.getFirstConsumedChar);
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
