import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintDocument, type FileResult } from './engine.js';
import type { Document } from './input/document.js';
import type { NdjsonLine } from './input/exports/index.js';
import type { ExportFormat, ExportItem, FieldMapping } from './input/exports/types.js';
import { formatForPath, parseDocument } from './input/parse.js';
import { decodeText, InputError, readInputFile } from './input/read.js';
import type { PackLoader } from './packs/load.js';
import type { InputFailure } from './report/report.js';

/** Checking many files: the same steps for every file, outcomes in the order of the input. */

/** What `--input-format` can say: an export format, or a kind of draft. */
export type InputFormat = ExportFormat | 'markdown' | 'text' | 'html';

export interface BatchSettings {
  cwd: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  /** --pack, replacing the config's. */
  packs?: string[];
  /** --lang: the language of drafts that do not declare one. */
  language?: string;
  maxBytes: number;
  /** --input-format: read every input this way instead of by its extension. */
  inputFormat?: InputFormat;
  /** --text-field and friends, over the config's `fields`. */
  mapping?: FieldMapping;
  /** Keep the checked text in each result (for the HTML report). */
  keepText?: boolean;
}

export interface BatchJob {
  /** As shown in the report. */
  path: string;
  /** The file to read, or null for standard input. */
  file: string | null;
  /** The draft's content, when it does not come from the file (a staged version from git's index). */
  content?: Uint8Array;
  /** Its size in bytes, as found when the inputs were listed (for progress and worker batches). */
  bytes?: number;
}

export type Outcome = { result: FileResult } | { failure: InputFailure };

const DRAFT_FORMATS = new Set(['markdown', 'text', 'html']);

function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16384);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The linter for a job's documents: its config's rules, language and text-keeping. */
async function linterFor(job: BatchJob, settings: BatchSettings, loader: PackLoader) {
  const config = await loader.configFor(dirname(job.file ?? resolve(settings.cwd, job.path)), settings.config);
  const ruleSet = await loader.ruleSetFor(config, settings.packs);
  const defaultLanguage = settings.language ?? config.language;
  const lint = async (document: Document): Promise<FileResult> => {
    const result = await lintDocument(document, ruleSet, defaultLanguage ? { defaultLanguage } : {});
    if (settings.keepText && result.findings.length > 0) {
      result.text = document.fields
        ? document.fields.map((field) => ({ field: field.name, text: document.source.slice(field.start, field.end) }))
        : [{ text: document.source }];
    }
    return result;
  };
  return { lint, mapping: { ...config.fields, ...settings.mapping } };
}

/** The export format of a job, or null for a draft; throws for a file eindred cannot read. */
export function jobExportFormat(
  job: BatchJob,
  settings: BatchSettings,
  detect: (path: string, head: () => string) => ExportFormat | null,
): ExportFormat | null {
  return isExport(job, settings) ? exportFormat(job, settings, detect) : null;
}

/** The export format of a job read as an export; throws when no format fits. */
function exportFormat(
  job: BatchJob & { file: string },
  settings: BatchSettings,
  detect: (path: string, head: () => string) => ExportFormat | null,
): ExportFormat {
  const format = (settings.inputFormat as ExportFormat | undefined) ?? detect(job.path, () => head(job.file));
  if (!format) {
    throw new InputError(
      job.path,
      'eindred cannot read this kind of file: it checks .md, .markdown, .txt and .html drafts, .docx, and exports in .json, .ndjson, .csv and .xml (see --input-format)',
    );
  }
  return format;
}

function failureOf(path: string, item: { record: number; where?: string; message: string }): Outcome {
  const where =
    item.record > 0 ? `record ${item.record}${item.where ? ` (${item.where})` : ''}: ` : item.where ? `${item.where}: ` : '';
  return { failure: { path, message: `${where}${item.message}`, ...(item.record > 0 ? { record: item.record } : {}) } };
}

/**
 * The outcome of one export record: its article checked, or why it cannot be. An article that
 * cannot be read (nested absurdly deep) is a failure of its own; the export goes on.
 */
