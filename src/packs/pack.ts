import { CHECK_KINDS } from '../checks/index.js';
import type { ReadContext, RegexToCheck } from '../checks/types.js';
import { isSeverity, RULE_CATEGORIES, SEVERITIES, type Severity } from '../finding.js';
import { PackError } from './issues.js';
import { checkRegexes, compilePattern } from './regex.js';
import { IN_QUOTE_POLICIES, type ContextSpec, type InQuotePolicy, type Pack, type RuleSpec, type UnlessSpec } from './types.js';
import { asMap, DataFile, idLines, type DataPath, type MapReader } from './data-reader.js';

const KINDS_WITH_SETTINGS = Object.entries(CHECK_KINDS).filter(([, kind]) => kind.settings);
const PACK_KEYS = ['pack', 'language', 'description', 'defaults', 'rules', ...KINDS_WITH_SETTINGS.map(([name]) => name)];
const DEFAULT_KEYS = ['kind', 'category', 'severity', 'in_quote', 'message'] as const;
export const COMMON_RULE_KEYS = [
  'id',
  'kind',
  'category',
  'severity',
  'message',
  'description',
  'reason',
  'source',
  'suggest',
  'in_quote',
  'unless',
  'context',
  'examples',
  'enabled',
  'shows_ai_use',
] as const;
const PLACEHOLDERS = new Set(['match', 'suggest']);
const ID = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/i;

interface Defaults {
  kind?: string;
  category?: RuleSpec['category'];
  severity?: Severity;
  inQuote?: InQuotePolicy;
  /** A message for rules that do not write their own. */
  message?: string;
}

/**
 * Read and validate a pack. Every problem is collected (with file, line, column and rule id) and
 * thrown together as one PackError, so a pack author fixes them in one go.
 */
export async function parsePack(text: string, file: string): Promise<Pack> {
  const data = new DataFile(file, text);
  const root = data.rootMap('a rule pack');
  if (!root) throw new PackError(await data.problems());
  root.allowOnly(PACK_KEYS, 'a pack header');
  const name = root.string('pack', { required: true, where: 'the pack header (its name, e.g. pack: nl-bias)' }) ?? '';
  const language = root.string('language', { required: true, where: 'the pack header (e.g. language: nl)' }) ?? '';
  if (language && !/^[a-z]{2,3}$/.test(language)) {
    root.issue('language', `‘language’ must be a lower-case ISO 639-1 code such as nl or en, not ‘${language}’`);
  }
  const description = root.string('description');
  const defaults = readDefaults(root.map('defaults'));

  const regexes: RegexToCheck[] = [];
  const settings: Record<string, unknown> = {};
  for (const [kindName, kind] of KINDS_WITH_SETTINGS) {
    const map = root.map(kindName);
    const read = map ? kind.settings!.read(map, { language, regexes }) : undefined;
    if (read) settings[kindName] = read;
  }
  const rules: RuleSpec[] = [];
  const seen = new Set<string>();
  const lines = idLines(text);
  const items = root.items('rules');
  if (!items && !root.has('rules')) root.issue(null, '‘rules’ is missing: a pack needs a list of rules');
  for (const item of items ?? []) {
    const rule = readRule(data, item.value, item.path, { language, regexes }, defaults, name, file, lines);
    if (!rule) continue;
    if (seen.has(rule.id)) {
      data.issue(
        [...item.path, 'id'],
        `duplicate rule id (first used on line ${lines.get(rule.id)}): give each rule its own id`,
        rule.id,
      );
      continue;
    }
    seen.add(rule.id);
    rules.push(rule);
  }

  await checkRegexes(regexes);
  if (data.hasIssues) throw new PackError(await data.problems());
  return { name, language, ...(description ? { description } : {}), file, builtin: false, settings, rules };
}

