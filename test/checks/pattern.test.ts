import { describe, expect, it } from 'vitest';
import { lint, ruleSetFrom } from '../helpers.js';

// A pattern rule runs only on blocks that can hold a text every match contains; the block is
// ruled out from its words. These are the cases where that must not rule out a block that matches.
const PACK = `pack: t-en
language: en
defaults: { kind: pattern, category: claims, message: "{match}" }
rules:
  - { id: en.t.inside, pattern: 'grid', whole_word: false }
  - { id: en.t.todo, pattern: 'TODO', case_sensitive: true }
  - { id: en.t.field, pattern: '\\{\\{\\s*name\\s*\\}\\}', whole_word: false }
  - { id: en.t.closer, pattern: 'let me know if you need' }
  - { id: en.t.apostrophe, pattern: "don't know" }
  - { id: en.t.dob, pattern: 'd\\.o\\.b\\. \\d+' }
`;

async function found(text: string): Promise<string[]> {
  const { findings } = await lint(text, await ruleSetFrom(PACK), { forceLanguage: 'en', format: 'text', path: 'draft.txt' });
  return findings.map((f) => `${f.ruleId} ${f.excerpt}`);
}

describe('pattern rules on blocks ruled in or out by their words', () => {
  it('finds a text that lies inside a longer word', async () => {
    expect(await found('The powergrids failed.')).toEqual(['en.t.inside grid']);
  });

  it('tells case apart for a case-sensitive pattern, whatever case the word has elsewhere', async () => {
    expect(await found('A todo list and a Todo item.')).toEqual([]);
    expect(await found('A todo list. TODO check this.')).toEqual(['en.t.todo TODO']);
  });

  it('finds texts without letters, and texts that run over several words', async () => {
    expect(await found('Dear {{ name }}, thanks.')).toEqual(['en.t.field {{ name }}']);
    expect(await found('Please let me know if you need more.')).toEqual(['en.t.closer let me know if you need']);
  });

  it('finds a text with a straight apostrophe where the draft has a curly one', async () => {
    expect(await found('I don’t know why.')).toEqual(['en.t.apostrophe don’t know']);
  });

  it('finds a text whose words are too short to rule out a block', async () => {
    expect(await found('Patient, d.o.b. 1990, was seen.')).toEqual(['en.t.dob d.o.b. 1990']);
  });
});
