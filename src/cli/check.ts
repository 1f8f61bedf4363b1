import { checkPaths } from '../api.js';
import { normalizeLanguage } from '../engine.js';
import { isSeverity, type Severity } from '../finding.js';
import { DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import { FORMATS } from '../report/index.js';
import { filterReport } from '../report/report.js';
import { UsageError, type Terminal } from './terminal.js';

export interface CheckOptions {
  format: string;
  lang?: string;
  config?: string | false;
  pack?: string[];
  minSeverity: string;
  quiet?: boolean;
  maxWarnings?: string;
  stdinFilename?: string;
  ignore: boolean;
  maxFileSize: string;
  color?: boolean;
}

function parseOptions(options: CheckOptions) {
  if (!FORMATS[options.format]) {
    throw new UsageError(`unknown format ‘${options.format}’: use ${Object.keys(FORMATS).join(' or ')}`);
  }
  if (!isSeverity(options.minSeverity)) {
    throw new UsageError(`--min-severity must be info, warning or error, not ‘${options.minSeverity}’`);
  }
  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number of 0 or more, not ‘${options.maxWarnings}’`);
    }
  }
  const maxFileMb = Number(options.maxFileSize);
  if (!Number.isFinite(maxFileMb) || maxFileMb <= 0) {
    throw new UsageError(`--max-file-size takes a size in megabytes, not ‘${options.maxFileSize}’`);
  }
  const lang = options.lang === undefined ? undefined : normalizeLanguage(options.lang);
  if (options.lang !== undefined && !lang)
    throw new UsageError(`--lang takes a language code such as nl or en, not ‘${options.lang}’`);
  const minimum: Severity = options.quiet ? 'error' : options.minSeverity;
  return { maxWarnings, maxBytes: Math.round(maxFileMb * 1024 * 1024), lang, minimum };
}

/** `eindred check`: options in, report out on the terminal, exit code back. */
export async function runCheck(paths: string[], options: CheckOptions, terminal: Terminal): Promise<number> {
  const { maxWarnings, maxBytes, lang, minimum } = parseOptions(options);
  const { report, warnings } = await checkPaths({
    paths,
    cwd: terminal.cwd,
    ignore: options.ignore,
    maxFileBytes: maxBytes,
    stdin: { path: options.stdinFilename ?? '<stdin>', read: () => terminal.readStdin() },
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.pack ? { packs: options.pack } : {}),
    ...(lang ? { language: lang } : {}),
  });
  for (const warning of warnings) terminal.warn(warning);
  const shown = filterReport(report, minimum);
  const color = options.color ?? terminal.colorByDefault;
  terminal.write(FORMATS[options.format]!(shown, { color, quiet: options.quiet ?? false }));

  if (report.errors.length > 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) {
    if (options.format === 'stylish') {
      terminal.warn(`${report.summary.warnings} warnings, more than --max-warnings ${maxWarnings}`);
    }
    return 1;
  }
  return 0;
}

export const DEFAULT_MAX_FILE_MB = String(DEFAULT_MAX_FILE_BYTES / 1024 / 1024);
