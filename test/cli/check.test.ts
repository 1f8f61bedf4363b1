import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectReportContract } from '../contract.js';
import { ROOT, textAt } from '../helpers.js';
import { eindred, tempTree } from './run.js';

interface JsonReport {
  files: {
    path: string;
    language: string;
    findings: {
      ruleId: string;
      severity: string;
      excerpt: string;
      category: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      inQuote: boolean;
    }[];
  }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
  errors: { path: string; message: string }[];
}

/** The drafts a folder walk finds in fixtures/ (exports are checked only when named). */
function draftFixtures(): string[] {
  return ['en', 'exports', 'nl'].flatMap((folder) =>
    readdirSync(join(ROOT, 'fixtures', folder))
      .filter((file) => /\.(md|txt|html|docx)$/.test(file))
      .sort()
      .map((file) => `fixtures/${folder}/${file}`),
  );
}

function json(result: { stdout: string }): JsonReport {
  return JSON.parse(result.stdout) as JsonReport;
}

const DRAFT_NL = '---\nlang: nl\n---\nDe allochtonen in de wijk krijgen een nieuw buurthuis [bron?].\n';
const CLEAN_NL = '---\nlang: nl\n---\nDe bewoners van de wijk krijgen een nieuw buurthuis, meldt de gemeente.\n';

