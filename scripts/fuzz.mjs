#!/usr/bin/env node
// npm run fuzz: the property tests of test/property.test.ts with many more cases than npm test
// runs (FUZZ_RUNS, default 20,000 per property; pass a number to change it).
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '20000';
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/property.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
