import type { Span } from '../language/sentences.js';
import { foldWord, stemmerFor, stemPrefixLength, type Stemmer } from '../language/stem.js';
import { joinsPhrase, lowerAligned, tokenize } from '../language/tokens.js';
import { PerWord, type WordNumbers } from '../language/vocabulary.js';

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
  /** For stem matching: what each key's word must start with (see mayBeStem), accents folded. */
  starts?: string[];
}

interface TrieNode<V> {
  next?: Map<number, TrieNode<V>>;
  value?: V;
}

/** Characters of words, one node per character: for prefixes (stem gates, compound heads). */
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

/** The first two letters of a word (the low bytes of their codes; 0 for a one-letter word) as a number. */
function pairKey(first: number, second: number): number {
  return ((first & 0xff) << 8) | (second & 0xff);
}

/** A compound is a head and at least this many more letters: allochtonen|beleid, not neger|en. */
const MIN_COMPOUND_TAIL = 3;

/** What a word of the text can start: a phrase, or (no keys) a compound it is the whole of. */
type Start<T> = Entry<T> | { keys: null; match: 'compound'; value: T };

/** Values of PhraseIndex's word slots besides a list number (0 is what PerWord holds for a word not seen yet). */
const UNKNOWN = 0;
const NOTHING = 1;
const FIRST_LIST = 2;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * An index of phrases keyed on their first word, so that matching costs one lookup per word of
 * the text, whatever the number of phrases. Words compare by stem (all inflected forms), by
 * lower-case form, or exactly as written.
 *
 * What a word can start is worked out once per distinct word (by its number in the run's
 * vocabulary) and kept: news text repeats its words, so most words of a batch cost one array read.
 */
export class PhraseIndex<T> {
  /** Phrases by their first word in lower case: compared in lower case, or exactly (checked at the word). */
  private readonly byLower = new Map<string, Entry<T>[]>();
  private readonly byExact = new Map<string, Entry<T>[]>();
  private readonly byStem = new Map<string, Entry<T>[]>();
  /**
   * The leading characters (all but the last one or two, accents folded: see stemPrefixLength) of
   * the first word of every stem-matched phrase. A word of the text is only stemmed when it starts
   * like one of them: stemming is the costly part of matching, and most words cannot match anyway.
   */
  private readonly stemGate = new CharTrie<true>();
  /** The gate's first two letters (low bytes of their codes), marked: most words are turned away here. */
  private readonly stemPairs = new Uint8Array(1 << 16);
  /** Heads of compounds (lower case): a word that starts with one, and goes on, matches. */
  private readonly heads = new CharTrie<T[]>();
  /** Per word number: UNKNOWN, NOTHING, or FIRST_LIST + the index in `starts` of what it starts. */
  private readonly slots: PerWord;
  private starts: Start<T>[][] = [];
  private size = 0;

