import { Parser } from 'htmlparser2';
import type { BlockKind, ImageRef, ProseBlock } from './document.js';
import { decodeHtmlText, REFERENCE_AT } from './entities.js';
import { ProseBuilder, type SourceRange } from './prose.js';
import { maskUrls } from './urls.js';

/**
 * The prose of an HTML page or fragment (a CMS body, an NITF or XHTML body, a web page), with
 * exact source positions: htmlparser2 reports the offsets of every text run and tag, and character
 * references are decoded here, each mapped to its whole reference.
 *
 * Paragraphs, headings, list items, table cells, captions and block quotes are prose; scripts,
 * styles, code, forms and navigation are not. Image alt texts are prose blocks of their own and
 * images (with a figure's caption) are kept for the disclosure checks; links are kept as places
 * where a text cites a source.
 */

/** Elements whose start and end separate blocks (HTML, plus NITF's news markup). */
const BLOCK_KINDS: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  hl1: 'heading',
  hl2: 'heading',
  hedline: 'heading',
  td: 'tableCell',
  th: 'tableCell',
};
const BLOCK_ELEMENTS = new Set([
  ...Object.keys(BLOCK_KINDS),
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'caption',
  'figure',
  'figcaption',
  'blockquote',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'address',
  'summary',
  'details',
  'legend',
  'fieldset',
  'body',
  'html',
  'hr',
  // NITF
  'block',
  'byline',
  'dateline',
  'abstract',
  'tagline',
  'distributor',
  'media',
  'media-caption',
  'body.head',
  'body.content',
  'body.end',
  'nitf',
  'note',
]);

/** Elements whose content is not prose but that stand inside a sentence: they become a space. */
const INLINE_SKIPPED = new Set([
  'code',
  'kbd',
  'samp',
  'var',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
]);
/** Elements whose content is not prose. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'canvas',
  'audio',
  'video',
  'media-reference',
  'media-metadata',
  'media-object',
]);
/** ARIA roles of page chrome rather than article text. */
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);

export interface HtmlProse {
  blocks: ProseBlock[];
  images: ImageRef[];
  urls: SourceRange[];
  links: SourceRange[];
  /**
   * The page's `<meta name|property content>` tags, by name in lower case with `:` read as `.`
   * (`ai:used` → `ai.used`), the first of each name; and where the first of them stands.
   */
  meta: { data: Record<string, string>; range: SourceRange } | null;
}

const BLANK_LINE = /\r?\n[ \t]*\r?\n\s*/g;
/** Add source[start, end) of a text run: verbatim, references decoded, line breaks as spaces. */
function addText(builder: ProseBuilder, source: string, start: number, end: number): void {
  let from = start;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      builder.verbatim(from, i);
      const length = c === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
      builder.lineBreak(i, i + length);
      i += length - 1;
      from = i + 1;
    } else if (c === 38 /* & */) {
      REFERENCE_AT.lastIndex = i;
      const m = REFERENCE_AT.exec(source);
      if (!m || i + m[0].length > end) continue;
      const decoded = decodeHtmlText(m[0].endsWith(';') ? m[0] : `${m[0]};`);
      if (decoded === m[0] || (!m[0].endsWith(';') && decoded.startsWith('&'))) continue;
      builder.verbatim(from, i);
      builder.mapped(decoded, i, i + m[0].length);
      i += m[0].length - 1;
      from = i + 1;
    }
  }
  builder.verbatim(from, end);
}

/**
 * Extract the prose of `source` (HTML; NITF and XHTML bodies read the same way). `xml` parses
 * XML rules (case-sensitive names, self-closing tags), for bodies taken from XML exports.
 */
