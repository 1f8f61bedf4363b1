import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseIndex, type Words } from '../../src/checks/phrases.js';
import { stemmerFor } from '../../src/language/stem.js';
import { lowerAligned, tokenize, tokensOf } from '../../src/language/tokens.js';
import { Vocabulary, type WordNumbers } from '../../src/language/vocabulary.js';

/** A block of text numbered by `vocabulary`, numbered again when it starts a new generation. */
function words(text: string, vocabulary: Vocabulary): Words {
  const lower = lowerAligned(text);
  let numbers: WordNumbers | undefined;
  return {
    text,
    lower: () => lower,
    wordIds: () => {
      if (numbers?.generation !== vocabulary.generation) numbers = vocabulary.number(lower);
      return numbers;
    },
  };
}

describe('Vocabulary', () => {
  it('gives a word the same number wherever it stands, in any case, and other words other numbers', () => {
    const vocabulary = new Vocabulary();
    const first = words('The mayor said the plan works.', vocabulary).wordIds().ids;
    const second = words('THE PLAN, said the mayor', vocabulary).wordIds().ids;
    expect(first[0]).toBe(first[3]); // The, the
    expect(new Set(first).size).toBe(5);
    expect([...second]).toEqual([first[0], first[4], first[2], first[0], first[1]]);
    const { words: spelled } = vocabulary.number('');
    expect([...second].map((id) => spelled[id])).toEqual(['the', 'plan', 'said', 'the', 'mayor']);
  });

  it('numbers the words tokenize finds in the text, read from its lower-case form', () => {
    const words = (text: string) => {
      const { starts, ends, ids, words: spelled } = new Vocabulary().number(lowerAligned(text));
      return { tokens: tokensOf(starts, ends), spelled: [...ids].map((id) => spelled[id]) };
    };
    const text = "ÉÉN Café’s, ZO’N 𝒜LPHA-Beta İstanbul ΣΟΦΊΑ don't";
    expect(words(text).tokens).toEqual(tokenize(text));
    expect(words(text).spelled).toEqual(['één', "café's", "zo'n", '𝒜lpha', 'beta', 'İstanbul', 'σοφία', "don't"]);
    // Any text, any Unicode: the same words at the same offsets.
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (any) => {
        expect(words(any).tokens).toEqual(tokenize(any));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every word apart as it grows to tens of thousands of words, long, accented and not', () => {
    const vocabulary = new Vocabulary();
    // Words that share their start, differ in length by one letter, or only in an accent.
    const distinct = Array.from({ length: 30_000 }, (_, i) => `${i % 2 ? 'ré' : 're'}${'x'.repeat(i % 17)}${i.toString(36)}`);
    const text = distinct.join(' ');
    const block = words(text, vocabulary);
    const { ids, words: spelled } = block.wordIds();
    expect(new Set(ids).size).toBe(distinct.length);
    expect([...ids].map((id) => spelled[id])).toEqual(distinct);
    // The same words again, in another block and order, get the same numbers.
    const again = words([...distinct].reverse().join(' '), vocabulary).wordIds();
    expect([...again.ids]).toEqual([...ids].reverse());
    expect(again.generation).toBe(0);
  });

  it('starts numbering again, in a new generation, when full; never halfway through a block', () => {
    const vocabulary = new Vocabulary(6);
    const block = words('one two three four', vocabulary);
    expect(block.wordIds()).toMatchObject({ generation: 0 });
    const next = words('five six seven', vocabulary).wordIds();
    expect(next.generation).toBe(1);
    expect([...next.ids]).toEqual([0, 1, 2]);
    // The first block's numbers are of the old generation: it is numbered again (and as its four
    // words do not fit beside the three, in a generation of its own).
    expect(block.wordIds()).toMatchObject({ generation: 2 });
    expect([...block.wordIds().ids]).toEqual([0, 1, 2, 3]);
    expect(words('two four', vocabulary).wordIds()).toMatchObject({ ids: new Int32Array([1, 3]), generation: 2 });
  });
});

describe('PhraseIndex with word numbers', () => {
  it.each([
    ['an array', false],
    ['a map (sparse)', true],
  ])('finds the same phrases after the vocabulary started again, keeping numbers in %s', (_, sparse) => {
    const vocabulary = new Vocabulary(12);
    const index = new PhraseIndex<string>(stemmerFor('en'), sparse);
    index.add('committed suicide', 'stem', 'suicide');
    index.add('illegal alien', 'lower', 'alien');
    index.add('AI', 'exact', 'ai');
    index.addCompoundHead('chair', 'chair');
    const found = (block: Words) => {
      const hits: string[] = [];
      index.match(block, (start, end, value) => hits.push(`${value}:${block.text.slice(start, end)}`));
      return hits;
    };
    const draft = words('He commits suicide, said an illegal alien about ai and AI in the chairmanship.', vocabulary);
    const expected = ['suicide:commits suicide', 'alien:illegal alien', 'ai:AI', 'chair:chairmanship'];
    expect(found(draft)).toEqual(expected);
    // Other text fills the vocabulary; it starts again, and the draft is numbered anew.
    expect(found(words('Nothing here matches any phrase of the index at all, whatever it says.', vocabulary))).toEqual([]);
    expect(vocabulary.generation).toBeGreaterThan(0);
    expect(found(draft)).toEqual(expected);
  });
});

describe('PhraseIndex keeps what words start across blocks and generations', () => {
  const pool = [
    'the',
    'The',
    'homeless',
    'elderly',
    'illegal',
    'alien',
    'aliens',
    'committed',
    'commits',
    'suicide',
    'chair',
    'chairman',
    'chairmanship',
    'AI',
    'ai',
    'Ai',
    'café',
    'cafe',
    'experts',
    'say',
    'said',
    'mayor',
    'council',
    'a',
    'of',
    'in',
    '-',
    ',',
    '.',
    '…',
  ];
  const phrases: [string, 'stem' | 'lower' | 'exact'][] = [
    ['the homeless', 'lower'],
    ['the elderly', 'stem'],
    ['illegal alien', 'stem'],
    ['committed … suicide', 'stem'],
    ['experts say', 'stem'],
    ['AI', 'exact'],
    ['café', 'lower'],
    ['mayor', 'stem'],
  ];
  const build = () => {
    const index = new PhraseIndex<string>(stemmerFor('en'));
    for (const [phrase, match] of phrases) index.add(phrase, match, phrase);
    index.addCompoundHead('chair', 'chair*');
    return index;
  };
  const hits = (index: PhraseIndex<string>, block: Words) => {
    const found: string[] = [];
    index.match(block, (start, end, value) => found.push(`${start}-${end}:${value}`));
    return found;
  };

  it('finds in every block what a fresh index with a fresh vocabulary finds', () => {
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), fc.integer({ min: 8, max: 60 }), (texts, capacity) => {
        // One index and one small vocabulary for all blocks: numbers start again often.
        const shared = build();
        const vocabulary = new Vocabulary(capacity);
        const blocks = texts.map((t) => words(t, vocabulary));
        // Blocks in order, then again backwards (numbered anew after the resets in between).
        for (const i of [...blocks.keys(), ...[...blocks.keys()].reverse()]) {
          expect(hits(shared, blocks[i]!)).toEqual(hits(build(), words(texts[i]!, new Vocabulary())));
        }
      }),
      { numRuns: 300 },
    );
  });
});
