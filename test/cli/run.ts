import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from '../helpers.js';

export const BIN = join(ROOT, 'bin', 'eindred.cjs');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would; `npm test` builds it first (pretest). */
export function eindred(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  // A run that could not start or was killed has no exit code: say why, rather than fail on "-1".
  if (result.status === null) {
    const why = result.error ? String(result.error) : `killed by ${result.signal}`;
    throw new Error(`eindred ${args.join(' ')} did not exit: ${why}\n${String(result.stderr ?? '').slice(-2000)}`);
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
// Registered while the test file that imports this is collected: its folders go when it is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with the given files (paths relative to it), removed after the test file. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eindred-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}
