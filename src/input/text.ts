import type { ProseBlock } from './document.js';
import { ProseBuilder, type SourceRange } from './prose.js';
import { maskUrls } from './urls.js';

/** Plain text: every paragraph (lines up to a blank line) is a block, copied verbatim. */
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
  builder.verbatim(start, end);
  const { text, map } = builder.build();
  if (!/\S/.test(text)) return;
  blocks.push({ kind: 'text', text: maskUrls(text, map, urls), map, inBlockQuote: false });
}
