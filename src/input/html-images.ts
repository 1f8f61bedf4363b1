import type { ImageRef } from './document.js';
import { decodeHtmlText } from './entities.js';
import type { SourceRange } from './prose.js';

/**
 * Images in the raw HTML of a Markdown draft: `<img>` tags, and the `<figcaption>` of a `<figure>`
 * around them. A Markdown draft holds small, hand-written HTML, so tags are read with regular
 * expressions; HTML documents get a real parser.
 */

const FIGURE = /<figure\b[^>]*>([\s\S]*?)<\/figure\s*>/gi;
const IMG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const FIGCAPTION = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption\s*>/i;
const ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) result[m[1]!.toLowerCase()] = decodeHtmlText(m[2] ?? m[3] ?? m[4] ?? '');
  return result;
}

function plainText(html: string): string {
  return decodeHtmlText(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

export function htmlImages(source: string, fragments: readonly SourceRange[]): ImageRef[] {
  const images: ImageRef[] = [];
  for (const fragment of fragments) {
    const html = source.slice(fragment.start, fragment.end);
    if (!/<img\b/i.test(html)) continue;
    const inFigures: SourceRange[] = [];
    for (const figure of html.matchAll(FIGURE)) {
      const caption = plainText(FIGCAPTION.exec(figure[1]!)?.[1] ?? '');
      for (const img of figure[0].matchAll(IMG)) {
        const start = fragment.start + figure.index + img.index;
        inFigures.push({ start, end: start + img[0].length });
        images.push(image(img[0], caption, start));
      }
    }
    for (const img of html.matchAll(IMG)) {
      const start = fragment.start + img.index;
      if (!inFigures.some((range) => range.start === start)) images.push(image(img[0], '', start));
    }
  }
  return images;
}

function image(tag: string, caption: string, start: number): ImageRef {
  const attrs = attributes(tag);
  return {
    alt: attrs.alt ?? '',
    title: attrs.title ?? '',
    url: attrs.src ?? '',
    caption,
    paragraph: -1,
    range: { start, end: start + tag.length },
  };
}
