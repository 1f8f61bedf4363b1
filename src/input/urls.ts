import type { SourceMap, SourceRange } from './prose.js';

/**
 * Bare web addresses in prose. They are not prose: rules never see them, but their spans are kept
 * for checks that look inside addresses. Trailing sentence punctuation and an unbalanced closing
 * bracket are not part of the address. (Without the u flag: with i and u together V8 matches this
 * expression about fifteen times slower, for the same addresses.)
 */
const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”‘’«»]+/gi;
/** Whether a text may hold an address: most paragraphs hold none. */
const MAY_HOLD_URL = /https?:\/\/|ftp:\/\/|www\./i;
const TRAILING = /[.,;:!?'’)\]}]+$/u;

function trimUrl(url: string): string {
  let result = url;
  for (;;) {
    const trailing = TRAILING.exec(result);
    if (!trailing) return result;
    // Keep a closing bracket that closes an opening one inside the address (Wikipedia-style).
    const last = result[result.length - 1]!;
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : '';
    if (open && count(result, open) >= count(result, last)) return result;
    result = result.slice(0, -1);
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Replace every bare URL in `text` by spaces; report their source ranges. */
export function maskUrls(text: string, map: SourceMap, found: SourceRange[]): string {
  if (!MAY_HOLD_URL.test(text)) return text;
  return text.replace(URL_RE, (match, offset: number) => {
    const url = trimUrl(match);
    found.push(map.range(offset, offset + url.length));
    return ' '.repeat(url.length) + match.slice(url.length);
  });
}
