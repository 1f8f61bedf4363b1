import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/engine.js';
import { parseDocument } from '../../src/input/parse.js';
import { parseBuiltinPacks } from '../../src/packs/builtin.js';
import { parseConfig } from '../../src/packs/config.js';
import { buildRuleSet } from '../../src/packs/ruleset.js';
import { CORPORA, HAS_CORPORA } from '../helpers.js';

const builtin = buildRuleSet(await parseBuiltinPacks(), await parseConfig('', '.eindred.yaml', '.'));

async function claims(text: string, language: string) {
  const result = await lintDocument(parseDocument('draft.md', text, 'markdown'), builtin, { defaultLanguage: language });
  return result.findings.filter((f) => f.category === 'claims').map((f) => `${f.ruleId}:${f.severity}:${f.excerpt}`);
}

describe('editorial markers', () => {
  it.each([
    ['nl', 'De kosten stegen [bron?] en (bron?) en [bron nodig].', 3],
    ['nl', 'TODO citaat, TKTK, FIXME, XXX en TBD staan er nog.', 5],
    ['nl', 'Woordvoerder [naam] uit [plaats] zei op [datum] iets. Lorem ipsum.', 4],
    ['nl', 'Op XX-XX-2025 komt INSERT_NAAM.', 2],
    ['en', 'It rose [citation needed] and [who?] said it [verify] [check].', 4],
    ['en', 'Written by [Your Name] with [insert name], TK.', 3],
  ])('flags every marker left in %s copy: %s', async (language, text, count) => {
    const found = await claims(text, language);
    expect(found.filter((f) => f.includes(':error:'))).toHaveLength(count);
  });

  it('leaves legal citations, TK as an abbreviation and code alone', async () => {
    expect(await claims('Zie art. 5 [lid 2] en noot [1]. De TK-verkiezingen. `TODO` in code.', 'nl')).toEqual([]);
  });
});

describe('vague attribution', () => {
  it('is a warning, and info with a named source or a link in the same or next sentence', async () => {
    expect(await claims('Experts zeggen dat de dijk het niet houdt.', 'nl')).toEqual([
      'nl.claims.vage-bron:warning:Experts zeggen',
    ]);
    expect(await claims('Experts zeggen dat de dijk het niet houdt. Dat meldt het Waterschap Rivierenland.', 'nl')).toEqual([
      'nl.claims.vage-bron:info:Experts zeggen',
    ]);
    expect(await claims('Studies show that [screens](https://example.org/study) harm sleep.', 'en')).toEqual([
      'en.claims.vague-attribution:info:Studies show',
    ]);
  });

  it('knows past tenses and sources that only look like names at the start of a sentence, and reports a phrase once', async () => {
    expect(await claims('Bronnen zeiden dat de deal niet doorgaat.', 'nl')).toEqual([
      'nl.claims.vage-bron:warning:Bronnen zeiden',
    ]);
    expect(await claims('Sources said the deal was off.', 'en')).toEqual(['en.claims.vague-attribution:warning:Sources said']);
    // "critics argue" and "critics argued" are both in the pack: one finding, not two.
    expect(await claims('Critics argued the plan was unfair.', 'en')).toEqual([
      'en.claims.vague-attribution:warning:Critics argued',
    ]);
    // Overlapping phrases of one rule ("according to sources", "sources close to"): one finding, the first and longest.
    expect(await claims('According to sources close to the mayor, the deal is off.', 'en')).toEqual([
      'en.claims.vague-attribution:warning:According to sources',
    ]);
  });
});

