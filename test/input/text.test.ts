import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/input/parse.js';

describe('plain text', () => {
  it('splits paragraphs at blank lines, with a line break inside one read as a space', () => {
    const doc = parseDocument('x.txt', 'Kop\r\n\r\nEerste regel\r\ntweede regel\r\n\r\n\r\nLaatste.', 'text');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Kop', 'Eerste regel tweede regel', 'Laatste.']);
    const second = doc.blocks[1]!;
    expect(doc.lines.position(second.map.range(13, 19).start)).toEqual({ line: 4, column: 1 });
  });

  it('masks bare URLs but keeps e-mail addresses, which privacy rules need', () => {
    const doc = parseDocument('x.txt', 'Zie https://nos.nl/artikel/123. Mail a@b.nl.', 'text');
    expect(doc.blocks[0]!.text).not.toContain('nos.nl');
    expect(doc.blocks[0]!.text).toContain('a@b.nl');
    expect(doc.urls).toHaveLength(1);
  });

  it('masks web addresses written in capitals too', () => {
    const doc = parseDocument('x.txt', 'Zie HTTP://NOS.NL/TODO of WWW.NOS.NL/TODO.', 'text');
    expect(doc.blocks[0]!.text).toBe(`Zie ${' '.repeat(18)} of ${' '.repeat(15)}.`);
    expect(doc.urls).toHaveLength(2);
  });
});
