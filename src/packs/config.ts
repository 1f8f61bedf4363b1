import type { FieldMapping } from '../input/exports/types.js';
import { isSeverity, type Severity } from '../finding.js';
import { PackError } from './issues.js';
import { CHECK_KINDS } from '../checks/index.js';
import type { RegexToCheck } from '../checks/types.js';
import { DataFile } from './data-reader.js';
import { checkRegexes } from './regex.js';

export const CONFIG_NAMES = ['.eindred.yaml', '.eindred.yml'] as const;

export type RuleSetting = Severity | 'off';

export interface RuleOverride {
  setting: RuleSetting;
}

/** A `.eindred.yaml`: which packs, what to change about their rules, which paths to skip. */
export interface Config {
  /** The config file, or null for the built-in defaults. */
  file: string | null;
  /** Folder that relative pack paths and ignore patterns start from. */
  dir: string;
  /** Pack references: `builtin`, `builtin:<folder or pack name>`, or a path to a pack file or folder. */
  packs: string[];
  /** By rule id, or by an id prefix such as `nl.bias` for a whole group. */
  rules: Map<string, RuleOverride>;
  /** Paths to skip, in .gitignore syntax, relative to `dir`. */
  ignore: string[];
  /** Language of drafts that do not declare one (like --lang). */
  language?: string;
  /** Kind settings that override the packs' (`disclosure: { placement: … }`), by kind. */
  settings: Record<string, unknown>;
  /** Where the text, id, title and metadata of JSON, NDJSON and CSV export records are. */
  fields?: FieldMapping;
}

export const DEFAULT_PACKS = ['builtin'];

export function defaultConfig(dir: string): Config {
  return { file: null, dir, packs: [...DEFAULT_PACKS], rules: new Map(), ignore: [], settings: {} };
}

const KINDS_WITH_SETTINGS = Object.entries(CHECK_KINDS).filter(([, kind]) => kind.settings);
const CONFIG_KEYS = ['packs', 'rules', 'ignore', 'language', 'fields', ...KINDS_WITH_SETTINGS.map(([name]) => name)];
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export async function parseConfig(text: string, file: string, dir: string): Promise<Config> {
  const data = new DataFile(file, text);
  const config = defaultConfig(dir);
  config.file = file;
  if (data.root === null && !data.hasIssues) return config; // an empty file: the defaults
  const root = data.rootMap('an eindred config');
  if (!root) throw new PackError(await data.problems());
  root.allowOnly(CONFIG_KEYS, 'the config');
  const packs = root.stringList('packs');
  if (packs) config.packs = packs;
  config.ignore = root.stringList('ignore') ?? [];
  const language = root.string('language');
  if (language && !/^[a-z]{2,3}$/.test(language)) {
    root.issue('language', `‘language’ must be a lower-case ISO 639-1 code such as nl or en, not ‘${language}’`);
  } else if (language) {
    config.language = language;
  }
  const fields = root.map('fields');
  if (fields) {
    fields.allowOnly(['text', 'id', 'title', 'meta'], 'fields');
    const mapping: FieldMapping = {};
    const text = fields.stringList('text') ?? (fields.string('text') ? [fields.string('text')!] : undefined);
    if (text) mapping.text = text;
    const id = fields.string('id');
    if (id) mapping.id = id;
    const title = fields.string('title');
    if (title) mapping.title = title;
    const meta = fields.map('meta');
    if (meta) {
      mapping.meta = {};
      for (const key of meta.keys()) {
        const path = meta.string(key);
        if (path) mapping.meta[key] = path;
      }
    }
    config.fields = mapping;
  }
  const rules = root.map('rules');
  for (const id of rules?.keys() ?? []) {
    const setting = rules!.scalar(id);
    const value = setting === false ? 'off' : setting;
    if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
      rules!.issue(id, `rule ‘${id}’: the setting must be one of ${SETTINGS.join(', ')}`);
      continue;
    }
    config.rules.set(id, { setting: isSeverity(value) ? value : 'off' });
  }
  const regexes: RegexToCheck[] = [];
  for (const [name, kind] of KINDS_WITH_SETTINGS) {
    const map = root.map(name);
    const settings = map ? kind.settings!.read(map, { language: '', regexes }) : undefined;
    if (settings) config.settings[name] = settings;
  }
  await checkRegexes(regexes);
  if (data.hasIssues) throw new PackError(await data.problems());
  return config;
}