describe('unsourced claims', () => {
  it.each([
    ['nl', 'De werkloosheid steeg met 12 procent.', '12 procent'],
    ['nl', 'Eén op de vier kinderen sport niet.', 'Eén op de vier'],
    ['nl', 'Het is de hoogste stand in tien jaar.', 'hoogste stand in tien jaar'],
    ['nl', 'De storm veroorzaakte grote schade.', 'veroorzaakte'],
    ['nl', 'De huren zullen de komende jaren flink stijgen.', 'zullen de komende jaren flink stijgen'],
    ['en', 'Rents rose by 12 percent.', '12 percent'],
    ['en', 'It is the first-ever win for the club.', 'first-ever'],
    ['en', 'The storm caused widespread damage.', 'caused'],
    ['en', 'Prices are expected to rise further.', 'are expected to rise'],
    ['nl', 'Het plan kost € 12 miljoen.', '€ 12 miljoen'],
    ['en', 'The plan costs £4.5 million.', '£4.5 million'],
    ['en', 'The plan costs $300m.', '$300m'],
  ])('flags a claim without a source (%s): %s', async (language, text, words) => {
    expect(await claims(text, language)).toEqual([
      `${language}.claims.${language === 'nl' ? 'bron-ontbreekt' : 'unsourced-claim'}:warning:${words}`,
    ]);
  });

  it.each([
    ['nl', 'De werkloosheid steeg met 12 procent, meldt het CBS.'],
    ['nl', 'Volgens het CBS steeg de werkloosheid met 12 procent.'],
    ['nl', 'De werkloosheid steeg met 12 procent. Dat blijkt uit cijfers van het CBS.'],
    ['nl', 'De werkloosheid steeg met [12 procent](https://cbs.nl/x).'],
    ['nl', 'De werkloosheid steeg met 12 procent.[^1]\n\n[^1]: CBS, 2024.'],
    ['en', 'Rents rose by 12 percent, the statistics office said.'],
    ['en', 'According to the ONS, rents rose by 12 percent.'],
  ])('accepts a claim with a source in it or next to it (%s): %s', async (language, text) => {
    expect(await claims(text, language)).toEqual([]);
  });

  it.each([
    ['nl', 'Op 12 maart 2024 om 14.30 uur won Ajax met 2-1 van PSV.'],
    ['nl', 'De verdachte (34) stond voor de rechter, zie artikel 5 en pagina 12.'],
    ['nl', 'In 2019 verhuisde de 23-jarige naar Leiden.'],
    ['en', 'On March 12, 2024 at 2:30 p.m. the 34-year-old striker scored in a 3-1 win.'],
    ['en', 'Section 5 of the act applies; see page 12.'],
    ['en', 'In 2019 Queen Elizabeth II opened the bridge.'],
  ])('does not take dates, times, ages, scores and numbers in names for claims (%s): %s', async (language, text) => {
    expect(await claims(text, language)).toEqual([]);
  });

  it('does not take a question for a claim, but still judges the sentence after it', async () => {
    expect(await claims('Hoeveel cyberaanvallen hebben schade veroorzaakt? Het aantal steeg met 12 procent.', 'nl')).toEqual([
      'nl.claims.bron-ontbreekt:warning:12 procent',
    ]);
  });

  it('does not judge quoted speech, which has its speaker', async () => {
    expect(await claims('„De huren stijgen met 12 procent”, zegt de minister.', 'nl')).toEqual([]);
  });
});

