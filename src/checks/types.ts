import type { Severity } from '../finding.js';
import type { Span } from '../language/sentences.js';
import type { Token } from '../language/tokens.js';
import type { RegexAnalysis } from '../packs/regex.js';
import type { RuleSpec } from '../packs/types.js';
import type { MapReader } from '../packs/data-reader.js';
import type { Unless } from './unless.js';

/** A regular expression found while reading a pack; analysed once the whole pack is read. */
export interface RegexToCheck {
  source: string;
  flags: string;
  /** Record a problem with the expression (it can backtrack catastrophically). */
  report: (message: string) => void;
  /** Receive what the analysis found out, e.g. the texts every match contains. */
  analyzed?: (analysis: RegexAnalysis) => void;
}

export interface ReadContext {
  language: string;
  /** Regular expressions of the rule, to be checked for safety once the whole pack is read. */
  regexes: RegexToCheck[];
}

/** A rule ready to run: its spec plus what the config made of it. */
export interface ActiveRule<Options = unknown> {
  spec: RuleSpec<Options>;
  severity: Severity;
  /** Contexts in which a hit of this rule is dropped; null when the rule has none. */
  unless: Unless | null;
}

/** A place in a block's text that a rule flags. */
export interface Hit {
  rule: ActiveRule;
  start: number;
  end: number;
}

/** One block of prose as checks see it; tokens are computed once, on first use. */
export interface BlockContext {
  readonly text: string;
  readonly language: string;
  tokens(): readonly Token[];
  /** The text in lower case, of the same length (see lowerAligned): tokens index into it too. */
  lower(): string;
  /** Sentence boundaries, computed on first use. */
  sentences(): readonly Span[];
}

export interface BlockMatcher {
  match(block: BlockContext, emit: (hit: Hit) => void): void;
}

/**
 * A kind of check (`term`, `pattern`, …): one file in src/checks, registered in index.ts. It reads
 * and validates its own keys once, and compiles all rules of its kind for one language into one
 * matcher, so that matching cost does not grow with the number of rules.
 */
export interface CheckKind<Options = unknown> {
  /** One line for `eindred rules` and error messages. */
  readonly description: string;
  /** Keys a rule of this kind may have besides the common ones. */
  readonly keys: readonly string[];
  readOptions(rule: MapReader, context: ReadContext): Options | undefined;
  compile(rules: readonly ActiveRule<Options>[], language: string): BlockMatcher;
}
