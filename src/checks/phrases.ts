import type { Span } from '../language/sentences.js';
import { foldWord, stemmerFor, stemPrefixLength, type Stemmer } from '../language/stem.js';
import { joinsPhrase, lowerAligned, tokenize, type Token } from '../language/tokens.js';

/** How one word of a phrase is compared with a word of the text. */
export type WordMatch = 'stem' | 'lower' | 'exact';

/**
 * A gap in a phrase: `zelfmoord … gepleegd` (or `...`) also finds "zelfmoord heeft gepleegd" and
 * "zelfmoord te hebben gepleegd": up to MAX_GAP words, within the sentence.
 */
export const GAP = /\s*(?:…|\.\.\.)\s*/;
const GAP_KEY = '\u0000gap';
const MAX_GAP = 4;
/** What may not stand between the words around a gap: the end of a sentence or a clause. */
const GAP_BREAK = /[.!?;:\n„“”"«»()]/;

/** Whether a phrase has words in it, gaps aside. */
export function hasWords(phrase: string): boolean {
  return phrase.split(GAP).some((part) => tokenize(part).length > 0);
}

interface Entry<T> {
  keys: string[];
  match: WordMatch;
  value: T;
}

interface TrieNode<V> {
  next?: Map<number, TrieNode<V>>;
  value?: V;
}

/** Characters of a word walked one by one, so that looking a word up allocates nothing. */
class CharTrie<V> {
  readonly root: TrieNode<V> = {};

  node(word: string): TrieNode<V> {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = {}));
      node = child;
    }
    return node;
  }

  /** The value stored for text[start, end), if any. */
  get(text: string, start: number, end: number): V | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = start; i < end && node; i++) node = node.next?.get(text.charCodeAt(i));
    return node?.value;
  }
}

/** Base letter of an accented character (é → e), as the Dutch stemmer folds it; cached. */
const foldedCodes = new Map<number, number>();
function foldCode(code: number): number {
  if (code < 128) return code;
  let folded = foldedCodes.get(code);
  if (folded === undefined) {
    folded = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
    foldedCodes.set(code, folded);
  }
  return folded;
}

/** Bits of PhraseIndex.firstPairs: a word starting with these two letters may start a phrase. */
const MAY_LOWER = 1;
const MAY_STEM = 2;
const MAY_HEAD = 4;
/** A compound is a head and at least this many more letters: allochtonen|beleid, not neger|en. */
const MIN_COMPOUND_TAIL = 3;

/** The first two letters of a word (the low bytes of their codes; 0 for a one-letter word) as a number. */
function pairKey(first: number, second: number): number {
  return ((first & 0xff) << 8) | (second & 0xff);
}

/**
 * An index of phrases keyed on their first word, so that matching looks each word of the text up
 * once, whatever the number of phrases. Words compare by stem (all inflected forms), by lower-case
 * form, or exactly as written.
 */
export class PhraseIndex<T> {
  /** Phrases compared in lower case, by their first word. */
  private readonly byLower = new CharTrie<Entry<T>[]>();
  private readonly byStem = new Map<string, Entry<T>[]>();
  private readonly byExact = new Map<string, Entry<T>[]>();
  /**
   * The leading characters (all but the last two, accents folded: see stemPrefixLength) of the
   * first word of every stem-matched phrase. A word of the text is only stemmed when it starts like one of them: stemming is the
   * costly part of matching, and most words cannot match anyway.
   */
  private readonly stemGate = new CharTrie<true>();
  /** Heads of compounds (lower case): a word that starts with one, and goes on, matches. */
  private readonly heads = new CharTrie<T[]>();
  /**
   * Which first two letters a phrase's first word (or stem gate) can begin with: one array read
   * per word of the text turns away most words before any trie is walked.
   */
  private readonly firstPairs = new Uint8Array(1 << 16);
  /**
   * The stem-matched phrases a word can start, per distinct word that passed the gate: news text
   * repeats its words, so the stemmer and the lookup run once per word, not per occurrence.
   */
  private readonly stemStarts = new Map<string, Entry<T>[] | null>();
  private size = 0;

