import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { eindred, tempTree } from './run.js';

/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core.
 * `.ci/run` installs Chromium when it is missing; elsewhere the test is skipped with a notice.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`\nSkipping the HTML report browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium).\n`);

describe.skipIf(!hasChromium)('--format html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dir = tempTree({});
  const report = join(dir, 'rapport.html');

  beforeAll(async () => {
    const result = eindred(['check', 'fixtures', 'fixtures/exports/artikelen.ndjson', '--format', 'html', '--output', report]);
    expect(result.code).toBe(1);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const visible = (selector: string) =>
    page.$$eval(selector, (elements) => elements.filter((el) => !el.closest('.hidden')).map((el) => el.textContent ?? ''));

  it('is one self-contained file: nothing but the file itself is loaded', () => {
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(readFileSync(report, 'utf8')).not.toMatch(/<(?:link|script)[^>]+(?:href|src)=/);
  });

  it('shows the summary with a chart per category and per rule', async () => {
    const json = JSON.parse(eindred(['check', 'fixtures', 'fixtures/exports/artikelen.ndjson', '--format', 'json']).stdout) as {
      summary: { errors: number; byCategory: Record<string, number>; byRule: Record<string, number> };
    };
    expect(await page.textContent('#count-error')).toBe(String(json.summary.errors));
    const categoryRows = await page.$$eval('.charts > div:first-child tr', (rows) =>
      rows.map((row) => [row.querySelector('th')!.textContent, Number(row.querySelector('.n')!.textContent)]),
    );
    expect(Object.fromEntries(categoryRows)).toEqual(json.summary.byCategory);
    expect(await page.locator('.charts > div:nth-child(2) tr').count()).toBe(
      Math.min(25, Object.keys(json.summary.byRule).length),
    );
  });

  it('highlights findings in the article text; a click shows message, reason and alternatives', async () => {
    const marks = page.locator('section.article mark[data-f]');
    expect(await marks.count()).toBeGreaterThan(50);
    // The ‘[bron?]’ in zwembad.md, highlighted in place.
    const zwembad = page.locator('section.article', { hasText: 'fixtures/nl/zwembad.md' });
    const mark = zwembad.locator('mark', { hasText: '[bron?]' });
    expect(await mark.getAttribute('title')).toContain('staat nog in de tekst');
    await mark.click();
    const popup = page.locator('#popup');
    await expect.poll(() => popup.isVisible()).toBe(true);
    expect(await popup.textContent()).toContain('‘[bron?]’ staat nog in de tekst');
    expect(await popup.textContent()).toContain('nl.claims.bron-nodig');
    // A bias finding brings its better words.
    const biasMark = page.locator('section.article li.finding[data-category="bias"]').first();
    const id = (await biasMark.getAttribute('id'))!.slice(1);
    await page.locator(`mark[data-f~="${id}"]`).first().click();
    expect(await popup.textContent()).toContain('Alternatives:');
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'html-report.png'), fullPage: false });
  });

  it('filters by severity, category, rule and language', async () => {
    const all = await page.locator('li.finding').count();
    await page.uncheck('input[data-severity="info"]');
    const severities = await page.$$eval('li.finding:not(.hidden)', (items) => [
      ...new Set(items.map((li) => li.dataset.severity)),
    ]);
    expect(severities.sort()).toEqual(['error', 'warning']);
    // A highlight whose findings are all filtered out is no longer marked.
    const severityOf = new Map(
      await page.$$eval('li.finding', (items) => items.map((li) => [li.id.slice(1), li.dataset.severity] as const)),
    );
    const marks = await page.$$eval('mark[data-f]', (all) =>
      all.map((mark) => [mark.dataset.f!, mark.classList.contains('off')] as const),
    );
    const infoOnly = marks
      .filter(([ids]) =>
        String(ids)
          .split(' ')
          .every((id: string) => severityOf.get(id) === 'info'),
      )
      .map(([, off]) => off);
    expect(infoOnly.length).toBeGreaterThan(0);
    expect(infoOnly.every(Boolean)).toBe(true);
    await page.check('input[data-severity="info"]');

    await page.selectOption('select[data-filter="category"]', 'privacy');
    const categories = await page.$$eval('li.finding:not(.hidden)', (items) => [
      ...new Set(items.map((li) => li.dataset.category)),
    ]);
    expect(categories).toEqual(['privacy']);
    expect(await visible('section.article h2')).toEqual(expect.arrayContaining([expect.stringContaining('tipgever.md')]));
    expect((await visible('section.article h2')).some((title) => title.includes('woningmarkt.md'))).toBe(false);
    expect(await page.textContent('#shown')).toMatch(new RegExp(`^\\d+ of ${all} findings shown$`));
    await page.selectOption('select[data-filter="category"]', '');

    await page.selectOption('select[data-filter="rule"]', 'nl.claims.bron-nodig');
    expect(await page.$$eval('li.finding:not(.hidden)', (items) => items.map((li) => li.dataset.rule))).toEqual(
      expect.arrayContaining(['nl.claims.bron-nodig']),
    );
    expect(new Set(await page.$$eval('li.finding:not(.hidden)', (items) => items.map((li) => li.dataset.rule)))).toEqual(
      new Set(['nl.claims.bron-nodig']),
    );
    await page.selectOption('select[data-filter="rule"]', '');

    await page.selectOption('select[data-filter="language"]', 'en');
    const languages = await page.$$eval('li.finding:not(.hidden)', (items) => [...new Set(items.map((li) => li.dataset.lang))]);
    expect(languages).toEqual(['en']);
    expect(await page.locator('li.finding:not(.hidden)').count()).toBeLessThan(all);
  });
});
