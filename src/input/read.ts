import { readFileSync, statSync } from 'node:fs';
import type { InputProblem } from './document.js';

/** An input that cannot be checked; the run goes on with the others and ends with exit code 2. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A size in megabytes as a person writes it: 10, 0.05. */
export function megabytes(bytes: number): string {
  return String(Number((bytes / 1024 / 1024).toFixed(2)));
}

export interface DecodedText {
  text: string;
  problems: InputProblem[];
}

/** One decoder for every draft of a batch: making one per file showed up in profiles. */
let strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; bytes that are not
 * valid UTF-8 become U+FFFD and a warning; a file with NUL bytes is binary and refused.
 */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), problems: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), problems: [] };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    throw new InputError(path, 'this is a binary file (it holds NUL bytes), not a text draft');
  }
  try {
    return { text: strictUtf8.decode(bytes), problems: [] };
  } catch {
    // A decoder that failed is not reused.
    strictUtf8 = new TextDecoder('utf-8', { fatal: true });
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const at = Math.max(0, bad - (text.charCodeAt(0) === 0xfeff ? 1 : 0));
    return {
      text,
      problems: [
        { ruleId: 'eindred.input.encoding', severity: 'warning', message: 'invalidUtf8', range: { start: at, end: at + 1 } },
      ],
    };
  }
}

/**
 * Read and decode a draft. Synchronous on purpose: drafts are small, and a blocking read costs a
 * fraction of the round trips through the thread pool that an asynchronous one makes. `size`:
 * the file's size when the inputs were listed, so that it is not asked for again (on some file
 * systems a stat costs as much as reading a small draft).
 */
export function readInputFile(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES, size?: number): DecodedText {
  const tooLarge = (bytes: number): InputError =>
    new InputError(
      path,
      `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than --max-file-size ${megabytes(maxBytes)} MB; raise the limit to check it`,
    );
  const folder = (): InputError =>
    new InputError(path, 'this is a folder; give the folder itself as a path to check what is in it');
  try {
    if (size === undefined) {
      const info = statSync(path);
      if (info.isDirectory()) throw folder();
      size = info.size;
    }
    if (size > maxBytes) throw tooLarge(size);
    const bytes = readFileSync(path);
    // It grew since it was listed.
    if (bytes.length > maxBytes) throw tooLarge(bytes.length);
    return decodeText(bytes, path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw folder();
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ELOOP'
            ? 'a symbolic link that points to itself'
            : (error as Error).message;
    throw new InputError(path, `cannot be read: ${reason}`);
  }
}
