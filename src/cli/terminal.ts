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

function outputFile(path: string): OutputFile {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | null = openSync(temporary, 'w');
  const close = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write(text) {
      if (fd !== null && text) writeSync(fd, text);
    },
    commit() {
      close();
      renameSync(temporary, path);
    },
    discard() {
      close();
      rmSync(temporary, { force: true });
    },
  };
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
