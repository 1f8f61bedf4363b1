// Build dist/ from src/ with esbuild.
// - The CLI is bundled: one file starts much faster than hundreds of small ESM modules (micromark
//   alone is ~100), and a one-draft pre-commit run must stay near `node -e 0`. Rarely needed parts
//   (franc, the regex analysers, the position-keeping YAML parser) stay in lazily loaded chunks.
// - The built-in packs in rules/ are validated here, regular expressions included, and written
//   to dist/builtin-packs.json, so that a run reads JSON instead of parsing YAML. A broken
//   built-in pack fails the build.
// - The subjective words of natural's sentiment lexicons go to dist/tone-lexicon.json (a few
//   kilobytes instead of natural's megabyte), for `kind: tone`; the stems of the words in the
//   built-in packs go to dist/builtin-stems.json, so a run does not stem them again.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/**
 * franc-min builds trigram tables for all its 82 languages when it loads (~10 ms and as much
 * garbage again), though eindred only ever asks it about the languages in candidates.json. The
 * bundle gets franc's data for those alone. franc's answers with `only` set to them are the same
 * (test/language/franc-bundle.test.ts compares them); a build without one of them fails.
 */
const francCandidates = {
  name: 'franc-candidates',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]franc-min[\\/]data\.js$/ }, async (args) => {
      const { data } = await import(pathToFileURL(args.path).href);
      const wanted = Object.values(JSON.parse(readFileSync(`${root}src/language/candidates.json`, 'utf8')));
      const kept = {};
      for (const [script, languages] of Object.entries(data)) {
        for (const [language, model] of Object.entries(languages)) {
          if (wanted.includes(language)) (kept[script] ??= {})[language] = model;
        }
      }
      const missing = wanted.filter((language) => !Object.values(kept).some((languages) => language in languages));
      if (missing.length > 0) throw new Error(`franc-min has no model for ${missing.join(', ')} (src/language/candidates.json)`);
      return { contents: `export const data = ${JSON.stringify(kept)};`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [francCandidates],
  // natural's stemmers are CommonJS and call require(); give the bundle a real one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The CLI is one CommonJS file: on Node 20, loading ES modules (resolving, linking, one file per
// chunk) costs a one-draft run some 40 ms more than one CommonJS file, even one that holds the
// lazily used parts too (V8 only pre-parses functions until they run).
await build({
  ...common,
  banner: {},
  format: 'cjs',
  entryPoints: { cli: 'src/cli/main.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: dist,
  // piscina starts its workers from its own files: it must stay in node_modules. The others are
  // loaded only by some runs (HTML and exports, language detection, checking a user's regular
  // expressions): left in node_modules, they cost a one-draft run nothing.
  external: [
    'piscina',
    'htmlparser2',
    'saxes',
    'mammoth',
    'csv-parse',
    'csv-parse/sync',
    'cli-progress',
    'tinyglobby',
    'ignore',
    'yaml',
    '@eslint-community/regexpp',
    'regexp-ast-analysis',
    'scslre',
  ],
  // import() of those packages becomes require(): the launcher runs the bundle from V8's code cache,
  // and Node 20 loses the import() callback of a script compiled from a cache. (franc-min is
  // ES-module only, so it is bundled.)
  supported: { 'dynamic-import': false },
  // import.meta.url, for files next to the bundle (built-in packs, stems, schemas, the worker).
  define: { 'import.meta.url': '__eindredModuleUrl' },
  inject: ['scripts/cjs-shim.js'],
  minify: !process.env.EINDRED_NO_MINIFY,
  sourcemap: 'linked',
  legalComments: 'linked',
});

await build({
  ...common,
  // api: the same checking as a function, for tools (and the benchmark) that want the report;
  // worker: a thread of --jobs N.
  entryPoints: { api: 'src/api.ts', worker: 'src/worker.ts' },
  // piscina starts its workers from its own files: it must stay in node_modules.
  external: ['piscina'],
  outdir: dist,
  splitting: true,
  minify: !process.env.EINDRED_NO_MINIFY,
  sourcemap: 'linked',
  legalComments: 'linked',
});

const compiler = `${dist}/.compile-packs.mjs`;
await build({ ...common, entryPoints: ['src/build-data.ts'], outfile: compiler, splitting: false });
try {
  const { parseBuiltinPacks, builtinStems, STEMS_JSON, extractToneLexicons, TONE_JSON } = await import(
    pathToFileURL(compiler).href
  );
  const require = createRequire(import.meta.url);
  writeFileSync(
    `${dist}/${TONE_JSON}`,
    JSON.stringify(extractToneLexicons((module) => readFileSync(require.resolve(module), 'utf8'))),
  );
  const packs = await parseBuiltinPacks(root);
  // A run needs no examples (they are the pack's tests, run from the YAML): leave them out.
  const shipped = packs.map((pack) => ({
    ...pack,
    rules: pack.rules.map((rule) => ({ ...rule, examples: { flag: [], pass: [] } })),
  }));
  writeFileSync(`${dist}/builtin-packs.json`, JSON.stringify(shipped));
  writeFileSync(`${dist}/${STEMS_JSON}`, JSON.stringify(builtinStems(packs)));
} catch (error) {
  console.error(`eindred build: a built-in pack is invalid:\n${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(compiler, { force: true });
}

// Warm V8's code cache (see bin/eindred.cjs) with typical short runs: a draft checked by name and
// a pre-commit run (scripts/warm-up.cjs). Without this, the first short run makes the cache.
{
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, [`${root}scripts/warm-up.cjs`], {
    stdio: 'ignore',
    env: { ...process.env, EINDRED_NO_COMPILE_CACHE: '' },
  });
}
