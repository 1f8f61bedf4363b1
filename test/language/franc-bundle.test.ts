import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { francAll as reference } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { CANDIDATES } from '../../src/language/detect.js';
import { CORPORA, HAS_CORPORA, ROOT } from '../helpers.js';

/**
 * The build gives the bundle franc's language models for eindred's candidate languages only
 * (scripts/build.mjs). Asked with `only` set to those, it must answer exactly as franc does, for
 * text in those languages, in others, and in other scripts.
 */
type FrancAll = typeof reference;

const chunk = readdirSync(`${ROOT}dist`).find((name) => /^franc-min-.*\.js$/.test(name));
const bundled = chunk
  ? ((await import(pathToFileURL(`${ROOT}dist/${chunk}`).href)) as { francAll: FrancAll }).francAll
  : undefined;
const options = { only: Object.values(CANDIDATES), minLength: 20 };

const samples = [
  'De gemeente heeft besloten het zwembad te sluiten omdat de kosten te hoog zijn.',
  'The council decided to close the swimming pool because the costs were too high.',
  'Der Gemeinderat hat beschlossen, das Schwimmbad zu schließen, weil die Kosten zu hoch sind.',
  'Le conseil a décidé de fermer la piscine parce que les coûts étaient trop élevés.',
  'El ayuntamiento decidió cerrar la piscina porque los costes eran demasiado altos.',
  'Il comune ha deciso di chiudere la piscina perché i costi erano troppo alti.',
  'Rada miasta postanowiła zamknąć basen, ponieważ koszty były zbyt wysokie.',
  'Городской совет решил закрыть бассейн, потому что расходы были слишком высокими.',
  '市议会决定关闭游泳池，因为费用太高了。这是一个艰难的决定。',
  'قرر مجلس المدينة إغلاق المسبح لأن التكاليف كانت مرتفعة للغاية.',
  'Vooral ouderen zwemmen er, zegt beheerder Petra Smit.',
  '12 345 678 — 2024-03-01 — 06-12345678 — €1.200.000',
  'Hij zei: "We are deeply disappointed by this decision," en vertrok.',
];

describe.skipIf(!bundled)('franc as bundled, with the candidate languages only', () => {
  it('answers as franc does on news sentences in many languages and scripts', () => {
    for (const text of samples) expect(bundled!(text, options), text).toEqual(reference(text, options));
  });

  it.skipIf(!HAS_CORPORA)('answers as franc does on 2,000 Dutch news sentences (UD Alpino)', () => {
    const sentences = readFileSync(`${CORPORA}nl/ud-dutch-alpino/sentences.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .slice(0, 2000)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const differ = sentences.filter(
      (text) => JSON.stringify(bundled!(text, options)) !== JSON.stringify(reference(text, options)),
    );
    expect(differ).toEqual([]);
  });
});
