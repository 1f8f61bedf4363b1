/**
 * The one finding type that flows from every check to every reporter.
 * Its JSON shape is a published contract (see README, "JSON report"): fields may be added, never
 * renamed or removed.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Ordered from least to most severe. */
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The four categories of the product brief, plus `input` for problems with the file itself. */
export type Category = 'disclosure' | 'claims' | 'bias' | 'privacy' | 'language' | 'input';

export const RULE_CATEGORIES = ['disclosure', 'claims', 'bias', 'privacy'] as const;

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units; `endColumn` is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source text at the range (masked for privacy findings); empty for document-level findings. */
  excerpt: string;
  suggestions: string[];
  /** True when the words stand inside a direct quote or a block quote. */
  inQuote: boolean;
  /** Why the rule exists, in the rule's language. */
  reason?: string;
  /** Where the reason comes from: a URL. */
  source?: string;
  /** For an article from an export: the field the range lies in (lines and columns count inside it). */
  field?: string;
  /**
   * Identifies the finding across edits: rule, excerpt and the words around it, not its line.
   * Baselines (--baseline) and SARIF use it.
   */
  fingerprint?: string;
}

/** Sort key that makes reports deterministic: position, then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
