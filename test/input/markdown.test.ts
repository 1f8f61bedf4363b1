import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/input/parse.js';

function prose(markdown: string): string[] {
  return parseDocument('x.md', markdown, 'markdown').blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());
}

describe('Markdown prose', () => {
  it('takes headings, paragraphs, list items, table cells, block quotes and alt text', () => {
    const blocks = prose(
      [
        '# Kop',
        '',
        'Een alinea.',
        '',
        '- een item',
        '',
        '> een citaat',
        '',
        '![een foto van de markt](markt.jpg)',
        '',
        '| cel een | cel twee |',
        '|---|---|',
        '| drie | vier |',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      'Kop',
      'Een alinea.',
      'een item',
      'een citaat',
      'een foto van de markt',
      'cel een',
      'cel twee',
      'drie',
      'vier',
    ]);
  });

  it('never takes code, URLs, HTML comments or front matter as prose', () => {
    const text = [
      '---',
      'title: TODO in front matter',
      '---',
      'Zie `TODO inline` en [de site](https://example.nl/TODO) of https://example.nl/TODO-bare.',
      '',
      '```',
      'TODO fenced',
      '```',
      '',
      '    TODO indented',
      '',
      '<!-- TODO comment -->',
      '',
      'Mail <https://example.nl/TODO-autolink> nu.',
    ].join('\n');
    const all = prose(text).join(' ');
    expect(all).not.toContain('TODO');
    expect(all).toContain('de site');
  });

  it('keeps link text and emphasis as prose, and decodes character references', () => {
    expect(prose('Een *nieuw* [woord](x.html) &amp; \\*sterretje\\*')).toEqual(['Een nieuw woord & *sterretje*']);
  });

  it('maps every prose character back to its exact source offset', () => {
    const source = '\uFEFF---\r\nlang: nl\r\n---\r\n# Kop &amp; zo\r\n\r\n> Een\r\n> 😀 tweede\tregel\r\n';
    const doc = parseDocument('x.md', source, 'markdown');
    for (const block of doc.blocks) {
      for (const m of block.text.matchAll(/[\p{L}]+/gu)) {
        const range = block.map.range(m.index, m.index + m[0].length);
        expect(doc.source.slice(range.start, range.end)).toBe(m[0]);
      }
    }
    const quote = doc.blocks.find((b) => b.inBlockQuote)!;
    const at = quote.text.indexOf('tweede');
    expect(doc.lines.position(quote.map.range(at, at + 6).start)).toEqual({ line: 7, column: 6 });
  });

  it('maps a decoded character reference to the whole reference', () => {
    const doc = parseDocument('x.md', 'a &amp; b', 'markdown');
    const block = doc.blocks[0]!;
    const range = block.map.range(2, 3);
    expect(doc.source.slice(range.start, range.end)).toBe('&amp;');
  });

  it('reads front matter, and reports YAML it cannot read without losing the body', () => {
    const ok = parseDocument('x.md', '---\nlang: en\nai:\n  used: true\n---\nBody.', 'markdown');
    expect(ok.frontMatter?.data).toEqual({ lang: 'en', ai: { used: true } });
    const broken = parseDocument('x.md', '---\nlang: [nl\n---\nDe tekst.', 'markdown');
    expect(broken.problems.map((p) => p.ruleId)).toEqual(['eindred.front-matter']);
    expect(broken.blocks.map((b) => b.text)).toEqual(['De tekst.']);
  });

  it('records image titles and addresses for later checks', () => {
    const doc = parseDocument('x.md', 'Kijk: ![Een dijk](dijk.png "Beeld: ANP")', 'markdown');
    expect(doc.images).toEqual([
      { alt: 'Een dijk', url: 'dijk.png', title: 'Beeld: ANP', caption: '', paragraph: 1, range: { start: 6, end: 40 } },
    ]);
  });

  it('finds images in raw HTML, with their figure captions', () => {
    const doc = parseDocument(
      'x.md',
      'Tekst.\n\n<figure>\n<img src="a.png" alt="Een &amp; twee" title=\'t\'>\n<figcaption>Beeld: <em>ANP</em></figcaption>\n</figure>\n\nEn <img src=b.png alt="los"> hier.',
      'markdown',
    );
    expect(doc.images.map(({ alt, url, title, caption }) => ({ alt, url, title, caption }))).toEqual([
      { alt: 'Een & twee', url: 'a.png', title: 't', caption: 'Beeld: ANP' },
      { alt: 'los', url: 'b.png', title: '', caption: '' },
    ]);
    expect(doc.source.slice(doc.images[1]!.range.start, doc.images[1]!.range.end)).toBe('<img src=b.png alt="los">');
  });
});

describe('C2PA provenance manifests', () => {
  const manifest = '\uFEFF' + '\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A';
  const pem = '-----BEGIN C2PA MANIFEST-----\nQzJQQSBtYW5pZmVzdCBkYXRh\n-----END C2PA MANIFEST-----';

  it.each([
    ['variation selectors', `De wethouder${manifest} sprak.\n\nTweede alinea.`, 'markdown' as const],
    ['a manifest block', `De wethouder sprak.\n\n${pem}\n\nTweede alinea.`, 'markdown' as const],
    ['a manifest block in plain text', `De wethouder sprak.\n\n${pem}\n\nTweede alinea.`, 'text' as const],
  ])('keeps %s out of the prose and every position after it right', (_, source, format) => {
    const doc = parseDocument('x.md', source, format);
    expect(doc.provenance).toHaveLength(1);
    const prose = doc.blocks.map((b) => b.text).join('\n');
    expect(prose).not.toMatch(/[\uFE00-\uFE0F]|C2PA|QzJQ/);
    expect(prose).toContain('De wethouder sprak.');
    const last = doc.blocks.at(-1)!;
    const at = last.text.indexOf('alinea');
    const range = last.map.range(at, at + 6);
    expect(doc.source.slice(range.start, range.end)).toBe('alinea');
    const position = doc.lines.position(range.start);
    expect(position.line).toBe(source.split('\n').findIndex((l) => l.includes('Tweede')) + 1);
  });
});
