import type { Span } from '../language/sentences.js';
import type { ContextSpec } from '../packs/types.js';
import { PhraseSpans } from './phrases.js';
import type { BlockContext } from './types.js';

/**
 * A rule's `context`: words that must stand near a hit for it to count (`near`: "blank" only
 * about people, near "man", "vrouw", "bevolking" …) or that take it away (`not_near`: "schizofreen"
 * after "gediagnosticeerd met"). Near means in the same sentence, within `window` words on either side. The words are
 * matched on word forms, found once per block and rule, and only for blocks where the rule hit.
 */
export class Nearby {
  private readonly near: PhraseSpans;
  private readonly notNear: PhraseSpans;

  constructor(
    private readonly spec: ContextSpec,
    language: string,
  ) {
    this.near = new PhraseSpans(spec.near, language);
    this.notNear = new PhraseSpans(spec.notNear, language);
  }

  /** Whether a hit at text[start, end) stands in a context the rule accepts. */
  allows(block: BlockContext, start: number, end: number): boolean {
    const { starts } = block.wordIds();
    const sentence = block.sentences().find((s) => s.start <= start && start < s.end) ?? { start: 0, end: block.text.length };
    const first = wordAt(starts, start) - this.spec.window;
    const last = wordAt(starts, end - 1) + this.spec.window;
    const close = (span: Span): boolean =>
      (span.end <= start || span.start >= end) &&
      span.start >= sentence.start &&
      span.end <= sentence.end &&
      wordAt(starts, span.end - 1) >= first &&
      wordAt(starts, span.start) <= last;
    if (!this.near.isEmpty && !this.near.in(block).some(close)) return false;
    return !this.notNear.in(block).some(close);
  }
}

/** The index of the word that holds `offset`, or of the last one before it (words start at `starts`). */
function wordAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
