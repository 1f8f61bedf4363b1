import { describe, expect, it } from 'vitest';
import { findQuotes, isAttributed, quotePlacement } from '../../src/language/quotes.js';
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

  it('knows the reporting verbs of news, not only "say"', () => {
    expect(attributed('Fallows remarked, "We had never seen these sharks in our surveys."', 'en')).toEqual([true]);
    expect(attributed('"This is only the beginning," Graham continued.', 'en')).toEqual([true]);
    expect(attributed('De minister merkte op: „Dit is pas het begin van de hervorming.”')).toEqual([true]);
    expect(attributed('Part of the statement reads "the council will not raise the rent this year".', 'en')).toEqual([true]);
  });

  it('does not take a verb of answering that is negated for a speaker', () => {
    expect(attributed('„Dit is een schandaal.” De gemeente reageerde niet op vragen van de redactie.')).toEqual([false]);
    expect(attributed('„Dit is een schandaal.” Het ministerie bevestigde het nog niet.')).toEqual([false]);
    expect(attributed('"This is a scandal." The council did not respond to requests for comment.', 'en')).toEqual([false]);
    expect(attributed('"This is a scandal." The mayor declined to comment.', 'en')).toEqual([false]);
    // Speech about something negated is still speech.
    expect(attributed('„Ik weet het echt niet meer.” Ze zei niet te weten wie het deed.')).toEqual([true]);
    expect(attributed('"I do not know who did it," she said.', 'en')).toEqual([true]);
    expect(attributed('"The conflict is theirs. Not ours", said Jorgensen.', 'en')).toEqual([true]);
  });

  it('sees a speaker named before a colon, but not a lead-in that names nobody', () => {
    expect(attributed('Wethouder Bos van Sport over de sluiting: „Het bad kost ons te veel.”')).toEqual([true]);
    expect(attributed('Ze was duidelijk over de sluiting: „Het bad kost ons te veel.”')).toEqual([true]);
    expect(attributed('De sfeer was gespannen: „Het bad kost ons te veel.”')).toEqual([false]);
    expect(attributed('The mood in the hall was tense: "This plan will cost us our jobs."', 'en')).toEqual([false]);
  });
});

describe('quotePlacement', () => {
  const placement = (text: string) => findQuotes(text).map((quote) => quotePlacement(text, quote, 0));

  it('tells a quote that stands on its own from words woven into the sentence', () => {
    expect(placement('„Het bad gaat dicht.” Daarna ging hij weg.')).toEqual(['alone']);
    expect(placement('Hij zei: „Het bad gaat dicht.”')).toEqual(['introduced']);
    expect(placement('She added, "The pool will close."')).toEqual(['introduced']);
    expect(placement('Ze noemde het plan ‘een ramp voor de hele regio’.')).toEqual(['woven']);
    expect(placement('The territory is governed under the "one country, two systems" model.')).toEqual(['woven']);
  });
});
