import type { Stemmer } from '../language/stem.js';
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

  constructor(private readonly stem: Stemmer) {}

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Add a phrase; returns false when it holds no words. */
  add(phrase: string, match: WordMatch, value: T): boolean {
    const words = tokenize(phrase);
    if (words.length === 0) return false;
    const keys = words.map((w) => this.keyOf(w.text, match));
    const first = keys[0]!;
    const list = this.byKey[match].get(first);
    const entry = { keys, match, value };
    if (list) list.push(entry);
    else this.byKey[match].set(first, [entry]);
    this.size++;
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
    const { stem: byStem, lower: byLower, exact: byExact } = this.byKey;
    const useStem = byStem.size > 0;
    const useExact = byExact.size > 0;
    const stems: (string | undefined)[] = useStem ? new Array(tokens.length) : [];
    const stemAt = (i: number): string => (stems[i] ??= this.stem(tokens[i]!.lower));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = [
        byLower.get(token.lower),
        useExact ? byExact.get(token.text) : undefined,
        useStem ? byStem.get(stemAt(i)) : undefined,
      ];
      for (const list of candidates) {
        if (!list) continue;
        for (const entry of list) {
          const last = this.matchFrom(text, tokens, i, entry, stemAt);
          if (last >= 0) found(token.start, tokens[last]!.end, entry.value);
        }
      }
    }
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
      const key = entry.match === 'exact' ? token.text : entry.match === 'lower' ? token.lower : stemAt(i + k);
      if (key !== entry.keys[k]) return -1;
    }
    return i + entry.keys.length - 1;
  }
}
