import { describe, expect, it } from 'vitest';
import { PackError, type FileIssue } from '../../src/packs/issues.js';
import { parsePack } from '../../src/packs/pack.js';

async function issuesOf(yaml: string): Promise<FileIssue[]> {
  try {
    await parsePack(yaml, 'team.yaml');
  } catch (error) {
    if (error instanceof PackError) return [...error.issues];
    throw error;
  }
  throw new Error('the pack was accepted');
}

const HEADER = 'pack: team\nlanguage: nl\nrules:\n';

describe('parsePack', () => {
  it('reads a valid pack with defaults filled in', async () => {
    const pack = await parsePack(
      `${HEADER}  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    message: "‘{match}’ liever niet"\n`,
      'team.yaml',
    );
    expect(pack.rules[0]).toMatchObject({
      id: 'nl.team.x',
      severity: 'warning',
      inQuote: 'same',
      language: 'nl',
      line: 4,
      options: { terms: ['x'], stemming: true },
    });
  });

  it('points at a YAML syntax error', async () => {
    const [issue] = await issuesOf(`${HEADER}  - id: a\n    terms: [x\n`);
    expect(issue).toMatchObject({ file: 'team.yaml', line: 6 });
    expect(issue!.message).toMatch(/^YAML syntax error/);
  });

  it('names an unknown key with its line, column and rule, and suggests the right one', async () => {
    const issues = await issuesOf(
      `${HEADER}  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    message: m\n    sevrity: error\n`,
    );
    expect(issues).toEqual([
      {
        file: 'team.yaml',
        line: 9,
        column: 5,
        ruleId: 'nl.team.x',
        message: 'unknown key ‘sevrity’ in a term rule: did you mean ‘severity’?',
      },
    ]);
  });

  it('rejects an unknown kind, category and severity with the allowed values', async () => {
    const issues = await issuesOf(
      `${HEADER}  - id: nl.team.x\n    kind: trem\n    category: bais\n    severity: fatal\n    message: m\n`,
    );
    const messages = issues.map((i) => i.message).join('\n');
    expect(messages).toContain(
      '‘kind’ must be one of term, pattern, disclosure, claim, privacy, tone, not ‘trem’ (did you mean ‘term’?)',
    );
    expect(messages).toContain('‘category’ must be one of disclosure, claims, bias, privacy, not ‘bais’');
    expect(messages).toContain('‘severity’ must be one of info, warning, error, not ‘fatal’');
  });

  it('rejects an invalid regular expression', async () => {
    const [issue] = await issuesOf(
      `${HEADER}  - id: nl.team.x\n    kind: pattern\n    category: claims\n    pattern: '[bron'\n    message: m\n`,
    );
    expect(issue).toMatchObject({ line: 7, ruleId: 'nl.team.x' });
    expect(issue!.message).toMatch(/^‘\[bron’ is not a valid regular expression/);
  });

  it.each([
    ['nested quantifiers', '(a+)+$'],
    // Nothing follows in the pattern, but eindred's whole-word test does: "aaaa…ab" took minutes.
    ['nested quantifiers at the end of the pattern', '(a+)+'],
    ['overlapping alternatives under a star', '(x|x)*y'],
    ['overlapping classes under a plus', '(\\w|\\d)+$'],
  ])('rejects a regular expression that backtracks catastrophically: %s', async (_, regex) => {
    const [issue] = await issuesOf(
      `${HEADER}  - id: nl.team.x\n    kind: pattern\n    category: claims\n    pattern: '${regex}'\n    message: m\n`,
    );
    expect(issue).toMatchObject({ line: 7, ruleId: 'nl.team.x' });
    expect(issue!.message).toContain('can backtrack catastrophically');
  });

  it('accepts ordinary regular expressions', async () => {
    const pack = await parsePack(
      `${HEADER}  - id: nl.team.x\n    kind: pattern\n    category: claims\n    pattern: '\\[(?:bron|naam)\\]|(?:\\d{1,3}[. ]?){3}\\d{3}'\n    message: m\n`,
      'team.yaml',
    );
    expect(pack.rules).toHaveLength(1);
  });

  it('rejects a duplicate id', async () => {
    const rule = '  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    message: m\n';
    const [issue] = await issuesOf(`${HEADER}${rule}${rule}`);
    expect(issue).toMatchObject({ line: 9, ruleId: 'nl.team.x' });
    expect(issue!.message).toContain('duplicate rule id (first used on line 4)');
  });

  it('reports missing keys and unknown placeholders', async () => {
    const issues = await issuesOf(
      `pack: team\nrules:\n  - id: nl.team.x\n    kind: term\n    category: bias\n    message: "{woord}"\n`,
    );
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('‘language’ is missing in the pack header (e.g. language: nl)');
    expect(messages).toContain('a term rule needs ‘terms’: the words or phrases to flag');
    expect(messages.some((m) => m.startsWith('unknown placeholder ‘{woord}’'))).toBe(true);
  });

  it('rejects a message that offers {suggest} when the rule has nothing to suggest', async () => {
    const rule = '  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    message: "schrijf {suggest}"\n';
    const [issue] = await issuesOf(`${HEADER}${rule}`);
    expect(issue).toMatchObject({ line: 8, ruleId: 'nl.team.x' });
    expect(issue!.message).toContain('the message uses {suggest}, but the rule has no ‘suggest’ list');
  });

  it('notices a suggestion split at a comma inside brackets by a YAML list', async () => {
    const rule =
      '  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    suggest: [toegankelijk (parkeren, toilet)]\n    message: m\n';
    const issues = await issuesOf(`${HEADER}${rule}`);
    expect(issues.map((i) => i.message)).toEqual([
      'the suggestion ‘toegankelijk (parkeren’ has an unclosed bracket: was it split at a comma? Put it in quotes',
      'the suggestion ‘toilet)’ has an unclosed bracket: was it split at a comma? Put it in quotes',
    ]);
  });

  it('notices an example split at a comma by a YAML list, and a bad context', async () => {
    const issues = await issuesOf(
      `${HEADER}  - id: nl.team.x\n    kind: term\n    category: bias\n    terms: [x]\n    message: m\n` +
        `    context: { window: 0 }\n    examples:\n      flag: [Hij zei x, zo bleek later.]\n`,
    );
    expect(issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      '9: ‘context’ needs ‘near’ (words a hit needs nearby) or ‘not_near’ (words that take it away)',
      '9: ‘window’ is a number of words on either side of a hit, from 1 to 50',
      '11: the example ‘zo bleek later.’ looks like the end of the one before it, split at a comma: put the whole sentence in quotes',
    ]);
  });

  it('takes a rule’s message from the pack defaults when it has none', async () => {
    const pack = await parsePack(
      `pack: team\nlanguage: nl\ndefaults: { kind: term, category: bias, message: "‘{match}’: schrijf {suggest}" }\nrules:\n  - { id: a, terms: [x], suggest: [y] }\n`,
      'team.yaml',
    );
    expect(pack.rules[0]!.message).toBe('‘{match}’: schrijf {suggest}');
  });

  it('refuses a file that is not a mapping', async () => {
    const [issue] = await issuesOf('- just\n- a list\n');
    expect(issue!.message).toContain('expected a rule pack as key: value lines');
  });
});
