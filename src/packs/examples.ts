import { lintDocument } from '../engine.js';
import { severityRank } from '../finding.js';
import { parseDocument } from '../input/parse.js';
import { defaultConfig } from './config.js';
import { buildRuleSet } from './ruleset.js';
import type { Pack } from './types.js';

export interface ExampleFailure {
  ruleId: string;
  kind: 'flag' | 'pass';
  text: string;
  /** What happened instead, for the pack author. */
  problem: string;
}

/**
 * Run every rule's examples: each `flag` text must be flagged by the rule at its own severity, no
 * `pass` text may be (a hit downgraded to info inside a quote passes). Examples are checked as
 * Markdown in the pack's language, with all rules of the pack switched on.
 */
export async function runExamples(pack: Pack): Promise<{ checked: number; failures: ExampleFailure[] }> {
  const rules = pack.rules.map((rule) => ({ ...rule, enabled: true }));
  const ruleSet = buildRuleSet([{ ...pack, rules }], defaultConfig('.'));
  const failures: ExampleFailure[] = [];
  let checked = 0;
  for (const rule of rules) {
    for (const kind of ['flag', 'pass'] as const) {
      for (const text of rule.examples[kind]) {
        checked++;
        const result = await lintDocument(parseDocument('example.md', text, 'markdown'), ruleSet, {
          forceLanguage: pack.language,
        });
        const own = result.findings.filter((f) => f.ruleId === rule.id);
        const atSeverity = own.filter((f) => severityRank(f.severity) >= severityRank(rule.severity));
        if (kind === 'flag' && atSeverity.length === 0) {
          failures.push({
            ruleId: rule.id,
            kind,
            text,
            problem: own.length > 0 ? `only flagged as ${own[0]!.severity} (in a quote?)` : 'not flagged',
          });
        }
        if (kind === 'pass' && atSeverity.length > 0) {
          // Document checks (a missing disclosure, reviewer …) flag the draft, not words in it.
          const { excerpt, line, column } = atSeverity[0]!;
          const problem = excerpt.trim() ? `flagged: ‘${excerpt}’` : `flagged at ${line}:${column} (the draft as a whole)`;
          failures.push({ ruleId: rule.id, kind, text, problem });
        }
      }
    }
  }
  return { checked, failures };
}
