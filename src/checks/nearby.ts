import { stemmerFor } from '../language/stem.js';
import type { Span } from '../language/sentences.js';
import type { Token } from '../language/tokens.js';
import type { ContextSpec } from '../packs/types.js';
import { PhraseIndex } from './phrases.js';
import type { BlockContext } from './types.js';

/**
 * A rule's `context`: words that must stand near a hit for it to count (`near`: "blank" only
 * about people, near "man", "vrouw", "bevolking" …) or that take it away (`not_near`: "schizofreen"
 * after "gediagnosticeerd met"). Near means in the same sentence, within `window` words on either side. The words are
 * matched on word forms, found once per block and rule, and only for blocks where the rule hit.
 */
export class Nearby {
  private compiled: { near: PhraseIndex<true> | null; notNear: PhraseIndex<true> | null } | undefined;
  private readonly cache = new WeakMap<BlockContext, { near: Span[]; notNear: Span[] }>();

  constructor(
    private readonly spec: ContextSpec,
    private readonly language: string,
  ) {}

  /** Built when the rule first hits: most rules never do in a given run, and stemming costs. */
  private compile(): { near: PhraseIndex<true> | null; notNear: PhraseIndex<true> | null } {
    const index = (phrases: readonly string[]): PhraseIndex<true> | null => {
      if (phrases.length === 0) return null;
      const built = new PhraseIndex<true>(stemmerFor(this.language));
      for (const phrase of phrases) built.add(phrase, 'stem', true);
      return built;
    };
    this.compiled ??= { near: index(this.spec.near), notNear: index(this.spec.notNear) };
    return this.compiled;
  }

  /** Whether a hit at text[start, end) stands in a context the rule accepts. */
  allows(block: BlockContext, start: number, end: number): boolean {
    const { near, notNear } = this.compile();
    let spans = this.cache.get(block);
    if (!spans) {
      spans = { near: this.find(near, block), notNear: this.find(notNear, block) };
      this.cache.set(block, spans);
    }
    const tokens = block.tokens();
    const sentence = block.sentences().find((s) => s.start <= start && start < s.end) ?? { start: 0, end: block.text.length };
    const first = tokenAt(tokens, start) - this.spec.window;
    const last = tokenAt(tokens, end - 1) + this.spec.window;
    const close = (span: Span): boolean =>
      (span.end <= start || span.start >= end) &&
      span.start >= sentence.start &&
      span.end <= sentence.end &&
      tokenAt(tokens, span.end - 1) >= first &&
      tokenAt(tokens, span.start) <= last;
    if (near && !spans.near.some(close)) return false;
    return !spans.notNear.some(close);
  }

  private find(index: PhraseIndex<true> | null, block: BlockContext): Span[] {
    const spans: Span[] = [];
    index?.match(block.text, block.lower(), block.tokens(), (start, end) => spans.push({ start, end }));
    return spans;
  }
}

/** The index of the token that holds `offset`, or of the last one before it. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
