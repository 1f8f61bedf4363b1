/**
 * Prose text extracted from a document, with a map from every prose character back to the source.
 *
 * Most prose is copied verbatim, so one segment maps a run of characters one to one. A decoded
 * character reference (`&amp;` → `&`) maps its one character to the whole reference. Markup that is
 * not prose but separates words (inline code, inline HTML, autolinks) is replaced by spaces of the
 * same length, so positions stay right by construction.
 */

export interface SourceRange {
  start: number;
  end: number;
}

export class SourceMap {
  constructor(
    /** Prose index where each segment starts (ascending). */
    private readonly textStarts: readonly number[],
    private readonly sourceStarts: readonly number[],
    private readonly sourceEnds: readonly number[],
    /** True where the segment is a verbatim copy (one source unit per prose unit). */
    private readonly verbatim: readonly boolean[],
  ) {}

  private segment(index: number): number {
    let lo = 0;
    let hi = this.textStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.textStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source range of the prose character at `index`. */
  charRange(index: number): SourceRange {
    const s = this.segment(index);
    const sourceStart = this.sourceStarts[s] ?? 0;
    if (this.verbatim[s]) {
      const at = sourceStart + (index - (this.textStarts[s] ?? 0));
      return { start: at, end: at + 1 };
    }
    return { start: sourceStart, end: this.sourceEnds[s] ?? sourceStart };
  }

  /** The same map for a text that starts `offset` units further into its source. */
  shifted(offset: number): SourceMap {
    return new SourceMap(
      this.textStarts,
      this.sourceStarts.map((start) => start + offset),
      this.sourceEnds.map((end) => end + offset),
      this.verbatim,
    );
  }

  /** Source range covering prose characters [start, end). */
  range(start: number, end: number): SourceRange {
    if (end <= start) {
      const at = this.charRange(start).start;
      return { start: at, end: at };
    }
    return { start: this.charRange(start).start, end: this.charRange(end - 1).end };
  }
}

export class ProseBuilder {
  private readonly parts: string[] = [];
  private readonly textStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];
  private readonly verbatimFlags: boolean[] = [];
  length = 0;

  /** `excluded`: sorted source ranges that are never prose, such as provenance manifests. */
  constructor(
    private readonly source: string,
    private readonly excluded: readonly SourceRange[] = [],
  ) {}

  /** Copy source[start, end) into the prose, leaving out excluded ranges. */
  verbatim(start: number, end: number): void {
    for (const range of this.excluded) {
      if (range.end <= start || range.start >= end) continue;
      this.verbatim(start, range.start);
      start = range.end;
    }
    if (end <= start) return;
    this.push(this.source.slice(start, end), start, end, true);
  }

  /** Add `text` standing for source[start, end), e.g. a decoded character reference. */
  mapped(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.push(text, start, end, false);
  }

  /**
   * A line break inside a paragraph: it reads as one space, so that "12\nprocent" matches a
   * pattern written "12 procent" (also for \r\n, which becomes one space, not two).
   */
  lineBreak(start: number, end: number): void {
    if (this.excluded.some((range) => range.start < end && start < range.end)) return;
    if (end - start === 1) this.mask(start, end);
    else this.mapped(' ', start, end);
  }

  /** Replace source[start, end) by spaces: not prose, but it separates words. */
  mask(start: number, end: number): void {
    if (end <= start) return;
    this.push(' '.repeat(end - start), start, end, true);
  }

  private push(text: string, start: number, end: number, verbatim: boolean): void {
    const last = this.textStarts.length - 1;
    // Join a verbatim run that continues the previous one in the source: fewer segments.
    if (verbatim && last >= 0 && this.verbatimFlags[last] && this.sourceEnds[last] === start) {
      this.sourceEnds[last] = end;
    } else {
      this.textStarts.push(this.length);
      this.sourceStarts.push(start);
      this.sourceEnds.push(end);
      this.verbatimFlags.push(verbatim);
    }
    this.parts.push(text);
    this.length += text.length;
  }

  build(): { text: string; map: SourceMap } {
    if (this.textStarts.length === 0) {
      return { text: '', map: new SourceMap([0], [0], [0], [false]) };
    }
    return {
      text: this.parts.join(''),
      map: new SourceMap(this.textStarts, this.sourceStarts, this.sourceEnds, this.verbatimFlags),
    };
  }
}
