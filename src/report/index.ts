import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatNdjson } from './ndjson.js';
import type { Report } from './report.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
}

/** Every output format: a pure function from the report to text. */
export const FORMATS: Readonly<Record<string, (report: Report, options: FormatOptions) => string>> = {
  stylish: formatStylish,
  json: formatJson,
  ndjson: formatNdjson,
  csv: formatCsv,
  html: formatHtml,
};
