import { Chalk } from 'chalk';
import type { Severity } from '../finding.js';

/** One rule as `eindred rules` lists it: what it looks for, how severe, and why. */
export interface RuleListing {
  id: string;
  pack: string;
  language: string;
  category: string;
  kind: string;
  /** After the config: a config can change a rule's severity. */
  severity: Severity;
  description?: string;
  /** The words or patterns it looks for, as the pack writes them. */
  looksFor: string[];
  suggest: string[];
  reason?: string;
  source?: string;
}

/** How many of the words a rule looks for are shown in the text listing. */
const SHOWN = 6;

/** `eindred rules`: per pack, one line per rule with its severity and id, then what and why. */
export function formatRulesText(rules: readonly RuleListing[], options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (severity: Severity): string => {
    const label = severity.padEnd(7);
    return severity === 'error' ? c.red(label) : severity === 'warning' ? c.yellow(label) : c.blue(label);
  };
  const out: string[] = [];
  let pack = '';
  for (const rule of rules) {
    if (rule.pack !== pack) {
      if (pack) out.push('');
      pack = rule.pack;
      out.push(c.underline(`${pack} (${rule.language})`));
    }
    out.push(`  ${paint(rule.severity)}  ${c.bold(rule.id)}${rule.description ? `  ${rule.description}` : ''}`);
    const indent = ' '.repeat(2 + 7 + 2);
    if (rule.looksFor.length > 0 && rule.kind === 'term') {
      const more = rule.looksFor.length > SHOWN ? ` … (${rule.looksFor.length - SHOWN} more)` : '';
      out.push(`${indent}${c.dim('finds')}   ${rule.looksFor.slice(0, SHOWN).join(', ')}${more}`);
    }
    if (rule.suggest.length > 0) out.push(`${indent}${c.dim('better')}  ${rule.suggest.join(', ')}`);
    if (rule.source) out.push(`${indent}${c.dim('source')}  ${rule.source}`);
  }
  const languages = new Set(rules.map((r) => r.language)).size;
  out.push('', `${rules.length} rule${rules.length === 1 ? '' : 's'} in ${languages} language${languages === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}

export function formatRulesJson(rules: readonly RuleListing[]): string {
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}
