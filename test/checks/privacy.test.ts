import { describe, expect, it } from 'vitest';
import { isValidIban, passesElevenTest } from '../../src/checks/privacy.js';
import { lintDocument } from '../../src/engine.js';
import { parseDocument } from '../../src/input/parse.js';
import { parseBuiltinPacks } from '../../src/packs/builtin.js';
import { parseConfig } from '../../src/packs/config.js';
import { buildRuleSet, type RuleSet } from '../../src/packs/ruleset.js';

const packs = await parseBuiltinPacks();
const builtin = buildRuleSet(packs, await parseConfig('', '.eindred.yaml', '.'));

async function privacy(text: string, ruleSet: RuleSet = builtin, language = 'nl') {
  const result = await lintDocument(parseDocument('draft.md', text, 'markdown'), ruleSet, { defaultLanguage: language });
  return result.findings
    .filter((f) => f.category === 'privacy')
    .map((f) => ({ rule: f.ruleId, severity: f.severity, excerpt: f.excerpt, message: f.message }));
}

describe('validators', () => {
  it('know the 11-proef', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('1234.56.782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('know the IBAN check of any country', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
  });
});

describe('privacy rules', () => {
  it('flag a BSN and an IBAN as errors, masked in excerpt and message', async () => {
    const found = await privacy('Zijn BSN is 111 222 333 en zijn rekening NL91 ABNA 0417 1643 00.');
    expect(found.map((f) => [f.rule, f.severity, f.excerpt])).toEqual([
      ['nl.privacy.bsn', 'error', '••• ••• 333'],
      ['nl.privacy.iban', 'error', '•••• •••• •••• •••3 00'],
    ]);
    for (const f of found) expect(f.message).not.toMatch(/111|ABNA|0417/);
  });

  it('leave a nine-digit number that fails the 11-proef and an IBAN with a wrong checksum alone', async () => {
    expect(await privacy('Zaaknummer 123456789 en rekening NL92ABNA0417164300.')).toEqual([]);
  });

  it('flag phone numbers, e-mail addresses and licence plates as warnings', async () => {
    const found = await privacy('Bel 06-12345678 of +31 20 555 1234, mail j.jansen@gmail.com. De auto (12-BCD-3) reed weg.');
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['nl.privacy.telefoonnummer', 'warning'],
      ['nl.privacy.telefoonnummer', 'warning'],
      ['nl.privacy.e-mailadres', 'warning'],
      ['nl.privacy.kenteken', 'warning'],
    ]);
  });

  it('skip numbers and addresses on the allow list', async () => {
    const config = await parseConfig("privacy:\n  allow: ['020 555 1234', '@nos.nl', 'tips@omroep.nl']\n", '.eindred.yaml', '.');
    const allowing = buildRuleSet(packs, config);
    const text = 'Tips: 020-5551234, tips@omroep.nl of redactie@nos.nl. Of bel Jan op 06-12345678.';
    expect((await privacy(text, allowing)).map((f) => f.excerpt)).toEqual(['••-•••••678']);
    // The same number written internationally is the same number.
    const international = 'Bel +31 20 555 1234, 0031 (0)20 5551234 of +44 20 5551 2340.';
    expect((await privacy(international, allowing)).map((f) => f.rule)).toEqual(['nl.privacy.telefoonnummer']);
  });

  it('find nothing inside code or web addresses', async () => {
    expect(await privacy('Zie `06-12345678` en https://example.nl/tel/0612345678 of [link](mailto:a@b.nl).')).toEqual([]);
  });
});
