import type { Finding, Severity } from '../finding.js';
import type { BlockKind, Document } from '../input/document.js';
import type { SourceRange } from '../input/prose.js';
import type { Span } from '../language/sentences.js';
import type { Token } from '../language/tokens.js';
import type { WordNumbers } from '../language/vocabulary.js';
import type { MapReader } from '../packs/data-reader.js';
import type { RegexAnalysis } from '../packs/regex.js';
import type { RuleSpec } from '../packs/types.js';
import type { Nearby } from './nearby.js';
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
  /** Words that must or may not stand near a hit; null when the rule sets no `context`. */
  nearby: Nearby | null;
}

/** A place in a block's text that a rule flags. */
export interface Hit {
  rule: ActiveRule;
  start: number;
  end: number;
}

/** A finding about a document as a whole, or about a place a document-level check found. */
export interface DocumentHit {
  rule: ActiveRule;
  /** Where it points in the source; an empty range for "here is where it belongs". */
  range: SourceRange;
  /** What {match} stands for in the rule's message. */
  match?: string;
  /** Inside a direct quote: the rule's `in_quote` policy applies. */
  inQuote?: boolean;
  /** A lower severity for this hit than the rule's (a vague attribution with a source nearby). */
  severity?: Severity;
  /** Where in a block the hit lies, when it does: the rule's `unless` and `context` are asked there. */
  at?: { block: BlockContext; start: number; end: number };
}

/** Text in quotation marks, and whether someone is speaking it (see isAttributed). */
export interface Quote extends Span {
  attributed: boolean;
}

/** One block of text as checks see it; words, sentences and lower case are made on first use. */
export interface BlockContext {
  readonly text: string;
  readonly language: string;
  /** What the block is: a heading, a paragraph …, or `url`: a web address (only `scope: urls` rules look at those). */
  readonly kind: BlockKind | 'url';
  readonly inBlockQuote: boolean;
  /** Tokens wholly inside text[from, to). */
  tokensIn(from: number, to: number): readonly Token[];
  /** Quotations in the block, each with whether someone speaks it. */
  quotes(): readonly Quote[];
  /** The text in lower case, of the same length (see lowerAligned): tokens index into it too. */
  lower(): string;
  /** The words: where each stands, and its number in the run's vocabulary (see vocabulary.ts). */
  wordIds(): WordNumbers;
  /** Sentence boundaries. */
  sentences(): readonly Span[];
  /** Source range of text[start, end). */
  range(start: number, end: number): SourceRange;
  /** Whether text[start, end) stands in a direct quote (speech) or a block quote. */
  inQuote(start: number, end: number): boolean;
}

/** A document as document-level checks see it, after the block rules ran. */
export interface DocumentContext {
  readonly document: Document;
  readonly language: string;
  /** Prose blocks, in order, each with its own language. */
  readonly blocks: readonly BlockContext[];
  /** Findings of rules marked `shows_ai_use` (chatbot leftovers) outside quotes: AI was used. */
  readonly aiEvidence: readonly Finding[];
}

export interface Matcher {
  block?(block: BlockContext, emit: (hit: Hit) => void): void;
  document?(document: DocumentContext, emit: (hit: DocumentHit) => void): void;
}

/**
 * Settings a kind shares between all its rules of a language, set in a pack's header under the
 * kind's name (`disclosure: …`) and in a config, merged in that order over the defaults.
 */
export interface KindSettings<Settings> {
  defaults(): Settings;
  read(map: MapReader, context: ReadContext): Partial<Settings> | undefined;
  merge(base: Settings, over: Partial<Settings>): Settings;
}

/**
 * A kind of check (`term`, `pattern`, …): one file in src/checks, registered in index.ts. It reads
 * and validates its own keys once, and compiles all rules of its kind for one language into one
 * matcher, so that matching cost does not grow with the number of rules.
 */
export interface CheckKind<Options = unknown, Settings = unknown> {
  /** One line for `eindred rules` and error messages. */
  readonly description: string;
  /** Keys a rule of this kind may have besides the common ones. */
  readonly keys: readonly string[];
  readonly settings?: KindSettings<Settings>;
  readOptions(rule: MapReader, context: ReadContext): Options | undefined;
  compile(rules: readonly ActiveRule<Options>[], language: string, settings: Settings): Matcher;
}
