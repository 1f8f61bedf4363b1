import { InputError } from './read.js';

/**
 * Absurdly deep nesting (100,000 block quotes, 200,000 nested <div>s) makes Markdown and HTML
 * parsers slow down far more than the file grows. Real drafts nest a few levels deep; files that
 * nest deeper than these limits are reported instead of checked. Both scans are linear.
 */
export const MAX_MARKDOWN_QUOTES = 100;
export const MAX_MARKDOWN_INDENT = 400;
export const MAX_HTML_DEPTH = 1000;

/** Throws an InputError naming the line when a Markdown line is nested too deeply. */
export function assertMarkdownDepth(path: string, source: string): void {
  for (const m of source.matchAll(/^[ \t>]*/gm)) {
    const prefix = m[0];
    if (prefix.length > MAX_MARKDOWN_QUOTES) {
      let quotes = 0;
      for (const c of prefix) if (c === '>') quotes++;
      if (quotes > MAX_MARKDOWN_QUOTES || prefix.length - quotes > MAX_MARKDOWN_INDENT) {
        const line = source.slice(0, m.index).split(/\r\n?|\n/).length;
        throw new InputError(
          path,
          `line ${line} is nested ${quotes > MAX_MARKDOWN_QUOTES ? `${quotes} block quotes` : `${prefix.length - quotes} spaces`} deep; eindred checks drafts nested up to ${MAX_MARKDOWN_QUOTES} block quotes or ${MAX_MARKDOWN_INDENT} spaces`,
        );
      }
    }
  }
}

/** Elements that never hold others, or whose end tag is usually left out: not counted as depth. */
const FLAT = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option thead tbody tfoot colgroup rp rt'.split(
    ' ',
  ),
);

/** Throws an InputError when elements nest deeper than MAX_HTML_DEPTH. */
export function assertHtmlDepth(path: string, source: string): void {
  let depth = 0;
  for (const m of source.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^<>]*?(\/?)>/g)) {
    if (m[3] || FLAT.has(m[2]!.toLowerCase())) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > MAX_HTML_DEPTH) {
      throw new InputError(
        path,
        `its elements nest more than ${MAX_HTML_DEPTH} levels deep; eindred checks pages and bodies nested up to ${MAX_HTML_DEPTH} levels`,
      );
    }
  }
}
