import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmerFor } from '../language/stem.js';
import { lowerAligned, tokenize } from '../language/tokens.js';
import { parsePack } from './pack.js';
import type { Pack } from './types.js';

/**
 * The packs shipped in rules/. The build validates them once (regular expressions included) and
 * stores them as JSON next to the bundle, so a run reads JSON instead of parsing YAML: the one-draft
 * pre-commit run must stay near Node's own start-up time. Run from source (tests), they are
 * parsed from rules/ directly, so the tests always see the YAML as it is.
 */

export const BUILTIN_JSON = 'builtin-packs.json';

let packageRoot: string | undefined;

/** eindred's own folder (where package.json and rules/ are), found from this module. */
export function packageDir(): string {
  if (packageRoot) return packageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'rules')) && existsSync(join(dir, 'package.json'))) return (packageRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eindred is installed incompletely: its rules/ folder is missing');
    dir = parent;
  }
}

/** YAML files in a folder and its subfolders, sorted. */
export function yamlFilesIn(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...yamlFilesIn(path));
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** Parse and fully check every built-in pack (what the build and the tests do). */
export async function parseBuiltinPacks(root: string = packageDir()): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const file of yamlFilesIn(join(root, 'rules'))) {
    const pack = await parsePack(readFileSync(file, 'utf8'), relative(root, file).split('\\').join('/'));
    packs.push({ ...pack, builtin: true });
  }
  return packs;
}

let cached: Promise<Pack[]> | undefined;

export function builtinPacks(): Promise<Pack[]> {
  cached ??= (async () => {
    const compiled = new URL(`./${BUILTIN_JSON}`, import.meta.url);
    if (existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as Pack[];
    return parseBuiltinPacks();
  })();
  return cached;
}

/** Built-in packs chosen by a reference: `builtin`, `builtin:<language>` or `builtin:<pack name>`. */
export async function builtinPacksFor(ref: string): Promise<Pack[] | string> {
  const all = await builtinPacks();
  if (ref === 'builtin') return all;
  const name = ref.slice('builtin:'.length);
  const chosen = all.filter((pack) => pack.name === name || pack.file.startsWith(`rules/${name}/`));
  if (chosen.length > 0) return chosen;
  const languages = [...new Set(all.map((pack) => pack.language))].join(', ');
  return `there is no built-in pack ‘${name}’: use builtin, builtin:<language> (${languages}) or builtin:<pack name> (${all.map((p) => p.name).join(', ')})`;
}

/**
 * Every word the built-in packs stem when they are compiled (terms, unless phrases, context
 * words), by language, with its stem: shipped as dist/builtin-stems.json (see stem.ts).
 */
export function builtinStems(packs: readonly Pack[]): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const pack of packs) {
    const stem = stemmerFor(pack.language);
    const stems = (result[pack.language] ??= {});
    const add = (phrase: string): void => {
      const lower = lowerAligned(phrase);
      for (const { start, end } of tokenize(lower)) {
        const word = lower.slice(start, end);
        stems[word] = stem(word);
      }
    };
    for (const rule of pack.rules) {
      const options = rule.options as { terms?: string[] };
      options.terms?.forEach(add);
      for (const spec of rule.unless) if ('phrase' in spec) add(spec.phrase);
      rule.context?.near.forEach(add);
      rule.context?.notNear.forEach(add);
    }
  }
  return result;
}
