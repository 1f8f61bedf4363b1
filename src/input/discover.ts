import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Extensions eindred looks for inside folders. */
export const DRAFT_GLOB = '**/*.{md,markdown,txt}';
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  /** Paths as given or found, in a stable order, without duplicates. */
  files: string[];
  /** Arguments that named nothing: [argument, reason]. */
  missing: [string, string][];
}

/** Whether an argument is a glob rather than a path (a path that exists always wins). */
function isGlob(arg: string): boolean {
  return /[*?[\]{}!]/.test(arg);
}

/** tinyglobby (with picomatch) is loaded only for folders and globs: a hook names files. */
async function globber(): Promise<typeof import('tinyglobby').glob> {
  return (await import('tinyglobby')).glob;
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * Expand the paths of `eindred check`: files as given, folders recursively (.md, .markdown, .txt,
 * skipping .git and node_modules), globs. Order is that of the arguments; within a folder or glob,
 * sorted, so reports are deterministic.
 */
export async function discoverFiles(args: readonly string[], cwd: string): Promise<Discovered> {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: [string, string][] = [];
  const add = (path: string): void => {
    const normal = toPosix(path);
    if (!seen.has(normal)) {
      seen.add(normal);
      files.push(normal);
    }
  };
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const glob = await globber();
        const found = await glob(DRAFT_GLOB, { cwd: absolute, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false, dot: false });
        for (const rel of found.sort()) add(join(arg, rel));
      } else {
        add(arg);
      }
      continue;
    }
    if (isGlob(arg)) {
      const glob = await globber();
      const found = await glob(arg, { cwd, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false, onlyFiles: true });
      if (found.length === 0) missing.push([arg, 'no files match this pattern']);
      for (const path of found.sort()) add(path);
      continue;
    }
    missing.push([arg, 'no such file or folder']);
  }
  return { files, missing };
}
