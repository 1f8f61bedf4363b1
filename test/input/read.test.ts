import { describe, expect, it } from 'vitest';
import { decodeText, InputError } from '../../src/input/read.js';
import { formatForPath } from '../../src/input/parse.js';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('één'), 'x').text).toBe('één');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'x').text).toBe('a');
  });

  it('reads UTF-16 with a byte order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0xeb, 0x00]), 'x').text).toBe('aë');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x61]), 'x').text).toBe('a');
  });

  it('refuses binary files', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.md')).toThrow(InputError);
  });

  it('replaces invalid UTF-8 and reports where the first bad byte was', () => {
    const decoded = decodeText(new Uint8Array([0x61, 0x62, 0xff, 0x63]), 'x');
    expect(decoded.text).toBe('ab\uFFFDc');
    expect(decoded.problems).toEqual([
      { ruleId: 'eindred.input.encoding', severity: 'warning', message: 'invalidUtf8', range: { start: 2, end: 3 } },
    ]);
  });
});

describe('formatForPath', () => {
  it('knows Markdown and text by extension, and nothing else yet', () => {
    expect(formatForPath('a/b.md')).toBe('markdown');
    expect(formatForPath('a/b.MARKDOWN')).toBe('markdown');
    expect(formatForPath('a/b.txt')).toBe('text');
    expect(formatForPath('a/README')).toBe('text');
    expect(formatForPath('a/b.docx')).toBeNull();
  });
});
