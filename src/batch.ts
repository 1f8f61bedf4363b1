import { dirname, resolve } from 'node:path';
import { lintDocument, type FileResult } from './engine.js';
import { formatForPath, parseDocument } from './input/parse.js';
import { decodeText, InputError, readInputFile } from './input/read.js';
import type { PackLoader } from './packs/load.js';
import type { InputFailure } from './report/report.js';

/** Checking many files: the same steps for every file, outcomes in the order of the input. */

export interface BatchSettings {
  cwd: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  /** --pack, replacing the config's packs. */
  packs?: string[];
  /** --lang: the language of drafts that do not declare one. */
  language?: string;
  maxBytes: number;
}

export interface BatchJob {
  /** As shown in the report. */
  path: string;
  /** The file to read, or null for standard input. */
  file: string | null;
}

export type Outcome = { result: FileResult } | { failure: InputFailure };

/** Check one file: read, decode, parse and lint it with the rules its config selects. */
export async function checkOne(
  job: BatchJob,
  settings: BatchSettings,
  loader: PackLoader,
  readStdin?: () => Promise<Uint8Array>,
): Promise<Outcome> {
  try {
    const format = formatForPath(job.path) ?? (job.file ? null : 'markdown');
    if (!format) {
      throw new InputError(job.path, 'eindred cannot read this kind of file (yet): it checks .md, .markdown and .txt drafts');
    }
    const config = await loader.configFor(dirname(job.file ?? resolve(settings.cwd, job.path)), settings.config);
    const ruleSet = await loader.ruleSetFor(config, settings.packs);
    let decoded;
    if (job.file) decoded = readInputFile(job.file, settings.maxBytes);
    else if (readStdin) decoded = decodeText(await readStdin(), job.path);
    else throw new Error('standard input can only be read in the main thread');
    const document = parseDocument(job.path, decoded.text, format, decoded.problems);
    const defaultLanguage = settings.language ?? config.language;
    return { result: await lintDocument(document, ruleSet, defaultLanguage ? { defaultLanguage } : {}) };
  } catch (error) {
    if (error instanceof InputError) return { failure: { path: job.path, message: error.message } };
    throw error;
  }
}

/**
 * Check every job, in order. One thread: on the two-core machines this runs on, a worker thread
 * made a 1.4 MB batch slower (its JIT and garbage collector compete with the main thread's), so
 * parallel checking waits until it can be shown to pay (the `--jobs` work).
 */
export async function checkAll(
  jobs: readonly BatchJob[],
  settings: BatchSettings,
  loader: PackLoader,
  readStdin?: () => Promise<Uint8Array>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const job of jobs) outcomes.push(await checkOne(job, settings, loader, readStdin));
  return outcomes;
}
