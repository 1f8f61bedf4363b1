import { scanned, scanWords } from './tokens.js';

/**
 * A block's words: where each stands, its number, and the generation of the numbering the numbers
 * belong to. Word i is text[starts[i], ends[i]), the same words `tokenize` finds.
 */
export interface WordNumbers {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly generation: number;
  /** The words by number: `words[ids[i]]` is token i in lower case (one string per distinct word). */
  readonly words: readonly string[];
}

/**
 * Numbers for words. Each distinct lower-case word of the text checked so far gets one, so that a
 * block's words can be looked up by number: a phrase index works out once per distinct word which
 * phrases it can start (stemming it if need be), and after that a word of the text costs it one
 * array read, however many indexes look at the block.
 *
 * Words are found in an open-addressing hash table over their characters in the block's text, so
 * numbering a word allocates nothing unless the word is new (a Map would need a string per word).
 * A probe compares the word with a copy of its characters in one flat typed array, not with the
 * word's string (a read elsewhere in the heap, and a check of how V8 stores that string). Numbering
 * the 221,000 words of the Wikinews files, warm: 45 → 20 ms on its own, ~30 → ~25 ms in a check.
 * Finding a block's words and numbering them is one scan (scanWords hashes each word as it reads
 * it) that gives typed arrays, not an object per word: scanning and numbering the Wikinews words
 * after the current-events pages 26 → 20 ms on their own, the sustained Wikinews pass ~8 % shorter.
 * The numbering is shared by the whole run (news text repeats its words). It is bounded: when it
 * is full it starts again, under a new generation, and whoever keeps numbers checks that.
 */
export class Vocabulary {
  /**
   * The hash table: two numbers per slot, a word's hash and its number + 1 (0: an empty slot),
   * side by side so that a probe reads one place in memory.
   */
  private table = new Int32Array(2 << 12);
  private words: string[] = [];
  /** The characters of all words, one after the other: word n is chars[ends[n], ends[n + 1]). */
  private chars = new Uint16Array(1 << 15);
  private ends = new Int32Array(1 << 12);
  /** Changes when the numbering starts again: numbers of an older generation mean nothing. */
  generation = 0;

  constructor(private readonly capacity = 200_000) {}

  /**
   * A block's words and their numbers, from its lower-case text (as lowerAligned gives it, whose
   * words are the text's words: lower-casing keeps a letter a letter). The scanner hashes each word
   * as it reads it, so the characters are read once.
   */
  number(lower: string): WordNumbers {
    const count = scanWords(lower);
    const { starts, ends, hashes } = scanned;
    // A block's numbers all belong to one generation: start again before, never halfway.
    if (this.words.length + count > this.capacity) this.reset();
    // Keep the table at most half full, for short probes.
    while ((this.words.length + count) * 4 > this.table.length) this.grow();
    const ids = new Int32Array(count);
    for (let i = 0; i < count; i++) ids[i] = this.idOf(hashes[i]!, lower, starts[i]!, ends[i]!);
    return { ids, starts: starts.slice(0, count), ends: ends.slice(0, count), generation: this.generation, words: this.words };
  }

  /** The number of lower[start, end), whose hash is `hash`. */
  private idOf(hash: number, lower: string, start: number, end: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = table[2 * slot + 1]! - 1;
      if (id < 0) {
        const count = this.add(lower, start, end);
        table[2 * slot] = hash;
        table[2 * slot + 1] = count;
        return count - 1;
      }
      if (table[2 * slot] === hash && this.spells(id, lower, start, end)) return id;
    }
  }

  /** Whether word `id` is lower[start, end). */
  private spells(id: number, lower: string, start: number, end: number): boolean {
    const from = this.ends[id]!;
    if (this.ends[id + 1]! - from !== end - start) return false;
    const chars = this.chars;
    for (let i = start; i < end; i++) if (chars[from + i - start] !== lower.charCodeAt(i)) return false;
    return true;
  }

  /** Keep lower[start, end) as a new word; returns how many words there are now. */
  private add(lower: string, start: number, end: number): number {
    const count = this.words.push(ownCopy(lower, start, end));
    const from = this.ends[count - 1]!;
    if (from + end - start > this.chars.length) this.chars = grown(this.chars, from + end - start);
    if (count + 1 > this.ends.length) this.ends = grown(this.ends, count + 1);
    for (let i = start; i < end; i++) this.chars[from + i - start] = lower.charCodeAt(i);
    this.ends[count] = from + end - start;
    return count;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = old[from]! & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[from]!;
      table[2 * slot + 1] = old[from + 1]!;
    }
    this.table = table;
  }

  private reset(): void {
    this.table.fill(0);
    this.words = [];
    this.generation++;
  }
}

/** A copy of `array` with room for at least `size` items. */
function grown<A extends Uint16Array | Int32Array>(array: A, size: number): A {
  const copy = new (array.constructor as new (length: number) => A)(Math.max(size, array.length * 2));
  copy.set(array);
  return copy;
}

/**
 * text[start, end) as a string of its own. V8 makes a slice of 13 or more characters a view into
 * the string it comes from, so a long word kept by the vocabulary would keep its whole block
 * alive for the rest of the run: on a desk's stream of articles, most of the text read so far.
 * Prefixing a character and slicing it off again makes V8 copy the word (once per new word).
 */
function ownCopy(text: string, start: number, end: number): string {
  const word = text.slice(start, end);
  return word.length < 13 ? word : ` ${word}`.slice(1);
}

/**
 * A number kept per word number, which its owner works out once per distinct word (0: not yet);
 * forgotten when the numbering starts a new generation. Kept in an array as long as the
 * vocabulary, or with `sparse` in a Map, for an owner that looks at few blocks.
 */
export class PerWord {
  private dense = new Int32Array(0);
  private readonly map = new Map<number, number>();
  private generation = -1;

  constructor(private readonly sparse = false) {}

  /** Keep numbers of this generation: true when what was kept had to be forgotten. */
  follow(generation: number): boolean {
    if (generation === this.generation) return false;
    this.forget();
    this.generation = generation;
    return true;
  }

  /** Forget everything (the owner's answers changed). */
  forget(): void {
    this.dense = new Int32Array(0);
    this.map.clear();
    this.generation = -1;
  }

  get(id: number): number {
    return this.sparse ? (this.map.get(id) ?? 0) : id < this.dense.length ? this.dense[id]! : 0;
  }

  set(id: number, value: number): void {
    if (this.sparse) {
      this.map.set(id, value);
      return;
    }
    if (id >= this.dense.length) this.dense = grown(this.dense, Math.max(1024, id + 1));
    this.dense[id] = value;
  }
}

/** The run's one vocabulary (per thread). */
export const vocabulary = new Vocabulary();
