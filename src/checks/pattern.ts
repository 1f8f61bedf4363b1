import { anchorAtWordStart, compilePattern, eachMatch, lowerCasePattern, wholeWords } from '../packs/regex.js';
import { lowerAligned, tokenize } from '../language/tokens.js';
import { PerWord } from '../language/vocabulary.js';
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
  const filter = new LiteralFilter(
    compiled.flatMap(({ literals, caseSensitive }) => (literals ?? []).map((text) => ({ text, caseSensitive }))),
  );
  // Per literal, the patterns that need it (a pattern runs where any of its literals is present);
  // patterns without literals run on every block.
  const needing: number[][] = [];
  const always: number[] = [];
  compiled.forEach(({ literals, caseSensitive }, i) => {
    if (!literals) return void always.push(i);
    for (const text of literals) (needing[filter.indexOf(text, caseSensitive)] ??= []).push(i);
  });
  return (block, emit) => {
    const text = block.text;
    const run = [...always];
    for (const literal of filter.presentIn(block)) run.push(...needing[literal]!);
    if (run.length === 0) return;
    // In the order of the rules, as if every pattern had been tried: the order hits are emitted in.
    run.sort((a, b) => a - b);
    run.forEach((i, at) => {
      if (at > 0 && run[at - 1] === i) return;
      const { rule, wholeWord, onLower, regex } = compiled[i]!;
      eachMatch(regex, onLower ? block.lower() : text, text, wholeWord, (start, end) => emit({ rule, start, end }));
    });
  };
}

interface Literal {
  text: string;
  caseSensitive: boolean;
  /** Its longest run of word characters in lower case (an index into `keys`), or -1 when it has none. */
  key: number;
}

/** Shorter runs of word characters ("tk", the "d" of "d.o.b.") are in too many words to tell much. */
const MIN_KEY = 3;

/**
 * Which of many texts a block holds, worked out from its words rather than by scanning its
 * characters: a text's longest run of word characters lies inside one word of any block that holds
 * the text, so a block none of whose words contains that run cannot hold it. Which runs a word
 * contains is worked out once per distinct word of the run (see vocabulary.ts); a block costs one
 * array read per word. Only a text whose run is found, or that has no word characters ("[", "{{"),
 * is then looked for in the block itself.
 */
class LiteralFilter {
  private readonly literals: Literal[] = [];
  private readonly keys: string[] = [];
  /** Per key, the literals whose longest run of word characters it is. */
  private readonly literalsOfKey: number[][] = [];
  /** The literals without such a run: looked for in every block. */
  private readonly keyless: number[] = [];
  /** Matches a word that contains at least one of the keys: most words do not. */
  private readonly anyKey: RegExp | null;
  /** Per word number: 1 for no key, 2 + i for the keys in `keyLists[i]`. */
  private readonly keysOfWord = new PerWord();
  private keyLists: number[][] = [];
  /** Per key, the number of the last block one of whose words contains it. */
  private readonly seen: Int32Array;
  private blocks = 0;

  constructor(literals: readonly { text: string; caseSensitive: boolean }[]) {
    for (const { text, caseSensitive } of literals) {
      if (this.literals.some((other) => other.text === text && other.caseSensitive === caseSensitive)) continue;
      const lower = lowerAligned(text);
      let run = '';
      for (const { start, end } of tokenize(lower)) if (end - start > run.length) run = lower.slice(start, end);
      if (run.length < MIN_KEY) run = '';
      let key = run ? this.keys.indexOf(run) : -1;
      if (run && key < 0) key = this.keys.push(run) - 1;
      const at = this.literals.push({ text, caseSensitive, key }) - 1;
      if (key < 0) this.keyless.push(at);
      else (this.literalsOfKey[key] ??= []).push(at);
    }
    this.seen = new Int32Array(this.keys.length);
    this.anyKey = this.keys.length > 0 ? new RegExp(this.keys.map(escapeRegExp).join('|')) : null;
  }

  indexOf(text: string, caseSensitive: boolean): number {
    return this.literals.findIndex((literal) => literal.text === text && literal.caseSensitive === caseSensitive);
  }

  /** The literals (in the numbering of indexOf) that the block holds, in no particular order. */
  presentIn(block: BlockContext): number[] {
    const run = ++this.blocks;
    const candidates = [...this.keyless];
    if (this.anyKey) {
      const { ids, generation, words } = block.wordIds();
      if (this.keysOfWord.follow(generation)) this.keyLists = [];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        let keys = this.keysOfWord.get(id);
        if (keys === 0) keys = this.learn(id, words[id]!);
        if (keys === 1) continue;
        for (const key of this.keyLists[keys - 2]!) {
          if (this.seen[key] === run) continue;
          this.seen[key] = run;
          candidates.push(...this.literalsOfKey[key]!);
        }
      }
    }
    return candidates.filter((at) => {
      const { text, caseSensitive } = this.literals[at]!;
      return (caseSensitive ? block.text : block.lower()).includes(text);
    });
  }

  private learn(id: number, word: string): number {
    let value = 1;
    if (this.anyKey!.test(word)) {
      const keys = this.keys.flatMap((key, i) => (word.includes(key) ? [i] : []));
      value = 2 + this.keyLists.push(keys) - 1;
    }
    this.keysOfWord.set(id, value);
    return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
