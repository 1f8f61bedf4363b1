import { describe, expect, it } from 'vitest';
import { articleDocument } from '../../src/input/article.js';
import { extractHtmlProse } from '../../src/input/html.js';
import { parseHtmlPage } from '../../src/input/html-page.js';

/** What an editor reads in a page is what eindred checks, each character traced to the source. */

const source = (
  html: string,
  text: string,
  block: { map: { range(s: number, e: number): { start: number; end: number } } },
  from: number,
) => html.slice(block.map.range(from, from + text.length).start, block.map.range(from, from + text.length).end);

describe('HTML prose', () => {
  it('reads paragraphs, headings, list items and cells as blocks; markup inside them does not split words', () => {
    const { blocks } = extractHtmlProse(
      '<h1>Kop</h1><p>Een <em>zin</em> met <a href="https://x.nl">link</a>.</p><ul><li>een</li><li>twee</li></ul><table><tr><td>cel</td></tr></table>',
    );
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Kop'],
      ['paragraph', 'Een zin met link.'],
      ['paragraph', 'een'],
      ['paragraph', 'twee'],
      ['tableCell', 'cel'],
    ]);
  });

  it('decodes character references and maps each to the whole reference', () => {
    const html = '<p>Caf&eacute; &amp; bar &#8216;De Zon&#8217; &nbsp;open</p>';
    const [block] = extractHtmlProse(html).blocks;
    expect(block!.text).toBe('Café & bar ‘De Zon’ \u00a0open');
    const at = block!.text.indexOf('‘De Zon’');
    expect(source(html, '‘De Zon’', block!, at)).toBe('&#8216;De Zon&#8217;');
    expect(source(html, 'Café', block!, 0)).toBe('Caf&eacute;');
  });

  it('leaves out scripts, styles, code, navigation and comments', () => {
    const { blocks } = extractHtmlProse(
      '<nav><a href="/">Blanke pagina</a></nav><div role="navigation">Menu</div><script>var a = "allochtonen";</script><style>p{}</style><!-- illegalen --><p>Tekst met <code>x = 1</code> code.</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Tekst met   code.']);
  });

  it('marks block quotes, turns <q> into quotation marks and <br> into a space', () => {
    const { blocks } = extractHtmlProse('<blockquote><p>Gezegd.</p></blockquote><p>Hij zei <q>nee</q>.<br>Klaar.</p>');
    expect(blocks.map((b) => [b.text, b.inBlockQuote])).toEqual([
      ['Gezegd.', true],
      ['Hij zei “nee”. Klaar.', false],
    ]);
  });

  it('keeps images with alt text, title and the caption of their figure', () => {
    const html = '<figure><img src="a.jpg" alt="Dijk, gemaakt met AI"><figcaption>De dijk.</figcaption></figure>';
    const { blocks, images } = extractHtmlProse(html);
    expect(images).toEqual([expect.objectContaining({ url: 'a.jpg', alt: 'Dijk, gemaakt met AI', caption: 'De dijk.' })]);
    expect(blocks.find((b) => b.kind === 'imageAlt')!.text).toBe('Dijk, gemaakt met AI');
  });

  it('reads NITF news markup (hl1, block) in XML mode', () => {
    const { blocks } = extractHtmlProse(
      '<nitf><body><body.head><hedline><hl1>Kop</hl1></hedline></body.head><body.content><p>Tekst.</p></body.content></body></nitf>',
      { xml: true },
    );
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Kop'],
      ['paragraph', 'Tekst.'],
    ]);
  });

  it('takes an HTML page’s language from <html lang>', () => {
    expect(parseHtmlPage('p.html', '<html lang="nl-NL"><body><p>Hallo</p></body></html>').frontMatter?.data).toEqual({
      lang: 'nl-NL',
    });
  });

  it('reads an HTML page’s <meta> tags as its metadata, `ai:used` as `ai.used`, and points at the first', () => {
    const page = parseHtmlPage(
      'p.html',
      '<html lang="nl"><head>\n<meta charset="utf-8">\n<meta name="ai:used" content="true">\n' +
        '<meta property="ai.reviewed_by" content="Jan &amp; Piet">\n<meta name="AI:used" content="false">' +
        '<meta name="constructor" content="cms"></head>' +
        '<body><p>Hallo</p></body></html>',
    );
    expect(page.frontMatter?.data).toEqual({ 'ai.used': 'true', 'ai.reviewed_by': 'Jan & Piet', constructor: 'cms', lang: 'nl' });
    expect(page.lines.position(page.frontMatter!.range.start)).toEqual({ line: 3, column: 1 });
    expect(page.blocks.map((block) => block.text)).toEqual(['Hallo']);
  });
});

describe('articles from exports', () => {
  it('joins fields into one document whose blocks point into each field', () => {
    const doc = articleDocument({
      path: 'x.json#1',
      fields: [
        { name: 'title', text: 'Kop', format: 'text' },
        { name: 'body', text: '<p>Een</p>\n<p>Twee</p>', format: 'html' },
      ],
      meta: { lang: 'nl' },
    });
    expect(doc.fields!.map((f) => [f.name, doc.source.slice(f.start, f.end)])).toEqual([
      ['title', 'Kop'],
      ['body', '<p>Een</p>\n<p>Twee</p>'],
    ]);
    const twee = doc.blocks[2]!;
    expect(doc.source.slice(twee.map.range(0, 4).start, twee.map.range(0, 4).end)).toBe('Twee');
    expect(doc.frontMatter?.data).toEqual({ lang: 'nl' });
  });
});

describe('CMS bodies without paragraph tags', () => {
  it('end a paragraph at a blank line (WordPress stores posts this way)', () => {
    const { blocks } = extractHtmlProse('Eerste alinea\nloopt door.\n\nTweede <b>alinea</b>.');
    expect(blocks.map((b) => b.text)).toEqual(['Eerste alinea loopt door.', 'Tweede alinea.']);
  });
});
