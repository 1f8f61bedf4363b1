import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lintDocument, maskSecret, type FileResult } from '../src/engine.js';
import { articleDocument } from '../src/input/article.js';
import { parseHtmlPage } from '../src/input/html-page.js';
import { parseDocument } from '../src/input/parse.js';
import { defaultConfig } from '../src/packs/config.js';
import { PackError } from '../src/packs/issues.js';
import { PackLoader } from '../src/packs/load.js';
import { parsePack } from '../src/packs/pack.js';
import { ROOT, textAt } from './helpers.js';

/**
 * Property tests: whatever text, markup, front matter or pack comes in, eindred does not crash,
 * every finding lies inside its document, and its excerpt is the source text there (masked for
 * personal data). FUZZ_RUNS sets the number of cases (`npm run fuzz` runs a long campaign).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ruleSet = (async () => {
  const loader = new PackLoader(ROOT);
  return loader.ruleSetFor(defaultConfig(ROOT));
})();

/** Words and markup that make rules fire and parsers work: bias terms, claims, personal data, syntax. */
const PIECES = [
  'allochtonen',
  'illegalen',
  'blanke',
  'the elderly',
  'committed suicide',
  'Volgens ingewijden',
  'experts say',
  '40 procent',
  '300 million',
  '[bron?]',
  '[citation needed]',
  'TODO',
  'Zeker! Hier is',
  'As an AI language model',
  '06-12345678',
  'j.devries@gmail.com',
  'NL91 ABNA 0417 1643 00',
  '111222333',
  'zegt de minister',
  'said the mayor',
  '„',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '> ',
  '# ',
  '- ',
  '1. ',
  '|',
  '---',
  '```',
  '`',
  '*',
  '_',
  '[',
  '](',
  ')',
  '![',
  '<!-- ',
  ' -->',
  '<p>',
  '</p>',
  '<br>',
  '&amp;',
  '&#8216;',
  '&nbsp',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  ' ',
  '😀',
  '\u00ad',
  '\ufeff',
  '\u0000',
  'é',
  'ß',
  'https://example.org/x?utm_source=chatgpt.com',
  '<!-- eindred-disable-next-line nl.bias -- citaat -->',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 40 })
    .map((p) => p.join(' ')),
);

function expectFindingsInPlace(source: string, result: FileResult, fields?: Map<string, string>): void {
  expect(() => JSON.parse(JSON.stringify(result))).not.toThrow();
  for (const finding of result.findings) {
    const own = finding.field !== undefined ? (fields?.get(finding.field) ?? '') : source;
    const lines = (finding.field !== undefined ? own : own.replace(/^\ufeff/, '')).split(/\r\n?|\n/);
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines.length);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeLessThanOrEqual(lines[finding.line - 1]!.length + 1);
    // A file's leading BOM is not part of its text; a field's is (it is a character of the value).
    const at = finding.field !== undefined ? textAt(`\ufeff${own}`, finding) : textAt(own, finding);
    if (finding.excerpt && finding.category !== 'privacy') expect(at).toBe(finding.excerpt);
    if (finding.category === 'privacy' && finding.excerpt) expect(finding.excerpt).toBe(maskSecret(at));
  }
}

describe('properties', () => {
  it('Markdown and plain text: no crash, findings in place', async () => {
    const rules = await ruleSet;
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('markdown', 'text') as fc.Arbitrary<'markdown' | 'text'>, async (source, format) => {
        const result = await lintDocument(parseDocument('x.md', source, format), rules);
        expectFindingsInPlace(source, result);
      }),
      { numRuns: RUNS },
    );
  });

  it('HTML pages and articles with HTML fields: no crash, findings in place', async () => {
    const rules = await ruleSet;
    await fc.assert(
      fc.asyncProperty(text, text, async (body, title) => {
        const page = await lintDocument(parseHtmlPage('x.html', `<html><body>${body}</body></html>`), rules);
        expectFindingsInPlace(`<html><body>${body}</body></html>`, page);
        const fields = new Map([
          ['title', title],
          ['body', body],
        ]);
        const article = await lintDocument(
          articleDocument({
            path: 'x.json#1',
            fields: [
              { name: 'title', text: title, format: 'text' },
              { name: 'body', text: body, format: 'html' },
            ],
            meta: {},
          }),
          rules,
        );
        expectFindingsInPlace('', article, new Map([...fields].filter(([, value]) => /\S/.test(value))));
      }),
      { numRuns: RUNS },
    );
  });

  it('front matter of any shape: no crash', async () => {
    const rules = await ruleSet;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), text, async (data, body) => {
        const source = `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`;
        expectFindingsInPlace(source, await lintDocument(parseDocument('x.md', source, 'markdown'), rules));
      }),
      { numRuns: RUNS },
    );
  });

  it('packs of any shape are accepted or refused with a PackError, never anything else', async () => {
    const rule = fc.record(
      {
        id: fc.oneof(fc.constant('nl.x.y'), fc.string({ maxLength: 12 })),
        kind: fc.constantFrom('term', 'pattern', 'claim', 'privacy', 'tone', 'disclosure', 'bogus'),
        category: fc.constantFrom('bias', 'claims', 'privacy', 'disclosure', 'other'),
        severity: fc.constantFrom('error', 'warning', 'info', 'loud'),
        terms: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })), { maxLength: 4 }),
        pattern: fc.oneof(fc.constantFrom('(a+)+b', '[', 'abc', '\\bfoo\\b', '(?<=x)y', '.*.*.*x'), fc.string({ maxLength: 10 })),
        message: fc.string({ maxLength: 20 }),
        examples: fc.record({ flag: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }) }),
      },
      { requiredKeys: ['id'] },
    );
    const pack = fc.record(
      {
        pack: fc.string({ maxLength: 8 }),
        language: fc.constantFrom('nl', 'en', 'NL', 'xx-y'),
        rules: fc.oneof(fc.array(rule, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
        defaults: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          pack.map((p) => yaml.dump(p)),
          fc.string({ maxLength: 200 }),
        ),
        async (source) => {
          try {
            await parsePack(source, 'fuzz.yaml');
          } catch (error) {
            expect(error).toBeInstanceOf(PackError);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
