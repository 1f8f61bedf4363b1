import type { Category, Severity } from '../finding.js';

/** What a hit inside a direct quote becomes. */
export type InQuotePolicy = 'same' | 'info' | 'ignore';
export const IN_QUOTE_POLICIES: readonly InQuotePolicy[] = ['same', 'info', 'ignore'];

/** A context in which a hit is not a problem: a phrase or a regular expression that covers it. */
export type UnlessSpec = { phrase: string } | { pattern: string };

/** Words that must (`near`) or may not (`notNear`) stand within `window` words of a hit. */
export interface ContextSpec {
  near: string[];
  notNear: string[];
  window: number;
}

export interface RuleExamples {
  /** Texts the rule must flag at its own severity. */
  flag: string[];
  /** Texts the rule must not flag at its own severity (a hit downgraded to info in a quote passes). */
  pass: string[];
}

/** A validated rule as written in a pack; `options` holds what its kind adds. */
export interface RuleSpec<Options = unknown> {
  id: string;
  kind: string;
  category: Exclude<Category, 'language' | 'input'>;
  severity: Severity;
  message: string;
  description?: string;
  reason?: string;
  source?: string;
  suggest: string[];
  inQuote: InQuotePolicy;
  unless: UnlessSpec[];
  /** Words near a hit that it needs or that take it away; absent when the rule has none. */
  context?: ContextSpec;
  examples: RuleExamples;
  /** Rules shipped switched off are turned on by giving them a severity in the config. */
  enabled: boolean;
  /** A hit (outside a quote) shows that AI was used: chatbot leftovers. Disclosure checks use it. */
  showsAiUse: boolean;
  options: Options;
  /** The pack's language: the rule only runs on text in it. */
  language: string;
  pack: string;
  file: string;
  line: number;
}

export interface Pack {
  name: string;
  language: string;
  description?: string;
  file: string;
  /** Shipped with eindred: validated when eindred was built, not at every run. */
  builtin: boolean;
  /** Settings shared by the rules of a kind, by kind (`disclosure: …` in the header). */
  settings: Record<string, unknown>;
  rules: RuleSpec[];
}
