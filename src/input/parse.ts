import type { Document, DocumentFormat, InputProblem } from './document.js';
import { blankOut, findFrontMatter, parseFrontMatter } from './frontmatter.js';
import { extractMarkdownProse } from './markdown.js';
import { LineIndex } from './positions.js';
import { htmlImages } from './html-images.js';
import { findProvenance } from './provenance.js';
import { assertMarkdownDepth } from './nesting.js';
import { extractTextProse } from './text.js';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** The format a path's extension stands for, or null when eindred cannot read it (yet). */
export function formatForPath(path: string): DocumentFormat | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  return null;
}

/**
 * Turn decoded text into a Document. Pure: no file system. `source` must already be decoded; a
 * leading byte order mark is dropped here so that columns on line 1 start after it.
 */
export function parseDocument(path: string, text: string, format: DocumentFormat, problems: InputProblem[] = []): Document {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'html') throw new Error('HTML pages are parsed by parseHtmlPage (html-page.ts), loaded when needed');
  const span = findFrontMatter(source);
  let frontMatter = null;
  const allProblems = [...problems];
  if (span) {
    const parsed = parseFrontMatter(source, span);
    frontMatter = parsed.frontMatter;
    allProblems.push(...parsed.problems);
  }
  const provenance = findProvenance(source);
  if (format === 'markdown') assertMarkdownDepth(path, source);
  const prose =
    format === 'markdown'
      ? extractMarkdownProse(source, span ? blankOut(source, span.range) : source, provenance)
      : { ...extractTextProse(source, span ? span.range.end : 0, provenance), images: [], html: [], links: [] };
  return {
    path,
    format,
    source,
    lines: new LineIndex(source),
    frontMatter,
    blocks: prose.blocks,
    images: [...prose.images, ...htmlImages(source, prose.html)].sort((a, b) => a.range.start - b.range.start),
    urls: prose.urls,
    provenance,
    html: prose.html,
    links: [...prose.links, ...prose.urls].sort((a, b) => a.start - b.start),
    problems: allProblems,
  };
}
