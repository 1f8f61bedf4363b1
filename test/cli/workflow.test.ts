import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/api.js';
import { ROOT } from '../helpers.js';
import { BIN, eindred, tempTree } from './run.js';

/** eindred in a newsroom's daily tools: hooks, CI formats, suppressions, baselines, rule help. */

const json = (result: { stdout: string }): Report => JSON.parse(result.stdout) as Report;

const DRAFT = `---
lang: nl
---
# Vonnis uit 1952

<!-- eindred-disable-next-line nl.bias -- letterlijk citaat uit een vonnis van 1952 -->
De rechter sprak over negers in de wijk.

Volgens ingewijden is de wijk sindsdien veranderd.
`;

describe('inline suppressions', () => {
  it('a reasoned disable-next-line keeps the finding out of the report, counted and on record', () => {
    const dir = tempTree({ 'vonnis.md': DRAFT });
    const report = json(eindred(['check', 'vonnis.md', '--format', 'json'], { cwd: dir }));
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['nl.claims.vage-bron']);
    expect(report.summary.suppressed).toBe(1);
    expect(report.files[0]).not.toHaveProperty('suppressed');

    const audited = json(eindred(['check', 'vonnis.md', '--format', 'json', '--report-suppressed'], { cwd: dir }));
    expect(audited.files[0]!.suppressed).toEqual([
      expect.objectContaining({
        ruleId: 'nl.bias.neger',
        line: 7,
        excerpt: 'negers',
        suppression: { reason: 'letterlijk citaat uit een vonnis van 1952', line: 6 },
      }),
    ]);
    const stylish = eindred(['check', 'vonnis.md', '--report-suppressed'], { cwd: dir }).stdout;
    expect(stylish).toMatch(/7:23 {2}suppressed {2}‘negers’.*nl\.bias\.neger/);
    expect(stylish).toContain('reason (line 6): letterlijk citaat uit een vonnis van 1952');
    expect(stylish).toMatch(/; 1 suppressed\n/);
  });

  it('a suppression without a reason is a warning; one that suppresses nothing is an info', () => {
    const dir = tempTree({
      'a.md': `---\nlang: nl\n---\n<!-- eindred-disable claims -->\nVolgens ingewijden is het zo.\n<!-- eindred-enable -->\n\nVolgens ingewijden klopt het.\n\n<!-- eindred-disable-next-line nl.privacy -- geen nummers hier -->\nGewone zin.\n`,
    });
    const findings = json(eindred(['check', 'a.md', '--format', 'json'], { cwd: dir })).files[0]!.findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['eindred.suppression.reason-missing', 'warning', 4],
      ['nl.claims.vage-bron', 'warning', 8],
      ['eindred.suppression.unused', 'info', 10],
    ]);
  });

  it('a disable that is never enabled again covers findings about the whole draft', () => {
    const dir = tempTree({
      'ai.md': `---\nlang: nl\nai:\n  used: true\n---\n<!-- eindred-disable nl.disclosure -- persbericht van de gemeente, integraal geplaatst -->\nDe gemeente opent een nieuw zwembad.\n`,
    });
    const report = json(eindred(['check', 'ai.md', '--format', 'json'], { cwd: dir }));
    expect(report.files[0]!.findings.filter((f) => f.category === 'disclosure')).toEqual([]);
    expect(report.summary.suppressed).toBeGreaterThanOrEqual(1);
  });
});

