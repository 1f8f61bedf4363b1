import { describe, expect, it } from 'vitest';
import { maskSecret } from '../src/engine.js';
import { lint, ruleSetFrom, textAt } from './helpers.js';

const NL = `pack: t-nl
language: nl
defaults: { kind: term, category: bias }
rules:
  - { id: nl.t.allochtoon, terms: [allochtoon], message: "‘{match}’: schrijf {suggest}", suggest: [migrant, nieuwkomer], in_quote: info }
  - { id: nl.t.gehandicapte, terms: [gehandicapte], message: m, in_quote: ignore }
  - { id: nl.t.nummer, kind: pattern, category: privacy, pattern: '06-\\d{8}', message: "nummer {match}" }
`;
const EN = `pack: t-en
language: en
defaults: { kind: term, category: claims }
rules:
  - { id: en.t.experts, terms: [experts say], message: m }
`;

describe('lintDocument', () => {
  it('gives exact positions through front matter, CRLF, a BOM, tabs and emoji', async () => {
    const ruleSet = await ruleSetFrom(NL);
    const source = '\uFEFF---\r\nlang: nl\r\n---\r\n😀\tDe allochtoon.\r\n\r\n> 🇳🇱 een allochtone buur\r\n';
    const { findings } = await lint(source, ruleSet);
    expect(findings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.excerpt])).toEqual([
      [4, 7, 4, 17, 'allochtoon'],
      [6, 12, 6, 22, 'allochtone'],
    ]);
    for (const finding of findings) expect(textAt(source, finding)).toBe(finding.excerpt);
  });

  it('fills in the message with the words found and the suggestions', async () => {
    const { findings } = await lint('De allochtonen.', await ruleSetFrom(NL), { forceLanguage: 'nl' });
    expect(findings[0]).toMatchObject({
      message: '‘allochtonen’: schrijf ‘migrant’ of ‘nieuwkomer’',
      suggestions: ['migrant', 'nieuwkomer'],
      inQuote: false,
      severity: 'warning',
      category: 'bias',
    });
  });

  it('applies each rule’s in_quote policy to direct quotes and block quotes', async () => {
    const ruleSet = await ruleSetFrom(NL);
    const text = 'Hij zei: „De allochtonen en gehandicapten.” Buiten: allochtonen.\n\n> Een allochtoon.';
    const { findings } = await lint(text, ruleSet, { forceLanguage: 'nl' });
    expect(findings.map((f) => [f.excerpt, f.severity, f.inQuote])).toEqual([
      ['allochtonen', 'info', true],
      ['allochtonen', 'warning', false],
      ['allochtoon', 'info', true],
    ]);
  });

  it('does not downgrade words merely put in quotation marks (no one speaks)', async () => {
    const { findings } = await lint('De zogenaamde ‘allochtonen’ in de wijk.', await ruleSetFrom(NL), { forceLanguage: 'nl' });
    expect(findings.map((f) => [f.severity, f.inQuote])).toEqual([['warning', false]]);
  });

  it('asks unless and context of the hits of document checks too (claims, tone), not only of terms and patterns', async () => {
    const pack = `pack: t-doc
language: en
rules:
  - id: en.t.vague
    kind: claim
    category: claims
    check: vague
    terms: [experts say]
    unless: [the experts]
    message: m
  - id: en.t.tone
    kind: tone
    category: bias
    context: { not_near: [resident] }
    message: m
`;
    const { findings } = await lint(
      'Experts say it is evil. The experts say so. Resident Evil is a game.',
      await ruleSetFrom(pack),
      { forceLanguage: 'en' },
    );
    expect(findings.map((f) => `${f.ruleId} ${f.excerpt}`)).toEqual(['en.t.vague Experts say', 'en.t.tone evil']);
  });

  it('masks personal data in the excerpt and the message', async () => {
    const { findings } = await lint('Bel 06-12345678.', await ruleSetFrom(NL), { forceLanguage: 'nl' });
    expect(findings[0]).toMatchObject({ excerpt: '••-•••••678', message: 'nummer ••-•••••678', column: 5, endColumn: 16 });
    expect(maskSecret('jan@example.nl')).toBe('•••@••••••e.nl');
  });

  it('runs Dutch rules on Dutch blocks and English rules on an English quote in the same article', async () => {
    const ruleSet = await ruleSetFrom([NL, EN]);
    const text = [
      '---',
      'lang: nl',
      '---',
      'De gemeente heeft besloten dat de allochtonen in de wijk een nieuw buurthuis krijgen.',
      '',
      '> Experts say the new community centre will not be ready before the end of next year.',
    ].join('\n');
    const result = await lint(text, ruleSet);
    expect(result.language).toBe('nl');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['nl.t.allochtoon', 'en.t.experts']);
  });

  it('keeps a Dutch block Dutch when it holds words Dutch and English share ("of", "we", "had")', async () => {
    const EN_NUMBER = `${EN}  - { id: en.t.nummer, kind: pattern, category: privacy, pattern: '06-\\d{8}', message: m }\n`;
    const ruleSet = await ruleSetFrom([NL, EN_NUMBER]);
    const result = await lint('---\nlang: nl\n---\nBel 020 5551234 of 06-12345678 of mail, we had het druk.\n', ruleSet);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['nl.t.nummer']);
  });

  it('detects the document language when nothing declares it', async () => {
    const ruleSet = await ruleSetFrom([NL, EN]);
    const result = await lint('Experts say that the plan for the new bridge will cost more than the council expected.', ruleSet);
    expect(result.language).toBe('en');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['en.t.experts']);
  });

  it('uses --lang (defaultLanguage) when the draft does not declare one', async () => {
    const result = await lint('De allochtoon.', await ruleSetFrom(NL), { defaultLanguage: 'nl' });
    expect(result.language).toBe('nl');
    expect(result.findings).toHaveLength(1);
  });

  it('reports text in a language no pack covers once, in the draft’s language', async () => {
    const ruleSet = await ruleSetFrom(NL);
    const text = [
      '---',
      'lang: nl',
      '---',
      'De gemeente heeft besloten dat het zwembad in de wijk volgend jaar de deuren sluit.',
      '',
      'Der Gemeinderat hat beschlossen, dass das Schwimmbad im nächsten Jahr geschlossen wird.',
      '',
      'Die Kosten sind nach Angaben der Stadt zu hoch und die Besucherzahlen sind gesunken.',
    ].join('\n');
    const { findings } = await lint(text, ruleSet);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'eindred.language.unchecked',
        category: 'language',
        severity: 'info',
        line: 6,
        column: 1,
        excerpt: '',
        message: expect.stringContaining('Tekst in het Duits is niet gecontroleerd'),
      }),
    ]);
  });

  it('does not check a paragraph in another script with the draft’s rules, and names the script', async () => {
    const ruleSet = await ruleSetFrom(NL);
    const text = [
      'De gemeente zegt dat een allochtoon het zwembad beheert.',
      '',
      'Представитель муниципалитета заявил, что allochtoon 06-12345678 бассейн закроется в следующем году.',
    ].join('\n');
    const { findings } = await lint(text, ruleSet, { defaultLanguage: 'nl' });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['nl.t.allochtoon', 1],
      ['eindred.language.unchecked', 3],
    ]);
    expect(findings[1]!.message).toContain('Tekst in het Cyrillische schrift is niet gecontroleerd');
    const russian = await lint(text.split('\n')[2]!, ruleSet);
    expect(russian.language).toBe('und');
    expect(russian.findings.map((f) => f.message)).toEqual([expect.stringContaining('Text in Cyrillic script was not checked')]);
  });

  it('reports a whole English draft as unchecked when only Dutch packs are in use', async () => {
    const { findings, language } = await lint(
      'The council has decided to close the swimming pool next year.',
      await ruleSetFrom(NL),
    );
    expect(language).toBe('en');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('Text in English was not checked')]);
  });

  it('turns input problems into findings in the draft’s language', async () => {
    const { findings } = await lint('---\nlang: [nl\n---\nDe tekst.', await ruleSetFrom(NL), { defaultLanguage: 'nl' });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'eindred.front-matter', category: 'input', severity: 'warning' }),
    ]);
  });
});
