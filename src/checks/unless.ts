import { stemmerFor } from '../language/stem.js';
import type { Span } from '../language/sentences.js';
import type { UnlessSpec } from '../packs/types.js';
import { PhraseIndex } from './phrases.js';
import type { BlockContext } from './types.js';

/**
 * A rule's `unless` list: contexts in which a hit is fine ("blanke vla", "de kelder staat blank").
 * A hit is dropped when an unless phrase (matched on word forms) or pattern overlaps it. The spans
 * are found once per block and rule, and only for blocks where the rule hit.
 */
export class Unless {
  private compiled: { phrases: PhraseIndex<true>; patterns: RegExp[] } | undefined;
  private readonly cache = new WeakMap<BlockContext, Span[]>();

  constructor(
    private readonly specs: readonly UnlessSpec[],
    private readonly language: string,
  ) {}

  /** Built when a rule first hits: most rules never do in a given run, and stemming costs. */
  private compile(): { phrases: PhraseIndex<true>; patterns: RegExp[] } {
    if (!this.compiled) {
      const phrases = new PhraseIndex<true>(stemmerFor(this.language));
      const patterns: RegExp[] = [];
      for (const spec of this.specs) {
        if ('phrase' in spec) phrases.add(spec.phrase, 'stem', true);
        else patterns.push(new RegExp(spec.pattern, 'giu'));
      }
      this.compiled = { phrases, patterns };
    }
    return this.compiled;
  }

  covers(block: BlockContext, start: number, end: number): boolean {
    let spans = this.cache.get(block);
    if (!spans) {
      spans = this.find(block);
      this.cache.set(block, spans);
    }
    return spans.some((span) => span.start < end && start < span.end);
  }

  private find(block: BlockContext): Span[] {
    const spans: Span[] = [];
    const { phrases, patterns } = this.compile();
    phrases.match(block.text, block.lower(), block.tokens(), (start, end) => spans.push({ start, end }));
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (const m of block.text.matchAll(pattern)) {
        if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
      }
    }
    return spans;
  }
}