describe('baselines', () => {
  it('records today’s findings and then reports only new ones, also after lines move', () => {
    const dir = tempTree({ 'archief/oud.md': DRAFT.replace(/<!--.*-->\n/, '') });
    const written = eindred(['check', 'archief', '--update-baseline'], { cwd: dir });
    expect(written.stderr).toContain('baseline written to .eindred-baseline.json: 2 findings');
    const baseline = JSON.parse(readFileSync(join(dir, '.eindred-baseline.json'), 'utf8'));
    expect(baseline.files['archief/oud.md'].map((e: { ruleId: string }) => e.ruleId).sort()).toEqual([
      'nl.bias.neger',
      'nl.claims.vage-bron',
    ]);

    const clean = eindred(['check', 'archief', '--baseline', '.eindred-baseline.json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No problems in 1 file; 2 in the baseline');

    // A paragraph added on top moves every line; the known findings stay known, the new one is reported.
    const moved = readFileSync(join(dir, 'archief/oud.md'), 'utf8').replace(
      '# Vonnis uit 1952\n',
      '# Vonnis uit 1952\n\nDe zaak diende opnieuw. Volgens ingewijden was dat nodig.\n',
    );
    writeFileSync(join(dir, 'archief/oud.md'), moved);
    const report = json(eindred(['check', 'archief', '--baseline', '.eindred-baseline.json', '--format', 'json'], { cwd: dir }));
    expect(report.files[0]!.findings.map((f) => [f.ruleId, f.line])).toEqual([['nl.claims.vage-bron', 6]]);
    expect(report.summary.baselined).toBe(2);
  });

  it('a missing or foreign baseline file is a usage error', () => {
    const dir = tempTree({ 'a.md': 'x', 'b.json': '{"x":1}' });
    expect(eindred(['check', 'a.md', '--baseline', 'nope.json'], { cwd: dir }).stderr).toContain(
      'no baseline at nope.json: write one with --update-baseline',
    );
    const foreign = eindred(['check', 'a.md', '--baseline', 'b.json'], { cwd: dir });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('b.json is not an eindred baseline');
  });
});

describe('CI formats', () => {
  it('--format sarif validates against the SARIF 2.1.0 schema, with rule metadata, fixes and fingerprints', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
    // The published schema has a pattern that is not valid with the u flag: plain RegExp, as draft-04 meant.
    const Ajv = AjvDraft04 as unknown as typeof import('ajv-draft-04').default;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const dir = tempTree({ 'vonnis.md': DRAFT });
    for (const args of [
      ['check', 'fixtures', `${ROOT}/fixtures/exports/artikelen.ndjson`, '--format', 'sarif'],
      ['check', 'vonnis.md', '--format', 'sarif', '--report-suppressed'],
    ]) {
      const result = eindred(args, { cwd: args[1] === 'fixtures' ? ROOT : dir });
      const sarif = JSON.parse(result.stdout);
      expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }

    const sarif = JSON.parse(eindred(['check', 'fixtures', 'fixtures/exports/artikelen.ndjson', '--format', 'sarif']).stdout);
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'nl.bias.gehandicapte');
    expect(rule).toMatchObject({
      name: 'Gehandicapte',
      fullDescription: { text: expect.stringContaining('VN-verdrag') },
      helpUri: expect.stringMatching(/^https:\/\//),
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'bias' },
    });
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'nl.bias.gehandicapte');
    expect(result).toMatchObject({
      level: 'warning',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'fixtures/nl/zwembad.md' }, region: { startLine: 10, startColumn: 19 } } },
      ],
      partialFingerprints: { 'eindred/v1': expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('mensen met een beperking');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('nl.bias.gehandicapte');
    // A finding inside an export's article: the article and field as a logical location.
    const inArticle = run.results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'en.claims.citation-needed' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('.ndjson'),
    );
    expect(inArticle.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'fixtures/exports/artikelen.ndjson' } },
      logicalLocations: [{ fullyQualifiedName: '2025-0414/body', kind: 'member' }],
    });

    const suppressed = JSON.parse(
      eindred(['check', 'vonnis.md', '--format', 'sarif', '--report-suppressed'], { cwd: dir }).stdout,
    );
    expect(suppressed.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'nl.bias.neger').suppressions).toEqual([
      { kind: 'inSource', justification: 'letterlijk citaat uit een vonnis van 1952' },
    ]);
  });

  it('--format github writes workflow commands that annotate files', () => {
    const dir = tempTree({ 'a,b.md': '---\nlang: nl\n---\nVolgens ingewijden: 50% [bron?]\n' });
    const lines = eindred(['check', 'a,b.md', '--format', 'github'], { cwd: dir }).stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=a%2Cb.md,line=4,col=25,endLine=4,endColumn=32,title=nl.claims.bron-nodig::‘[bron?]’ staat nog in de tekst: zoek de bron op en noem die, of haal de bewering weg.',
    );
    expect(lines.some((line) => line.startsWith('::warning file=a%2Cb.md,line=4,col=1,'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^eindred: 1 errors, \d+ warnings, \d+ infos in 1 files$/);
  });

  it('--format junit is well-formed XML: a suite per document, failures for errors and warnings', () => {
    const result = eindred(['check', 'fixtures', '--format', 'junit']);
    const suites: Record<string, string>[] = [];
    let failures = 0;
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      if (tag.name === 'testsuite') suites.push(tag.attributes as Record<string, string>);
      if (tag.name === 'failure') failures++;
    });
    parser.write(result.stdout).close();
    const report = json(eindred(['check', 'fixtures', '--format', 'json']));
    expect(suites.map((s) => s.name)).toEqual(report.files.map((f) => f.path));
    expect(failures).toBe(report.summary.errors + report.summary.warnings);
  });
});

