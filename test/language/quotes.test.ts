import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/language/quotes.js';

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
    expect(quoted("De ‘nieuwe’ wet en auto’s.")).toEqual(['‘nieuwe’']);
    expect(quoted("Hij noemde het 'onzin', zo'n plan.")).toEqual(["'onzin'"]);
    expect(quoted("Ze komt 's avonds en 't is laat.")).toEqual([]);
  });

  it('lets an unclosed quote run to the end of the paragraph', () => {
    expect(quoted('Ze zei: „Dit gaat door naar de volgende alinea.')).toEqual(['„Dit gaat door naar de volgende alinea.']);
  });
});
