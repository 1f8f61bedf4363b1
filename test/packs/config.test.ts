import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/packs/config.js';
import { PackError } from '../../src/packs/issues.js';
import { buildRuleSet } from '../../src/packs/ruleset.js';
import { parsePack } from '../../src/packs/pack.js';

const PACK = `pack: team
language: nl
defaults: { kind: term, category: bias }
rules:
  - { id: nl.team.a, terms: [a], message: m }
  - { id: nl.team.b, terms: [b], message: m, severity: info }
  - { id: nl.other.c, terms: [c], message: m, enabled: false }
`;

describe('config', () => {
  it('reads packs, rule settings, ignores and a default language', async () => {
    const config = await parseConfig(
      'packs: [builtin, ./huisstijl.yaml]\nrules:\n  nl.team.a: off\n  nl.team: error\nignore: [archief/**]\nlanguage: nl\n',
      '.eindred.yaml',
      '/x',
    );
    expect(config.packs).toEqual(['builtin', './huisstijl.yaml']);
    expect(config.ignore).toEqual(['archief/**']);
    expect(config.language).toBe('nl');
    expect([...config.rules]).toEqual([
      ['nl.team.a', { setting: 'off' }],
      ['nl.team', { setting: 'error' }],
    ]);
  });

  it('turns rules off, changes severities by id or id prefix, and switches rules on', async () => {
    const config = await parseConfig(
      'rules:\n  nl.team.a: off\n  nl.team: error\n  nl.other.c: warning\n',
      '.eindred.yaml',
      '/x',
    );
    const ruleSet = buildRuleSet([await parsePack(PACK, 'team.yaml')], config);
    expect(ruleSet.rules.map((r) => [r.spec.id, r.severity])).toEqual([
      ['nl.team.b', 'error'],
      ['nl.other.c', 'warning'],
    ]);
    expect(ruleSet.warnings).toEqual([]);
  });

  it('warns about settings for rules that no pack has', async () => {
    const config = await parseConfig('rules:\n  nl.team.aa: off\n', '.eindred.yaml', '/x');
    const ruleSet = buildRuleSet([await parsePack(PACK, 'team.yaml')], config);
    expect(ruleSet.warnings[0]).toContain('‘nl.team.aa’');
    expect(ruleSet.warnings[0]).toContain('did you mean ‘nl.team.a’?');
  });

  it('rejects unknown keys and settings with their line', async () => {
    await expect(parseConfig('rulez: {}\n', '.eindred.yaml', '/x')).rejects.toThrow(
      '.eindred.yaml:1:1: unknown key ‘rulez’ in the config: did you mean ‘rules’?',
    );
    await expect(parseConfig('rules:\n  nl.team.a: loud\n', '.eindred.yaml', '/x')).rejects.toBeInstanceOf(PackError);
  });

  it('treats an empty file as the defaults', async () => {
    const config = await parseConfig('', '.eindred.yaml', '/x');
    expect(config.packs).toEqual(['builtin']);
  });

  it('refuses rule ids used by two packs', async () => {
    const team = await parsePack(PACK, 'team.yaml');
    const copy = await parsePack(PACK.replace('pack: team', 'pack: copy'), 'copy.yaml');
    const config = await parseConfig('', '.eindred.yaml', '/x');
    expect(() => buildRuleSet([team, copy], config)).toThrow(
      /copy\.yaml:5:1: rule nl\.team\.a: this id is already used in team\.yaml:5/,
    );
  });
});
