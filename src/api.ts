import { dirname, join, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BaselineFilter, type Baseline } from './baseline.js';
import { checkAll, type BatchJob, type BatchSettings, type InputFormat, type Outcome } from './batch.js';
import type { FieldMapping } from './input/exports/types.js';
import type { FileResult } from './engine.js';
import { discoverFiles } from './input/discover.js';
import { DEFAULT_MAX_FILE_BYTES } from './input/read.js';
import type { Config } from './packs/config.js';
import { closest } from './packs/issues.js';
import { PackLoader } from './packs/load.js';
import type { RuleSet } from './packs/ruleset.js';
import { Summarizer, type InputFailure, type Report } from './report/report.js';
import type { RuleListing } from './report/rules.js';
import { VERSION } from './version.js';

export type { Report } from './report/report.js';
export type { Outcome, InputFormat } from './batch.js';
export type { FieldMapping } from './input/exports/types.js';

/** Below this many bytes of input, checking stays in one thread (see checkPaths). */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
export type { RuleListing } from './report/rules.js';
export type { Finding } from './finding.js';
export { PackError } from './packs/issues.js';

/** What to check and how: the options of `eindred check`, as data. */
export interface CheckRequest {
  /** Files, folders and globs; '-' for standard input. Empty: the current folder. */
  paths: readonly string[];
  cwd: string;
  /** A config file to use, or false to use none; by default the nearest .eindred.yaml. */
  config?: string | false;
  /** Packs replacing the config's. */
  packs?: string[];
  /** Language of drafts that do not declare one. */
  language?: string;
  /** Skip what a config's `ignore` lists (default true). */
  ignore?: boolean;
  maxFileBytes?: number;
  /** Name and reader of the draft on standard input. */
  stdin?: { path: string; read: () => Promise<Uint8Array> };
  /** Read every input as this format instead of by its extension (--input-format). */
  inputFormat?: InputFormat;
  /** Where the text, id, title and metadata of JSON, NDJSON and CSV records are (over the config's). */
  mapping?: FieldMapping;
  /**
   * Called with every document's result (and every input that could not be checked) in report
   * order, as soon as it is known: for streamed output and progress.
   */
  onOutcome?: (outcome: Outcome) => void;
  /** Keep the documents in the report (default true); false keeps only the summary and failures. */
  keepResults?: boolean;
  /** Called after each input file (a draft, or an export with all its articles). */
  onFileDone?: () => void;
  /** Keep the checked text in each result (for the HTML report). */
  keepText?: boolean;
  /** Worker threads for checking (default 1: the calling thread). */
  jobs?: number;
  /**
   * Drafts given with their content, such as the staged versions of files from git's index
   * (--staged): checked instead of `paths`, as if read from the named files.
   */
  contents?: { path: string; content: Uint8Array }[];
  /** Report only findings that this baseline does not list (--baseline). */
  baseline?: Baseline;
  /** Called once the inputs are known, with their number and total size in bytes. */
  onStart?: (inputs: { files: number; bytes: number }) => void;
}

export interface CheckResponse {
  report: Report;
  /** The rules that ran, by id (for reports that describe them, such as SARIF). */
  rules: Map<string, RuleListing>;
  /** For the user, not the report: config settings that name no rule, named files an ignore list skips. */
  warnings: string[];
  /** For the user too, but only worth a word without --quiet: folders given that hold nothing to check. */
  notices: string[];
}

/**
 * Check drafts and return the report: discovery, configs, packs and checking, with no output.
 * A broken pack or config throws a PackError before anything is checked.
 */
