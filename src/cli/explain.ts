import { Chalk } from 'chalk';
import { explainRule, type RuleExplanation } from '../api.js';
import { UsageError, type Terminal } from './terminal.js';

export interface ExplainOptions {
  format: string;
  config?: string | false;
  pack?: string[];
  color?: boolean;
}

function text(rule: RuleExplanation, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out = [
    `${c.bold(rule.id)}  ${rule.severity}, ${rule.category}, ${rule.kind} rule of pack ${rule.pack} (${rule.language})`,
  ];
  if (rule.description) out.push('', rule.description);
  out.push('', `${c.bold('Message')}   ${rule.message}`);
  if (rule.looksFor.length > 0) out.push(`${c.bold('Looks for')} ${rule.looksFor.join(', ')}`);
  if (rule.except.length > 0) out.push(`${c.bold('Except')}    ${rule.except.join(', ')}`);
  if (rule.context?.near.length)
    out.push(`${c.bold('Only near')} ${rule.context.near.join(', ')} (within ${rule.context.window} words)`);
  if (rule.context?.notNear.length)
    out.push(`${c.bold('Not near')}  ${rule.context.notNear.join(', ')} (within ${rule.context.window} words)`);
  if (rule.suggest.length > 0) out.push(`${c.bold('Instead')}   ${rule.suggest.join(', ')}`);
  if (rule.reason) out.push(`${c.bold('Why')}       ${rule.reason}`);
  if (rule.source) out.push(`${c.bold('Source')}    ${rule.source}`);
  out.push(
    `${c.bold('In quotes')} ${rule.inQuote === 'same' ? 'reported as usual' : rule.inQuote === 'info' ? 'reported as info' : 'not reported'}`,
  );
  if (rule.examples.flag.length > 0) out.push('', c.bold('Flagged:'), ...rule.examples.flag.map((e) => `  ✖ ${e}`));
  if (rule.examples.pass.length > 0) out.push('', c.bold('Not flagged:'), ...rule.examples.pass.map((e) => `  ✔ ${e}`));
  out.push(
    '',
    c.dim(`Defined in ${rule.file}. Switch it off or change its severity in .eindred.yaml:`),
    c.dim(`  rules:\n    ${rule.id}: off`),
    c.dim(`Or, for one place, with a reason: <!-- eindred-disable-next-line ${rule.id} -- why it is fine here -->`),
  );
  return `${out.join('\n')}\n`;
}

/** `eindred explain <ruleId>`: what a rule looks for, why, what to write instead, and its examples. */
export async function runExplain(id: string, options: ExplainOptions, terminal: Terminal): Promise<number> {
  const found = await explainRule({
    cwd: terminal.cwd,
    id,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.pack ? { packs: options.pack } : {}),
  });
  if ('unknown' in found) {
    const hint =
      found.unknown.length > 0
        ? `; did you mean ${found.unknown
            .slice(0, 8)
            .map((x) => `‘${x}’`)
            .join(', ')}?`
        : '';
    throw new UsageError(`no rule ‘${id}’ runs here${hint} (eindred rules lists them)`);
  }
  const color = options.color ?? terminal.colorByDefault;
  terminal.write(options.format === 'json' ? `${JSON.stringify(found.rule, null, 2)}\n` : text(found.rule, color));
  return 0;
}
