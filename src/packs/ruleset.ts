import { CHECK_KINDS } from '../checks/index.js';
import type { ActiveRule, Matcher } from '../checks/types.js';
import { Nearby } from '../checks/nearby.js';
import { Unless } from '../checks/unless.js';
import type { Config, RuleOverride } from './config.js';
import { closest, PackError } from './issues.js';
import type { Pack, RuleSpec } from './types.js';

/** A kind's settings for a language: its defaults, then each pack of the language, then the config. */
function kindSettings(kind: string, language: string, packs: readonly Pack[], config: Config): unknown {
  const settings = CHECK_KINDS[kind]!.settings;
  if (!settings) return undefined;
  let merged = settings.defaults();
  for (const pack of packs) {
    const own = pack.language === language ? pack.settings[kind] : undefined;
    if (own) merged = settings.merge(merged, own);
  }
  const fromConfig = config.settings[kind];
  return fromConfig ? settings.merge(merged, fromConfig) : merged;
}

/** Packs compiled for one config: per language, the matchers to run on each block. */
export interface RuleSet {
  rules: ActiveRule[];
  /** The matchers for a language, compiled when first asked for; undefined when no rule covers it. */
  matchersFor(language: string): readonly Matcher[] | undefined;
  /** Things worth telling the user that do not stop the run (a config naming an unknown rule). */
  warnings: string[];
}

/** The override for a rule: its exact id wins over the longest id prefix (`nl.bias`). */
function overrideFor(id: string, config: Config): RuleOverride | undefined {
  const exact = config.rules.get(id);
  if (exact) return exact;
  let best: RuleOverride | undefined;
  let bestLength = 0;
  for (const [key, override] of config.rules) {
    if (key.length > bestLength && id.startsWith(`${key}.`)) {
      best = override;
      bestLength = key.length;
    }
  }
  return best;
}

export function buildRuleSet(packs: readonly Pack[], config: Config): RuleSet {
  const seen = new Map<string, RuleSpec>();
  const duplicates: PackError['issues'][number][] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const earlier = seen.get(rule.id);
      if (earlier && earlier.file !== rule.file) {
        duplicates.push({
          file: rule.file,
          line: rule.line,
          column: 1,
          ruleId: rule.id,
          message: `this id is already used in ${earlier.file}:${earlier.line}: rule ids must be unique across the packs in use`,
        });
      }
      seen.set(rule.id, rule);
    }
  }
  if (duplicates.length > 0) throw new PackError(duplicates);

  const warnings: string[] = [];
  const ids = [...seen.keys()];
  for (const key of config.rules.keys()) {
    const known = ids.some((id) => id === key || id.startsWith(`${key}.`));
    if (!known && config.file) {
      const guess = closest(key, ids);
      warnings.push(
        `${config.file}: rules: no rule in the packs in use is called ‘${key}’ or starts with ‘${key}.’${guess ? `; did you mean ‘${guess}’?` : ''}`,
      );
    }
  }

  const rules: ActiveRule[] = [];
  for (const spec of seen.values()) {
    const override = overrideFor(spec.id, config);
    if (override?.setting === 'off' || (!spec.enabled && !override)) continue;
    rules.push({
      spec,
      severity: override?.setting ?? spec.severity,
      unless: spec.unless.length > 0 ? new Unless(spec.unless, spec.language) : null,
      nearby: spec.context ? new Nearby(spec.context, spec.language) : null,
    });
  }

  const grouped = new Map<string, Map<string, ActiveRule[]>>();
  for (const rule of rules) {
    let byKind = grouped.get(rule.spec.language);
    if (!byKind) grouped.set(rule.spec.language, (byKind = new Map()));
    const list = byKind.get(rule.spec.kind);
    if (list) list.push(rule);
    else byKind.set(rule.spec.kind, [rule]);
  }
  // Compiled on first use: a Dutch draft never pays for stemming the English terms.
  const compiled = new Map<string, Matcher[]>();
  const matchersFor = (language: string): Matcher[] | undefined => {
    let matchers = compiled.get(language);
    const byKind = grouped.get(language);
    if (!matchers && byKind) {
      matchers = [...byKind].map(([kind, kindRules]) =>
        CHECK_KINDS[kind]!.compile(kindRules, language, kindSettings(kind, language, packs, config)),
      );
      compiled.set(language, matchers);
    }
    return matchers;
  };
  return { rules, matchersFor, warnings };
}
