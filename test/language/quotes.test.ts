import { describe, expect, it } from 'vitest';
import { findQuotes, isAttributed } from '../../src/language/quotes.js';
import { splitSentences } from '../../src/language/sentences.js';
import { lowerAligned, tokenize } from '../../src/language/tokens.js';

function quoted(text: string): string[] {
  return findQuotes(text).map((s) => text.slice(s.start, s.end));
}

describe('findQuotes', () => {
  it('finds Dutch, English and continental quotes', () => {
    expect(quoted('Hij zei: „Dat klopt.” Zij: “Nee.”')).toEqual(['„Dat klopt.”', '“Nee.”']);
    expect(quoted('"We gaan door," zei ze.')).toEqual(['"We gaan door,"']);
    expect(quoted('Il a dit «non».')).toEqual(['«non»']);
    expect(quoted(",,Mijn niveau is omhoog gegaan.''")).toEqual([",,Mijn niveau is omhoog gegaan.''"]);
  });

  it('tells single quotes from apostrophes', () => {
    expect(quoted('De ‘nieuwe’ wet en auto’s.')).toEqual(['‘nieuwe’']);
    expect(quoted("Hij noemde het 'onzin', zo'n plan.")).toEqual(["'onzin'"]);
    expect(quoted("Ze komt 's avonds en 't is laat.")).toEqual([]);
  });

  it('lets an unclosed quote run to the end of the paragraph', () => {
    expect(quoted('Ze zei: „Dit gaat door naar de volgende alinea.')).toEqual(['„Dit gaat door naar de volgende alinea.']);
  });
});

describe('isAttributed', () => {
  const attributed = (text: string, language = 'nl'): boolean[] => {
    const lower = lowerAligned(text);
    const tokens = tokenize(text);
    const words = (from: number, to: number) => tokens.filter((t) => t.start >= from && t.end <= to);
    return findQuotes(text).map((quote) => isAttributed(text, lower, quote, splitSentences(text, language), language, words));
  };

  it('sees a speaker in the same sentence, before or after the quote', () => {
    expect(attributed('„Het bad gaat dicht”, zegt de wethouder.')).toEqual([true]);
    expect(attributed('De wethouder zei: „Het bad gaat dicht.”')).toEqual([true]);
    expect(attributed('Jansen: „Het bad gaat dicht.”')).toEqual([true]);
    expect(attributed('"The pool will close," the alderman said.', 'en')).toEqual([true]);
  });

  it('sees a speaker in the sentence next to it', () => {
    expect(attributed('De wethouder was duidelijk. „Het bad gaat dicht.” Daarna ging hij weg.')).toEqual([false]);
    expect(attributed('De wethouder reageerde kort. „Het bad gaat dicht.”')).toEqual([true]);
  });

  it('does not take words in quotation marks for speech', () => {
    expect(attributed('Het zogenaamde ‘plan’ kost veel geld.')).toEqual([false]);
  });
});
