import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** What the CLI needs from the process; everything else in eindred stays free of it. */
export interface Terminal {
  cwd: string;
  /** Colours unless the output is not a terminal, NO_COLOR is set or TERM is dumb. */
  colorByDefault: boolean;
  write(text: string): void;
  warn(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Whether a progress bar may be drawn: standard error is a terminal. */
  progressAllowed: boolean;
  /** A progress bar on standard error over `total` inputs; it appears only once a run takes a while. */
  progress(total: number): Progress;
  /** A report file, written to a temporary file next to it and renamed into place by `commit`. */
  openOutput(path: string): OutputFile;
  /** A small file the user named (a baseline), or null when there is none. */
  readFile(path: string): string | null;
  /** Write a small file the user named (a baseline, a config), whole or not at all. */
  writeFile(path: string, text: string): void;
  /**
   * End cleanly on Ctrl-C (exit 130) and when the reader of standard output goes away
   * (`eindred check … | head`: exit 141): no stack trace, no half-written report file.
   */
  handleSignals(): void;
}

export interface Progress {
  /** A document was checked (with its findings), or an input could not be. */
  document(findings: number): void;
  /** An input file is done. */
  file(): void;
  stop(): void;
}

export interface OutputFile {
  write(text: string): void;
  commit(): void;
  /** Remove the temporary file (on an error or an interrupt). */
  discard(): void;
}

/** A mistake in how eindred was called: one line of help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Progress bars wait this long: a quick run never shows one. */
const PROGRESS_DELAY_MS = 1000;

function progressBar(total: number): Progress {
  const started = Date.now();
  let files = 0;
  let documents = 0;
  let findings = 0;
  // cli-progress is CommonJS: loaded with require, and only when a terminal may show a bar.
  let bar: import('cli-progress').SingleBar | null = null;
  const payload = () => {
    const seconds = (Date.now() - started) / 1000;
    return { documents, findings, rate: seconds > 0 ? (documents / seconds).toFixed(0) : '0' };
  };
  const timer = setTimeout(() => {
    const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
    bar = new SingleBar(
      {
        format: ' {bar} {value}/{total} files | {documents} documents, {findings} findings | {rate}/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    bar.start(total, files, payload());
  }, PROGRESS_DELAY_MS);
  timer.unref();
  return {
    document(count) {
      documents++;
      findings += count;
      if (bar && documents % 50 === 0) bar.update(files, payload());
    },
    file() {
      files++;
      bar?.update(files, payload());
    },
    stop() {
      clearTimeout(timer);
      bar?.stop();
    },
  };
}

/** Report files being written, removed if the run is interrupted. */
const openOutputs = new Set<OutputFile>();

function outputFile(path: string): OutputFile {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | null;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dirname(path)} does not exist`
        : code === 'EACCES'
          ? 'permission denied'
          : (error as Error).message;
    throw new UsageError(`cannot write ${path}: ${why}`);
  }
  const close = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const file: OutputFile = {
    write(text) {
      if (fd !== null && text) writeSync(fd, text);
    },
    commit() {
      close();
      renameSync(temporary, path);
      openOutputs.delete(file);
    },
    discard() {
      close();
      rmSync(temporary, { force: true });
      openOutputs.delete(file);
    },
  };
  openOutputs.add(file);
  return file;
}

function stop(code: number): never {
  for (const file of [...openOutputs]) file.discard();
  // A progress bar may have hidden the cursor.
  if (process.stderr.isTTY) process.stderr.write('\u001b[?25h');
  process.exit(code);
}

function handleSignals(): void {
  process.once('SIGINT', () => stop(130));
  process.once('SIGTERM', () => stop(143));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') stop(141);
      throw error;
    });
  }
}

export function processTerminal(): Terminal {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const colorByDefault = forced || (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    cwd: process.cwd(),
    colorByDefault: env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : colorByDefault,
    write: (text) => {
      if (text) process.stdout.write(text);
    },
    warn: (text) => {
      process.stderr.write(`eindred: ${text}\n`);
    },
    progressAllowed: Boolean(process.stderr.isTTY) && env.CI === undefined,
    progress: progressBar,
    openOutput: outputFile,
    handleSignals,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
      }
    },
    writeFile: (path, text) => {
      const file = outputFile(path);
      file.write(text);
      file.commit();
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