  /**
   * `sparse`: for an index that sees few blocks (a rule's `unless` phrases, looked for only where
   * the rule hit), word numbers are kept in a Map rather than in an array as long as the vocabulary.
   */
  constructor(
    private readonly stem: Stemmer,
    sparse = false,
  ) {
    this.slots = new PerWord(sparse);
  }

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
    const entry: Entry<T> = { keys, match, value };
    if (match === 'stem') {
      entry.starts = keys.map((key) => {
        const folded = foldWord(key);
        return folded.slice(0, stemPrefixLength(folded));
      });
    }
    const first = keys[0]!;
    const [map, key] =
      match === 'stem' ? [this.byStem, first] : match === 'lower' ? [this.byLower, first] : [this.byExact, lowerAligned(first)];
    const list = map.get(key);
    // The same phrase for the same value, from two forms of it ("critics argue", "critics argued"
    // share their stems), is one entry: one finding per occurrence, not one per form.
    if (list?.some((other) => other.value === value && other.match === match && sameKeys(other.keys, keys))) return true;
    if (list) list.push(entry);
    else map.set(key, [entry]);
    if (match === 'stem') {
      const prefix = entry.starts![0]!;
      this.stemGate.node(prefix).value = true;
      if (prefix.length > 1) {
        this.stemPairs[pairKey(prefix.charCodeAt(0), prefix.charCodeAt(1))] = 1;
      } else {
        // A one-letter gate lets every second letter through.
        for (let second = 0; second < 256; second++) this.stemPairs[pairKey(prefix.charCodeAt(0), second)] = 1;
      }
    }
    this.added();
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
    this.added();
    return true;
  }

  private added(): void {
    this.size++;
    // What words start has changed: work it out again.
    this.slots.forget();
    this.starts = [];
  }

  /** Call `found` for every phrase occurrence in the block, with its range in the text. */
  match(block: Words, found: (start: number, end: number, value: T) => void): void {
    if (this.size === 0) return;
    const { text } = block;
    const lower = block.lower();
    const numbers = block.wordIds();
    const { ids, generation, words, starts, ends } = numbers;
    if (this.slots.follow(generation)) this.starts = [];
    // The stemmer keeps what it worked out: a word's stem is a Map read.
    const stemAt = (i: number): string => this.stem(words[ids[i]!]!);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let slot = this.slots.get(id);
      if (slot === NOTHING) continue;
      if (slot === UNKNOWN) slot = this.learn(id, words[id]!);
      if (slot === NOTHING) continue;
      const start = starts[i]!;
      const end = ends[i]!;
      for (const entry of this.starts[slot - FIRST_LIST]!) {
        if (entry.keys === null) {
          found(start, end, entry.value);
          continue;
        }
        if (entry.match === 'exact' && !(end - start === entry.keys[0]!.length && text.startsWith(entry.keys[0]!, start)))
          continue;
        const last = entry.keys.length === 1 ? i : this.from(text, lower, numbers, entry, 1, i + 1, stemAt);
        if (last >= 0) found(start, ends[last]!, entry.value);
      }
    }
  }

  /** Work out what the word with this number can start, and keep it. */
  private learn(id: number, word: string): number {
    const lower = this.byLower.size > 0 ? this.byLower.get(word) : undefined;
    const stemmed = this.byStem.size > 0 && this.mayHaveStem(word) ? this.byStem.get(this.stem(word)) : undefined;
    const exact = this.byExact.size > 0 ? this.byExact.get(word) : undefined;
    let starts: Start<T>[] | undefined;
    if (lower || stemmed || exact) starts = [...(lower ?? []), ...(stemmed ?? []), ...(exact ?? [])];
    let node: TrieNode<T[]> | undefined = this.heads.root;
    for (let i = 0; i < word.length - MIN_COMPOUND_TAIL && node?.next; i++) {
      node = node.next.get(word.charCodeAt(i));
      for (const value of node?.value ?? []) (starts ??= []).push({ keys: null, match: 'compound', value });
    }
    const slot = starts ? this.starts.push(starts) - 1 + FIRST_LIST : NOTHING;
    this.slots.set(id, slot);
    return slot;
  }

  /** Whether the word starts like a stem in the index. */
  private mayHaveStem(word: string): boolean {
    const second = word.length > 1 ? foldCode(word.charCodeAt(1)) : 0;
    if (this.stemPairs[pairKey(foldCode(word.charCodeAt(0)), second)] === 0) return false;
    let node: TrieNode<true> | undefined = this.stemGate.root;
    for (let i = 0; i < word.length; i++) {
      node = node.next?.get(foldCode(word.charCodeAt(i)));
      if (!node) return false;
      if (node.value) return true;
    }
    return false;
  }

  /**
   * Index of the phrase's last word when it matches from key k at word `at`, after matching up to
   * word at - 1; else -1.
   */
  private from(
    text: string,
    lower: string,
    words: WordNumbers,
    entry: Entry<T>,
    k: number,
    at: number,
    stemAt: (i: number) => string,
  ): number {
    if (k === entry.keys.length) return at - 1;
    const { starts, ends } = words;
    if (entry.keys[k] === GAP_KEY) {
      // The next word may follow after up to MAX_GAP words, within the clause.
      for (let next = at; next <= at + MAX_GAP && next < starts.length; next++) {
        if (GAP_BREAK.test(text.slice(ends[next - 1]!, starts[next]!))) return -1;
        if (wordMatches(text, lower, words, entry, k + 1, next, stemAt)) {
          const last = this.from(text, lower, words, entry, k + 2, next + 1, stemAt);
          if (last >= 0) return last;
        }
      }
      return -1;
    }
    // The word first: phrases starting with "the" or "a" are tried at every "the" and "a".
    if (
      at >= starts.length ||
      !wordMatches(text, lower, words, entry, k, at, stemAt) ||
      !joinsPhrase(text.slice(ends[at - 1]!, starts[at]!))
    )
      return -1;
    return this.from(text, lower, words, entry, k + 1, at + 1, stemAt);
  }
}

/** Whether word `at` is key k of the phrase. */
function wordMatches<T>(
  text: string,
  lower: string,
  words: WordNumbers,
  entry: Entry<T>,
  k: number,
  at: number,
  stemAt: (i: number) => string,
): boolean {
  const expected = entry.keys[k]!;
  const start = words.starts[at]!;
  const length = words.ends[at]! - start;
  return entry.match === 'exact'
    ? length === expected.length && text.startsWith(expected, start)
    : entry.match === 'lower'
      ? length === expected.length && lower.startsWith(expected, start)
      : mayBeStem(lower, start, length, entry.starts![k]!) && stemAt(at) === expected;
}

/**
 * Whether a word (`length` characters from `from`) can have a stem that starts with `start` (the
 * stem's shared start, see stemPrefixLength): stems keep the start of their word.
 */
function mayBeStem(lower: string, from: number, length: number, start: string): boolean {
  if (length < start.length) return false;
  for (let j = 0; j < start.length; j++) {
    if (foldCode(lower.charCodeAt(from + j)) !== start.charCodeAt(j)) return false;
  }
  return true;
}

/** A block's text as phrase matching reads it. */
export interface Words {
  readonly text: string;
  lower(): string;
  /** The words, where they stand and their numbers in the run's vocabulary. */
  wordIds(): WordNumbers;
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
        this.index = new PhraseIndex<true>(stemmerFor(this.language), true);
        for (const phrase of this.phrases) this.index.add(phrase, 'stem', true);
      }
      const found: Span[] = [];
      this.index.match(block, (start, end) => found.push({ start, end }));
      this.cache.set(block, (spans = found));
    }
    return spans;
  }
}
