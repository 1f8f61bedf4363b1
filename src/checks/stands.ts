import type { ActiveRule, BlockContext } from './types.js';

/** Whether a rule's `unless` and `context` let a hit at block text [start, end) stand. */
export function stands(rule: ActiveRule, block: BlockContext, start: number, end: number): boolean {
  if (rule.unless?.covers(block, start, end)) return false;
  return !rule.nearby || rule.nearby.allows(block, start, end);
}
