import { checkPaths } from '../api.js';
import { BaselineError, BaselineWriter, parseBaseline, type Baseline } from '../baseline.js';
import { normalizeLanguage } from '../engine.js';
import { isSeverity, severityRank, type Severity } from '../finding.js';
import { DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import { FORMATS } from '../report/index.js';
import { ndjsonEnd, ndjsonOutcome } from '../report/ndjson.js';
import { filterReport } from '../report/report.js';
import { formatSummary, totalLine } from '../report/stylish.js';
import type { StagedDraft } from './git.js';
import { UsageError, type Progress, type Terminal } from './terminal.js';
import { availableParallelism } from 'node:os';
import type { InputFormat } from '../batch.js';
import { EXPORT_FORMATS, type FieldMapping } from '../input/exports/types.js';

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
  output?: string;
  jobs?: string;
  progress: boolean;
  inputFormat?: string;
  textField?: string[];
  idField?: string;
  titleField?: string;
  metaField?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  reportSuppressed?: boolean;
  staged?: boolean;
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
  let jobs = availableParallelism();
  if (options.jobs !== undefined) {
    jobs = Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs takes a whole number of 1 or more, not ‘${options.jobs}’`);
  }
  const inputFormat = options.inputFormat as InputFormat | undefined;
  if (inputFormat !== undefined && !INPUT_FORMATS.includes(inputFormat)) {
    throw new UsageError(`unknown --input-format ‘${options.inputFormat}’: use ${INPUT_FORMATS.join(', ')}`);
  }
  const mapping: FieldMapping = {};
  if (options.textField) mapping.text = options.textField;
  if (options.idField) mapping.id = options.idField;
  if (options.titleField) mapping.title = options.titleField;
  for (const pair of options.metaField ?? []) {
    const m = /^([^=\s]+)=(\S+)$/.exec(pair);
    if (!m) throw new UsageError(`--meta-field takes key=path, such as ai=meta.ai, not ‘${pair}’`);
    (mapping.meta ??= {})[m[1]!] = m[2]!;
  }
  return { maxWarnings, maxBytes: Math.round(maxFileMb * 1024 * 1024), lang, minimum, jobs, inputFormat, mapping };
}

export const INPUT_FORMATS: readonly InputFormat[] = ['markdown', 'text', 'html', ...EXPORT_FORMATS];

/** `eindred check`: options in, report out on the terminal (or a file), exit code back. */
export async function runCheck(paths: string[], options: CheckOptions, terminal: Terminal): Promise<number> {
  const { maxWarnings, maxBytes, lang, minimum, jobs, inputFormat, mapping } = parseOptions(options);
  const started = process.hrtime.bigint();
  const color = options.color ?? terminal.colorByDefault;
  const streamed = options.format === 'ndjson';
  // A report file is written whole or not at all: into a temporary file, renamed at the end.
  const sink = options.output ? terminal.openOutput(options.output) : null;
  const write = (text: string): void => (sink ? sink.write(text) : terminal.write(text));
  let bytes = 0;
  let progress: Progress | null = null;
  const baselineFile = options.baseline ?? (options.updateBaseline ? DEFAULT_BASELINE : undefined);
  let baseline: Baseline | undefined;
  if (baselineFile && !options.updateBaseline) {
    const text = terminal.readFile(baselineFile);
    if (text === null) throw new UsageError(`no baseline at ${baselineFile}: write one with --update-baseline`);
    try {
      baseline = parseBaseline(text, baselineFile);
    } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(error.message);
      throw error;
    }
  }
  const baselineWriter = options.updateBaseline ? new BaselineWriter() : null;
  let contents: StagedDraft[] | undefined;
  if (options.staged) {
    if (paths.includes('-')) throw new UsageError('--staged checks git’s index; it cannot be combined with - (standard input)');
    // Loaded only here: git and zlib cost start-up time that other runs need not pay.
    const { stagedDrafts } = await import('./git.js');
    contents = stagedDrafts(terminal.cwd, paths);
    if (contents.length === 0) {
      if (!options.quiet) terminal.warn('no staged drafts to check');
      return 0;
    }
  }
  const {
    report: fullReport,
    warnings,
    notices,
    rules,
  } = await checkPaths({
    paths,
    cwd: terminal.cwd,
    ignore: options.ignore,
    maxFileBytes: maxBytes,
    jobs,
    stdin: { path: options.stdinFilename ?? '<stdin>', read: () => terminal.readStdin() },
    keepResults: !streamed,
    keepText: options.format === 'html',
    onStart: (inputs) => {
      bytes = inputs.bytes;
      if (options.progress && terminal.progressAllowed) progress = terminal.progress(inputs.files);
    },
    onFileDone: () => progress?.file(),
    ...(baseline ? { baseline } : {}),
    ...(contents ? { contents } : {}),
    onOutcome: (outcome) => {
      progress?.document('result' in outcome ? outcome.result.findings.length : 0);
      if (baselineWriter && 'result' in outcome) baselineWriter.add(outcome.result);
      if (!streamed) return;
      if ('result' in outcome) {
        const findings = outcome.result.findings.filter((f) => severityRank(f.severity) >= severityRank(minimum));
        write(ndjsonOutcome({ result: { ...outcome.result, findings } }));
      } else {
        write(ndjsonOutcome(outcome));
      }
    },
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.pack ? { packs: options.pack } : {}),
    ...(lang ? { language: lang } : {}),
    ...(inputFormat ? { inputFormat } : {}),
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
  });
  (progress as Progress | null)?.stop();
  // Suppressed findings are counted always, listed only when asked for.
  const report = options.reportSuppressed
    ? fullReport
    : { ...fullReport, files: fullReport.files.map(({ suppressed: _suppressed, ...file }) => file) };
  if (baselineWriter && baselineFile) {
    terminal.writeFile(baselineFile, baselineWriter.toJson());
    terminal.warn(
      `baseline written to ${baselineFile}: ${report.summary.errors + report.summary.warnings + report.summary.infos} findings`,
    );
  }
  for (const warning of warnings) terminal.warn(warning);
  // A hook with --quiet prints nothing when there is nothing wrong, also for a folder without drafts.
  if (!options.quiet) for (const notice of notices) terminal.warn(notice);
  const shown = filterReport(report, minimum);
  if (streamed) write(ndjsonEnd(shown));
  else write(FORMATS[options.format]!(shown, { color: sink ? false : color, quiet: options.quiet ?? false, rules }));
  const stats = { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes };
  if (sink) {
    sink.commit();
    // The terminal still gets the short summary.
    terminal.warn(`report written to ${options.output}`);
    terminal.write(`${totalLine(shown, { color })}\n`);
    if (shown.summary.files > 1) terminal.write(`\n${formatSummary(shown, stats, { color })}`);
  } else if (options.format === 'stylish' && shown.summary.files > 1 && !options.quiet) {
    terminal.write(`\n${formatSummary(shown, stats, { color })}`);
  }

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

/** Where --update-baseline writes when --baseline names no file. */
export const DEFAULT_BASELINE = '.eindred-baseline.json';

export const DEFAULT_MAX_FILE_MB = String(DEFAULT_MAX_FILE_BYTES / 1024 / 1024);