describe('eindred check on the bundled fixtures', () => {
  it('prints a readable report and exits 1 (the README’s Quick start)', () => {
    const result = eindred(['check', 'fixtures']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    for (const file of [
      'fixtures/nl/zwembad.md',
      'fixtures/nl/woningmarkt.md',
      'fixtures/en/council-budget.md',
      'fixtures/en/storm-notes.txt',
    ]) {
      expect(result.stdout).toContain(file);
    }
    // Drafts that do everything right are not listed.
    for (const file of ['nl/schoon.md', 'nl/ai-verantwoord.md', 'nl/spellingcontrole.md', 'en/ai-disclosed.md']) {
      expect(result.stdout).not.toContain(`fixtures/${file}`);
    }
    expect(result.stdout).toMatch(/  8:65  error    ‘\[bron\?\]’ staat nog in de tekst/);
    const fixtures = draftFixtures().length;
    expect(result.stdout).toMatch(
      new RegExp(`✖ \\d+ problems \\(\\d+ errors, \\d+ warnings, \\d+ infos\\) in \\d+ of ${fixtures} files\\n\\nSummary\\n`),
    );
    // After the files, a batch gets a summary: per category, per rule, most errors, time and rate.
    const summary = result.stdout.slice(result.stdout.indexOf('\nSummary\n'));
    // The two largest categories of the fixtures, in either order (they hold about as many findings).
    expect(summary).toMatch(/per category\n {4}(?:disclosure|claims) +\d+\n {4}(?:disclosure|claims) +\d+\n/);
    expect(summary).toMatch(/per rule\n/);
    expect(summary).toMatch(/most errors\n {4}fixtures\/\S+ {2}\d+ errors?, \d+ warnings?\n/);
    expect(summary).toMatch(new RegExp(`${fixtures} documents in \\d+\\.\\d s \\([\\d.]+ per second, [\\d.]+ [kM]B/s\\)\\n$`));
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('shows every category in both languages', () => {
    const report = json(eindred(['check', 'fixtures', '--format', 'json']));
    for (const language of ['nl', 'en']) {
      const categories = new Set(
        report.files.filter((f) => f.path.includes(`/${language}/`)).flatMap((f) => f.findings.map((x) => x.category)),
      );
      expect([...categories].sort()).toEqual(['bias', 'claims', 'disclosure', 'privacy']);
    }
  });

  it('checks an interview’s introduction as news, and takes its answers for the guest’s words', () => {
    const report = json(eindred(['check', 'fixtures/nl/interview.md', '--format', 'json']));
    expect(report.files[0]!.findings.map((f) => `${f.line} ${f.ruleId} ${f.excerpt}`)).toEqual([
      '10 nl.claims.bron-ontbreekt 30 procent',
      '20 nl.bias.bejaarde bejaarde',
    ]);
  });

  it('writes JSON that follows the contract, with every document and exact positions', () => {
    const result = eindred(['check', 'fixtures', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = json(result);
    expectReportContract(report);
    expect(report.files.map((f) => f.path)).toEqual(draftFixtures());
    // Positions of a Word draft count in its extracted text; the others are checked against the file.
    for (const file of report.files.filter((f) => !f.path.endsWith('.docx'))) {
      const source = readFileSync(join(ROOT, file.path), 'utf8');
      for (const finding of file.findings) {
        if (finding.category === 'privacy') {
          // At most three letters or digits stay visible: the end of the number, or the top-level domain.
          expect(finding.excerpt.match(/[\p{L}\p{N}]/gu)?.length ?? 0).toBeLessThanOrEqual(3);
          expect(finding.excerpt).toContain('•');
          expect(finding.excerpt.length).toBe(textAt(source, finding).length);
        } else if (finding.excerpt) {
          expect(textAt(source, finding)).toBe(finding.excerpt);
        }
      }
    }
  });

  it('is deterministic', () => {
    expect(eindred(['check', 'fixtures', '--format', 'json']).stdout).toBe(
      eindred(['check', 'fixtures', '--format', 'json']).stdout,
    );
  });
});

describe('eindred check options', () => {
  it('explains every option in --help', () => {
    const result = eindred(['check', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--format',
      '--lang',
      '--config',
      '--no-config',
      '--pack',
      '--min-severity',
      '--quiet',
      '--max-warnings',
      '--stdin-filename',
      '--no-ignore',
      '--max-file-size',
      '--color',
      '--no-color',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`${option}\\b[^\\n]*\\s{2,}\\S`));
    }
    expect(result.stdout).toContain('Exit codes:');
  });

  it('shows the version', () => {
    expect(eindred(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('exits 0 on a clean draft and 1 on errors', () => {
    const dir = tempTree({ 'schoon.md': CLEAN_NL, 'fout.md': DRAFT_NL });
    expect(eindred(['check', 'schoon.md'], { cwd: dir }).code).toBe(0);
    expect(eindred(['check', 'fout.md'], { cwd: dir }).code).toBe(1);
  });

  it('--quiet prints only errors, and nothing at all for a clean draft', () => {
    const dir = tempTree({ 'schoon.md': CLEAN_NL, 'fout.md': DRAFT_NL });
    expect(eindred(['check', '--quiet', 'schoon.md'], { cwd: dir }).stdout).toBe('');
    const result = eindred(['check', '-q', 'fout.md'], { cwd: dir });
    expect(result.stdout).toContain('nl.claims.bron-nodig');
    expect(result.stdout).not.toContain('nl.bias.allochtoon');
  });

  it('--min-severity hides lower findings; the exit code still counts all', () => {
    const dir = tempTree({ 'fout.md': DRAFT_NL });
    const report = json(eindred(['check', 'fout.md', '--format', 'json', '--min-severity', 'error'], { cwd: dir }));
    expect(report.files[0]!.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('--max-warnings fails the run when there are more warnings', () => {
    const dir = tempTree({ 'warn.md': '---\nlang: nl\n---\nDe allochtonen in de wijk.\n' });
    expect(eindred(['check', 'warn.md'], { cwd: dir }).code).toBe(0);
    expect(eindred(['check', 'warn.md', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const result = eindred(['check', 'warn.md', '--max-warnings', '0'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 warnings, more than --max-warnings 0');
  });

  it('reads a draft from standard input', () => {
    const result = eindred(['check', '-', '--stdin-filename', 'drafts/zwembad.md', '--format', 'json'], { input: DRAFT_NL });
    expect(result.code).toBe(1);
    const report = json(result);
    expect(report.files[0]!.path).toBe('drafts/zwembad.md');
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['nl.bias.allochtoon', 'nl.claims.bron-nodig']);
  });

  it('uses --lang for drafts that do not declare a language', () => {
    const dir = tempTree({ 'kort.txt': 'Allochtonen.' });
    const report = json(eindred(['check', 'kort.txt', '--lang', 'nl', '--format', 'json'], { cwd: dir }));
    expect(report.files[0]!.language).toBe('nl');
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['nl.bias.allochtoon']);
  });

  it('checks folders recursively, skipping .git and node_modules, and globs', () => {
    const dir = tempTree({
      'a/een.md': DRAFT_NL,
      'a/b/twee.txt': DRAFT_NL,
      'a/node_modules/x.md': DRAFT_NL,
      'a/.git/y.md': DRAFT_NL,
      'a/foto.jpg': 'not a draft',
    });
    expect(json(eindred(['check', 'a', '--format', 'json'], { cwd: dir })).files.map((f) => f.path)).toEqual([
      'a/b/twee.txt',
      'a/een.md',
    ]);
    expect(json(eindred(['check', 'a/**/*.txt', '--format', 'json'], { cwd: dir })).files.map((f) => f.path)).toEqual([
      'a/b/twee.txt',
    ]);
  });

  it('says so when a folder holds nothing to check, without failing the run', () => {
    const dir = tempTree({
      'leeg/foto.jpg': 'x',
      'exports/artikelen.ndjson': '{}\n',
      'genegeerd/.git/HEAD': '',
      'genegeerd/.gitignore': 'oud/\n',
      'genegeerd/oud/a.md': DRAFT_NL,
    });
    const empty = eindred(['check', 'leeg'], { cwd: dir });
    expect(empty.code).toBe(0);
    // A hook with --quiet prints nothing when nothing is wrong.
    expect(eindred(['check', 'leeg', '--quiet'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(empty.stderr).toContain(
      'leeg: no drafts in this folder (eindred looks for .md, .markdown, .txt, .html, .htm and .docx',
    );
    // Exports are not picked up from a folder: the warning shows how to name them.
    expect(eindred(['check', 'exports'], { cwd: dir }).stderr).toContain(
      "exports: no drafts in this folder, but an export file; exports are checked only when named, for example: eindred check 'exports/*.ndjson'",
    );
    const ignored = eindred(['check', 'genegeerd', '--format', 'json'], { cwd: dir });
    expect(ignored.code).toBe(0);
    expect(json(ignored).files).toEqual([]);
    expect(ignored.stderr).toContain(
      'genegeerd: nothing to check in this folder: its one draft is skipped by .gitignore or .eindredignore',
    );
  });

  it('reports what it could not read, still checks the rest, and exits 2', () => {
    const dir = tempTree({ 'goed.md': DRAFT_NL, 'plaatje.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]) });
    const result = eindred(['check', 'goed.md', 'weg.md', 'plaatje.md', 'nergens/*.md', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual(['goed.md']);
    expect(report.files[0]!.findings.length).toBeGreaterThan(0);
    expect(report.errors).toEqual([
      { path: 'weg.md', message: 'no such file or folder' },
      { path: 'nergens/*.md', message: 'no files match this pattern' },
      { path: 'plaatje.md', message: 'this is a binary file (it holds NUL bytes), not a text draft' },
    ]);
    const stylish = eindred(['check', 'goed.md', 'weg.md'], { cwd: dir });
    expect(stylish.stdout).toContain('weg.md\n  error  no such file or folder');
    expect(stylish.stdout).toContain('1 input could not be checked');
  });

  it('refuses files above --max-file-size with a clear message', () => {
    const dir = tempTree({ 'groot.md': `${'Een zin over niets. '.repeat(60_000)}\n` });
    const result = eindred(['check', 'groot.md', '--max-file-size', '1', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(json(result).errors[0]!.message).toMatch(/^the file is 1\.1 MB, more than --max-file-size 1 MB/);
  });

  it('rejects bad usage with exit code 2 and a hint', () => {
    const unknown = eindred(['check', '--formatt', 'json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--formatt'");
    const format = eindred(['check', '--format', 'xml', 'fixtures']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are stylish, json');
    expect(eindred(['check', '--max-warnings', 'veel', 'fixtures']).stderr).toContain('--max-warnings takes a whole number');
    expect(eindred(['check', '--lang', 'Nederlands!', 'fixtures']).code).toBe(2);
  });

  it('colours output for --color, not for NO_COLOR or a pipe', () => {
    expect(eindred(['check', 'fixtures/nl/zwembad.md', '--color']).stdout).toContain('\u001b[');
    expect(eindred(['check', 'fixtures/nl/zwembad.md']).stdout).not.toContain('\u001b[');
    expect(eindred(['check', 'fixtures/nl/zwembad.md'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(
      '\u001b[',
    );
  });
});

describe('claims and privacy on the bundled fixtures', () => {
  const findings = (path: string, ...args: string[]) =>
    json(eindred(['check', path, '--format', 'json', ...args])).files[0]!.findings.map(
      (f) => `${f.line} ${f.severity} ${f.ruleId} ${f.excerpt}`,
    );

  it('flag markers, vague sources, an unsourced figure and an anonymous quote, but not dates, ages or scores', () => {
    for (const [path, prefix] of [
      ['fixtures/nl/fietspaden.md', 'nl.claims'],
      ['fixtures/en/bike-lanes.md', 'en.claims'],
    ] as const) {
      const found = findings(path);
      const rules = found.map((f) => f.split(' ')[2]);
      // One unsourced figure: the sourced budget, the age, the date, the time and the 2-1 score are not flagged.
      expect(found.filter((f) => f.includes('unsourced') || f.includes('bron-ontbreekt'))).toHaveLength(1);
      expect(found.join('\n')).toMatch(/ 40 (?:procent|percent)$/m);
      // Vague attribution: a warning, and a note where a named source follows in the same sentence.
      expect(found.filter((f) => /vag(?:e-bron|ue-attribution)/.test(f)).map((f) => f.split(' ')[1])).toEqual([
        'warning',
        'info',
      ]);
      expect(rules).toContain(`${prefix}.${prefix.startsWith('nl') ? 'anoniem-citaat' : 'anonymous-quote'}`);
      expect(rules).toContain(`${prefix}.${prefix.startsWith('nl') ? 'beladen-werkwoord' : 'loaded-verb'}`);
      expect(found.filter((f) => f.split(' ')[1] === 'error').map((f) => f.split(' ').slice(3).join(' '))).toEqual(
        prefix.startsWith('nl')
          ? ['XX-XX-2025', '[bron?]', '[naam]', '(nog navragen)', 'TODO']
          : ['XX-XX-2025', '[citation needed]', '[insert name]', 'TODO'],
      );
    }
  });

  it('flag a valid BSN and IBAN, not a failing 11-proef or checksum, and skip the allow-listed tip line', () => {
    const nl = findings('fixtures/nl/tipgever.md');
    expect(nl.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      '8 error nl.privacy.bsn',
      '9 error nl.privacy.iban',
      '14 warning nl.privacy.telefoonnummer',
      '14 warning nl.privacy.e-mailadres',
      '15 warning nl.privacy.huisadres',
      '15 warning nl.privacy.kenteken',
      '17 warning nl.privacy.verdachte-volledige-naam',
    ]);
    expect(nl.join('\n')).not.toMatch(/111222333|NL91|06-1234|devries|Lindenlaan|Bakker/);
    const en = findings('fixtures/en/whistleblower.md');
    expect(en.map((f) => f.split(' ')[2])).toEqual([
      'en.privacy.bsn',
      'en.privacy.iban',
      'en.privacy.phone-number',
      'en.privacy.email-address',
      'en.privacy.home-address',
      'en.privacy.licence-plate',
    ]);
    // fixtures/.eindred.yaml allows the newsroom's tip line and address; without it they are flagged.
    const unconfigured = findings('fixtures/nl/tipgever.md', '--no-config');
    expect(unconfigured).toHaveLength(nl.length + 2);
    expect(unconfigured.slice(-2).map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      '20 warning nl.privacy.telefoonnummer',
      '20 warning nl.privacy.e-mailadres',
    ]);
  });
});

describe('bias on the bundled fixtures', () => {
  const found = (path: string) =>
    json(eindred(['check', path, '--format', 'json'])).files[0]!.findings.map(
      (f) => `${f.line} ${f.severity} ${f.ruleId} ${f.excerpt}`,
    );

  it('flag words in context only: compounds, "blank" about people, a gap phrase; not vla, a flooded cellar, a title or a quote', () => {
    expect(found('fixtures/nl/buurthuis.md')).toEqual([
      '8 info nl.bias.bejaarde bejaardenhuis',
      '8 warning nl.bias.allochtoon allochtonenbeleid',
      '11 warning nl.bias.blank blank',
      '15 warning nl.bias.zelfmoord-plegen zelfmoord heeft gepleegd',
      '21 info nl.bias.toon prachtig',
    ]);
    expect(found('fixtures/en/community-centre.md')).toEqual([
      '8 info en.bias.the-elderly the elderly',
      '9 warning en.bias.wheelchair-bound wheelchair-bound',
      '11 warning en.bias.committed-suicide committed suicide',
      '15 info en.bias.loaded-tone magnificent',
    ]);
  });

  it('leave judging words alone in a column', () => {
    expect(found('fixtures/nl/column.md')).toEqual([]);
  });
});

describe('eindred rules', () => {
  it('lists the bias pack for a language, with what each rule finds, better words and a source', () => {
    const result = eindred(['rules', '--category', 'bias', '--lang', 'nl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^nl-bias \(nl\)\n/);
    expect(result.stdout).toMatch(
      /warning  nl\.bias\.allochtoon  allochtoon \/ allochtonen\n\s+finds\s+allochtoon\n\s+better\s+migrant/,
    );
    expect(result.stdout).not.toContain('en.bias.');
    expect(result.stdout).not.toContain('nl.claims.');
    const count = Number(/\n(\d+) rules in 1 language\n$/.exec(result.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(80);
  });

  it('follows the config, and prints JSON', () => {
    const dir = tempTree({ '.eindred.yaml': 'rules:\n  nl.bias.bejaarde: off\n  nl.bias.allochtoon: error\n' });
    const rules = JSON.parse(eindred(['rules', '--lang', 'nl', '--format', 'json'], { cwd: dir }).stdout) as {
      rules: { id: string; severity: string; source?: string }[];
    };
    expect(rules.rules.find((r) => r.id === 'nl.bias.bejaarde')).toBeUndefined();
    expect(rules.rules.find((r) => r.id === 'nl.bias.allochtoon')).toMatchObject({ severity: 'error' });
    expect(rules.rules.every((r) => r.source?.startsWith('https://'))).toBe(true);
  });

  it('explains a wrong category', () => {
    const result = eindred(['rules', '--category', 'tone']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are disclosure, claims, bias, privacy');
  });
});