function readDefaults(map: MapReader | undefined): Defaults {
  if (!map) return {};
  map.allowOnly(DEFAULT_KEYS, 'defaults');
  const defaults: Defaults = {};
  const kind = map.oneOf('kind', Object.keys(CHECK_KINDS));
  const category = map.oneOf('category', RULE_CATEGORIES);
  const severity = map.oneOf('severity', SEVERITIES);
  const inQuote = map.oneOf('in_quote', IN_QUOTE_POLICIES);
  if (kind) defaults.kind = kind;
  if (category) defaults.category = category;
  if (severity) defaults.severity = severity;
  if (inQuote) defaults.inQuote = inQuote;
  const message = map.string('message');
  if (message) {
    checkPlaceholders(map, message);
    defaults.message = message;
  }
  return defaults;
}

function readRule(
  data: DataFile,
  value: unknown,
  path: DataPath,
  context: ReadContext,
  defaults: Defaults,
  pack: string,
  file: string,
  lines: ReadonlyMap<string, number>,
): RuleSpec | null {
  const map = asMap(data, value, path, 'a rule');
  if (!map) return null;
  const issuesBefore = data.issueCount;
  const id = map.string('id', { required: true, where: 'this rule (e.g. id: nl.bias.allochtoon)' });
  if (id && !ID.test(id)) map.issue('id', `rule id ‘${id}’ may only hold letters, digits and . _ - between words`);
  map.ruleId = id;

  const kindName = map.has('kind') ? map.oneOf('kind', Object.keys(CHECK_KINDS)) : defaults.kind;
  if (!kindName && !map.has('kind')) map.issue(null, `‘kind’ is missing: one of ${Object.keys(CHECK_KINDS).join(', ')}`);
  const kind = kindName ? CHECK_KINDS[kindName] : undefined;
  map.allowOnly([...COMMON_RULE_KEYS, ...(kind?.keys ?? [])], kindName ? `a ${kindName} rule` : 'a rule');

  const category = map.has('category') ? map.oneOf('category', RULE_CATEGORIES) : defaults.category;
  if (!category && !map.has('category')) map.issue(null, `‘category’ is missing: one of ${RULE_CATEGORIES.join(', ')}`);
  const severityValue = map.has('severity') ? map.oneOf('severity', SEVERITIES) : (defaults.severity ?? 'warning');
  const inQuote = map.has('in_quote') ? map.oneOf('in_quote', IN_QUOTE_POLICIES) : (defaults.inQuote ?? 'same');
  const message =
    map.has('message') || !defaults.message
      ? map.string('message', { required: true, where: 'this rule (what the reader is told), or the pack’s defaults' })
      : defaults.message;
  if (message && map.has('message')) checkPlaceholders(map, message);
  const source = map.string('source');
  if (source && !/^https?:\/\/\S+$/.test(source)) map.issue('source', '‘source’ must be a web address (https://…)');
  const description = map.string('description');
  const reason = map.string('reason');
  const suggest = map.stringList('suggest') ?? [];
  if (message?.includes('{suggest}') && suggest.length === 0) {
    map.issue(
      'message',
      'the message uses {suggest}, but the rule has no ‘suggest’ list: add the alternatives, or word the message without it',
    );
  }
  // `suggest: [accessible (parking, toilet)]` is two items in YAML: "accessible (parking" and "toilet)".
  for (const { value, path } of map.items('suggest') ?? []) {
    if (typeof value === 'string' && (value.match(/[([]/g)?.length ?? 0) !== (value.match(/[)\]]/g)?.length ?? 0)) {
      map.data.issue(
        path,
        `the suggestion ‘${value}’ has an unclosed bracket: was it split at a comma? Put it in quotes`,
        map.ruleId,
      );
    }
  }
  const unless = readUnless(map, context);
  const nearby = readContext(map);
  const examples = readExamples(map);
  const enabled = map.boolean('enabled') ?? true;
  const showsAiUse = map.boolean('shows_ai_use') ?? false;
  const options = kind ? kind.readOptions(map, context) : undefined;

  if (data.issueCount > issuesBefore || !id || !kindName || !category || !message || !isSeverity(severityValue) || !inQuote) {
    return null;
  }
  return {
    id,
    kind: kindName,
    category,
    severity: severityValue,
    message,
    ...(description ? { description } : {}),
    ...(reason ? { reason } : {}),
    ...(source ? { source } : {}),
    suggest,
    inQuote,
    unless,
    ...(nearby ? { context: nearby } : {}),
    examples,
    enabled,
    showsAiUse,
    options,
    language: context.language,
    pack,
    file,
    line: lines.get(id) ?? 0,
  };
}

