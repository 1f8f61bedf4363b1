#!/usr/bin/env node
// npm run bench: how fast eindred starts, how fast it checks real text, and whether matching cost
// stays flat as packs grow. Uses the built CLI (npm run bench builds first) and the corpora in
// ../shared/corpora; the parts that need them are skipped with a message when they are absent.
// Prints figures; never fails the build. Options: --runs N (default 5).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'eindred.cjs');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const work = mkdtempSync(join(tmpdir(), 'eindred-bench-'));
// What the launcher sets for a batch run (bin/eindred.cjs): the API-level figures use it too.
const { BATCH_V8_FLAGS } = createRequire(import.meta.url)('../bin/v8-tuning.cjs');

function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

/** Median wall time of `runs` runs, after one warm-up run (file cache, not JIT: every run is a new process). */
function median(command, args, runs = RUNS) {
  return interleaved([[command, args]], runs)[0];
}

/**
 * Median wall times of several commands, run in turn (A B C A B C …), so that a slow moment of a
 * shared machine falls on all of them alike: their ratios are what the targets are about.
 */
function interleaved(commands, runs = RUNS) {
  commands.forEach(([command, args, options]) => time(command, args, options));
  const samples = commands.map(() => []);
  for (let run = 0; run < runs; run++)
    commands.forEach(([command, args, options], i) => samples[i].push(time(command, args, options)));
  return samples.map((times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
}

const eindred = (...args) => [BIN, ...args];

/**
 * Checking time without start-up: a fresh process loads eindred's API and times checkPaths on
 * `dir` (discovery, packs, reading, checking; not Node's and eindred's own start, which the
 * one-draft figure covers), with the V8 settings the launcher uses for batches. The times of `runs`
 * processes, fastest first. This first pass runs mostly before V8 has optimised anything. With `after`, the call
 * checks that folder first and then `dir`, as a desk checks a stream of articles, and the time is
 * that of the files of `dir`: from the outcome of the last file before them to the end of the call.
 */
function checkingMs(dir, runs, after) {
  const script = `const { checkPaths } = await import(${JSON.stringify(new URL('../dist/api.js', import.meta.url).href)});
const before = ${JSON.stringify(after ?? null)};
let start = performance.now();
let ordered = true;
let seen = false;
await checkPaths({
  paths: before ? [before, ${JSON.stringify(dir)}] : [${JSON.stringify(dir)}],
  cwd: process.cwd(),
  config: false,
  keepResults: false,
  onOutcome: (outcome) => {
    const path = outcome.result?.path ?? outcome.failure?.path;
    if (!before || !path.startsWith(before)) return void (seen = true);
    if (seen) ordered = false;
    start = performance.now();
  },
});
if (!ordered) throw new Error('the files were not checked in the order given');
process.stdout.write(String(performance.now() - start));`;
  return Array.from({ length: runs }, () => {
    const result = spawnSync(process.execPath, [...BATCH_V8_FLAGS, '--input-type=module', '-e', script], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return Number(result.stdout);
  }).sort((a, b) => a - b);
}
const middle = (sorted) => sorted[Math.floor(sorted.length / 2)];
/**
 * Processes for the sustained figure, on which the throughput verdict is taken: the machine's
 * speed drifts by a fifth from one process to the next, and more of them make the median steadier.
 */
const SUSTAINED_RUNS = RUNS * 2 + 1;
const fmt = (n, digits = 1) => n.toFixed(digits);
const verdicts = [];
function verdict(ok, text) {
  verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
}

function writeCorpus(name, jsonl, toText) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const lines = readFileSync(jsonl, 'utf8').trim().split('\n');
  lines.forEach((line, i) => {
    const text = toText(JSON.parse(line));
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), text);
  });
  return { dir, bytes, files: lines.length };
}

