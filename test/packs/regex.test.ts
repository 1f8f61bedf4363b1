import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Patterns } from '../../src/checks/pattern-lists.js';
import { lowerAligned } from '../../src/language/tokens.js';
import { parseBuiltinPacks } from '../../src/packs/builtin.js';
import { analyzeRegex, anchoredInner, anchorAtWordStart, lowerCasePattern, machineCode } from '../../src/packs/regex.js';
import { CORPORA, ROOT } from '../helpers.js';

describe('lowerCasePattern', () => {
  it('writes capitals outside escapes in small letters', () => {
    expect(lowerCasePattern('AI|A\\.I\\.|ChatGPT')).toBe('ai|a\\.i\\.|chatgpt');
    expect(lowerCasePattern('[A-Z]{2}\\d\\D\\W\\B')).toBe('[a-z]{2}\\d\\D\\W\\B');
    expect(lowerCasePattern('(?<Naam>X)\\k<Naam>')).toBe('(?<Naam>x)\\k<Naam>');
    expect(lowerCasePattern('\\p{L}+ Said')).toBe('\\p{L}+ said');
  });

  it('gives up where lower-cased text could match differently', () => {
    // A capital written as a code, also without a capital letter in it (\u0056 is V, \u00c9 is É).
    for (const source of ['\\p{Lu}\\w+', '[A-z]', 'Één', '\\u00C9', '\\u00c9', '\\u0056la', '\\x41', '\\u{56}', 'it’s']) {
      expect(lowerCasePattern(source), source).toBeNull();
    }
  });

  it('matches lower-cased text exactly as the built-in patterns match the text, ignoring case', async () => {
    const packs = await parseBuiltinPacks();
    const sources = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') sources.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const pack of packs) {
      collect(pack.settings);
      for (const rule of pack.rules) collect((rule.options as { patterns?: string[] }).patterns);
    }
    const texts = ['fixtures/nl', 'fixtures/en'].flatMap((dir) =>
      readdirSync(`${ROOT}${dir}`).map((file) => readFileSync(`${ROOT}${dir}/${file}`, 'utf8')),
    );
    const wikinews = `${CORPORA}en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl`;
    if (existsSync(wikinews)) texts.push(readFileSync(wikinews, 'utf8').slice(0, 400_000));
    const text = texts.join('\n');
    const lower = lowerAligned(text);
    const spans = (regex: RegExp, subject: string) => [...subject.matchAll(regex)].map((m) => `${m.index}+${m[0].length}`);
    let compared = 0;
    for (const source of sources) {
      let original: RegExp;
      try {
        original = new RegExp(source, 'giu');
      } catch {
        continue; // a plain word list entry, not an expression
      }
      const lowered = lowerCasePattern(source);
      if (lowered === null) continue;
      expect(spans(new RegExp(lowered, 'gu'), lower), source).toEqual(spans(original, text));
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('compiling to machine code before the first run', () => {
  const text = 'Experts zeggen dat 40 procent stijgt; experts zeiden het al.';

  it('leaves what an expression matches, and where it starts, as they were', () => {
    for (const flags of ['g', 'gi', 'giu']) {
      const plain = [...text.matchAll(new RegExp('experts? (zeggen|zeiden)|\\d+ procent', flags))].map((m) => [m.index, m[0]]);
      const regex = machineCode(new RegExp('experts? (zeggen|zeiden)|\\d+ procent', flags));
      expect(regex.lastIndex).toBe(0);
      expect([...text.matchAll(regex)].map((m) => [m.index, m[0]])).toEqual(plain);
      // Asked again (every run asks), it starts from the beginning once more.
      regex.lastIndex = 17;
      expect(machineCode(regex).exec(text)?.index).toBe(plain[0]![0]);
    }
    const sticky = machineCode(/experts/iy);
    expect(sticky.exec(text)?.[0]).toBe('Experts');
  });

  it('does not run a non-global expression on its long text of spaces', () => {
    // Such an expression would search all of that text; global and sticky ones only try its end.
    let spaces = 0;
    const regex = /\s/;
    const spy = new Proxy(regex, {
      get: (target, key) => (key === 'test' ? (s: string) => ((spaces += s.length), target.test(s)) : Reflect.get(target, key)),
    });
    machineCode(spy);
    expect(spaces).toBe(0);
  });
});

describe('anchoring at a word start', () => {
  it('knows which patterns always start with an ASCII letter or digit', async () => {
    const starts = async (source: string) => (await analyzeRegex(source, 'giu')).wordStart;
    expect(await starts('experts? (?:say|zeggen)')).toBe(true);
    expect(await starts('\\d+ procent')).toBe(true);
    expect(await starts('(?:a|)b')).toBe(true);
    expect(await starts('[$€£]\\s?\\d')).toBe(false);
    expect(await starts('één')).toBe(false);
    expect(await starts('x?')).toBe(false);
  });

  it('finds only what it made when unwrapping', () => {
    expect(anchoredInner(anchorAtWordStart('a|b'))).toBe('a|b');
    expect(anchoredInner('\\b(?:a)|(?:b)')).toBeNull();
    expect(anchoredInner('\\b(?:[)]|x)')).toBe('[)]|x');
  });

  it('leaves the matches of a pattern list as they were', () => {
    const text = 'Het kost €5 miljoen, een stijging van 12 procent; 12 procentpunt telt niet.';
    const plain = new Patterns(['\\d+ procent', '€\\d+ miljoen']);
    const anchored = new Patterns([anchorAtWordStart('\\d+ procent'), '€\\d+ miljoen']);
    expect(anchored.all(text)).toEqual(plain.all(text));
    expect(plain.all(text).map(([start, end]) => text.slice(start, end))).toEqual(['€5 miljoen', '12 procent']);
  });
});

describe('texts every match contains', () => {
  it('are the rarest a match must hold: a bracket rather than short words that hide inside others', async () => {
    expect((await analyzeRegex('\\[(?:your name|name|date)\\]|lorem ipsum', 'i')).literals).toEqual(['[', 'lorem ipsum']);
    expect((await analyzeRegex('as an? (?:language model|chatbot)', 'i')).literals).toEqual(['language model', 'chatbot']);
    expect((await analyzeRegex('TODO|TK', '')).literals).toEqual(['TODO', 'TK']);
    expect((await analyzeRegex('\\d+ procent', 'i')).literals).toEqual([' procent']);
  });

  it('are none when an alternative holds no plain text', async () => {
    expect((await analyzeRegex('\\d{4}|foo', '')).literals).toBeNull();
  });
});
