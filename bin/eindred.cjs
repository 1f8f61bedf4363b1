#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in dist/cli.cjs (built from src/ by `npm install` / `npm run build`).
//
// A pre-commit hook starts eindred for every commit, so start-up counts. The launcher keeps V8's
// compiled code for the CLI in a cache file (in the system's temporary folder, never next to the
// drafts) and hands it back to V8 on the next run, which then skips compiling what it compiled
// before: about 30 ms of a 150 ms run. A cache V8 does not accept (another Node.js, a new build)
// is simply replaced. EINDRED_NO_COMPILE_CACHE=1 switches it off.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');

/** FNV-1a, 32 bits, as hex: names the cache without loading node:crypto. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** One folder per installed eindred; in it, one file for this build of the bundle and this Node.js. */
function cacheFile() {
  const stat = fs.statSync(file);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = path.join(require('node:os').tmpdir(), `eindred-compile-cache-${uid}`, hash(file));
  return path.join(dir, `${hash(`${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`)}.bin`);
}

/**
 * Whether this looks like a short run: a hook or an editor checking a few drafts, or a command
 * other than check. Code run from the cache starts fast but runs long batches slower (V8 tiers it
 * up later), so folders, globs, big files and many files run without it.
 */
function shortRun(args) {
  if (args[0] !== 'check' || args.includes('--staged')) return true;
  let files = 0;
  let bytes = 0;
  for (const arg of args.slice(1)) {
    if (/[*?[\]{}]/.test(arg)) return false;
    let stat;
    try {
      stat = fs.statSync(arg);
    } catch {
      continue; // an option or its value
    }
    if (stat.isDirectory()) return false;
    files++;
    bytes += stat.size;
  }
  return files <= 20 && bytes <= 1024 * 1024;
}

/** The CLI run from the code cache, and a way to save what it compiled. `fresh` ignores a cache. */
function load({ fresh = false } = {}) {
  const vm = require('node:vm');
  let cache;
  let cachedData;
  try {
    cache = cacheFile();
    if (!fresh) cachedData = fs.readFileSync(cache);
  } catch {
    // No cache yet: this run makes one.
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  const exports = {};
  const module = { exports, filename: file, id: file, loaded: false };
  script.runInThisContext()(exports, Module.createRequire(file), module, file, path.dirname(file));
  const save = () => {
    if (!cache || (cachedData && !script.cachedDataRejected)) return;
    try {
      fs.mkdirSync(path.dirname(cache), { recursive: true, mode: 0o700 });
      const temporary = `${cache}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cache);
      // Caches of earlier builds of this installation are of no use any more.
      for (const old of fs.readdirSync(path.dirname(cache))) {
        if (old !== path.basename(cache) && old.endsWith('.bin')) fs.rmSync(path.join(path.dirname(cache), old), { force: true });
      }
    } catch {
      // A read-only temporary folder: run without a cache.
    }
  };
  return { main: module.exports.main, save };
}

if (!process.env.EINDRED_WARM_UP) {
  const args = process.argv.slice(2);
  const short = shortRun(args);
  // Batches only: a short run is over before V8 optimises much (see v8-tuning.cjs).
  if (!short && !process.env.EINDRED_NO_V8_TUNING) {
    const v8 = require('node:v8');
    for (const flag of require('./v8-tuning.cjs').BATCH_V8_FLAGS) v8.setFlagsFromString(flag);
  }
  const cli = process.env.EINDRED_NO_COMPILE_CACHE || !short ? require(file) : load();
  cli.main(args).then((code) => {
    process.exitCode = code;
    // After the run, so that the cache holds the code that the run compiled.
    cli.save?.();
  });
} else {
  // For the build's warm-up (scripts/warm-up.cjs): several typical runs, then one cache.
  module.exports = { load };
}