function checkPlaceholders(map: MapReader, message: string): void {
  for (const m of message.matchAll(/\{([^{}]*)\}/g)) {
    if (!PLACEHOLDERS.has(m[1]!)) {
      map.issue(
        'message',
        `unknown placeholder ‘{${m[1]}}’ in ‘message’: use {match} for the words found or {suggest} for the alternatives`,
      );
    }
  }
}

function readUnless(map: MapReader, context: ReadContext): UnlessSpec[] {
  const items = map.items('unless');
  const result: UnlessSpec[] = [];
  for (const item of items ?? []) {
    if (typeof item.value === 'string' && item.value.trim()) {
      result.push({ phrase: item.value });
    } else if (item.value !== null && typeof item.value === 'object' && !Array.isArray(item.value)) {
      const entry = asMap(map.data, item.value, item.path, 'an unless entry', map.ruleId)!;
      entry.allowOnly(['pattern'], 'an unless entry');
      const pattern = entry.string('pattern', { required: true, where: 'this unless entry' });
      if (pattern) {
        const compiled = compilePattern(pattern, false);
        if (typeof compiled === 'string') {
          entry.issue('pattern', `‘${pattern}’ is not a valid regular expression: ${compiled}`);
        } else {
          result.push({ pattern });
          context.regexes.push({ source: pattern, flags: compiled.flags, report: (message) => entry.issue('pattern', message) });
        }
      }
    } else {
      map.data.issue(item.path, '‘unless’ items are phrases, or { pattern: … } for a regular expression', map.ruleId);
    }
  }
  return result;
}

/** Default reach of `context` words: five words on either side of a hit. */
const CONTEXT_WINDOW = 5;

function readContext(map: MapReader): ContextSpec | undefined {
  const entry = map.map('context');
  if (!entry) return undefined;
  entry.allowOnly(['near', 'not_near', 'window'], 'context');
  const near = entry.stringList('near') ?? [];
  const notNear = entry.stringList('not_near') ?? [];
  const window = entry.number('window') ?? CONTEXT_WINDOW;
  if (near.length === 0 && notNear.length === 0) {
    map.issue('context', '‘context’ needs ‘near’ (words a hit needs nearby) or ‘not_near’ (words that take it away)');
  }
  if (!Number.isInteger(window) || window < 1 || window > 50) {
    entry.issue('window', '‘window’ is a number of words on either side of a hit, from 1 to 50');
  }
  return { near, notNear, window };
}

function readExamples(map: MapReader): RuleSpec['examples'] {
  const examples = map.map('examples');
  if (!examples) return { flag: [], pass: [] };
  examples.allowOnly(['flag', 'pass'], 'examples');
  for (const kind of ['flag', 'pass']) {
    // `flag: [Ze zei, zo bleek later, niets.]` is three examples in YAML: say so.
    const items = examples.items(kind) ?? [];
    items.forEach(({ value, path }, i) => {
      const before = items[i - 1]?.value;
      if (typeof value === 'string' && typeof before === 'string' && /^\p{Ll}/u.test(value) && !/[.!?…"'”’)]$/u.test(before)) {
        map.data.issue(
          path,
          `the example ‘${value}’ looks like the end of the one before it, split at a comma: put the whole sentence in quotes`,
          map.ruleId,
        );
      }
    });
  }
  return { flag: examples.stringList('flag') ?? [], pass: examples.stringList('pass') ?? [] };
}
