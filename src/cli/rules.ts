import { listRules } from '../api.js';
import { normalizeLanguage } from '../engine.js';
import { RULE_CATEGORIES } from '../finding.js';
import { formatRulesJson, formatRulesText } from '../report/rules.js';
import { UsageError, type Terminal } from './terminal.js';

export interface RulesOptions {
  format: string;
  category?: string;
  lang?: string;
  config?: string | false;
  pack?: string[];
  color?: boolean;
}

/** `eindred rules`: the rules that run here, after the config, as text or JSON. */
export async function runRules(options: RulesOptions, terminal: Terminal): Promise<number> {
  if (options.category && !(RULE_CATEGORIES as readonly string[]).includes(options.category)) {
    throw new UsageError(`unknown category ‘${options.category}’: use ${RULE_CATEGORIES.join(', ')}`);
  }
  const language = options.lang === undefined ? undefined : normalizeLanguage(options.lang);
  if (options.lang !== undefined && !language) {
    throw new UsageError(`--lang takes a language code such as nl or en, not ‘${options.lang}’`);
  }
  const rules = await listRules({
    cwd: terminal.cwd,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.pack ? { packs: options.pack } : {}),
    ...(options.category ? { category: options.category } : {}),
    ...(language ? { language } : {}),
  });
  const color = options.color ?? terminal.colorByDefault;
  terminal.write(options.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules, { color }));
  return 0;
}