export async function checkPaths(request: CheckRequest): Promise<CheckResponse> {
  const { cwd } = request;
  const useStdin = request.paths.includes('-');
  const named = request.paths.filter((p) => p !== '-');
  const contents = new Map((request.contents ?? []).map(({ path, content }) => [resolve(cwd, path), content]));
  const { files, missing, empty } = request.contents
    ? { files: request.contents.map(({ path }) => path), missing: [] as [string, string][], empty: [] }
    : await discoverFiles(named.length > 0 || useStdin ? named : ['.'], cwd);
  const namedFiles = new Set(named.map((p) => resolve(cwd, p)));
  const failures: InputFailure[] = missing.map(([path, message]) => ({ path, message }));
  const warnings: string[] = [];

  // Resolve every config and pack before checking anything: a broken pack stops the run up front.
  const loader = new PackLoader(cwd);
  const ignores = new Map<Config, Ignore>();
  const jobs: BatchJob[] = [];
  const ruleSets = new Set<RuleSet>();
  const prepare = async (path: string, file: string | null): Promise<void> => {
    const config = await loader.configFor(dirname(file ?? resolve(cwd, path)), request.config);
    if (request.ignore !== false && file && config.ignore.length > 0) {
      let matcher = ignores.get(config);
      if (!matcher) {
        // Loaded only when a config lists paths to ignore.
        const { default: ignore } = await import('ignore');
        ignores.set(config, (matcher = ignore().add(config.ignore)));
      }
      const rel = relative(config.dir, file);
      if (rel && !rel.startsWith('..') && matcher.ignores(rel.split('\\').join('/'))) {
        // Files found in a folder are skipped quietly; one named on the command line is worth a word.
        if (namedFiles.has(file)) warnings.push(`${path} is skipped: ${config.file} ignores it (use --no-ignore to check it)`);
        return;
      }
    }
    ruleSets.add(await loader.ruleSetFor(config, request.packs));
    const content = file ? contents.get(file) : undefined;
    const bytes = content ? content.length : file ? fileSize(file) : 0;
    jobs.push(content ? { path, file, content, bytes } : { path, file, bytes });
  };
  if (useStdin) await prepare(request.stdin?.path ?? '<stdin>', null);
  for (const path of files) await prepare(path, resolve(cwd, path));
  warnings.push(...new Set([...ruleSets].flatMap((ruleSet) => ruleSet.warnings)));

  const settings: BatchSettings = {
    cwd,
    maxBytes: request.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    ...(request.config !== undefined ? { config: request.config } : {}),
    ...(request.packs ? { packs: request.packs } : {}),
    ...(request.language ? { language: request.language } : {}),
    ...(request.inputFormat ? { inputFormat: request.inputFormat } : {}),
    ...(request.mapping ? { mapping: request.mapping } : {}),
    ...(request.keepText ? { keepText: true } : {}),
  };
  const bytes = jobs.reduce((sum, job) => sum + (job.bytes ?? 0), 0);
  request.onStart?.({ files: jobs.length, bytes });
  // Worker threads pay for their start-up and their own JIT warm-up only on large batches.
  const threads = bytes >= PARALLEL_MIN_BYTES ? Math.max(1, request.jobs ?? 1) : 1;
  const results: FileResult[] = [];
  const summarizer = new Summarizer();
  for (const failure of failures) request.onOutcome?.({ failure });
  const baselineFilter = request.baseline ? new BaselineFilter(request.baseline) : null;
  const emit = (outcome: Outcome): void => {
    if ('result' in outcome && baselineFilter) {
      const { result, removed } = baselineFilter.apply(outcome.result);
      summarizer.baselined += removed;
      outcome = { result };
    }
    if ('result' in outcome) {
      summarizer.add(outcome.result);
      if (request.keepResults !== false) results.push(outcome.result);
    } else {
      failures.push(outcome.failure);
    }
    request.onOutcome?.(outcome);
  };
  if (threads > 1) {
    const { checkInParallel } = await import('./pool.js');
    await checkInParallel(jobs, settings, loader, threads, emit, request.onFileDone, request.stdin?.read);
  } else {
    await checkAll(jobs, settings, loader, emit, request.stdin?.read, request.onFileDone);
  }
  const report: Report = {
    tool: { name: 'eindred', version: VERSION },
    files: results,
    summary: summarizer.summary(),
    errors: failures,
  };
  const rules = new Map<string, RuleListing>();
  for (const ruleSet of ruleSets)
    for (const rule of ruleSet.rules) if (!rules.has(rule.spec.id)) rules.set(rule.spec.id, describeRule(rule));
  return { report, warnings, notices: empty, rules };
}

