import type { Report } from './report.js';

/**
 * `--format csv`: one row per finding, for spreadsheets (RFC 4180, UTF-8 with a byte order mark so
 * Excel reads the accents). Inputs that could not be checked are rows with severity `error` and
 * rule `eindred.input.unreadable`. A cell that starts with = + - @ is prefixed with ' so that a
 * spreadsheet never runs a draft's words as a formula.
 */
const COLUMNS = [
  'path',
  'field',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'category',
  'ruleId',
  'message',
  'excerpt',
  'suggestions',
  'inQuote',
  'language',
] as const;

function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(report: Report): string {
  const rows: string[] = [COLUMNS.join(',')];
  for (const failure of report.errors) {
    rows.push(
      [failure.path, '', '', '', '', '', 'error', 'input', 'eindred.input.unreadable', failure.message, '', '', 'false', '']
        .map(cell)
        .join(','),
    );
  }
  for (const file of report.files) {
    for (const f of file.findings) {
      rows.push(
        [
          file.path,
          f.field ?? '',
          f.line,
          f.column,
          f.endLine,
          f.endColumn,
          f.severity,
          f.category,
          f.ruleId,
          f.message,
          f.excerpt,
          f.suggestions.join('; '),
          f.inQuote,
          file.language,
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
