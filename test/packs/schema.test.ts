import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../src/checks/index.js';
import { yamlFilesIn } from '../../src/packs/builtin.js';
import { COMMON_RULE_KEYS } from '../../src/packs/pack.js';
import { ROOT } from '../helpers.js';

/** The JSON Schemas editors use for packs and configs agree with what eindred accepts. */

const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validatePack = ajv.compile(schema('pack.schema.json'));
const validateConfig = ajv.compile(schema('config.schema.json'));
const load = (file: string) => yaml.load(readFileSync(file, 'utf8'));

describe('JSON Schemas', () => {
  it('every built-in pack validates against schemas/pack.schema.json', () => {
    const files = yamlFilesIn(join(ROOT, 'rules'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(validatePack(load(file)), `${file}: ${ajv.errorsText(validatePack.errors)}`).toBe(true);
  });

  it('a rule in the schema has exactly the keys the pack reader accepts', () => {
    const ruleKeys = Object.keys(schema('pack.schema.json').definitions.rule.properties).sort();
    const accepted = [...new Set([...COMMON_RULE_KEYS, ...Object.values(CHECK_KINDS).flatMap((kind) => kind.keys)])].sort();
    expect(ruleKeys).toEqual(accepted);
  });

  it('configs validate against schemas/config.schema.json; mistakes do not', () => {
    expect(validateConfig(load(join(ROOT, 'fixtures/.eindred.yaml'))), ajv.errorsText(validateConfig.errors)).toBe(true);
    const full = {
      packs: ['builtin:nl', './huis.yaml'],
      rules: { 'nl.bias.bejaarde': 'off', 'nl.claims': 'error' },
      ignore: ['archief/'],
      language: 'nl',
      fields: { text: ['body'], id: 'id', meta: { ai: 'meta.ai' } },
      privacy: { allow: ['020-7654321'] },
      tone: { ignore: ['spectaculair'] },
    };
    expect(validateConfig(full), ajv.errorsText(validateConfig.errors)).toBe(true);
    expect(validateConfig({ rules: { 'nl.bias.x': 'loud' } })).toBe(false);
    expect(validateConfig({ pakcs: ['builtin'] })).toBe(false);
    expect(validatePack({ pack: 'x', language: 'nl', rules: [{ id: 'nl.x', kind: 'term', terms: ['a'], bogus: 1 }] })).toBe(
      false,
    );
  });
});
