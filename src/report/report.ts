import type { FileResult } from '../engine.js';
import { severityRank, type Severity } from '../finding.js';

/** An input that could not be checked. */
export interface InputFailure {
  path: string;
  message: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Everything a reporter needs; its JSON form is the published report contract. */
export interface Report {
  tool: { name: string; version: string };
  files: FileResult[];
  summary: Summary;
  /** Inputs that could not be read or parsed (an addition to the contract: always present). */
  errors: InputFailure[];
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** The report with only findings at or above `minimum` (what --quiet and --min-severity show). */
export function filterReport(report: Report, minimum: Severity): Report {
  if (minimum === 'info') return report;
  const files = report.files.map((file) => ({
    ...file,
    findings: file.findings.filter((finding) => severityRank(finding.severity) >= severityRank(minimum)),
  }));
  return { ...report, files, summary: summarize(files) };
}
