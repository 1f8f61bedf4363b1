import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { EXPORT_EXTENSIONS } from './exports/types.js';

/**
 * Extensions eindred looks for inside folders: drafts (Markdown, text, HTML, Word). Exports
 * (.json, .ndjson, .jsonl, .csv, .xml) are checked when named or matched by a glob: a folder
 * holds many JSON and XML files that are not news.
 */
const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.docx']);
/** Files whose patterns (.gitignore syntax) say what not to check in folders and globs. */
const IGNORE_FILES = ['.gitignore', '.eindredignore'];
/** Never looked into, by folder walks and globs alike (.git is a dot folder, which both skip). */
const SKIPPED_FOLDER = 'node_modules';
const ALWAYS_SKIPPED = [`**/${SKIPPED_FOLDER}/**`, '**/.git/**'];

export interface Discovered {
  /** Paths as given or found, in a stable order, without duplicates. */
  files: string[];
  /** Arguments that named nothing: [argument, reason]. */
  missing: [string, string][];
  /** Folders given that hold nothing to check, with a word on why: not a failure, but worth saying. */
  empty: string[];
}

/** Whether an argument is a glob rather than a path (a path that exists always wins). */
function isGlob(arg: string): boolean {
  return /[*?[\]{}!]/.test(arg);
}

/** tinyglobby (with picomatch) is loaded only for globs: a hook names files, a folder is walked. */
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
  const empty: string[] = [];
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
        const { drafts, exports, ignoreFiles } = walkFolder(absolute);
        const ignored = await ignoreFilter(absolute, ignoreFiles);
        const kept = drafts.filter((rel) => !ignored(join(absolute, rel)));
        for (const rel of kept) add(join(arg, rel));
        if (kept.length === 0) empty.push(`${arg}: ${whyEmpty(arg, drafts.length, exports)}`);
      } else {
        add(arg);
      }
      continue;
    }
    if (isGlob(arg)) {
      const glob = await globber();
      const found = await glob(arg, { cwd, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false, onlyFiles: true });
      if (found.length === 0) missing.push([arg, 'no files match this pattern']);
      const base = globBase(resolve(cwd, arg));
      const matched = found.sort().map((path) => [path, resolve(cwd, path)] as const);
      const files = matched.map(([, file]) => file);
      const ignored = await ignoreFilter(base, ignoreFilesFor(base, files));
      for (const [path, file] of matched) if (!ignored(file)) add(path);
      continue;
    }
    missing.push([arg, whyMissing(absolute)]);
  }
  return { files, missing, empty };
}

/** The folder a glob starts from: its part before the first wildcard. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed = parts.findIndex((part) => isGlob(part));
  return fixed <= 0 ? dirname(pattern) : parts.slice(0, fixed).join('/') || '/';
}

/**
 * The ignore files below `base` that can speak for `files`: those in the files' folders and in the
 * folders between them and `base`. A glob has crawled the tree already; these few folders are
 * looked at instead of walking it again.
 */
function ignoreFilesFor(base: string, files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); dir.startsWith(base) && !folders.has(dir); dir = dirname(dir)) {
      folders.add(dir);
      if (dir === base) break;
    }
  }
  return [...folders].flatMap((dir) => IGNORE_FILES.map((name) => join(dir, name)).filter((file) => existsSync(file)));
}

/** Why a folder given to check yields nothing: all its drafts are ignored, or it has none (but maybe exports). */
function whyEmpty(folder: string, drafts: number, exports: readonly string[]): string {
  if (drafts > 0) {
    return `nothing to check in this folder: its ${drafts === 1 ? 'one draft is' : `${drafts} drafts are all`} skipped by .gitignore or .eindredignore`;
  }
  if (exports.length === 0) {
    return 'no drafts in this folder (eindred looks for .md, .markdown, .txt, .html, .htm and .docx files in folders; name an export such as a .ndjson or .csv file to check it)';
  }
  // A glob for the most frequent kind of export: exports/*.ndjson, with ** when some are in subfolders.
  const counts = new Map<string, number>();
  for (const rel of exports) counts.set(extname(rel), (counts.get(extname(rel)) ?? 0) + 1);
  const [ext] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const nested = exports.some((rel) => rel.includes('/') && extname(rel) === ext);
  const glob = `${toPosix(folder).replace(/\/+$/, '')}/${nested ? '**/' : ''}*${ext}`;
  return `no drafts in this folder, but ${exports.length === 1 ? 'an export file' : `${exports.length} export files`}; exports are checked only when named, for example: eindred check '${glob}'`;
}

/**
 * The drafts in a folder (paths relative to it, with `/`, sorted) and the ignore files in it.
 * What a glob of the draft extensions finds with tinyglobby: no dot files or folders, nothing in
 * node_modules, no symbolic links, extensions as written; walked here, since loading a glob
 * engine would cost a folder run about 20 ms before its first file is read. Folders that cannot
 * be read are passed over, as a glob does.
 */
export function walkFolder(root: string): { drafts: string[]; exports: string[]; ignoreFiles: string[] } {
  const drafts: string[] = [];
  const exports: string[] = [];
  const ignoreFiles: string[] = [];
  const folders: [dir: string, rel: string][] = [[root, '']];
  for (let next = folders.pop(); next; next = folders.pop()) {
    const [dir, rel] = next;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith('.')) {
        // Ignore files in dot folders are left out with those folders: they ignore nothing checked.
        if (IGNORE_FILES.includes(name) && entry.isFile()) ignoreFiles.push(join(dir, name));
      } else if (entry.isDirectory()) {
        if (name !== SKIPPED_FOLDER) folders.push([join(dir, name), `${rel}${name}/`]);
      } else if (entry.isFile()) {
        if (DRAFT_EXTENSIONS.has(extname(name))) drafts.push(`${rel}${name}`);
        // Exports are never picked up from a folder, but named in the warning about a folder without drafts.
        else if (Object.hasOwn(EXPORT_EXTENSIONS, extname(name))) exports.push(`${rel}${name}`);
      }
    }
  }
  return { drafts: drafts.sort(), exports, ignoreFiles };
}

/**
 * Whether a file below `root` is ignored by a .gitignore or .eindredignore: those inside `root`
 * (`below`), and those of the folders above it up to the top of its git repository.
 */
async function ignoreFilter(root: string, below: readonly string[]): Promise<(file: string) => boolean> {
  const files = [...below];
  for (let dir = root; ; ) {
    if (dir !== root) files.push(...IGNORE_FILES.map((name) => join(dir, name)).filter((file) => existsSync(file)));
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  if (files.length === 0) return () => false;
  const { default: ignore } = await import('ignore');
  const matchers = new Map<string, Ignore>();
  for (const file of files) {
    const dir = dirname(file);
    let matcher = matchers.get(dir);
    if (!matcher) matchers.set(dir, (matcher = ignore()));
    try {
      matcher.add(readFileSync(file, 'utf8'));
    } catch {
      // An unreadable ignore file ignores nothing.
    }
  }
  return (file) => {
    for (const [dir, matcher] of matchers) {
      const rel = relative(dir, file);
      if (!rel.startsWith('..') && rel !== '' && matcher.ignores(toPosix(rel))) return true;
    }
    return false;
  };
}

/** Why a path names nothing eindred can read: absent, or a symbolic link that leads nowhere. */
function whyMissing(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return 'no such file or folder';
  } catch {
    return 'no such file or folder';
  }
  try {
    statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'a symbolic link that points to itself (a loop)';
  }
  return 'a symbolic link to a file that does not exist';
}
