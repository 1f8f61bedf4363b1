import { execFileSync } from 'node:child_process';
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
    if (/not a git repository/i.test(stderr)) throw new UsageError('--staged needs a git repository: this folder is not in one');
    throw new UsageError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** Staged (added, copied, modified, renamed) drafts under `cwd`, limited to `pathspecs` if any. */
export function stagedDrafts(cwd: string, pathspecs: readonly string[]): StagedDraft[] {
  const names = git(cwd, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', ...pathspecs])
    .toString('utf8')
    .split('\0')
    // Only drafts with an extension eindred reads: a staged Makefile or LICENSE is not news.
    .filter((name) => /\.[^/.]+$/.test(name) && formatForPath(name) !== null);
  if (names.length === 0) return [];
  // One git process for all contents: `cat-file --batch` answers ":path" with the index's blob.
  const out = git(cwd, ['cat-file', '--batch'], names.map((name) => `:./${name}\n`).join(''));
  const drafts: StagedDraft[] = [];
  let at = 0;
  for (const name of names) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isFinite(size)) throw new UsageError(`git has no staged content for ${name} (${header})`);
    drafts.push({ path: name, content: out.subarray(headerEnd + 1, headerEnd + 1 + size) });
    at = headerEnd + 1 + size + 1;
  }
  return drafts;
}
