import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintDocument, type FileResult, type LintOptions } from '../src/engine.js';
import type { DocumentFormat } from '../src/input/document.js';
import { parseDocument } from '../src/input/parse.js';
import { defaultConfig, type Config } from '../src/packs/config.js';
import { parsePack } from '../src/packs/pack.js';
import { buildRuleSet, type RuleSet } from '../src/packs/ruleset.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
/** Tests on real text need ../shared/corpora; test/corpora-notice.ts says so once when it is absent. */
export const HAS_CORPORA = existsSync(CORPORA);

/** A rule set from pack YAML written inline in a test. */
export async function ruleSetFrom(packYaml: string | string[], config: Config = defaultConfig('.')): Promise<RuleSet> {
  const texts = Array.isArray(packYaml) ? packYaml : [packYaml];
  const packs = await Promise.all(texts.map((text, i) => parsePack(text, `test-pack-${i}.yaml`)));
  return buildRuleSet(packs, config);
}

export function lint(
  text: string,
  ruleSet: RuleSet,
  options: LintOptions & { format?: DocumentFormat; path?: string } = {},
): Promise<FileResult> {
  const { format = 'markdown', path = 'draft.md', ...lintOptions } = options;
  return lintDocument(parseDocument(path, text, format), ruleSet, lintOptions);
}

/** The text of a document at a finding's range, recomputed from line and column. */
export function textAt(source: string, f: { line: number; column: number; endLine: number; endColumn: number }): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines: number[] = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) lines.push(m.index + m[0].length);
  const start = lines[f.line - 1]! + f.column - 1;
  const end = lines[f.endLine - 1]! + f.endColumn - 1;
  return text.slice(start, end);
}