/** A git repository in a temporary folder, with a user for commits. */
function repo(files: Record<string, string>): { dir: string; git: (...args: string[]) => string } {
  const dir = tempTree(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q');
  git('config', 'user.email', 'redactie@example.org');
  git('config', 'user.name', 'Redactie');
  git('config', 'commit.gpgsign', 'false');
  return { dir, git };
}

const BAD = '---\nlang: nl\n---\nVolgens ingewijden kost het 40 procent meer. [bron?]\n';
const GOOD = '---\nlang: nl\n---\nDe gemeente opent zaterdag het nieuwe zwembad, zegt de wethouder.\n';

describe('git: --staged and hooks', () => {
  it('--staged checks what is committed (the index), not the working tree', () => {
    const { dir, git } = repo({ 'concept.md': BAD, 'notities.md': BAD, Makefile: 'all:\n' });
    git('add', 'concept.md', 'Makefile');
    writeFileSync(join(dir, 'concept.md'), GOOD);
    const result = eindred(['check', '--staged', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual(['concept.md']);
    expect(report.files[0]!.findings.map((f) => f.excerpt)).toContain('[bron?]');
    // The other way round: a fixed draft staged, the working tree still broken.
    writeFileSync(join(dir, 'concept.md'), GOOD);
    git('add', 'concept.md');
    writeFileSync(join(dir, 'concept.md'), BAD);
    expect(eindred(['check', '--staged', '--quiet'], { cwd: dir }).code).toBe(0);
    // Packed objects are read through git.
    git('commit', '-qm', 'eerste');
    writeFileSync(join(dir, 'concept.md'), BAD);
    git('add', 'concept.md');
    git('gc', '-q');
    expect(eindred(['check', '--staged', '--quiet'], { cwd: dir }).code).toBe(1);
  });

  it('--staged outside a repository says so', () => {
    const dir = tempTree({ 'a.md': GOOD });
    const result = eindred(['check', '--staged'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: dirname(dir) } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--staged needs a git repository');
  });

  const hook = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check --staged --quiet\n`;

  it('a plain .git/hooks/pre-commit blocks a commit with errors and lets a clean one through', () => {
    const { dir, git } = repo({ 'concept.md': BAD });
    writeFileSync(join(dir, '.git/hooks/pre-commit'), hook);
    chmodSync(join(dir, '.git/hooks/pre-commit'), 0o755);
    git('add', 'concept.md');
    const blocked = spawnSync('git', ['commit', '-qm', 'concept'], { cwd: dir, encoding: 'utf8' });
    expect(blocked.status).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain('‘[bron?]’ staat nog in de tekst');
    writeFileSync(join(dir, 'concept.md'), GOOD);
    git('add', 'concept.md');
    expect(spawnSync('git', ['commit', '-qm', 'concept'], { cwd: dir }).status).toBe(0);
  });

  it('husky: a .husky/pre-commit through core.hooksPath works the same', () => {
    const { dir, git } = repo({ 'concept.md': BAD, '.husky/pre-commit': hook });
    chmodSync(join(dir, '.husky/pre-commit'), 0o755);
    git('config', 'core.hooksPath', '.husky');
    git('add', 'concept.md');
    expect(spawnSync('git', ['commit', '-qm', 'concept'], { cwd: dir }).status).toBe(1);
  });

  it('pre-commit framework and lint-staged: the hook definition runs eindred on the matching staged files', () => {
    const definition = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /entry: (.+)/.exec(definition)![1]!.split(' ');
    const args = JSON.parse(
      /args: (\[.*\])/
        .exec(definition)![1]!
        .replace(/([\w-]+)/g, '"$1"')
        .replace(/""/g, '"'),
    ) as string[];
    const files = new RegExp(/files: (.+)/.exec(definition)![1]!.trim());
    expect(entry).toEqual(['eindred', 'check']);
    const { dir, git } = repo({ 'concept.md': BAD, 'foto.jpg': 'x', 'script.js': 'x' });
    git('add', '.');
    const staged = git('diff', '--cached', '--name-only')
      .trim()
      .split('\n')
      .filter((f) => files.test(f));
    expect(staged).toEqual(['concept.md']);
    // As pre-commit (and lint-staged with "*.{md,txt,html}": "eindred check") run it: the files appended.
    const result = eindred([...entry.slice(1), ...args, ...staged], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('concept.md');
  });
});

describe('rules that explain themselves', () => {
  it('explain shows message, reason, source, alternatives and the pack’s examples', () => {
    const result = eindred(['explain', 'nl.bias.allochtoon']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^nl\.bias\.allochtoon {2}warning, bias, term rule of pack nl-bias \(nl\)/);
    expect(result.stdout).toContain('Why       Het woord zet mensen apart');
    expect(result.stdout).toContain('Source    https://www.cbs.nl/');
    expect(result.stdout).toContain('Instead   migrant');
    expect(result.stdout).toContain('✖ Veel allochtonen wonen in de wijk.');
    expect(result.stdout).toContain('✔ Veel migranten wonen in de wijk.');
    // Where a hit does not count: unless phrases and the words it must stand near.
    const blank = eindred(['explain', 'nl.bias.blank']).stdout;
    expect(blank).toMatch(/\nExcept {4}blanke vla, .*staat blank/);
    expect(blank).toMatch(/\nOnly near man, vrouw, .* \(within \d+ words\)\n/);
    expect(JSON.parse(eindred(['explain', 'nl.bias.blank', '--format', 'json']).stdout).except).toContain('blanke vla');
    const unknown = eindred(['explain', 'nl.bias.alochtoon']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean ‘nl.bias.allochtoon’?');
  });

  it('init writes a commented config whose schema line points at the shipped schema', () => {
    const dir = tempTree({});
    expect(eindred(['init'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(join(dir, '.eindred.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(existsSync(resolve(dir, schema))).toBe(true);
    // The written config is valid: eindred runs with it.
    writeFileSync(join(dir, 'a.md'), GOOD);
    expect(eindred(['check', 'a.md'], { cwd: dir }).code).toBe(0);
    const again = eindred(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already; use --force');
  });

  it('test-pack runs a pack’s examples: 0 when they behave, 1 when one does not, 2 for a broken pack', () => {
    const pack = (flag: string) =>
      `pack: huisstijl\nlanguage: nl\nrules:\n  - id: nl.huis.middels\n    kind: term\n    category: bias\n    severity: warning\n    terms: [middels]\n    suggest: [met]\n    message: "Schrijf ‘met’ in plaats van ‘{match}’."\n    examples:\n      flag: ["${flag}"]\n      pass: ["Met de fiets."]\n`;
    const dir = tempTree({
      'goed.yaml': pack('Middels een brief.'),
      'fout.yaml': pack('Door een brief.'),
      'kapot.yaml': 'pack: x\nlanguage: nl\nrules:\n  - id: nl.x\n    kind: term\n    terms: [a]\n    bogus: 1\n',
    });
    const good = eindred(['test-pack', 'goed.yaml'], { cwd: dir });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✔ all 2 examples behave');
    const bad = eindred(['test-pack', 'fout.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✖ nl.huis.middels  flag: “Door een brief.”\n      not flagged');
    const broken = eindred(['test-pack', 'kapot.yaml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('kapot.yaml:7:5: rule nl.x: unknown key ‘bogus’');
  });

  it('test-pack says where a check of the whole draft flagged a pass example, which has no words to quote', () => {
    const dir = tempTree({
      'controle.yaml': [
        'pack: controle',
        'language: nl',
        'rules:',
        '  - id: nl.huis.controleur',
        '    kind: disclosure',
        '    check: reviewer',
        '    category: disclosure',
        '    severity: error',
        '    message: Wie controleerde de AI-tekst?',
        '    examples:',
        '      pass: ["---\\nai: { used: true }\\n---\\nDe gemeente sluit het zwembad."]',
        '',
      ].join('\n'),
    });
    const result = eindred(['test-pack', 'controle.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('flagged at 2:1 (the draft as a whole)');
  });
});
