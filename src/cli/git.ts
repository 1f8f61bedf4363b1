import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { formatForPath } from '../input/parse.js';
import { UsageError } from './terminal.js';

/**
 * `--staged`: the drafts staged for commit, as git's index holds them. What is committed is what
 * is checked, also when the working tree has changed since `git add`.
 */

export interface StagedDraft {
  path: string;
  content: Buffer;
}

function git(cwd: string, args: string[], input?: Buffer | string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--staged needs git, which is not installed');
    if (/not a git repository|unknown option .cached/i.test(stderr))
      throw new UsageError('--staged needs a git repository: this folder is not in one');
    throw new UsageError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** Staged (added, copied, modified, renamed) drafts under `cwd`, limited to `pathspecs` if any. */
export function stagedDrafts(cwd: string, pathspecs: readonly string[]): StagedDraft[] {
  // `--raw` names each staged file with the id of its staged blob: `:100644 100644 <old> <new> M\0path\0`.
  const raw = git(cwd, ['diff', '--cached', '--raw', '-z', '--no-renames', '--diff-filter=ACM', '--relative', '--', ...pathspecs])
    .toString('utf8')
    .split('\0');
  const staged: { path: string; oid: string }[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const oid = raw[i]!.split(' ')[3];
    const path = raw[i + 1]!;
    // Only drafts with an extension eindred reads: a staged Makefile or LICENSE is not news.
    if (oid && /\.[^/.]+$/.test(path) && formatForPath(path) !== null) staged.push({ path, oid });
  }
  if (staged.length === 0) return [];
  // A file just staged is a loose object: read it without starting git again (a hook must be quick).
  const objects = objectsDir(cwd);
  const drafts = new Map<string, Buffer>();
  for (const entry of staged) {
    const content = objects && looseBlob(objects, entry.oid);
    if (content) drafts.set(entry.path, content);
  }
  const packed = staged.filter((entry) => !drafts.has(entry.path));
  if (packed.length > 0) {
    // Packed or borrowed objects: one git process for all of them.
    const out = git(cwd, ['cat-file', '--batch'], packed.map((entry) => `${entry.oid}\n`).join(''));
    let at = 0;
    for (const entry of packed) {
      const headerEnd = out.indexOf(10, at);
      const header = out.subarray(at, headerEnd).toString('utf8');
      const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
      if (!Number.isFinite(size)) throw new UsageError(`git has no staged content for ${entry.path} (${header})`);
      drafts.set(entry.path, out.subarray(headerEnd + 1, headerEnd + 1 + size));
      at = headerEnd + 1 + size + 1;
    }
  }
  return staged.map(({ path }) => ({ path, content: drafts.get(path)! }));
}

/** The objects folder of the repository `cwd` is in (also for a worktree's `.git` file). */
function objectsDir(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      try {
        if (statSync(dotGit).isDirectory()) return join(dotGit, 'objects');
        const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
        if (!pointer) return null;
        const gitDir = resolve(dir, pointer);
        // A linked worktree shares the main repository's objects.
        const common = join(gitDir, 'commondir');
        return existsSync(common)
          ? join(resolve(gitDir, readFileSync(common, 'utf8').trim()), 'objects')
          : join(gitDir, 'objects');
      } catch {
        return null;
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/** The content of a loose blob object, or null when it is not loose (or not a blob). */
function looseBlob(objects: string, oid: string): Buffer | null {
  try {
    const object = inflateSync(readFileSync(join(objects, oid.slice(0, 2), oid.slice(2))));
    const nul = object.indexOf(0);
    const header = object.subarray(0, nul).toString('latin1');
    if (!header.startsWith('blob ')) return null;
    return object.subarray(nul + 1);
  } catch {
    return null;
  }
}
