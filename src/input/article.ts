import type { Document, FieldSpan, ImageRef, InputProblem, ProseBlock } from './document.js';
import { htmlImages } from './html-images.js';
import { extractHtmlProse } from './html.js';
import { extractMarkdownProse } from './markdown.js';
import { assertHtmlDepth, assertMarkdownDepth } from './nesting.js';
import { LineIndex } from './positions.js';
import type { SourceRange } from './prose.js';
import { extractTextProse } from './text.js';

/**
 * An article from an export (a CMS record, a WXR post, a NewsML-G2 item, a DOCX file): named text
 * fields and metadata. It becomes one Document whose source is its fields one after the other;
 * findings are reported inside the field they are in.
 */

export type FieldFormat = 'text' | 'html' | 'xml' | 'markdown';

export interface ArticleField {
  /** As the export names it: `headline`, `body_html`, `content:encoded` … */
  name: string;
  text: string;
  format: FieldFormat;
}

export interface Article {
  /** As reported: `export.json#<id>`. */
  path: string;
  fields: ArticleField[];
  /** Read like front matter: `lang`, `ai`, `digital_source_type`, `genre`, `title` … */
  meta: Record<string, unknown>;
  problems?: InputProblem[];
}

/** Between two fields in the source: a blank line, so no block or sentence runs on. */
const SEPARATOR = '\n\n';

interface FieldProse {
  blocks: ProseBlock[];
  images: ImageRef[];
  urls: SourceRange[];
  links: SourceRange[];
  html: SourceRange[];
}

/** The prose of one field's text, with positions inside that text. */
export function fieldProse(text: string, format: FieldFormat): FieldProse {
  if (format === 'html' || format === 'xml') return { ...extractHtmlProse(text, { xml: format === 'xml' }), html: [] };
  if (format === 'markdown') {
    const prose = extractMarkdownProse(text);
    return { ...prose, images: [...prose.images, ...htmlImages(text, prose.html)] };
  }
  return { ...extractTextProse(text), images: [], links: [], html: [] };
}

const shift = (range: SourceRange, offset: number): SourceRange => ({ start: range.start + offset, end: range.end + offset });

export function articleDocument(article: Article): Document {
  const parts: string[] = [];
  const fields: FieldSpan[] = [];
  const blocks: ProseBlock[] = [];
  const images: ImageRef[] = [];
  const urls: SourceRange[] = [];
  const links: SourceRange[] = [];
  const html: SourceRange[] = [];
  let offset = 0;
  for (const field of article.fields) {
    if (!/\S/.test(field.text)) continue;
    if (parts.length > 0) {
      parts.push(SEPARATOR);
      offset += SEPARATOR.length;
    }
    if (field.format === 'html' || field.format === 'xml') assertHtmlDepth(article.path, field.text);
    if (field.format === 'markdown') assertMarkdownDepth(article.path, field.text);
    const prose = fieldProse(field.text, field.format);
    const first = blocks.length;
    for (const block of prose.blocks) blocks.push({ ...block, map: block.map.shifted(offset) });
    for (const image of prose.images) {
      images.push({ ...image, range: shift(image.range, offset), paragraph: image.paragraph < 0 ? -1 : image.paragraph + first });
    }
    urls.push(...prose.urls.map((range) => shift(range, offset)));
    links.push(...prose.links.map((range) => shift(range, offset)));
    html.push(...prose.html.map((range) => shift(range, offset)));
    fields.push({ name: field.name, start: offset, end: offset + field.text.length, lines: new LineIndex(field.text) });
    parts.push(field.text);
    offset += field.text.length;
  }
  const source = parts.join('');
  return {
    path: article.path,
    format: 'text',
    source,
    lines: new LineIndex(source),
    frontMatter: { data: article.meta, range: { start: 0, end: 0 } },
    blocks,
    images,
    urls,
    provenance: [],
    html,
    links: links.sort((a, b) => a.start - b.start),
    problems: article.problems ?? [],
    fields,
  };
}