export interface RulesRequest {
  cwd: string;
  /** A config file to use, or false to use none; by default the nearest .eindred.yaml above cwd. */
  config?: string | false;
  packs?: string[];
  category?: string;
  language?: string;
}

/**
 * The rules that run on a draft in `cwd`, after the config: for `eindred rules` and for tools
 * that show a newsroom what is checked. Sorted by language, pack and id.
 */
export async function listRules(request: RulesRequest): Promise<RuleListing[]> {
  const loader = new PackLoader(request.cwd);
  const config = await loader.configFor(request.cwd, request.config);
  const ruleSet = await loader.ruleSetFor(config, request.packs);
  return ruleSet.rules
    .filter(
      ({ spec }) =>
        (!request.category || spec.category === request.category) && (!request.language || spec.language === request.language),
    )
    .map(describeRule)
    .sort((a, b) => a.language.localeCompare(b.language) || a.pack.localeCompare(b.pack) || a.id.localeCompare(b.id));
}

/** A rule as `eindred rules`, `explain` and the SARIF report describe it. */
export function describeRule({ spec, severity }: RuleSet['rules'][number]): RuleListing {
  const options = spec.options as { terms?: string[]; forms?: string[]; patterns?: string[] };
  return {
    id: spec.id,
    pack: spec.pack,
    language: spec.language,
    category: spec.category,
    kind: spec.kind,
    severity,
    ...(spec.description ? { description: spec.description } : {}),
    looksFor: [...(options.terms ?? []), ...(options.forms ?? []), ...(options.patterns ?? [])],
    suggest: spec.suggest,
    ...(spec.reason ? { reason: spec.reason } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  };
}

export interface RuleExplanation extends RuleListing {
  message: string;
  /** Where a hit does not count: the rule's `unless` phrases, and its patterns written /…/. */
  except: string[];
  /** Words one of which must stand near a hit, and words that take a hit away. */
  context?: { near: string[]; notNear: string[]; window: number };
  inQuote: string;
  examples: { flag: string[]; pass: string[] };
  /** The pack file (for a built-in pack, relative to eindred's folder). */
  file: string;
}

/**
 * Everything about one rule that runs here, for `eindred explain`: message, reason, source,
 * alternatives and the pack's examples. Throws a PackError for a broken pack; returns the closest
 * ids when no rule has this one.
 */
export async function explainRule(
  request: RulesRequest & { id: string },
): Promise<{ rule: RuleExplanation } | { unknown: string[] }> {
  const loader = new PackLoader(request.cwd);
  const config = await loader.configFor(request.cwd, request.config);
  const ruleSet = await loader.ruleSetFor(config, request.packs);
  const active = ruleSet.rules.find((rule) => rule.spec.id === request.id);
  if (!active) {
    const ids = ruleSet.rules.map((rule) => rule.spec.id);
    const prefix = ids.filter((id) => id.startsWith(`${request.id}.`));
    const guess = closest(request.id, ids);
    return { unknown: prefix.length > 0 ? prefix : guess ? [guess] : [] };
  }
  let examples = active.spec.examples;
  // Built-in packs ship without their examples (they are the packs' tests): read them from the YAML.
  if (examples.flag.length + examples.pass.length === 0 && active.spec.file.startsWith('rules/')) {
    const { packageDir } = await import('./packs/builtin.js');
    const { parsePack } = await import('./packs/pack.js');
    const file = join(packageDir(), active.spec.file);
    if (existsSync(file)) {
      const pack = await parsePack(readFileSync(file, 'utf8'), active.spec.file);
      examples = pack.rules.find((rule) => rule.id === request.id)?.examples ?? examples;
    }
  }
  return {
    rule: {
      ...describeRule(active),
      message: active.spec.message,
      except: active.spec.unless.map((spec) => ('phrase' in spec ? spec.phrase : `/${spec.pattern}/`)),
      ...(active.spec.context ? { context: { ...active.spec.context } } : {}),
      inQuote: active.spec.inQuote,
      examples: { flag: [...examples.flag], pass: [...examples.pass] },
      file: active.spec.file,
    },
  };
}
