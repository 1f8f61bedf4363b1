import { parse, postprocess, preprocess } from 'micromark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Extension, Token } from 'micromark-util-types';
import type { BlockKind, ImageRef, ProseBlock } from './document.js';
import { ProseBuilder, type SourceRange } from './prose.js';
import { maskUrls } from './urls.js';

/** Tokens whose text is a block of prose. */
const CONTAINERS: Record<string, BlockKind> = {
  paragraph: 'paragraph',
  atxHeadingText: 'heading',
  setextHeadingText: 'heading',
  tableHeader: 'tableCell',
  tableData: 'tableCell',
};

/** Inline markup that is not prose but separates words: replaced by spaces. */
const MASKED = new Set(['codeText', 'htmlText', 'autolink', 'hardBreakEscape', 'gfmFootnoteCall', 'taskListCheck']);

/** Parts whose `data` is never prose: link targets, titles, reference labels, definitions. */
const NOT_PROSE = new Set(['resource', 'reference', 'definition', 'codeFenced', 'codeIndented', 'htmlFlow']);

/** The GFM constructs eindred needs; each is only switched on when its syntax can occur (speed). */
function extensionsFor(source: string): Extension[] {
  const extensions: Extension[] = [];
  if (/^(?=[^\n]*\|)(?=[^\n]*-)[ \t]*[|:-][ \t|:-]*$/m.test(source)) extensions.push(gfmTable());
  if (source.includes('~')) extensions.push(gfmStrikethrough());
  if (source.includes('[^')) extensions.push(gfmFootnote());
  if (/\[[ xX]\]/.test(source)) extensions.push(gfmTaskListItem());
  return extensions;
}

function decodeReference(raw: string): string {
  if (raw.startsWith('&#x') || raw.startsWith('&#X')) {
    return decodeNumericCharacterReference(raw.slice(3, -1), 16);
  }
  if (raw.startsWith('&#')) return decodeNumericCharacterReference(raw.slice(2, -1), 10);
  const decoded = decodeNamedCharacterReference(raw.slice(1, -1));
  return decoded === false ? raw : decoded;
}

interface OpenBlock {
  builder: ProseBuilder;
  kind: BlockKind;
}

export interface MarkdownProse {
  blocks: ProseBlock[];
  images: ImageRef[];
  urls: SourceRange[];
  html: SourceRange[];
  /** Links (`[text](url)`, `<url>`) and footnote calls: where a text cites a source. */
  links: SourceRange[];
}

/**
 * Extract the prose of a CommonMark + GFM document from micromark's event stream, which carries
 * exact source offsets for every token. `parseText` is the source with front matter blanked out;
 * `excluded` ranges (provenance manifests) never become prose.
 */
export function extractMarkdownProse(
  source: string,
  parseText: string = source,
  excluded: readonly SourceRange[] = [],
): MarkdownProse {
  const events = postprocess(
    parse({ extensions: extensionsFor(parseText) })
      .document()
      .write(preprocess()(parseText, undefined, true)),
  );

  const blocks: ProseBlock[] = [];
  const images: ImageRef[] = [];
  const urls: SourceRange[] = [];
  const html: SourceRange[] = [];
  const links: SourceRange[] = [];
  /** Images of the block being built, which learn its index when it is finished. */
  let imagesInOpen: ImageRef[] = [];
  let open: OpenBlock | null = null;
  const parents: OpenBlock[] = [];
  const imageStack: { url: string; title: string; start: number }[] = [];
  let skipUntilExit: Token | null = null;
  let notProseDepth = 0;
  let blockQuoteDepth = 0;

  const finish = (block: OpenBlock): number => {
    const { text, map } = block.builder.build();
    if (!/\S/.test(text)) return -1;
    blocks.push({ kind: block.kind, text: maskUrls(text, map, urls), map, inBlockQuote: blockQuoteDepth > 0 });
    return blocks.length - 1;
  };

  for (const [phase, token] of events) {
    if (skipUntilExit) {
      if (phase === 'exit' && token === skipUntilExit) skipUntilExit = null;
      continue;
    }
    const type = token.type as string;
    const start = token.start.offset;
    const end = token.end.offset;

    if (phase === 'enter') {
      if (type === 'htmlFlow' || type === 'htmlText') html.push({ start, end });
      if (type === 'link' || type === 'autolink' || type === 'gfmFootnoteCall') links.push({ start, end });
      if (NOT_PROSE.has(type)) {
        notProseDepth++;
        continue;
      }
      if (notProseDepth > 0) {
        const image = imageStack[imageStack.length - 1];
        if (image && type === 'resourceDestinationString') image.url = source.slice(start, end);
        if (image && type === 'resourceTitleString') image.title = source.slice(start, end);
        if (type === 'resourceDestinationString' || type === 'definitionDestinationString') {
          urls.push({ start, end });
        }
        continue;
      }
      const containerKind = CONTAINERS[type];
      if (containerKind && !open) {
        open = { builder: new ProseBuilder(source, excluded), kind: containerKind };
      } else if (type === 'blockQuote') {
        blockQuoteDepth++;
      } else if (type === 'image' && open) {
        parents.push(open);
        open = { builder: new ProseBuilder(source, excluded), kind: 'imageAlt' };
        imageStack.push({ url: '', title: '', start });
      } else if (!open) {
        continue;
      } else if (type === 'data' || type === 'characterEscapeValue') {
        open.builder.verbatim(start, end);
      } else if (type === 'lineEnding') {
        open.builder.lineBreak(start, end);
      } else if (type === 'characterReference') {
        open.builder.mapped(decodeReference(source.slice(start, end)), start, end);
        skipUntilExit = token;
      } else if (MASKED.has(type)) {
        open.builder.mask(start, end);
        if (type === 'autolink') urls.push({ start: start + 1, end: end - 1 });
        skipUntilExit = token;
      }
      continue;
    }

    // exit
    if (NOT_PROSE.has(type)) {
      notProseDepth--;
    } else if (type === 'blockQuote') {
      blockQuoteDepth--;
    } else if (type === 'image' && open && open.kind === 'imageAlt') {
      const altBlock = finish(open);
      const image = imageStack.pop()!;
      const ref: ImageRef = {
        alt: altBlock >= 0 ? blocks[altBlock]!.text : '',
        url: image.url,
        title: image.title,
        caption: '',
        paragraph: -1,
        range: { start: image.start, end },
      };
      images.push(ref);
      imagesInOpen.push(ref);
      open = parents.pop() ?? null;
      open?.builder.mask(image.start, end);
    } else if (CONTAINERS[type] && open && open.kind !== 'imageAlt') {
      const index = finish(open);
      for (const image of imagesInOpen) image.paragraph = index;
      imagesInOpen = [];
      open = null;
    }
  }
  return { blocks, images, urls, html, links };
}
