/**
 * Offsets ↔ line/column in a source text. Lines end at \n, \r\n or a lone \r (as in CommonMark);
 * columns are 1-based and count UTF-16 code units, so a tab is one column and an emoji two.
 */

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    const re = /\r\n?|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) this.starts.push(m.index + m[0].length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
  }

  position(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] ?? 0) + 1 };
  }
}
