import { describe, expect, it } from 'vitest';
import { adjectiveForms } from '../../src/checks/tone.js';
import { lintDocument } from '../../src/engine.js';
import { parseDocument } from '../../src/input/parse.js';
import { parseBuiltinPacks } from '../../src/packs/builtin.js';
import { parseConfig } from '../../src/packs/config.js';
import { buildRuleSet, type RuleSet } from '../../src/packs/ruleset.js';

const packs = await parseBuiltinPacks();
const builtin = buildRuleSet(packs, await parseConfig('', '.eindred.yaml', '.'));

async function tone(text: string, ruleSet: RuleSet = builtin): Promise<string[]> {
  const result = await lintDocument(parseDocument('draft.md', text, 'markdown'), ruleSet, {});
  return result.findings
    .filter((f) => f.ruleId.endsWith('.toon') || f.ruleId.endsWith('.loaded-tone'))
    .map((f) => `${f.severity} ${f.excerpt}`);
}

describe('adjectiveForms', () => {
  it('spells Dutch -e forms and English adverbs', () => {
    expect(adjectiveForms('groot', 'nl')).toContain('grote');
    expect(adjectiveForms('lief', 'nl')).toContain('lieve');
    expect(adjectiveForms('boos', 'nl')).toContain('boze');
    expect(adjectiveForms('dom', 'nl')).toContain('domme');
    expect(adjectiveForms('schandalig', 'nl')).toEqual(['schandalig', 'schandalige']);
    expect(adjectiveForms('shocking', 'en')).toEqual(['shocking', 'shockingly']);
    expect(adjectiveForms('horrible', 'en')).toContain('horribly');
    expect(adjectiveForms('tragic', 'en')).toContain('tragically');
  });
});

describe('tone rules', () => {
  it('note judging words in news, as info, outside quotes', async () => {
    const text =
      '---\nlang: nl\n---\nHet kabinet nam een schandalig besluit. „Dit is walgelijk”, zegt de oppositie. ' +
      'Zij noemde het ‘absurd’. Het was een heel bijzondere dag. Hij kreeg de Schandalige Prijs.\n';
    expect(await tone(text)).toEqual(['info schandalig']);
  });

  it('stay quiet in opinion pieces, columns, reviews and interviews', async () => {
    for (const genre of ['opinie', 'Column', 'review']) {
      expect(await tone(`---\nlang: nl\ngenre: ${genre}\n---\nHet kabinet nam een schandalig besluit.\n`)).toEqual([]);
    }
    expect(await tone('---\nlang: en\ngenre: [news, opinion]\n---\nThe council made a disgraceful decision.\n')).toEqual([]);
    expect(await tone('---\nlang: en\ngenre: news\n---\nThe council made a disgraceful decision.\n')).toEqual([
      'info disgraceful',
    ]);
  });

  it('take words, ignores and genres from a config', async () => {
    const config = await parseConfig('tone:\n  ignore: [schandalig]\n  words: [knullig]\n', '.eindred.yaml', '.');
    const ruleSet = buildRuleSet(packs, config);
    expect(await tone('---\nlang: nl\n---\nEen schandalig en knullig besluit.\n', ruleSet)).toEqual(['info knullig']);
  });
});