function dirBytes(dir) {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

console.log(`eindred benchmark — node ${process.version}, ${RUNS} runs per figure (median)\n`);

// 1. Start-up: one draft, as a pre-commit hook checks it.
const draft = join(ROOT, 'fixtures', 'nl', 'zwembad.md');
const undeclared = join(work, 'zonder-taal.md');
writeFileSync(undeclared, readFileSync(draft, 'utf8').replace(/^lang: nl\n/m, ''));
// A pre-commit hook: a git repository with one staged draft, checked with --staged.
const repo = join(work, 'repo');
mkdirSync(repo);
const git = (...args) => spawnSync('git', args, { cwd: repo, stdio: 'ignore' });
git('init', '-q');
writeFileSync(join(repo, 'zwembad.md'), readFileSync(draft));
git('add', 'zwembad.md');
const [nodeMs, draftMs, undeclaredMs, stagedMs] = interleaved(
  [
    [process.execPath, ['-e', '0']],
    [process.execPath, eindred('check', draft)],
    [process.execPath, eindred('check', undeclared)],
    [process.execPath, eindred('check', '--staged', '--quiet'), { cwd: repo }],
  ],
  RUNS * 3,
);
console.log('One draft (fixtures/nl/zwembad.md; runs interleaved)');
console.log(`  node -e 0                      ${fmt(nodeMs)} ms`);
console.log(`  eindred check, lang declared   ${fmt(draftMs)} ms  (${fmt(draftMs / nodeMs, 2)}× node)`);
console.log(`  eindred check, lang detected   ${fmt(undeclaredMs)} ms  (${fmt(undeclaredMs / nodeMs, 2)}× node)`);
console.log(
  `  pre-commit: check --staged     ${fmt(stagedMs)} ms  (${fmt(stagedMs / nodeMs, 2)}× node; a git repository with the draft staged)\n`,
);
verdict(draftMs <= 2.5 * nodeMs, `one draft in ≤ 2.5× node -e 0 (${fmt(draftMs / nodeMs, 2)}×)`);
verdict(stagedMs <= 2.5 * nodeMs, `pre-commit run with one staged draft in ≤ 2.5× node -e 0 (${fmt(stagedMs / nodeMs, 2)}×)`);

if (!existsSync(CORPORA)) {
  console.log(`Skipping throughput and pack growth: ${CORPORA} is absent.\n`);
} else {
  // 2. Throughput on real text, each article a file.
  const corpora = [
    writeCorpus(
      'wikinews-en',
      join(CORPORA, 'en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl'),
      (a) => `${a.title}\n\n${a.text}\n`,
    ),
    writeCorpus(
      'kamervragen-nl',
      join(CORPORA, 'nl/be-kamer-schriftelijke-vragen/be_parliament_2020.nl.jsonl'),
      (a) => `${a.text}\n`,
    ),
  ];
  const markdownDir = join(CORPORA, 'en/wikipedia-current-events/posts');
  console.log('Throughput with the built-in packs');
  console.log('  wall:        MB over the wall time of eindred check <folder> --format json, start-up included');
  console.log('  first pass:  MB over the time of checkPaths() on the folder in a fresh process (no start-up, which');
  console.log('               is measured above, but V8 still warming up: most of the code runs unoptimised), with');
  console.log(`               the launcher's V8 settings for batches (${BATCH_V8_FLAGS.join(' ')})`);
  console.log('  sustained:   the same files checked after other text in one call, as a desk checks a stream of');
  console.log('               articles: for Wikinews, after the 599 English current-events posts of Wikipedia (8.6 MB)');
  let sustained = 0;
  let firstPass = 0;
  let wall = 0;
  for (const corpus of corpora) {
    const ms = median(process.execPath, eindred('check', corpus.dir, '--format', 'json', '--no-config'), Math.min(RUNS, 3));
    const mb = corpus.bytes / 1e6;
    const rate = mb / (ms / 1000);
    const first = mb / (middle(checkingMs(corpus.dir, RUNS)) / 1000);
    const english = corpus.dir.endsWith('wikinews-en');
    const steadyMs = english && existsSync(markdownDir) ? checkingMs(corpus.dir, SUSTAINED_RUNS, markdownDir) : [];
    const steady = steadyMs.length > 0 ? mb / (middle(steadyMs) / 1000) : 0;
    if (english) [sustained, firstPass, wall] = [steady, first, rate];
    const spread = steady
      ? `, sustained ${fmt(steady, 2)} MB/s (median of ${steadyMs.length} processes; ${fmt(mb / (steadyMs.at(-1) / 1000), 2)}–${fmt(mb / (steadyMs[0] / 1000), 2)})`
      : '';
    console.log(
      `  ${corpus.dir.split('/').pop().padEnd(16)} ${String(corpus.files).padStart(5)} files ${fmt(mb, 2).padStart(6)} MB  wall ${fmt(rate, 2)} MB/s, first pass ${fmt(first, 2)} MB/s${spread}`,
    );
  }
  if (existsSync(markdownDir)) {
    const ms = median(process.execPath, eindred('check', markdownDir, '--format', 'json', '--no-config'), Math.min(RUNS, 3));
    const mb = dirBytes(markdownDir) / 1e6;
    const first = mb / (middle(checkingMs(markdownDir, Math.min(RUNS, 3))) / 1000);
    console.log(
      `  ${'current-events'.padEnd(16)} ${String(readdirSync(markdownDir).length).padStart(5)} files ${fmt(mb, 2).padStart(6)} MB  wall ${fmt(mb / (ms / 1000), 2)} MB/s, first pass ${fmt(first, 2)} MB/s  (Markdown)`,
    );
  }
  console.log('');
  if (sustained > 0) {
    verdict(
      sustained >= 5,
      `≥ 5 MB/s checking the English Wikinews files, sustained (${fmt(sustained, 2)} MB/s; first pass in a fresh process ${fmt(firstPass, 2)} MB/s, wall with start-up ${fmt(wall, 2)} MB/s)`,
    );
  } else {
    console.log(`Skipping the sustained Wikinews figure: ${markdownDir} is absent.\n`);
  }

  // 3. Pack growth: the same files with a generated pack of 10, 1,000 and 10,000 terms on top.
  // The verdict is taken on the large Dutch batch: what must not grow is the cost of matching.
  // The small English set shows the fixed cost of reading a bigger pack on top.
  const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'tra', 'vel', 'dor', 'pin', 'gur', 'zen', 'bar', 'qua', 'fen', 'hol', 'wir'];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Three or four syllables: varied beginnings (the stem gate sees many), rarely a real word.
  const word = () =>
    Array.from({ length: 3 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  // Real words too, so that the generated rules also hit and go through the whole path.
  const real = {
    en: ['council', 'storm', 'election', 'minister', 'police', 'hospital', 'budget', 'court', 'school', 'river'],
    nl: ['gemeente', 'minister', 'regering', 'begroting', 'politie', 'ziekenhuis', 'school', 'rivier', 'wet', 'belasting'],
  };
  const packFor = (language, count) => {
    const terms = Array.from({ length: count }, (_, i) =>
      i < real[language].length ? real[language][i] : i % 5 === 0 ? `${word()} ${word()}` : word(),
    );
    const rules = [];
    for (let i = 0; i < terms.length; i += 10) {
      rules.push(
        `  - id: ${language}.bench.r${i}\n    terms: [${terms.slice(i, i + 10).join(', ')}]\n    message: "‘{match}’ is a generated term."`,
      );
    }
    const file = join(work, `pack-${language}-${count}.yaml`);
    writeFileSync(
      file,
      `pack: bench-${language}-${count}\nlanguage: ${language}\ndefaults: { kind: term, category: bias, severity: info }\nrules:\n${rules.join('\n')}\n`,
    );
    return file;
  };
  const sizes = [10, 1000, 10000];
  const growthOn = (dir, language) =>
    interleaved(
      sizes.map((count) => [
        process.execPath,
        eindred('check', dir, '--format', 'json', '--no-config', '--pack', 'builtin', '--pack', packFor(language, count)),
      ]),
      Math.min(RUNS, 5),
    );
  console.log('Pack growth: built-in packs plus a generated pack (eindred check <folder>; runs interleaved)');
  const batch = growthOn(corpora[1].dir, 'nl');
  const small = growthOn(corpora[0].dir, 'en');
  console.log(`  ${'terms'.padStart(6)}  ${'kamervragen-nl (7.7 MB)'.padEnd(24)}  wikinews-en (1.4 MB)`);
  sizes.forEach((count, i) =>
    console.log(
      `  ${String(count).padStart(6)}  ${`${fmt(batch[i], 0)} ms  ${fmt(batch[i] / batch[0], 2)}×`.padEnd(24)}  ${fmt(small[i], 0)} ms  ${fmt(small[i] / small[0], 2)}×`,
    ),
  );
  console.log('');
  verdict(
    batch[2] <= 1.5 * batch[0],
    `10,000-term pack ≤ 1.5× the 10-term pack on the batch (${fmt(batch[2] / batch[0], 2)}×; ${fmt(small[2] / small[0], 2)}× on the small English set)`,
  );

  // 4. An editorial desk: a CMS export as NDJSON, articles from the corpora (Wikinews and the
  // Belgian questions in turn), checked with one and two worker threads; then peak memory on
  // 100,000 articles, streamed out as NDJSON.
  const wikinews = readFileSync(join(CORPORA, 'en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const questions = readFileSync(join(CORPORA, 'nl/be-kamer-schriftelijke-vragen/be_parliament_2020.nl.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const writeExport = (count) => {
    const file = join(work, `export-${count}.ndjson`);
    const lines = [];
    for (let i = 0; i < count; i++) {
      const article = i % 3 === 0 ? wikinews[i % wikinews.length] : questions[i % questions.length];
      lines.push(JSON.stringify({ id: `a${i}`, title: article.title ?? '', body: article.text, meta: { ai: { used: false } } }));
      if (lines.length === 5000) {
        writeFileSync(file, `${lines.join('\n')}\n`, { flag: i < 5000 ? 'w' : 'a' });
        lines.length = 0;
      }
    }
    if (lines.length > 0) writeFileSync(file, `${lines.join('\n')}\n`, { flag: count <= 5000 ? 'w' : 'a' });
    return file;
  };
  /** Wall time and peak memory (resident set of the whole process, all threads) of one CLI run. */
  const measured = (args) => {
    const rssFile = join(work, 'rss');
    const launcher = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));
process.argv.splice(1, 0, ${JSON.stringify(BIN)});
import(${JSON.stringify(new URL('../bin/eindred.cjs', import.meta.url).href)});`;
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-e', launcher, '--', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`eindred ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  };
  const exportArgs = ['--text-field', 'body', '--meta-field', 'ai=meta.ai', '--no-config'];
  const ten = writeExport(10000);
  console.log(
    `Editorial desk: NDJSON export of 10,000 articles (${fmt(statSync(ten).size / 1e6, 1)} MB; median of ${Math.min(RUNS, 3)})`,
  );
  const perJobs = [1, 2].map((jobs) => {
    const runs = Array.from({ length: Math.min(RUNS, 3) }, () =>
      measured(['check', ten, '--format', 'ndjson', '--jobs', String(jobs), ...exportArgs]),
    );
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    console.log(
      `  --jobs ${jobs}   ${fmt(ms / 1000, 2)} s   ${fmt(10000 / (ms / 1000), 0)} articles/s   peak ${fmt(Math.max(...runs.map((r) => r.rssMb)), 0)} MB`,
    );
    return ms;
  });
  console.log(`  --jobs 2 is ${fmt(perJobs[0] / perJobs[1], 2)}× --jobs 1`);
  rmSync(ten);
  const hundred = writeExport(100000);
  console.log(`NDJSON export of 100,000 articles (${fmt(statSync(hundred).size / 1e6, 0)} MB), --format ndjson, streamed`);
  for (const jobs of [1, 2]) {
    const { ms, rssMb } = measured(['check', hundred, '--format', 'ndjson', '--jobs', String(jobs), ...exportArgs]);
    console.log(
      `  --jobs ${jobs}   ${fmt(ms / 1000, 1)} s   ${fmt(100000 / (ms / 1000), 0)} articles/s   peak memory ${fmt(rssMb, 0)} MB`,
    );
    verdict(rssMb < 400, `100,000-article NDJSON export in under 400 MB with --jobs ${jobs} (${fmt(rssMb, 0)} MB)`);
  }
  rmSync(hundred);
  console.log('');
}

console.log(verdicts.join('\n'));
rmSync(work, { recursive: true, force: true });
