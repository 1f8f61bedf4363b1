import type { Span } from './sentences.js';

/**
 * Direct quotes in a block of prose: „…”, “…”, "…", ‘…’, '…', «…» and ,,…'' (old Dutch
 * typesetting). A span covers the quote marks and what stands between them. Apostrophes (auto's,
 * zo'n, ’s avonds) are told apart from quote marks by the letters around them. A quote opened by an
 * unambiguous mark and not closed runs to the end of the block: in news, a quote that goes on in the
 * next paragraph leaves its closing mark off.
 */

type Kind = 'double' | 'straightDouble' | 'single' | 'straightSingle' | 'guillemet';

interface Open {
  kind: Kind;
  start: number;
}

const MARKS = /,,|''|[„“”"‘’'«»‹›]/g;
const LETTER = /[\p{L}\p{N}]/u;
/** Dutch clitics written with an apostrophe: 's avonds, 't huis, 'n man. */
const CLITIC = /^'[stn](?![\p{L}\p{N}])/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function opensAt(text: string, at: number, width: number): boolean {
  const before = text[at - 1];
  const after = text[at + width];
  const beforeOk = before === undefined || /[\s([{—–-]/u.test(before);
  return beforeOk && after !== undefined && !/\s/u.test(after);
}

function closesAt(text: string, at: number, width: number): boolean {
  const before = text[at - 1];
  const after = text[at + width];
  return before !== undefined && !/\s/u.test(before) && !isLetter(after);
}

export function findQuotes(text: string): Span[] {
  if (!/[„“”"‘’'«»‹›]|,,/.test(text)) return [];
  const spans: Span[] = [];
  const open: Open[] = [];
  const close = (kind: Kind | Kind[], end: number): boolean => {
    const kinds = Array.isArray(kind) ? kind : [kind];
    for (let i = open.length - 1; i >= 0; i--) {
      if (kinds.includes(open[i]!.kind)) {
        spans.push({ start: open[i]!.start, end });
        open.splice(i);
        return true;
      }
    }
    return false;
  };
  const isOpen = (kind: Kind): boolean => open.some((o) => o.kind === kind);

  MARKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(text)) !== null) {
    const mark = m[0];
    const at = m.index;
    const end = at + mark.length;
    switch (mark) {
      case '„':
      case '«':
      case '‹':
        open.push({ kind: mark === '„' ? 'double' : 'guillemet', start: at });
        break;
      case ',,':
        if (opensAt(text, at, 2)) open.push({ kind: 'double', start: at });
        break;
      case '“':
        if (isOpen('double') && closesAt(text, at, 1)) close('double', end);
        else open.push({ kind: 'double', start: at });
        break;
      case '”':
        if (!close('double', end) && opensAt(text, at, 1)) open.push({ kind: 'double', start: at });
        break;
      case "''":
        if (!close('double', end) && isOpen('straightSingle')) close('straightSingle', end);
        break;
      case '"':
        if (isOpen('straightDouble') && closesAt(text, at, 1)) close('straightDouble', end);
        else if (opensAt(text, at, 1)) open.push({ kind: 'straightDouble', start: at });
        break;
      case '»':
      case '›':
        close('guillemet', end);
        break;
      case '‘':
        if (!isLetter(text[at - 1])) open.push({ kind: 'single', start: at });
        break;
      case '’':
        if (isOpen('single') && closesAt(text, at, 1)) close('single', end);
        break;
      case "'":
        if (isOpen('straightSingle') && closesAt(text, at, 1)) close('straightSingle', end);
        else if (opensAt(text, at, 1) && !CLITIC.test(text.slice(at, at + 3))) {
          open.push({ kind: 'straightSingle', start: at });
        }
        break;
    }
  }
  for (const o of open) {
    if (o.kind === 'double' || o.kind === 'guillemet') spans.push({ start: o.start, end: text.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) {
    if (span.start <= start && end <= span.end) return true;
    if (span.start > start) break;
  }
  return false;
}
