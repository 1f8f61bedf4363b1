import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/input/positions.js';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line break each', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    expect(index.lineCount).toBe(4);
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(2)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 3, column: 1 });
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units: a tab is one, an emoji two', () => {
    const index = new LineIndex('\t😀x');
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(3)).toEqual({ line: 1, column: 4 });
  });

  it('puts the end of a line just after its last character', () => {
    const index = new LineIndex('ab\r\ncd');
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
  });
});