export function extractHtmlProse(source: string, options: { xml?: boolean } = {}): HtmlProse {
  const blocks: ProseBlock[] = [];
  const images: ImageRef[] = [];
  const urls: SourceRange[] = [];
  const links: SourceRange[] = [];
  let meta: HtmlProse['meta'] = null;
  let builder: ProseBuilder | null = null;
  let kind: BlockKind = 'paragraph';
  let blockQuoteDepth = 0;
  let quoteDepthAtOpen = 0;
  /** Open elements, for skipped regions, links and figures. */
  const stack: { name: string; start: number; skip: boolean }[] = [];
  let skipDepth = 0;
  let imagesInOpen: ImageRef[] = [];
  const figures: { images: ImageRef[]; caption: string[] }[] = [];
  let captionDepth = 0;

  const flush = (): void => {
    if (!builder) return;
    const { text, map } = builder.build();
    builder = null;
    let index = -1;
    if (/\S/.test(text)) {
      blocks.push({ kind, text: maskUrls(text, map, urls), map, inBlockQuote: quoteDepthAtOpen > 0 });
      index = blocks.length - 1;
      if (captionDepth > 0) figures[figures.length - 1]?.caption.push(blocks[index]!.text.trim());
    }
    for (const image of imagesInOpen) image.paragraph = index;
    imagesInOpen = [];
  };
  const open = (): ProseBuilder => {
    if (!builder) {
      builder = new ProseBuilder(source);
      quoteDepthAtOpen = blockQuoteDepth;
    }
    return builder;
  };

  const parser: Parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = options.xml ? localName(rawName) : rawName;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (name === 'meta') {
          // Metadata, in the (skipped) head: `<meta name="ai.reviewed_by" content="Jan de Vries">`.
          const key = (attributes.name ?? attributes.property)?.trim().toLowerCase().replace(/:/g, '.');
          if (key && attributes.content !== undefined) {
            // Without a prototype: a tag named "constructor" is metadata like any other.
            meta ??= { data: Object.create(null) as Record<string, string>, range: { start, end } };
            meta.data[key] ??= decodeHtmlText(attributes.content).trim();
          }
        }
        const role = attributes.role?.toLowerCase();
        const skip = SKIPPED.has(name) || (role !== undefined && SKIPPED_ROLES.has(role)) || attributes['aria-hidden'] === 'true';
        stack.push({ name, start, skip });
        if (skip) {
          if (skipDepth === 0 && !INLINE_SKIPPED.has(name)) flush();
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (BLOCK_ELEMENTS.has(name)) {
          flush();
          kind = BLOCK_KINDS[name] ?? 'paragraph';
          if (name === 'blockquote') blockQuoteDepth++;
          if (name === 'figure') figures.push({ images: [], caption: [] });
          if (name === 'figcaption' || name === 'media-caption') captionDepth++;
          return;
        }
        if (name === 'a' && attributes.href !== undefined) {
          const href = attributes.href;
          const at = source.indexOf(href, start);
          if (href && at >= 0 && at < end && /^(?:https?:|ftp:|www\.)/i.test(href))
            urls.push({ start: at, end: at + href.length });
        } else if (name === 'br') {
          open().mapped(' ', start, end);
        } else if (name === 'q') {
          open().mapped('“', start, end);
        } else if (name === 'img') {
          const alt = decodeHtmlText(attributes.alt ?? '');
          const image: ImageRef = {
            alt,
            title: decodeHtmlText(attributes.title ?? ''),
            url: decodeHtmlText(attributes.src ?? ''),
            caption: '',
            paragraph: -1,
            range: { start, end },
          };
          images.push(image);
          figures[figures.length - 1]?.images.push(image);
          const altAt = attributes.alt ? source.indexOf(attributes.alt, start) : -1;
          if (altAt >= 0 && altAt < end && /\S/.test(alt)) {
            const altBuilder = new ProseBuilder(source);
            addText(altBuilder, source, altAt, altAt + attributes.alt!.length);
            const { text, map } = altBuilder.build();
            blocks.push({ kind: 'imageAlt', text, map, inBlockQuote: blockQuoteDepth > 0 });
          }
          if (builder) imagesInOpen.push(image);
        }
        // Other inline markup (em, strong, span …) neither adds text nor separates words.
      },
      onclosetag(rawName) {
        const name = options.xml ? localName(rawName) : rawName;
        const element = stack.pop();
        if (element?.skip) {
          skipDepth--;
          // Inline code and the like separate the words around them.
          if (skipDepth === 0 && builder && INLINE_SKIPPED.has(element.name))
            builder.mapped(' ', element.start, parser.endIndex + 1);
          return;
        }
        if (skipDepth > 0) return;
        const end = parser.endIndex + 1;
        if (BLOCK_ELEMENTS.has(name)) {
          flush();
          if (name === 'blockquote') blockQuoteDepth = Math.max(0, blockQuoteDepth - 1);
          if (name === 'figcaption' || name === 'media-caption') captionDepth = Math.max(0, captionDepth - 1);
          if (name === 'figure') {
            const figure = figures.pop();
            if (figure) for (const image of figure.images) image.caption = figure.caption.join(' ');
          }
          kind = 'paragraph';
        } else if (name === 'a' && element) {
          links.push({ start: element.start, end });
        } else if (name === 'q' && builder) {
          // A closing tag the parser implied has no source of its own: close the quote on nothing.
          const start = Math.min(parser.startIndex, end);
          builder.mapped('”', start, Math.max(start, end));
        }
      },
      ontext() {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // A blank line ends a paragraph, as in CMS bodies stored without <p> (WordPress).
        const run = source.slice(start, end);
        let from = start;
        if (run.includes('\n')) {
          for (const m of run.matchAll(BLANK_LINE)) {
            addText(open(), source, from, start + m.index);
            flush();
            from = start + m.index + m[0].length;
          }
        }
        if (from < end) addText(open(), source, from, end);
      },
    },
    { decodeEntities: false, lowerCaseTags: !options.xml, lowerCaseAttributeNames: !options.xml, xmlMode: options.xml ?? false },
  );
  parser.end(source);
  flush();
  return { blocks, images, urls, links, meta };
}

/** `nitf:p` → `p`; XHTML in XML keeps its names. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}
