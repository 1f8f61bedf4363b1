import { dirname, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { checkAll, type BatchJob, type BatchSettings } from '../batch.js';
import { normalizeLanguage, type FileResult } from '../engine.js';
import { isSeverity, type Severity } from '../finding.js';
import { discoverFiles } from '../input/discover.js';
import { DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import type { Config } from '../packs/config.js';
import { PackLoader } from '../packs/load.js';
import type { RuleSet } from '../packs/ruleset.js';
import { FORMATS } from '../report/index.js';
import { filterReport, summarize, type InputFailure, type Report } from '../report/report.js';
import { VERSION } from '../version.js';
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
  if (options.lang !== undefined && !lang) throw new UsageError(`--lang takes a language code such as nl or en, not ‘${options.lang}’`);
  const minimum: Severity = options.quiet ? 'error' : options.minSeverity;
  return { maxWarnings, maxBytes: Math.round(maxFileMb * 1024 * 1024), lang, minimum };
}

/** `eindred check`: the only place that ties discovery, packs, the engine and reporters together. */
export async function runCheck(paths: string[], options: CheckOptions, terminal: Terminal): Promise<number> {
  const { maxWarnings, maxBytes, lang, minimum } = parseOptions(options);
  const cwd = terminal.cwd;
  const useStdin = paths.includes('-');
  const named = paths.filter((p) => p !== '-');
  const { files, missing } = await discoverFiles(named.length > 0 || useStdin ? named : ['.'], cwd);
  const namedFiles = new Set(named.map((p) => resolve(cwd, p)));
  const failures: InputFailure[] = missing.map(([path, message]) => ({ path, message }));

  // Resolve every config and pack before checking anything: a broken pack stops the run up front.
  const loader = new PackLoader(cwd);
  const ignores = new Map<Config, Ignore>();
  const jobs: BatchJob[] = [];
  const ruleSets = new Set<RuleSet>();
  const prepare = async (path: string, file: string | null): Promise<void> => {
    const at = file ?? resolve(cwd, path);
    const config = await loader.configFor(dirname(at), options.config);
    if (options.ignore && file && config.ignore.length > 0) {
      let matcher = ignores.get(config);
      if (!matcher) {
        // Loaded only when a config lists paths to ignore.
        const { default: ignore } = await import('ignore');
        ignores.set(config, (matcher = ignore().add(config.ignore)));
      }
      const rel = relative(config.dir, file);
      if (rel && !rel.startsWith('..') && matcher.ignores(rel.split('\\').join('/'))) {
        // Files found in a folder are skipped quietly; one named on the command line is worth a word.
        if (namedFiles.has(file)) terminal.warn(`${path} is skipped: ${config.file} ignores it (use --no-ignore to check it)`);
        return;
      }
    }
    ruleSets.add(await loader.ruleSetFor(config, options.pack));
    jobs.push({ path, file });
  };
  if (useStdin) await prepare(options.stdinFilename ?? '<stdin>', null);
  for (const path of files) await prepare(path, resolve(cwd, path));

  const warnings = new Set([...ruleSets].flatMap((ruleSet) => ruleSet.warnings));
  for (const warning of warnings) terminal.warn(warning);

  const settings: BatchSettings = {
    cwd,
    maxBytes,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.pack ? { packs: options.pack } : {}),
    ...(lang ? { language: lang } : {}),
  };
  const outcomes = await checkAll(jobs, settings, loader, () => terminal.readStdin());
  const results: FileResult[] = [];
  for (const outcome of outcomes) {
    if ('result' in outcome) results.push(outcome.result);
    else failures.push(outcome.failure);
  }

  const report: Report = {
    tool: { name: 'eindred', version: VERSION },
    files: results,
    summary: summarize(results),
    errors: failures,
  };
  const shown = filterReport(report, minimum);
  const color = options.color ?? terminal.colorByDefault;
  terminal.write(FORMATS[options.format]!(shown, { color, quiet: options.quiet ?? false }));

  if (failures.length > 0) return 2;
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
