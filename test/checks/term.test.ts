import { describe, expect, it } from 'vitest';
import { lint, ruleSetFrom } from '../helpers.js';

const pack = (rules: string) => `pack: t\nlanguage: nl\ndefaults: { kind: term, category: bias }\nrules:\n${rules}`;

async function excerpts(rules: string, text: string): Promise<string[]> {
  const result = await lint(text, await ruleSetFrom(pack(rules)), { forceLanguage: 'nl' });
  return result.findings.map((f) => f.excerpt);
}

describe('term rules', () => {
  it('match every inflected form of a term through its stem', async () => {
    expect(
      await excerpts('  - { id: a, terms: [allochtoon], message: m }\n', 'Allochtonen en een allochtone buurman; de allochtoon.'),
    ).toEqual(['Allochtonen', 'allochtone', 'allochtoon']);
  });

  it('match only the listed forms when stemming is off', async () => {
    const rule = '  - { id: a, terms: [neger], stemming: false, forms: [negers], message: m }\n';
    expect(await excerpts(rule, 'Een neger, twee negers; zij negeren het.')).toEqual(['neger', 'negers']);
  });

  it('match phrases word by word, also across a hyphen or a line break, not across punctuation', async () => {
    const rule = '  - { id: a, terms: [zelfmoord plegen], message: m }\n';
    expect(await excerpts(rule, 'Zij wilde zelfmoord\nplegen. Zelfmoord-plegen. Zelfmoord, plegen.')).toEqual([
      'zelfmoord\nplegen',
      'Zelfmoord-plegen',
    ]);
  });

  it('respect case when asked', async () => {
    const rule = '  - { id: a, terms: [TK], case_sensitive: true, message: m }\n';
    expect(await excerpts(rule, 'TK of tk of Tk')).toEqual(['TK']);
    // A term in small letters is matched exactly too, not dropped for being one plain word.
    const lower = '  - { id: a, terms: [jappenkamp], case_sensitive: true, message: m }\n';
    expect(await excerpts(lower, 'Een jappenkamp en een Jappenkamp.')).toEqual(['jappenkamp']);
  });

  it('drop a hit that an unless phrase or pattern covers', async () => {
    const rule = "  - { id: a, terms: [blank], unless: ['staat blank', 'blanke vla', { pattern: 'blanke? lak' }], message: m }\n";
    expect(await excerpts(rule, 'De kelder staat blank. Blanke vla en blanke lak. Een blanke man.')).toEqual(['blanke']);
  });

  it('match unless patterns without regard to case, also one with a capital written as a code', async () => {
    const rule =
      "  - { id: a, terms: [blank], unless: [{ pattern: 'Blanke Lak' }, { pattern: 'blanke \\u0056la' }], message: m }\n";
    expect(await excerpts(rule, 'BLANKE LAK. Blanke Vla. Een blanke man.')).toEqual(['blanke']);
  });

  it('report one finding where two forms of one rule overlap, the longer one', async () => {
    const rule = '  - { id: a, terms: [zelfmoord, zelfmoord plegen], message: m }\n';
    expect(await excerpts(rule, 'Hij wilde zelfmoord plegen.')).toEqual(['zelfmoord plegen']);
  });

  it('let words stand in a gap (…) of a phrase, within the clause, as one finding', async () => {
    const rule = "  - { id: a, terms: ['zelfmoord … gepleegd', 'pleegde zelfmoord'], message: m }\n";
    expect(
      await excerpts(
        rule,
        'Hij heeft zelfmoord gepleegd. Zij zou zelfmoord hebben gepleegd. Hij pleegde zelfmoord. Zelfmoord. Gepleegd werd er niets.',
      ),
    ).toEqual(['zelfmoord gepleegd', 'zelfmoord hebben gepleegd', 'pleegde zelfmoord']);
    // At most four words in between, and not across the end of a sentence or a clause.
    expect(await excerpts(rule, 'Over zelfmoord werd in de raad nooit eerder zo gepleegd. Zelfmoord; gepleegd.')).toEqual([]);
  });

  it('find compounds of a head word, with exceptions by unless', async () => {
    const rule = '  - { id: a, terms: [gehandicapte], compounds: [gehandicapten], unless: [gehandicaptenzorg], message: m }\n';
    expect(await excerpts(rule, 'Het gehandicaptenbeleid en de gehandicaptenzorg; gehandicapten en een gehandicapte.')).toEqual([
      'gehandicaptenbeleid',
      'gehandicapten',
      'gehandicapte',
    ]);
    // A head is only a head when a word goes on after it: "neger" is not the head of "negeren".
    expect(
      await excerpts('  - { id: a, terms: [negerzoen], compounds: [neger], stemming: false, message: m }\n', 'Wij negeren het.'),
    ).toEqual([]);
  });

  it('skip a name or a title: a term in small letters written with a capital mid-sentence', async () => {
    const rule =
      '  - { id: a, terms: [negerhut], stemming: false, message: m }\n  - { id: b, terms: [Indiaan], forms: [Indianen], message: m }\n';
    expect(
      await excerpts(
        rule,
        'Zij las De Negerhut van oom Tom. Negerhut is een oud woord. Hij sprak over de negerhut en de Indianen.',
      ),
    ).toEqual(['Negerhut', 'negerhut', 'Indianen']);
  });

  it('keep a hit only with its context words near (near), or without them (not_near)', async () => {
    const blank =
      '  - { id: a, terms: [blank], context: { near: [man, vrouw, bevolking, zwart], window: 3 }, message: m }\n' +
      '  - { id: b, terms: [schizofreen], context: { not_near: [gediagnosticeerd, diagnose] }, message: m }\n';
    expect(
      await excerpts(
        blank,
        'Een blanke man. De kelder staat blank. De bevolking pompt. Zwart en blank. Het beleid is schizofreen. Zij is gediagnosticeerd als schizofreen.',
      ),
    ).toEqual(['blanke', 'blank', 'schizofreen']);
  });

  it('share one index across rules: ten thousand terms match like ten', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `  - { id: r${i}, terms: [woord${i}], message: m }`).join('\n');
    const result = await lint('Hier staan woord42 en woord9999.', await ruleSetFrom(pack(`${many}\n`)), { forceLanguage: 'nl' });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['r42', 'r9999']);
  });
});

