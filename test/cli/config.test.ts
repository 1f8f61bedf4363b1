import { describe, expect, it } from 'vitest';
import { eindred, tempTree } from './run.js';

const DRAFT = '---\nlang: nl\n---\nDe allochtonen in de wijk krijgen een nieuw buurthuis [bron?].\n';
const PACK = `pack: huisstijl
language: nl
rules:
  - id: nl.huis.buurthuis
    kind: term
    category: bias
    terms: [buurthuis]
    suggest: [wijkcentrum]
    message: "Wij schrijven {suggest}, niet ‘{match}’."
    examples: { flag: [Het buurthuis.], pass: [Het wijkcentrum.] }
`;

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { findings: { ruleId: string; severity: string }[] }[] }).files.flatMap((f) =>
    f.findings.map((x) => `${x.ruleId}:${x.severity}`),
  );
}

describe('configuration', () => {
  it('finds the nearest .eindred.yaml above each file', () => {
    const dir = tempTree({
      '.eindred.yaml': 'rules:\n  nl.bias.allochtoon: off\n',
      'sport/.eindred.yaml': 'rules:\n  nl.claims: warning\n',
      'binnenland/a.md': DRAFT,
      'sport/b.md': DRAFT,
    });
    const result = eindred(['check', '.', '--format', 'json'], { cwd: dir });
    expect(ruleIds(result.stdout)).toEqual([
      'nl.claims.bron-nodig:error',
      'nl.bias.allochtoon:warning',
      'nl.claims.bron-nodig:warning',
    ]);
  });

  it('adds packs, turns rules off, changes severities and ignores paths', () => {
    const dir = tempTree({
      '.eindred.yaml':
        'packs: [builtin:nl, ./huisstijl.yaml]\nrules:\n  nl.bias: error\n  nl.claims.bron-nodig: off\nignore: [archief/]\n',
      'huisstijl.yaml': PACK,
      'a.md': DRAFT,
      'archief/oud.md': DRAFT,
    });
    const result = eindred(['check', '.', '--format', 'json'], { cwd: dir });
    expect(ruleIds(result.stdout)).toEqual(['nl.bias.allochtoon:error', 'nl.huis.buurthuis:warning']);
    const noIgnore = eindred(['check', '.', '--no-ignore', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(noIgnore.stdout).files).toHaveLength(2);
    const explicit = eindred(['check', 'archief/oud.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(explicit.stdout).files).toHaveLength(0);
    expect(explicit.stderr).toContain('archief/oud.md is skipped: .eindred.yaml ignores it (use --no-ignore to check it)');
  });

  it('--config, --no-config and --pack override what is found', () => {
    const dir = tempTree({
      '.eindred.yaml': 'rules:\n  nl.bias.allochtoon: off\n',
      'ander.yaml': 'rules:\n  nl.claims.bron-nodig: info\n',
      'huisstijl.yaml': PACK,
      'a.md': DRAFT,
    });
    expect(ruleIds(eindred(['check', 'a.md', '--format', 'json', '--config', 'ander.yaml'], { cwd: dir }).stdout)).toEqual([
      'nl.bias.allochtoon:warning',
      'nl.claims.bron-nodig:info',
    ]);
    expect(ruleIds(eindred(['check', 'a.md', '--format', 'json', '--no-config'], { cwd: dir }).stdout)).toEqual([
      'nl.bias.allochtoon:warning',
      'nl.claims.bron-nodig:error',
    ]);
    expect(ruleIds(eindred(['check', 'a.md', '--format', 'json', '--pack', 'huisstijl.yaml'], { cwd: dir }).stdout)).toEqual([
      'nl.huis.buurthuis:warning',
    ]);
  });

  it('warns about a config setting for a rule that does not exist', () => {
    const dir = tempTree({ '.eindred.yaml': 'rules:\n  nl.bias.allochton: off\n', 'a.md': DRAFT });
    const result = eindred(['check', 'a.md'], { cwd: dir });
    expect(result.stderr).toContain('did you mean ‘nl.bias.allochtoon’?');
  });
});

describe('a broken pack or config', () => {
  it('stops the run with exit code 2, naming file, line, rule and the fix', () => {
    const dir = tempTree({
      'kapot.yaml': PACK.replace('    category: bias\n', '    category: bias\n    sevrity: error\n'),
      'a.md': DRAFT,
    });
    const result = eindred(['check', 'a.md', '--pack', 'kapot.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'eindred: a rule pack or config has problems, so nothing was checked:\n' +
        '  kapot.yaml:7:5: rule nl.huis.buurthuis: unknown key ‘sevrity’ in a term rule: did you mean ‘severity’?\n',
    );
  });

  it('names a catastrophic regular expression', () => {
    const dir = tempTree({
      'regex.yaml':
        "pack: p\nlanguage: nl\nrules:\n  - id: nl.p.x\n    kind: pattern\n    category: claims\n    pattern: '(\\w+\\s?)*$'\n    message: m\n",
      'a.md': DRAFT,
    });
    const result = eindred(['check', 'a.md', '--pack', 'regex.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/regex\.yaml:7:14: rule nl\.p\.x: ‘\(\\w\+\\s\?\)\*’ can backtrack catastrophically/);
  });

  it('reports a broken config file with its line', () => {
    const dir = tempTree({ '.eindred.yaml': 'packs: [builtin]\nrules:\n  nl.bias.allochtoon: loud\n', 'a.md': DRAFT });
    const result = eindred(['check', 'a.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '.eindred.yaml:3:23: rule ‘nl.bias.allochtoon’: the setting must be one of off, info, warning, error',
    );
  });

  it('reports a pack that does not exist', () => {
    const result = eindred(['check', 'fixtures', '--pack', 'nergens.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pack: pack ‘nergens.yaml’ not found');
  });
});

describe('disclosure settings in a config', () => {
  it('map a CMS’s own front-matter keys and value spellings', () => {
    const draft = '---\nlang: nl\ncms:\n  ai_flag: jawel\n---\nDe gemeente sluit het zwembad per 1 januari.\n';
    const dir = tempTree({
      '.eindred.yaml': 'disclosure:\n  keys:\n    used: [cms.ai_flag]\n  yes: [jawel]\n',
      'concept.md': draft,
      'los/concept.md': draft,
      'los/.eindred.yaml': '',
    });
    expect(ruleIds(eindred(['check', 'concept.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual([
      'nl.disclosure.controleur-ontbreekt:error',
      'nl.disclosure.verantwoordelijke-ontbreekt:error',
      'nl.disclosure.verantwoording-ontbreekt:error',
    ]);
    // Without the mapping, eindred cannot know AI was used, and says nothing.
    expect(ruleIds(eindred(['check', 'los/concept.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
  });

  it('are validated like packs', () => {
    const dir = tempTree({ '.eindred.yaml': 'disclosure:\n  placement: { first_wordz: 10 }\n', 'a.md': 'Tekst.' });
    const result = eindred(['check', 'a.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.eindred.yaml:2:16: unknown key ‘first_wordz’ in placement: did you mean ‘first_words’?');
  });
});

describe('claim and privacy settings in a config', () => {
  it('add a house source phrase and allow the tip line, and are checked like pack patterns', () => {
    const draft =
      '---\nlang: nl\n---\nHet aantal inbraken steeg met 40 procent, zo klinkt het bij de politie.\n\nTips? Bel +31 20 765 4321.\n';
    const dir = tempTree({
      '.eindred.yaml': "claim:\n  attribution: ['zo klinkt het']\nprivacy:\n  allow: [020-7654321]\n",
      'concept.md': draft,
      'los/concept.md': draft,
      'los/.eindred.yaml': '',
      'fout/.eindred.yaml': "claim:\n  attribution: ['(a|ab)*c']\n",
      'fout/concept.md': draft,
    });
    expect(ruleIds(eindred(['check', 'concept.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual([]);
    expect(ruleIds(eindred(['check', 'los/concept.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual([
      'nl.claims.bron-ontbreekt:warning',
      'nl.privacy.telefoonnummer:warning',
    ]);
    const broken = eindred(['check', 'fout/concept.md'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('.eindred.yaml:2:16: ‘(a|ab)*’ can backtrack catastrophically');
  });
});