describe('anonymous quotes and loaded verbs', () => {
  it('flags a quote nobody says, not one with a speaker in the same or the next paragraph', async () => {
    expect(await claims('De sfeer was gespannen. „Dit plan kost ons de kop.” Daarna werd er gestemd.', 'nl')).toEqual([
      'nl.claims.anoniem-citaat:warning:„Dit plan kost ons de kop.”',
    ]);
    expect(await claims('Raadslid Bos was boos.\n\n„Dit plan kost ons de kop”, zei hij.', 'nl')).toEqual([]);
    expect(await claims('Raadslid Bos reageerde fel.\n\n„Dit plan kost ons de kop.”', 'nl')).toEqual([]);
  });

  it('leaves the quotes in an interview alone: the answers are the guest’s words', async () => {
    const answer = 'Hoe reageerden de buren?\n\nZe waren boos. „Niemand heeft ons ook maar iets gevraagd.” Dat begrijp ik wel.';
    expect(await claims(answer, 'nl')).toEqual(['nl.claims.anoniem-citaat:warning:„Niemand heeft ons ook maar iets gevraagd.”']);
    expect(await claims(`---\nlang: nl\ngenre: Interview\n---\n${answer}`, 'nl')).toEqual([]);
    expect(
      await claims(
        `---\nlang: en\ngenre: [news, q&a]\n---\nThey were angry. "Nobody asked us anything at all." I see why.`,
        'en',
      ),
    ).toEqual([]);
  });

  it('in an interview, takes the answers for the guest’s words, but still checks the writer’s introduction', async () => {
    const interview = [
      '---\nlang: nl\ngenre: interview\n---',
      'Het bedrijf van Jansen groeide vorig jaar met 40 procent.',
      '**Hoe kwam dat?**',
      'We wonnen een grote order. De omzet steeg met 12 procent. „Dit is pas het begin van iets groots.”',
      '## Wat nu?',
      'Volgend jaar zullen de kosten flink stijgen.',
    ].join('\n\n');
    expect(await claims(interview, 'nl')).toEqual(['nl.claims.bron-ontbreekt:warning:40 procent']);
    // The same text as news: the figures and the quote need a source.
    expect(await claims(interview.replace('genre: interview', 'genre: nieuws'), 'nl')).toEqual([
      'nl.claims.bron-ontbreekt:warning:40 procent',
      'nl.claims.bron-ontbreekt:warning:12 procent',
      'nl.claims.anoniem-citaat:warning:„Dit is pas het begin van iets groots.”',
      'nl.claims.bron-ontbreekt:warning:zullen de kosten flink stijgen',
    ]);
  });

  it('flags a quote introduced by a lead-in that names nobody, not words woven into a sentence', async () => {
    expect(await claims('De sfeer was gespannen: „Dit plan kost ons de kop.”', 'nl')).toEqual([
      'nl.claims.anoniem-citaat:warning:„Dit plan kost ons de kop.”',
    ]);
    expect(await claims('Het college koos voor ‘een aanpak die de hele buurt helpt’.', 'nl')).toEqual([]);
    expect(await claims('The council opted for "an approach that helps the whole neighbourhood".', 'en')).toEqual([]);
  });

  it('notes loaded attribution verbs with a neutral alternative', async () => {
    expect(await claims('De minister beweert dat het niets kost.', 'nl')).toEqual(['nl.claims.beladen-werkwoord:info:beweert']);
    expect(await claims('The director admitted that mistakes were made.', 'en')).toEqual(['en.claims.loaded-verb:info:admitted']);
  });
});

describe.skipIf(!HAS_CORPORA)('anonymous quotes on edited news', () => {
  const jsonl = (path: string) =>
    readFileSync(`${CORPORA}${path}`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it.each([
    [
      'English Wikinews',
      'en',
      'en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl',
      (a: Record<string, unknown>) => `${a.title}\n\n${a.text}`,
    ],
    [
      'Dutch NTREX news',
      'nl',
      'nl/ntrex-128-nld/ntrex128.nl.docs.jsonl',
      (a: Record<string, unknown>) => (a.sentences as string[]).join('\n'),
    ],
  ])('flags few quotes in %s, where nearly every quote has its speaker', async (name, language, path, toText) => {
    let words = 0;
    let flagged = 0;
    for (const article of jsonl(path)) {
      const text = toText(article);
      words += (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      flagged += (await claims(text, language)).filter(
        (f) => f.includes('anonymous-quote') || f.includes('anoniem-citaat'),
      ).length;
    }
    const perThousand = (flagged / words) * 1000;
    console.log(`${name}: ${flagged} anonymous-quote warnings, ${perThousand.toFixed(2)} per 1,000 words`);
    expect(perThousand).toBeLessThan(0.25);
  });
});
