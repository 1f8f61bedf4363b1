import { foldWord, stemPrefixLength, type Stemmer } from '../language/stem.js';
import { joinsPhrase, normalizeWord, tokenize, type Token } from '../language/tokens.js';

/** How one word of a phrase is compared with a word of the text. */
export type WordMatch = 'stem' | 'lower' | 'exact';

interface Entry<T> {
  keys: string[];
  match: WordMatch;
  value: T;
}

/**
 * An index of phrases keyed on their first word, so that matching looks each word of the text up
 * once, whatever the number of phrases. Words compare by stem (all inflected forms), by lower-case
 * form, or exactly as written.
 */
export class PhraseIndex<T> {
  private readonly byKey: Record<WordMatch, Map<string, Entry<T>[]>> = {
    stem: new Map(),
    lower: new Map(),
    exact: new Map(),
  };
  private size = 0;
  /**
   * Leading characters of the first word of every stem-matched phrase, by length (1 to 3). A word
   * of the text is only stemmed when it starts like one of them: stemming is the costly part of
   * matching, and most words cannot match anyway.
   */
  private readonly stemGate: Set<string>[] = [new Set(), new Set(), new Set(), new Set()];
  /**
   * What a lower-case word can start, per distinct word: news text repeats its words, so the
   * lookups, the gate and the stemmer run once per word rather than once per occurrence.
   */
  private readonly startsOf = new Map<string, Entry<T>[] | null>();

  constructor(private readonly stem: Stemmer) {}

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Add a phrase; returns false when it holds no words. */
  add(phrase: string, match: WordMatch, value: T): boolean {
    const words = tokenize(phrase);
    if (words.length === 0) return false;
    const keys = words.map((w) => this.keyOf(phrase.slice(w.start, w.end), match));
    const first = keys[0]!;
    if (match === 'stem') {
      const folded = foldWord(first);
      const length = stemPrefixLength(folded);
      this.stemGate[length]!.add(folded.slice(0, length));
    }
    const list = this.byKey[match].get(first);
    const entry = { keys, match, value };
    if (list) list.push(entry);
    else this.byKey[match].set(first, [entry]);
    this.size++;
    this.startsOf.clear();
    return true;
  }

  private keyOf(word: string, match: WordMatch): string {
    if (match === 'exact') return word;
    const lower = normalizeWord(word);
    return match === 'lower' ? lower : this.stem(lower);
  }

  /** Call `found` for every phrase occurrence, with its range in the text. */
  match(text: string, tokens: readonly Token[], found: (start: number, end: number, value: T) => void): void {
    if (this.size === 0) return;
    const byExact = this.byKey.exact;
    const useExact = byExact.size > 0;
    const stems: (string | undefined)[] = [];
    const stemAt = (i: number): string => (stems[i] ??= this.stem(tokens[i]!.lower));
    const report = (i: number, list: Entry<T>[] | null | undefined): void => {
      if (!list) return;
      for (const entry of list) {
        const last = this.matchFrom(text, tokens, i, entry, stemAt);
        if (last >= 0) found(tokens[i]!.start, tokens[last]!.end, entry.value);
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      report(i, this.entriesStartingWith(token.lower));
      if (useExact) report(i, byExact.get(text.slice(token.start, token.end)));
    }
  }

  /** The phrases (compared in lower case or by stem) whose first word matches this word. */
  private entriesStartingWith(lower: string): Entry<T>[] | null {
    let entries = this.startsOf.get(lower);
    if (entries === undefined) {
      const byLower = this.byKey.lower.get(lower);
      const byStem = this.byKey.stem.size > 0 && this.mayHaveStem(lower) ? this.byKey.stem.get(this.stem(lower)) : undefined;
      entries = byLower && byStem ? [...byLower, ...byStem] : (byLower ?? byStem ?? null);
      if (this.startsOf.size >= 200_000) this.startsOf.clear();
      this.startsOf.set(lower, entries);
    }
    return entries;
  }

  private mayHaveStem(lower: string): boolean {
    const gate = this.stemGate;
    const folded = foldWord(lower);
    return gate[3]!.has(folded.slice(0, 3)) || gate[2]!.has(folded.slice(0, 2)) || gate[1]!.has(folded.slice(0, 1));
  }

  /** Index of the phrase's last token when the phrase matches at token `i`, else -1. */
  private matchFrom(
    text: string,
    tokens: readonly Token[],
    i: number,
    entry: Entry<T>,
    stemAt: (i: number) => string,
  ): number {
    for (let k = 1; k < entry.keys.length; k++) {
      const token = tokens[i + k];
      const previous = tokens[i + k - 1]!;
      if (!token || !joinsPhrase(text.slice(previous.end, token.start))) return -1;
      const expected = entry.keys[k]!;
      if (entry.match === 'exact' ? text.slice(token.start, token.end) !== expected : entry.match === 'lower' ? token.lower !== expected : !stemMatches(token.lower, expected, () => stemAt(i + k))) {
        return -1;
      }
    }
    return i + entry.keys.length - 1;
  }
}

/** Whether a word has the given stem; words that cannot have it are not stemmed at all. */
function stemMatches(lower: string, stem: string, stemOf: () => string): boolean {
  const folded = foldWord(lower);
  const shared = stemPrefixLength(stem);
  if (folded.slice(0, shared) !== foldWord(stem).slice(0, shared)) return false;
  return stemOf() === stem;
}
