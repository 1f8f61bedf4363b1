import type { Token } from './tokens.js';

/**
 * Numbers for words. Each distinct lower-case word of the text checked so far gets one, so that a
 * block's words can be looked up by number: a phrase index works out once per distinct word which
 * phrases it can start (stemming it if need be), and after that a word of the text costs it one
 * array read, however many indexes look at the block.
 *
 * Words are found in an open-addressing hash table over their characters in the block's text, so
 * numbering a word allocates nothing unless the word is new (a Map would need a string per word).
 * The numbering is shared by the whole run (news text repeats its words). It is bounded: when it
 * is full it starts again, under a new generation, and whoever keeps numbers checks that.
 */
export class Vocabulary {
  /** Slots of the hash table: a word's number + 1, or 0 for an empty slot. */
  private table = new Int32Array(1 << 16);
  private words: string[] = [];
  private hashes: number[] = [];
  /** Changes when the numbering starts again: numbers of an older generation mean nothing. */
  generation = 0;

  constructor(private readonly capacity = 200_000) {}

  get size(): number {
    return this.words.length;
  }

  /** The numbers of a block's words (`lower` as lowerAligned gives it), in token order. */
  idsOf(lower: string, tokens: readonly Token[]): Int32Array {
    // A block's numbers all belong to one generation: start again before, never halfway.
    if (this.words.length + tokens.length > this.capacity) this.reset();
    // Keep the table at most half full, for short probes.
    while ((this.words.length + tokens.length) * 2 > this.table.length) this.grow();
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const { start, end } = tokens[i]!;
      ids[i] = this.idOf(lower, start, end);
    }
    return ids;
  }

  private idOf(lower: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193);
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]! - 1;
      if (id < 0) {
        const next = this.words.length;
        this.words.push(lower.slice(start, end));
        this.hashes.push(hash);
        this.table[slot] = next + 1;
        return next;
      }
      if (this.hashes[id] === hash && this.words[id]!.length === length && lower.startsWith(this.words[id]!, start)) return id;
    }
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }

  private reset(): void {
    this.table.fill(0);
    this.words = [];
    this.hashes = [];
    this.generation++;
  }
}

/** The run's one vocabulary (per thread). */
export const vocabulary = new Vocabulary();
