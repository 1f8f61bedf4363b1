/**
 * Sentence boundaries with offsets. natural's SentenceTokenizer returns trimmed strings (no
 * offsets), splits "3,5 mln. euro" in two and runs at ~8 MB/s; this splitter keeps offsets, knows
 * Dutch and English abbreviations, and also splits the "georganiseerd.Het" runs that text
 * extraction leaves behind. It is measured against gold-segmented Dutch news (test/language).
 */

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a full stop does not end a sentence (lower case, inner dots kept). */
const ABBREVIATIONS: Record<string, ReadonlySet<string>> = {
  nl: new Set(
    (
      'dhr mevr mw mr dr drs ir ing prof ds mgr bijv bv vb o.a d.w.z m.a.w i.p.v t.a.v m.b.t n.a.v i.v.m ' +
      'e.d enz etc nr art blz ca jl jr sr st vs incl excl resp ong min max mln mld mrd gem plv wnd ' +
      'e.v a.s z.g.a.n o.m t.o.v p.p m.i.v c.q i.c v.d.'
    ).split(' '),
  ),
  en: new Set(
    (
      'mr mrs ms dr prof st jr sr inc ltd co corp e.g i.e etc vs no nos fig gov sen rep gen col lt ' +
      'sgt capt u.s u.k u.n a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec approx dept ' +
      'est mt ft rev hon'
    ).split(' '),
  ),
};

/** Abbreviations that often end a sentence: split after them when a capital follows. */
const MAY_END = new Set(['etc', 'enz', 'e.d', 'jl', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'a.m', 'p.m', 'u.s', 'u.k']);

/**
 * Sentence-final punctuation with the closing quotes and brackets after it (old Dutch typesetting
 * closes with '' , sometimes after a space), or a full stop glued to the next sentence.
 */
const TERMINATOR = /[.!?…]+(?:["'”’»)\]]| ?'')*(?=\s|$)|(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu;

export function splitSentences(text: string, language: string): Span[] {
  const abbreviations = ABBREVIATIONS[language] ?? ABBREVIATIONS.en!;
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  TERMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINATOR.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (!endsSentence(text, m.index, m[0], next, abbreviations)) continue;
    if (end > start) spans.push({ start, end });
    start = next;
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function endsSentence(text: string, at: number, mark: string, next: number, abbreviations: ReadonlySet<string>): boolean {
  const following = text[next] ?? '';
  // A lower-case continuation means the mark did not end the sentence ("3,5 mln. euro").
  if (/\p{Ll}/u.test(following)) return false;
  if (mark[0] !== '.' || mark.startsWith('...')) return true;
  const word = wordBefore(text, at);
  if (word === '') return true;
  // Initials: "J. de Vries", "M.C. Escher".
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (abbreviations.has(lower)) return MAY_END.has(lower) && /\p{Lu}/u.test(following);
  // "art. 5", "nr. 12": an abbreviation-like word before a number.
  if (/\d/.test(following) && word.length <= 4 && /^\p{Ll}+$/u.test(word)) return false;
  return true;
}

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, to: number): number {
  let i = to;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}
