import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionWordVotes, loadDetector, otherScript } from '../../src/language/detect.js';
import { lowerAligned } from '../../src/language/tokens.js';
import { Vocabulary } from '../../src/language/vocabulary.js';
import { CORPORA, HAS_CORPORA } from '../helpers.js';

describe('language detection', () => {
  it('counts function words that belong to one language only', () => {
    const text = 'Het kabinet heeft het plan niet gesteund, zegt de minister.';
    const votes = functionWordVotes(new Vocabulary().number(lowerAligned(text)));
    expect(votes.get('nl')).toBeGreaterThan(3);
    expect(votes.get('en') ?? 0).toBe(0);
  });

  it('names the script of text that is mostly not in Latin letters', () => {
    expect(otherScript('Президент заявил в четверг, что пенсии повысят.')).toBe('und-Cyrl');
    expect(otherScript('"यह चाहिए, वो चाहिए" — सब मुफ़त में demand करता है।')).toBe('und-Deva');
    expect(otherScript('東京の市議会は来年プールを閉鎖すると発表した。')).toBe('und-Jpan');
    expect(otherScript('市议会宣布明年关闭游泳池。市长表示费用太高。')).toBe('und-Hani');
    expect(otherScript('Vladimir Putin (Владимир Путин) said on Thursday that pensions would rise.')).toBeUndefined();
    expect(otherScript('Ça coûte trop cher, zegt de wethouder.')).toBeUndefined();
    expect(otherScript('Путин')).toBeUndefined();
  });

  it('tells Dutch from English, German and French with franc restricted to candidates', async () => {
    const detect = await loadDetector();
    expect(detect('De gemeente heeft besloten het zwembad te sluiten omdat de kosten te hoog zijn.')).toBe('nl');
    expect(detect('The council decided to close the swimming pool because the costs were too high.')).toBe('en');
    expect(detect('Der Gemeinderat hat beschlossen, das Schwimmbad zu schließen, weil die Kosten zu hoch sind.')).toBe('de');
    expect(detect('Le conseil a décidé de fermer la piscine parce que les coûts étaient trop élevés.')).toBe('fr');
  });

  it.skipIf(!HAS_CORPORA)('calls Dutch news sentences of 40 characters or more Dutch (UD Alpino)', async () => {
    const detect = await loadDetector();
    const sentences = readFileSync(`${CORPORA}nl/ud-dutch-alpino/sentences.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text)
      .filter((text) => text.length >= 40);
    const dutch = sentences.filter((text) => detect(text) === 'nl').length;
    expect(dutch / sentences.length).toBeGreaterThan(0.95);
  });
});
