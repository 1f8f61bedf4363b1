import type { ProseBlock } from './document.js';
import { ProseBuilder, type SourceRange } from './prose.js';
import { maskUrls } from './urls.js';

/**
 * Plain text: every paragraph (lines up to a blank line) is a block, copied verbatim but for its
 * line breaks, which read as spaces.
 */
export function extractTextProse(
  source: string,
  from = 0,
  excluded: readonly SourceRange[] = [],
): { blocks: ProseBlock[]; urls: SourceRange[] } {
  const blocks: ProseBlock[] = [];
  const urls: SourceRange[] = [];
  // A lone \r only counts when no \n follows, or \r\n would count as two line breaks.
  const separator = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))*/g;
  separator.lastIndex = from;
  let start = from;
  for (;;) {
    const m = separator.exec(source);
    const end = m ? m.index : source.length;
    addBlock(source, start, end, blocks, urls, excluded);
    if (!m) break;
    start = m.index + m[0].length;
  }
  return { blocks, urls };
}

function addBlock(
  source: string,
  start: number,
  end: number,
  blocks: ProseBlock[],
  urls: SourceRange[],
  excluded: readonly SourceRange[],
): void {
  const builder = new ProseBuilder(source, excluded);
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = start;
  let from = start;
  for (let m = lineBreak.exec(source); m && m.index < end; m = lineBreak.exec(source)) {
    builder.verbatim(from, m.index);
    builder.lineBreak(m.index, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  builder.verbatim(from, end);
  const { text, map } = builder.build();
  if (!/\S/.test(text)) return;
  blocks.push({ kind: 'text', text: maskUrls(text, map, urls), map, inBlockQuote: false });
}
