import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinPacksFor, yamlFilesIn } from './builtin.js';
import { CONFIG_NAMES, defaultConfig, parseConfig, type Config } from './config.js';
import { PackError } from './issues.js';
import { parsePack } from './pack.js';
import { buildRuleSet, type RuleSet } from './ruleset.js';
import type { Pack } from './types.js';

/** A pack file larger than this is refused: real packs are a few hundred kilobytes at most. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

function fileError(file: string, message: string): PackError {
  return new PackError([{ file, line: 0, column: 0, message }]);
}

/**
 * Loads packs and configs from disk, each file once, and compiles one rule set per distinct
 * (config, packs) pair. This is the file-system edge of src/packs; parsing and compiling are pure.
 */
export class PackLoader {
  private readonly packs = new Map<string, Promise<Pack>>();
  private readonly configs = new Map<string, Promise<Config>>();
  private readonly configFileForDir = new Map<string, string | null>();
  private readonly ruleSets = new Map<string, Promise<RuleSet>>();

  constructor(private readonly cwd: string) {}

  /** The nearest .eindred.yaml at or above `dir`, or null. */
  findConfigFile(dir: string): string | null {
    const cached = this.configFileForDir.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file)) ?? null;
    if (!found) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.findConfigFile(parent);
    }
    this.configFileForDir.set(dir, found);
    return found;
  }

  loadConfig(file: string): Promise<Config> {
    let config = this.configs.get(file);
    if (!config) {
      // Read synchronously: a config is small, and a round trip through the thread pool costs a
      // one-draft run more than the read itself.
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        config = Promise.reject(
          fileError(
            this.display(file),
            `cannot read the config: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          ),
        );
        this.configs.set(file, config);
        return config;
      }
      config = parseConfig(text, this.display(file), dirname(file));
      this.configs.set(file, config);
    }
    return config;
  }

  /** The config for a file in `dir`: `--config`, else the nearest .eindred.yaml, else the defaults. */
  async configFor(dir: string, explicit?: string | false): Promise<Config> {
    if (explicit) return this.loadConfig(resolve(this.cwd, explicit));
    const file = explicit === false ? null : this.findConfigFile(dir);
    return file ? this.loadConfig(file) : defaultConfig(this.cwd);
  }

  /** The compiled rules for a config; `--pack` replaces the config's pack list. */
  ruleSetFor(config: Config, packOverride?: readonly string[]): Promise<RuleSet> {
    const override = packOverride && packOverride.length > 0;
    const refs = override ? packOverride : config.packs;
    const base = override ? this.cwd : config.dir;
    const key = `${config.file ?? ''}\u0000${base}\u0000${refs.join('\u0000')}`;
    let ruleSet = this.ruleSets.get(key);
    if (!ruleSet) {
      ruleSet = this.resolvePacks(refs, base, override ? '--pack' : (config.file ?? '--pack')).then((packs) =>
        buildRuleSet(packs, config),
      );
      this.ruleSets.set(key, ruleSet);
    }
    return ruleSet;
  }

  private async resolvePacks(refs: readonly string[], base: string, from: string): Promise<Pack[]> {
    const packs: Pack[] = [];
    const add = (pack: Pack): void => {
      if (!packs.includes(pack)) packs.push(pack);
    };
    for (const ref of refs) {
      if (ref === 'builtin' || ref.startsWith('builtin:')) {
        const chosen = await builtinPacksFor(ref);
        if (typeof chosen === 'string') throw fileError(from, chosen);
        chosen.forEach(add);
        continue;
      }
      const path = resolve(base, ref);
      if (!existsSync(path)) throw fileError(from, `pack ‘${ref}’ not found (looked for ${path})`);
      const files = statSync(path).isDirectory() ? yamlFilesIn(path) : [path];
      if (files.length === 0) throw fileError(from, `pack folder ‘${ref}’ holds no .yaml files`);
      for (const file of files) add(await this.loadPack(file));
    }
    return packs;
  }

  private loadPack(file: string): Promise<Pack> {
    let pack = this.packs.get(file);
    if (!pack) {
      pack = (async () => {
        const shown = this.display(file);
        const size = statSync(file).size;
        if (size > MAX_PACK_BYTES) {
          throw fileError(
            shown,
            `the pack is ${(size / 1024 / 1024).toFixed(1)} MB; packs over ${MAX_PACK_BYTES / 1024 / 1024} MB are refused`,
          );
        }
        return parsePack(readFileSync(file, 'utf8'), shown);
      })();
      this.packs.set(file, pack);
    }
    return pack;
  }

  /** Paths in messages: relative to the working directory when inside it. */
  private display(file: string): string {
    const rel = relative(this.cwd, file);
    return rel && !rel.startsWith('..') ? rel : file;
  }
}
