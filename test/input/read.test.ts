import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, InputError, readInputFile } from '../../src/input/read.js';
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

  it('reads each draft of a batch on its own: a broken one, cut off mid-character, leaves the next intact', () => {
    // "é" is 0xc3 0xa9: a file that ends after 0xc3 must not leave half a character behind.
    expect(decodeText(new Uint8Array([0x61, 0xc3]), 'a').text).toBe('a\uFFFD');
    expect(decodeText(new Uint8Array([0xa9, 0x62]), 'b').problems).toHaveLength(1);
    expect(decodeText(new TextEncoder().encode('één'), 'c')).toEqual({ text: 'één', problems: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'd').text).toBe('a');
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

describe('readInputFile with the size the file had when the inputs were listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eindred-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file that grew past --max-file-size since, with its size now', () => {
    const file = join(dir, 'grew.md');
    writeFileSync(file, 'x'.repeat(3000));
    expect(readInputFile(file, 4000, 10).text).toHaveLength(3000);
    expect(() => readInputFile(file, 2000, 10)).toThrow(/the file is 0\.0 MB, more than --max-file-size 0 MB/);
  });

  it('says a folder is a folder', () => {
    expect(() => readInputFile(dir, 100_000, 4096)).toThrow(/this is a folder/);
    expect(() => readInputFile(dir, 1000)).toThrow(/this is a folder/);
  });
});