  constructor(private readonly stem: Stemmer) {}

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Add a phrase; returns false when it holds no words. */
  add(phrase: string, match: WordMatch, value: T): boolean {
    const keys: string[] = [];
    // One plain word in small letters, the usual case: no splitting and tokenising.
    const single = match !== 'exact' && /^[a-z\u00DF-\u00F6\u00F8-\u00FF]+$/.test(phrase) ? phrase : null;
    if (single) keys.push(match === 'lower' ? single : this.stem(single));
    for (const part of single ? [] : phrase.split(GAP)) {
      if (keys.length > 0 && keys.at(-1) !== GAP_KEY) keys.push(GAP_KEY);
      const lower = lowerAligned(part);
      for (const { start, end } of tokenize(part)) {
        keys.push(
          match === 'exact'
            ? part.slice(start, end)
            : match === 'lower'
              ? lower.slice(start, end)
              : this.stem(lower.slice(start, end)),
        );
      }
    }
    while (keys[0] === GAP_KEY) keys.shift();
    while (keys.at(-1) === GAP_KEY) keys.pop();
    if (keys.length === 0) return false;
    const entry = { keys, match, value };
    const first = keys[0]!;
    if (match === 'lower') {
      const node = this.byLower.node(first);
      (node.value ??= []).push(entry);
      this.firstPairs[pairKey(first.charCodeAt(0), first.length > 1 ? first.charCodeAt(1) : 0)]! |= MAY_LOWER;
    } else {
      const map = match === 'stem' ? this.byStem : this.byExact;
      const list = map.get(first);
      if (list) list.push(entry);
      else map.set(first, [entry]);
    }
    if (match === 'stem') {
      const folded = foldWord(first);
      const prefix = folded.slice(0, stemPrefixLength(folded));
      this.stemGate.node(prefix).value = true;
      // A one-letter gate lets every second letter through.
      for (let second = 0; second < 256; second++) {
        if (prefix.length === 1 || second === prefix.charCodeAt(1))
          this.firstPairs[pairKey(prefix.charCodeAt(0), second)]! |= MAY_STEM;
      }
    }
    this.size++;
    this.stemStarts.clear();
    return true;
  }

  /**
   * Add the head of compounds: a word that starts with `head` and has at least three more
   * letters matches ("allochtonen" finds "allochtonenbeleid"), the whole word.
   */
  addCompoundHead(head: string, value: T): boolean {
    const lower = lowerAligned(head.trim());
    const words = tokenize(lower);
    if (words.length !== 1 || words[0]!.end !== lower.length) return false;
    (this.heads.node(lower).value ??= []).push(value);
    this.firstPairs[pairKey(lower.charCodeAt(0), lower.length > 1 ? lower.charCodeAt(1) : 0)]! |= MAY_HEAD;
    this.size++;
    return true;
  }

