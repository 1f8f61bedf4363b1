import type { Report } from './report.js';

/** `--format json`: the report contract (README, "JSON report"). Fields are only ever added. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
