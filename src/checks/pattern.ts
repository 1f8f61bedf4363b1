import { anchorAtWordStart, compilePattern, eachMatch, lowerCasePattern, wholeWords } from '../packs/regex.js';
import type { ActiveRule, BlockContext, CheckKind, Hit, Matcher } from './types.js';

export interface PatternOptions {
  /** Regular expression sources; options stay plain data so built-in packs can be precompiled. */
  patterns: string[];
  caseSensitive: boolean;
  /** Only whole words: a match may not start or end inside a word. */
  wholeWord: boolean;
  /** `prose` (default) or `urls`: web addresses, which are otherwise never checked. */
  scope: 'prose' | 'urls';
  /**
   * Per pattern, texts every match contains (lower case when ignoring case), found when the pack
   * was read; a block holding none of them is skipped without running the expression.
   */
  literals: (string[] | null)[];
  /** Per pattern, whether every match starts with an ASCII letter or digit (see anchorAtWordStart). */
  wordStart: boolean[];
}

/**
 * `kind: pattern`: regular expressions (JavaScript syntax, Unicode mode), for what a word list can't
 * express: placeholders like `[bron?]`, numbers, punctuation. Matching is case-insensitive unless
 * `case_sensitive: true`; by default a match must be whole words (JavaScript's `\b` only knows ASCII
 * letters, so eindred checks word edges itself).
 */
export const patternCheck: CheckKind<PatternOptions> = {
  description: 'regular expressions (JavaScript syntax), checked for catastrophic backtracking',
  keys: ['pattern', 'case_sensitive', 'whole_word', 'scope'],

  readOptions(rule, context) {
    const patterns = rule.stringList('pattern');
    if (!patterns || patterns.length === 0) {
      rule.issue(
        rule.has('pattern') ? 'pattern' : null,
        'a pattern rule needs ‘pattern’: one regular expression or a list of them',
      );
      return undefined;
    }
    const caseSensitive = rule.boolean('case_sensitive') ?? false;
    const options: PatternOptions = {
      patterns,
      caseSensitive,
      wholeWord: rule.boolean('whole_word') ?? true,
      scope: rule.oneOf('scope', ['prose', 'urls'] as const) ?? 'prose',
      literals: patterns.map(() => null),
      wordStart: patterns.map(() => false),
    };
    let valid = true;
    patterns.forEach((source, i) => {
      const compiled = compilePattern(source, caseSensitive);
      if (typeof compiled === 'string') {
        rule.issue('pattern', `‘${source}’ is not a valid regular expression: ${compiled}`);
        valid = false;
        return;
      }
      context.regexes.push({
        source,
        flags: compiled.flags,
        report: (message) => rule.issue('pattern', message),
        analyzed: (analysis) => {
          options.literals[i] = analysis.literals;
          options.wordStart[i] = analysis.wordStart;
        },
      });
    });
    return valid ? options : undefined;
  },

  compile(rules: readonly ActiveRule<PatternOptions>[]): Matcher {
    const forScope = (scope: PatternOptions['scope']) => compileScope(rules.filter((rule) => rule.spec.options.scope === scope));
    const prose = forScope('prose');
    const urls = forScope('urls');
    return {
      block(block, emit) {
        (block.kind === 'url' ? urls : prose)(block, emit);
      },
    };
  },
};

function compileScope(rules: readonly ActiveRule<PatternOptions>[]): (block: BlockContext, emit: (hit: Hit) => void) => void {
  const compiled = rules.flatMap((rule) => {
    const { patterns, caseSensitive, wholeWord, literals, wordStart } = rule.spec.options;
    return patterns.map((source, i) => {
      // A case-insensitive pattern runs case-sensitively on the lower-cased text where it can.
      const lowered = caseSensitive ? null : lowerCasePattern(source);
      const onLower = lowered !== null;
      const body = lowered ?? source;
      return {
        rule,
        wholeWord,
        caseSensitive,
        onLower,
        literals: literals[i] ?? null,
        regex: compilePattern(
          wholeWord ? wholeWords(wordStart[i] ? anchorAtWordStart(body) : body) : body,
          caseSensitive || onLower,
        ) as RegExp,
      };
    });
  });
  if (compiled.length === 0) return () => undefined;
  const exact = new LiteralScanner(compiled.filter((c) => c.caseSensitive).flatMap((c) => c.literals ?? []));
  const folded = new LiteralScanner(compiled.filter((c) => !c.caseSensitive).flatMap((c) => c.literals ?? []));
  return (block, emit) => {
    const text = block.text;
    const present = { exact: exact.scan(text), folded: folded.isEmpty ? null : folded.scan(block.lower()) };
    for (const { rule, wholeWord, caseSensitive, onLower, literals, regex } of compiled) {
      const found = caseSensitive ? present.exact : present.folded;
      if (literals && !literals.some((literal) => found?.has(literal))) continue;
      eachMatch(regex, onLower ? block.lower() : text, text, wholeWord, (start, end) => emit({ rule, start, end }));
    }
  };
}

/**
 * Finds which of many texts occur in a block, in one pass of one expression, rather than one
 * search per text and pattern: with dozens of pattern rules that is the difference between
 * scanning a block once and scanning it a hundred times.
 */
class LiteralScanner {
  private readonly regex: RegExp | null;
  /** For each text, the shorter texts inside it: present whenever it is. */
  private readonly contained = new Map<string, string[]>();

  constructor(literals: readonly string[]) {
    const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
    for (const literal of unique)
      this.contained.set(
        literal,
        unique.filter((other) => other !== literal && literal.includes(other)),
      );
    // Without the u flag when it is not needed: such an expression compiles faster.
    const astral = unique.some((literal) => /[\uD800-\uDFFF]/.test(literal));
    this.regex = unique.length > 0 ? new RegExp(unique.map(escapeRegExp).join('|'), astral ? 'gu' : 'g') : null;
  }

  get isEmpty(): boolean {
    return this.regex === null;
  }

  scan(text: string): Set<string> | null {
    if (!this.regex) return null;
    const found = new Set<string>();
    this.regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.regex.exec(text)) !== null) {
      found.add(m[0]);
      for (const inner of this.contained.get(m[0]) ?? []) found.add(inner);
      // Look again one character on, so that overlapping texts are found too.
      this.regex.lastIndex = m.index + 1;
    }
    return found;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
