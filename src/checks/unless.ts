import type { Span } from '../language/sentences.js';
import { lowerCasePattern, machineCode } from '../packs/regex.js';
import type { UnlessSpec } from '../packs/types.js';
import { PhraseSpans } from './phrases.js';
import type { BlockContext } from './types.js';

/**
 * A rule's `unless` list: contexts in which a hit is fine ("blanke vla", "de kelder staat blank").
 * A hit is dropped when an unless phrase (matched on word forms) or pattern overlaps it. The spans
 * are found once per block and rule, and only for blocks where the rule hit.
 */
export class Unless {
  private readonly phrases: PhraseSpans;
  private readonly sources: string[];
  /** Each pattern, and whether it runs case-sensitively on the lower-cased text (same matches, faster). */
  private patterns: { regex: RegExp; onLower: boolean }[] | undefined;
  private readonly cache = new WeakMap<BlockContext, Span[]>();

  constructor(specs: readonly UnlessSpec[], language: string) {
    this.phrases = new PhraseSpans(
      specs.flatMap((spec) => ('phrase' in spec ? [spec.phrase] : [])),
      language,
    );
    this.sources = specs.flatMap((spec) => ('pattern' in spec ? [spec.pattern] : []));
  }

  covers(block: BlockContext, start: number, end: number): boolean {
    let spans = this.cache.get(block);
    if (!spans) this.cache.set(block, (spans = [...this.phrases.in(block), ...this.patternSpans(block)]));
    return spans.some((span) => span.start < end && start < span.end);
  }

  private patternSpans(block: BlockContext): Span[] {
    this.patterns ??= this.sources.map((source) => {
      const lowered = lowerCasePattern(source);
      return lowered === null
        ? { regex: machineCode(new RegExp(source, 'giu')), onLower: false }
        : { regex: machineCode(new RegExp(lowered, 'gu')), onLower: true };
    });
    const spans: Span[] = [];
    for (const { regex, onLower } of this.patterns) {
      for (const m of (onLower ? block.lower() : block.text).matchAll(regex)) {
        if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
      }
    }
    return spans;
  }
}
