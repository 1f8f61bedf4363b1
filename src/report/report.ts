import type { FileResult } from '../engine.js';
import { severityRank, type Severity } from '../finding.js';

/** An input that could not be checked. */
export interface InputFailure {
  path: string;
  message: string;
  /** For an export: the 1-based number of the record that could not be checked. */
  record?: number;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Documents with at least one finding. */
  filesWithFindings: number;
  /** Findings kept out of the report by an inline suppression (with a reason), and by --baseline. */
  suppressed: number;
  baselined: number;
  /** Findings per category and per rule id (keys sorted). */
  byCategory: Record<string, number>;
  byRule: Record<string, number>;
  /** The documents with the most errors (then warnings), at most ten. */
  mostErrors: { path: string; errors: number; warnings: number }[];
}

/** Everything a reporter needs; its JSON form is the published report contract. */
export interface Report {
  tool: { name: string; version: string };
  files: FileResult[];
  summary: Summary;
  /** Inputs that could not be read or parsed (an addition to the contract: always present). */
  errors: InputFailure[];
}

const TOP = 10;

/** A summary built one document at a time, so a streamed run need not keep its documents. */
export class Summarizer {
  private files = 0;
  private withFindings = 0;
  private suppressed = 0;
  /** Set by the baseline filter. */
  baselined = 0;
  private counts = { error: 0, warning: 0, info: 0 };
  private readonly byCategory = new Map<string, number>();
  private readonly byRule = new Map<string, number>();
  private top: Summary['mostErrors'] = [];

  add(file: FileResult): void {
    this.files++;
    if (file.findings.length > 0) this.withFindings++;
    this.suppressed += file.suppressed?.length ?? 0;
    let errors = 0;
    let warnings = 0;
    for (const finding of file.findings) {
      this.counts[finding.severity]++;
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      this.byCategory.set(finding.category, (this.byCategory.get(finding.category) ?? 0) + 1);
      this.byRule.set(finding.ruleId, (this.byRule.get(finding.ruleId) ?? 0) + 1);
    }
    if (errors + warnings === 0) return;
    const last = this.top[TOP - 1];
    if (this.top.length < TOP || !last || errors > last.errors || (errors === last.errors && warnings > last.warnings)) {
      this.top.push({ path: file.path, errors, warnings });
      // Stable: of equal counts, the first document stays first, so the order never depends on --jobs.
      this.top.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings);
      this.top.length = Math.min(this.top.length, TOP);
    }
  }

  summary(): Summary {
    const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      files: this.files,
      errors: this.counts.error,
      warnings: this.counts.warning,
      infos: this.counts.info,
      filesWithFindings: this.withFindings,
      suppressed: this.suppressed,
      baselined: this.baselined,
      byCategory: sorted(this.byCategory),
      byRule: sorted(this.byRule),
      mostErrors: this.top.map((entry) => ({ ...entry })),
    };
  }
}

export function summarize(files: readonly FileResult[]): Summary {
  const summarizer = new Summarizer();
  for (const file of files) summarizer.add(file);
  return summarizer.summary();
}

/** The report with only findings at or above `minimum` (what --quiet and --min-severity show). */
export function filterReport(report: Report, minimum: Severity): Report {
  if (minimum === 'info') return report;
  const files = report.files.map((file) => ({
    ...file,
    findings: file.findings.filter((finding) => severityRank(finding.severity) >= severityRank(minimum)),
  }));
  // What suppressions and the baseline kept out is not a matter of severity: those counts stay.
  const { suppressed, baselined } = report.summary;
  return { ...report, files, summary: { ...summarize(files), suppressed, baselined } };
}