async function checkItem(job: BatchJob, item: ExportItem, lint: (document: Document) => Promise<FileResult>): Promise<Outcome> {
  if (!('article' in item)) return failureOf(job.path, item);
  const { articleDocument } = await import('./input/article.js');
  try {
    return { result: await lint(articleDocument(item.article)) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { failure: { path: error.path, message: error.message } };
  }
}

/** Whether a job is read as an export (by --input-format, or because its extension is no draft's). */
function isExport(job: BatchJob, settings: BatchSettings): job is BatchJob & { file: string } {
  const forced = settings.inputFormat;
  return job.file !== null && !job.content && (forced ? !DRAFT_FORMATS.has(forced) : !formatForPath(job.path));
}

/** Turn what went wrong with an input into its outcome; anything else is a bug and is thrown. */
function inputFailure(job: BatchJob, error: unknown): Outcome {
  if (error instanceof InputError) return { failure: { path: job.path, message: error.message } };
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { failure: { path: job.path, message: `cannot be read: ${(error as Error).message}` } };
  }
  throw error;
}

/**
 * Check one input: a draft gives one outcome, an export one per article (or per record that
 * cannot be checked), in file order.
 */
export async function* checkJob(
  job: BatchJob,
  settings: BatchSettings,
  loader: PackLoader,
  readStdin?: () => Promise<Uint8Array>,
): AsyncGenerator<Outcome> {
  try {
    const { lint, mapping } = await linterFor(job, settings, loader);
    if (isExport(job, settings)) {
      const { exportFormatFor, readExport } = await import('./input/exports/index.js');
      const format = exportFormat(job, settings, exportFormatFor);
      const request = { path: job.path, file: job.file, format, mapping, maxBytes: settings.maxBytes };
      for await (const item of readExport(request)) yield await checkItem(job, item, lint);
      return;
    }

    if (!job.file && settings.inputFormat && !DRAFT_FORMATS.has(settings.inputFormat)) {
      throw new InputError(
        job.path,
        `a ${settings.inputFormat} export cannot be read from standard input: name the file instead`,
      );
    }
    const draftFormat =
      (settings.inputFormat as 'markdown' | 'text' | 'html' | undefined) ?? formatForPath(job.path) ?? 'markdown';
    let decoded;
    if (job.content) decoded = decodeText(job.content, job.path);
    else if (job.file) decoded = readInputFile(job.file, settings.maxBytes, job.bytes || undefined);
    else if (readStdin) decoded = decodeText(await readStdin(), job.path);
    else throw new Error('standard input can only be read in the main thread');
    let document: Document;
    if (draftFormat === 'html') {
      const { parseHtmlPage } = await import('./input/html-page.js');
      document = parseHtmlPage(job.path, decoded.text, decoded.problems);
    } else {
      document = parseDocument(job.path, decoded.text, draftFormat, decoded.problems);
    }
    yield { result: await lint(document) };
  } catch (error) {
    yield inputFailure(job, error);
  }
}

/** Check records of an NDJSON export (a slice of its lines), in order. */
export async function checkNdjsonLines(
  job: BatchJob,
  lines: readonly NdjsonLine[],
  settings: BatchSettings,
  loader: PackLoader,
): Promise<Outcome[]> {
  const { lint, mapping } = await linterFor(job, settings, loader);
  const { ndjsonRecord } = await import('./input/exports/index.js');
  const outcomes: Outcome[] = [];
  for (const line of lines) {
    outcomes.push(await checkItem(job, ndjsonRecord({ path: job.path, mapping, maxBytes: settings.maxBytes }, line), lint));
  }
  return outcomes;
}

/**
 * A piece of work for a worker thread: whole inputs (several small drafts travel together, so that
 * message passing does not outweigh the checking), or a slice of an NDJSON export's lines.
 */
export type Task = { job: BatchJob; lines: NdjsonLine[] } | { jobs: BatchJob[] };

/** Run a task (in a worker thread, or in the main one). */
export async function runTask(
  task: Task,
  settings: BatchSettings,
  loader: PackLoader,
  readStdin?: () => Promise<Uint8Array>,
): Promise<Outcome[]> {
  if ('lines' in task) return checkNdjsonLines(task.job, task.lines, settings, loader);
  const outcomes: Outcome[] = [];
  for (const job of task.jobs) for await (const outcome of checkJob(job, settings, loader, readStdin)) outcomes.push(outcome);
  return outcomes;
}

/** Check every job, in order, handing each outcome to `emit` as soon as it is known. */
export async function checkAll(
  jobs: readonly BatchJob[],
  settings: BatchSettings,
  loader: PackLoader,
  emit: (outcome: Outcome) => void,
  readStdin?: () => Promise<Uint8Array>,
  onFileDone?: () => void,
): Promise<void> {
  for (const job of jobs) {
    for await (const outcome of checkJob(job, settings, loader, readStdin)) emit(outcome);
    onFileDone?.();
  }
}
