'use strict';
// Run by scripts/build.mjs in a child process: fills V8's code cache (see bin/eindred.cjs) with
// the code of typical short runs — a Dutch draft with an English quote checked by name, and the
// same draft staged in a git repository (a pre-commit hook) — then saves it. Output is discarded.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const sample = `---\nlang: nl\n---\n# Gemeente sluit zwembad\n\nVolgens ingewijden kost de renovatie 40 procent meer. [bron?]\n\n> "The pool was built in 1970 and needs work," the engineer said.\n`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eindred-warm-up-'));
  try {
    fs.writeFileSync(path.join(dir, 'warm-up.md'), sample);
    process.env.EINDRED_WARM_UP = '1';
    const { load } = require('../bin/eindred.cjs');
    const cli = load({ fresh: true });
    process.chdir(dir);
    await cli.main(['check', 'warm-up.md', '--no-config']);
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore' });
      execFileSync('git', ['add', 'warm-up.md'], { cwd: dir, stdio: 'ignore' });
      await cli.main(['check', '--staged', '--quiet', '--no-config']);
    } catch {
      // No git here: the cache holds the first run only.
    }
    cli.save();
  } finally {
    process.chdir(os.tmpdir());
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  () => process.exit(0),
);