  /**
   * Call `found` for every phrase occurrence, with its range in the text. `lower` is the text as
   * `lowerAligned` gives it.
   */
  match(text: string, lower: string, tokens: readonly Token[], found: (start: number, end: number, value: T) => void): void {
    if (this.size === 0) return;
    const useStem = this.byStem.size > 0;
    const useExact = this.byExact.size > 0;
    const stems: (string | undefined)[] = [];
    const stemAt = (i: number): string => (stems[i] ??= this.stem(lower.slice(tokens[i]!.start, tokens[i]!.end)));
    const report = (i: number, list: Entry<T>[] | undefined): void => {
      if (!list) return;
      for (const entry of list) {
        const last = this.matchFrom(text, lower, tokens, i, entry, stemAt);
        if (last >= 0) found(tokens[i]!.start, tokens[last]!.end, entry.value);
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const { start, end } = tokens[i]!;
      const first = lower.charCodeAt(start);
      const second = end - start > 1 ? lower.charCodeAt(start + 1) : 0;
      let may = this.firstPairs[pairKey(first, second)]!;
      if (useStem && (first > 0x7f || second > 0x7f)) may |= this.firstPairs[pairKey(foldCode(first), foldCode(second))]!;
      if (may & MAY_LOWER) report(i, this.byLower.get(lower, start, end));
      if (may & MAY_STEM && useStem && this.mayHaveStem(lower, start, end)) report(i, this.stemStartsOf(lower.slice(start, end)));
      if (useExact) report(i, this.byExact.get(text.slice(start, end)));
      if (may & MAY_HEAD) this.compoundsAt(lower, start, end, (value) => found(start, end, value));
    }
  }

  /** Every compound head that the word lower[start, end) starts with, leaving a tail. */
  private compoundsAt(lower: string, start: number, end: number, found: (value: T) => void): void {
    let node: TrieNode<T[]> | undefined = this.heads.root;
    for (let i = start; i < end - MIN_COMPOUND_TAIL && node; i++) {
      node = node.next?.get(lower.charCodeAt(i));
      if (node?.value) node.value.forEach(found);
    }
  }

  private stemStartsOf(word: string): Entry<T>[] | undefined {
    let entries = this.stemStarts.get(word);
    if (entries === undefined) {
      entries = this.byStem.get(this.stem(word)) ?? null;
      if (this.stemStarts.size >= 100_000) this.stemStarts.clear();
      this.stemStarts.set(word, entries);
    }
    return entries ?? undefined;
  }

  /** Whether the word lower[start, end) starts like a stem in the index. */
  private mayHaveStem(lower: string, start: number, end: number): boolean {
    let node: TrieNode<true> | undefined = this.stemGate.root;
    for (let i = start; i < end; i++) {
      node = node.next?.get(foldCode(lower.charCodeAt(i)));
      if (!node) return false;
      if (node.value) return true;
    }
    return false;
  }

  /** Index of the phrase's last token when the phrase matches at token `i`, else -1. */
  private matchFrom(
    text: string,
    lower: string,
    tokens: readonly Token[],
    i: number,
    entry: Entry<T>,
    stemAt: (i: number) => string,
  ): number {
    const wordMatches = (k: number, at: number): boolean => {
      const token = tokens[at]!;
      const expected = entry.keys[k]!;
      const length = token.end - token.start;
      return entry.match === 'exact'
        ? length === expected.length && text.startsWith(expected, token.start)
        : entry.match === 'lower'
          ? length === expected.length && lower.startsWith(expected, token.start)
          : this.mayBeStem(lower, token, expected) && stemAt(at) === expected;
    };
    // Key k of the phrase at token `at`, after the phrase matched up to token at - 1.
    const from = (k: number, at: number): number => {
      if (k === entry.keys.length) return at - 1;
      if (entry.keys[k] === GAP_KEY) {
        // The next word may follow after up to MAX_GAP words, within the clause.
        for (let next = at; next <= at + MAX_GAP && next < tokens.length; next++) {
          if (GAP_BREAK.test(text.slice(tokens[next - 1]!.end, tokens[next]!.start))) return -1;
          if (wordMatches(k + 1, next)) {
            const last = from(k + 2, next + 1);
            if (last >= 0) return last;
          }
        }
        return -1;
      }
      const token = tokens[at];
      if (!token || !joinsPhrase(text.slice(tokens[at - 1]!.end, token.start)) || !wordMatches(k, at)) return -1;
      return from(k + 1, at + 1);
    };
    return from(1, i + 1);
  }

  /** Whether a word can have this stem: stems keep the start of their word (see stem.ts). */
  private mayBeStem(lower: string, token: Token, stem: string): boolean {
    const folded = foldWord(stem);
    const shared = stemPrefixLength(folded);
    if (token.end - token.start < shared) return false;
    for (let j = 0; j < shared; j++) {
      if (foldCode(lower.charCodeAt(token.start + j)) !== folded.charCodeAt(j)) return false;
    }
    return true;
  }
}

/** A block's text as phrase matching reads it. */
interface Words {
  readonly text: string;
  lower(): string;
  tokens(): readonly Token[];
}

/**
 * Where a rule's context phrases (`unless`, `context`) stand in a block, matched on word forms.
 * The index is built when first needed and the spans found once per block: most rules never hit
 * in a given run, and stemming their phrases would only slow the start down.
 */
export class PhraseSpans {
  private index: PhraseIndex<true> | undefined;
  private readonly cache = new WeakMap<Words, Span[]>();

  constructor(
    private readonly phrases: readonly string[],
    private readonly language: string,
  ) {}

  get isEmpty(): boolean {
    return this.phrases.length === 0;
  }

  in(block: Words): Span[] {
    let spans = this.cache.get(block);
    if (!spans) {
      if (!this.index) {
        this.index = new PhraseIndex<true>(stemmerFor(this.language));
        for (const phrase of this.phrases) this.index.add(phrase, 'stem', true);
      }
      const found: Span[] = [];
      this.index.match(block.text, block.lower(), block.tokens(), (start, end) => found.push({ start, end }));
      this.cache.set(block, (spans = found));
    }
    return spans;
  }
}
