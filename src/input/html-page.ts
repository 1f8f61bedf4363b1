import type { Document, InputProblem } from './document.js';
import { extractHtmlProse } from './html.js';
import { assertHtmlDepth } from './nesting.js';
import { LineIndex } from './positions.js';

/**
 * An HTML page: the prose of its body (navigation, scripts and styles left out); `<html lang>`
 * is its declared language, and its `<meta>` tags are its metadata, as a draft's front matter
 * (`<meta name="ai.used" content="true">`, `<meta name="ai:reviewed_by" content="…">`).
 */
export function parseHtmlPage(path: string, text: string, problems: InputProblem[] = []): Document {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assertHtmlDepth(path, source);
  const prose = extractHtmlProse(source);
  const lang = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/i.exec(source.slice(0, 4096))?.[1];
  return {
    path,
    format: 'html',
    source,
    lines: new LineIndex(source),
    frontMatter:
      prose.meta || lang
        ? {
            data: { ...prose.meta?.data, ...(lang ? { lang } : {}) },
            range: prose.meta?.range ?? { start: 0, end: 0 },
          }
        : null,
    blocks: prose.blocks,
    images: prose.images,
    urls: prose.urls,
    provenance: [],
    html: [],
    links: prose.links.sort((a, b) => a.start - b.start),
    problems,
  };
}
