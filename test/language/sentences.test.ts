import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/language/sentences.js';
import { CORPORA, HAS_CORPORA } from '../helpers.js';

function sentences(text: string, language = 'nl'): string[] {
  return splitSentences(text, language).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks, with closing quotes kept', () => {
    expect(sentences('Het regent. Waarom? „Geen idee!” Daarna niets.')).toEqual([
      'Het regent.',
      'Waarom?',
      '„Geen idee!”',
      'Daarna niets.',
    ]);
  });

  it('does not split after abbreviations, initials or before a lower-case word', () => {
    expect(sentences('Volgens dhr. J. de Vries o.a. kost het 3,5 mln. euro. Dat is veel.')).toEqual([
      'Volgens dhr. J. de Vries o.a. kost het 3,5 mln. euro.',
      'Dat is veel.',
    ]);
    expect(sentences('Mr. Smith met Dr. Jones in the U.S. capital. They talked.', 'en')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. capital.',
      'They talked.',
    ]);
  });

  it('splits sentences that text extraction glued together', () => {
    expect(sentences('is georganiseerd.Het doel is duidelijk.')).toEqual(['is georganiseerd.', 'Het doel is duidelijk.']);
  });

  it('keeps article numbers together', () => {
    expect(sentences('Zie art. 5 van de wet.')).toEqual(['Zie art. 5 van de wet.']);
  });

  it.skipIf(!HAS_CORPORA)('finds the gold sentence boundaries of Dutch newspaper text (UD Alpino)', () => {
    const lines = readFileSync(`${CORPORA}nl/ud-dutch-alpino/sentences.jsonl`, 'utf8').trim().split('\n');
    const byDoc = new Map<string, string[]>();
    for (const line of lines) {
      const { doc, text } = JSON.parse(line) as { doc: string; text: string };
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), text]);
    }
    let truePositives = 0;
    let found = 0;
    let gold = 0;
    for (const texts of byDoc.values()) {
      const joined = texts.join(' ');
      const goldEnds = new Set<number>();
      let at = 0;
      for (const text of texts.slice(0, -1)) goldEnds.add((at += text.length + 1) - 1);
      const ends = splitSentences(joined, 'nl')
        .slice(0, -1)
        .map((s) => s.end);
      found += ends.length;
      gold += goldEnds.size;
      truePositives += ends.filter((end) => goldEnds.has(end)).length;
    }
    const precision = truePositives / found;
    const recall = truePositives / gold;
    console.log(`UD Alpino sentence boundaries: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    // The misses are mostly headings and list items without punctuation, which in a real
    // document are blocks of their own.
    expect(precision).toBeGreaterThan(0.99);
    expect(recall).toBeGreaterThan(0.95);
  });
});
