import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATEGORIES } from '../../src/finding.js';
import { parseBuiltinPacks } from '../../src/packs/builtin.js';
import { runExamples } from '../../src/packs/examples.js';

// parseBuiltinPacks runs the full validation, including the backtracking analysis of every
// regular expression, which a run skips for built-in packs.
const packs = await parseBuiltinPacks();

describe('built-in packs', () => {
  it('cover every category in Dutch and English', () => {
    for (const language of ['nl', 'en']) {
      const categories = new Set(packs.filter((p) => p.language === language).flatMap((p) => p.rules.map((r) => r.category)));
      expect([...categories].sort()).toEqual([...RULE_CATEGORIES].sort());
    }
  });

  it('are named after their file (rules/nl/bias.yaml is nl-bias) and sit in their language folder', () => {
    for (const pack of packs) {
      expect(pack.name).toBe(`${basename(dirname(pack.file))}-${basename(pack.file, '.yaml')}`);
      expect(pack.language).toBe(basename(dirname(pack.file)));
    }
  });

  it('give every rule a reason, a source and examples of both kinds', () => {
    for (const rule of packs.flatMap((p) => p.rules)) {
      expect(rule.reason, rule.id).toBeTruthy();
      expect(rule.source, rule.id).toMatch(/^https:\/\//);
      expect(rule.examples.flag.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThan(0);
      expect(rule.id.startsWith(`${rule.language}.${rule.category}.`), rule.id).toBe(true);
    }
  });

  it('suggest replacement words, not instructions: a report offers them as fixes (SARIF) and lists them as alternatives', () => {
    const instruction = /^(?:name|give|describe|say|write|use|if|noem|geef|beschrijf|zeg|schrijf|gebruik|als)\b/i;
    for (const rule of packs.flatMap((p) => p.rules)) {
      expect(
        rule.suggest.filter((s) => instruction.test(s)),
        rule.id,
      ).toEqual([]);
    }
  });

  for (const pack of packs) {
    it(`${pack.name}: every example behaves as the pack says`, async () => {
      const { checked, failures } = await runExamples(pack);
      expect(checked).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }
});
