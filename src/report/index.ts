import { formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import type { RuleListing } from './rules.js';
import { formatSarif } from './sarif.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatNdjson } from './ndjson.js';
import type { Report } from './report.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
  /** The rules that ran, for formats that describe them (SARIF). */
  rules?: ReadonlyMap<string, RuleListing>;
}

/** Every output format: a pure function from the report to text. */
export const FORMATS: Readonly<Record<string, (report: Report, options: FormatOptions) => string>> = {
  stylish: formatStylish,
  json: formatJson,
  ndjson: formatNdjson,
  csv: formatCsv,
  html: formatHtml,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};
