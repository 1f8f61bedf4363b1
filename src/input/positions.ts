/**
 * Offsets ↔ line/column in a source text. Lines end at \n, \r\n or a lone \r (as in CommonMark);
 * columns are 1-based and count UTF-16 code units, so a tab is one column and an emoji two.
 */

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use: most documents of a batch have no findings and never need it. */
  private get starts(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      const re = /\r\n?|\n/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.text)) !== null) this.lineStarts.push(m.index + m[0].length);
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const starts = this.starts;
    return (starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0) + column - 1;
  }

  position(offset: number): Position {
    const starts = this.starts;
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (starts[lo] ?? 0) + 1 };
  }
}