describe('pattern rules', () => {
  const patternPack = (rule: string) => `pack: t\nlanguage: nl\ndefaults: { kind: pattern, category: claims }\nrules:\n${rule}`;

  it('match whole words by default, with Unicode-aware word edges', async () => {
    const ruleSet = await ruleSetFrom(patternPack("  - { id: a, pattern: 'één', message: m }\n"));
    const result = await lint('één, tweeëntwintig, meéén', ruleSet, { forceLanguage: 'nl' });
    expect(result.findings.map((f) => f.column)).toEqual([1]);
  });

  it('can match inside words when whole_word is off', async () => {
    const ruleSet = await ruleSetFrom(
      patternPack("  - { id: a, pattern: 'turn\\d+search\\d+', whole_word: false, message: m }\n"),
    );
    const result = await lint('Het steeg citeturn0search0.', ruleSet, { forceLanguage: 'nl' });
    expect(result.findings.map((f) => f.excerpt)).toEqual(['turn0search0']);
  });

  it('are case-insensitive unless case_sensitive is set', async () => {
    const insensitive = await ruleSetFrom(patternPack("  - { id: a, pattern: 'lorem ipsum', message: m }\n"));
    expect((await lint('Lorem Ipsum.', insensitive, { forceLanguage: 'nl' })).findings).toHaveLength(1);
    const sensitive = await ruleSetFrom(patternPack("  - { id: a, pattern: 'TODO', case_sensitive: true, message: m }\n"));
    expect((await lint('todo TODO', sensitive, { forceLanguage: 'nl' })).findings.map((f) => f.column)).toEqual([6]);
  });
});
