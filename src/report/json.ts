import type { Report } from './report.js';

/** `--format json`: the report contract (README, "JSON report"). Fields are only ever added. */
export function formatJson(report: Report): string {
  // The checked text (kept for the HTML report) is not part of the contract.
  const files = report.files.map(({ text: _text, ...file }) => file);
  return `${JSON.stringify({ ...report, files }, null, 2)}\n`;
}
