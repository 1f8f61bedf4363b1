import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/api.js';
import { expectReportContract } from '../contract.js';
import { textAt } from '../helpers.js';
import { eindred, tempTree } from './run.js';

/** The editorial desk: exports in, one document per article, positions inside each field. */

const json = (result: { stdout: string }): Report => JSON.parse(result.stdout) as Report;
const X = 'fixtures/exports';

function findings(report: Report, path: string) {
  const file = report.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the report: ${report.files.map((f) => f.path).join(', ')}`);
  return file.findings;
}

describe('export adapters on the bundled fixtures', () => {
  it('NDJSON: every record is a document file#id, findings name their field and count inside it', () => {
    const result = eindred(['check', `${X}/artikelen.ndjson`, '--meta-field', 'ai=meta.ai', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = json(result);
    expectReportContract(report);
    expect(report.files.map((f) => f.path)).toEqual([
      `${X}/artikelen.ndjson#2025-0412`,
      `${X}/artikelen.ndjson#2025-0413`,
      `${X}/artikelen.ndjson#2025-0414`,
    ]);
    const first = findings(report, `${X}/artikelen.ndjson#2025-0412`);
    expect(first).toEqual([
      expect.objectContaining({ ruleId: 'nl.claims.bron-ontbreekt', field: 'body', line: 3, column: 48, excerpt: '300 procent' }),
    ]);
    // The record's body, as its field text: line 3, column 48 is where '300 procent' starts in it.
    const record = JSON.parse(readFileSync(`${X}/artikelen.ndjson`, 'utf8').split('\n')[0]!) as { body: string };
    expect(textAt(record.body, first[0]!)).toBe('300 procent');
    // meta.ai says AI was used: the disclosure checks read it like front matter.
    const second = findings(report, `${X}/artikelen.ndjson#2025-0413`).map((f) => f.ruleId);
    expect(second).toContain('nl.disclosure.verantwoording-ontbreekt');
    expect(second).toContain('nl.disclosure.chatbot-aanhef');
    // An English record in a Dutch export gets the English rules.
    expect(report.files[2]!.language).toBe('en');
    expect(findings(report, `${X}/artikelen.ndjson#2025-0414`).map((f) => f.ruleId)).toContain('en.claims.citation-needed');
  });

  it('JSON with field mapping by dot path (text, id, title, meta), also from .eindred.yaml', () => {
    const args = [
      '--text-field',
      'content.body',
      '--id-field',
      'slug',
      '--title-field',
      'headline',
      '--meta-field',
      'lang=content.lang',
    ];
    const report = json(eindred(['check', `${X}/artikelen.json`, ...args, '--format', 'json']));
    expect(report.files.map((f) => f.path)).toEqual([
      `${X}/artikelen.json#woningbouw-loopt-achter`,
      `${X}/artikelen.json#bibliotheek-verlengt-openingstijden`,
    ]);
    expect(findings(report, `${X}/artikelen.json#woningbouw-loopt-achter`)[0]).toMatchObject({
      ruleId: 'nl.claims.vage-bron',
      field: 'content.body',
      line: 1,
      column: 49,
      excerpt: 'Volgens ingewijden',
    });

    const dir = tempTree({
      'export/artikelen.json': readFileSync(`${X}/artikelen.json`),
      'export/.eindred.yaml': 'fields:\n  text: [content.body]\n  id: slug\n  title: headline\n  meta:\n    lang: content.lang\n',
    });
    const fromConfig = json(eindred(['check', 'export/artikelen.json', '--format', 'json'], { cwd: dir }));
    expect(fromConfig.files.map((f) => f.path)).toEqual(report.files.map((f) => f.path.replace(`${X}/`, 'export/')));
    expect(fromConfig.files[0]!.findings).toEqual(report.files[0]!.findings);
  });

  it('CSV: one article per row, with the same mapping by column name', () => {
    const result = eindred(['check', `${X}/artikelen.csv`, '--text-field', 'tekst', '--title-field', 'kop', '--format', 'json']);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual([`${X}/artikelen.csv#csv-1`, `${X}/artikelen.csv#csv-2`]);
    expect(findings(report, `${X}/artikelen.csv#csv-2`).map((f) => [f.ruleId, f.field, f.excerpt])).toEqual([
      ['nl.bias.bejaarde', 'tekst', 'Bejaarden'],
      ['nl.claims.vage-bron', 'tekst', 'Uit onderzoek blijkt'],
      ['nl.claims.bron-ontbreekt', 'tekst', 'een op de drie'],
    ]);
  });

  it('ninjs: headlines and HTML bodies; a trained-algorithmic digital source type means AI text', () => {
    const report = json(eindred(['check', `${X}/ninjs-ai.json`, '--format', 'json']));
    const path = `${X}/ninjs-ai.json#urn:omroep-voorbeeld:2025:ninjs-0042`;
    const found = findings(report, path);
    expect(found.filter((f) => f.category === 'disclosure').map((f) => f.ruleId)).toEqual([
      'nl.disclosure.controleur-ontbreekt',
      'nl.disclosure.verantwoordelijke-ontbreekt',
      'nl.disclosure.verantwoording-ontbreekt',
    ]);
    // Inside the HTML body: the column counts in the field's markup.
    const claim = found.find((f) => f.excerpt === '20 procent')!;
    expect(claim).toMatchObject({ field: 'bodies[0]', line: 1 });
    const body = (JSON.parse(readFileSync(`${X}/ninjs-ai.json`, 'utf8')) as { bodies: { value: string }[] }).bodies[0]!.value;
    expect(textAt(body, claim)).toBe('20 procent');
  });

  it('Arc XP ANS: headlines and content elements, list items too; personal data masked', () => {
    const report = json(eindred(['check', `${X}/ans-verhaal.json`, '--format', 'json']));
    expect(findings(report, `${X}/ans-verhaal.json#ANS4KLM2QZ`)).toEqual([
      expect.objectContaining({ ruleId: 'en.claims.vague-attribution', field: 'content_elements[1]', excerpt: 'Critics say' }),
      expect.objectContaining({ ruleId: 'en.claims.vague-attribution', field: 'content_elements[1]', excerpt: 'Sources said' }),
      expect.objectContaining({
        ruleId: 'en.privacy.phone-number',
        field: 'content_elements[3].items[1]',
        excerpt: '••-•••••678',
      }),
    ]);
  });

  it('WordPress WXR: posts with their HTML content; an empty post is reported, attachments are not articles', () => {
    const result = eindred(['check', `${X}/wordpress.xml`, '--format', 'json']);
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual([`${X}/wordpress.xml#101`]);
    expect(report.errors).toEqual([
      {
        path: `${X}/wordpress.xml`,
        record: 2,
        message: 'record 2: post 102 (“Lege conceptpost”) has no content (content:encoded is empty)',
      },
    ]);
    expect(findings(report, `${X}/wordpress.xml#101`).map((f) => [f.ruleId, f.field, f.line, f.excerpt])).toEqual([
      ['nl.claims.vage-bron', 'content:encoded', 6, 'Volgens ingewijden'],
      ['nl.claims.bron-nodig', 'content:encoded', 6, '[bron?]'],
    ]);
  });

  it('NewsML-G2: NITF body read as markup with its positions; digitalSourceType → AI metadata', () => {
    const report = json(eindred(['check', `${X}/newsml.xml`, '--format', 'json']));
    const path = `${X}/newsml.xml#urn:newsml:omroep-voorbeeld.nl:20250314:verkiezingen-samenvatting`;
    const found = findings(report, path);
    expect(found.map((f) => f.ruleId)).toContain('nl.disclosure.verantwoording-ontbreekt');
    const claim = found.find((f) => f.excerpt === '52 procent')!;
    expect(claim.field).toBe('inlineXML');
    const source = readFileSync(`${X}/newsml.xml`, 'utf8');
    const inline = source.slice(source.indexOf('>', source.indexOf('<inlineXML')) + 1, source.indexOf('</inlineXML>'));
    expect(textAt(inline, claim)).toBe('52 procent');
  });

  it('HTML pages: article prose, captions and alt text; navigation and scripts are not prose', () => {
    const report = json(eindred(['check', `${X}/pagina.html`, '--format', 'json']));
    const found = findings(report, `${X}/pagina.html`);
    expect(found.map((f) => f.ruleId)).toEqual(['nl.claims.bron-ontbreekt', 'nl.disclosure.beeld-zonder-label']);
    const source = readFileSync(`${X}/pagina.html`, 'utf8');
    for (const finding of found) expect(textAt(source, finding)).toBe(finding.excerpt);
    expect(report.files[0]!.language).toBe('nl');
  });

  it('DOCX: a Word draft is checked on its text', () => {
    const report = json(eindred(['check', `${X}/concept.docx`, '--format', 'json']));
    expect(findings(report, `${X}/concept.docx`).map((f) => [f.ruleId, f.excerpt])).toEqual([
      // A vague source sources no claim next to it: the doubled burglaries have none.
      ['nl.claims.bron-ontbreekt', 'verdubbeld'],
      ['nl.claims.vage-bron', 'Volgens sommigen'],
      ['nl.claims.werknotitie', 'TODO'],
    ]);
  });

  it('--input-format reads a file whatever its extension', () => {
    const dir = tempTree({ 'feed.txt': readFileSync(`${X}/artikelen.ndjson`) });
    const report = json(eindred(['check', 'feed.txt', '--input-format', 'ndjson', '--format', 'json'], { cwd: dir }));
    expect(report.files.map((f) => f.path)).toEqual(['feed.txt#2025-0412', 'feed.txt#2025-0413', 'feed.txt#2025-0414']);
    const bad = eindred(['check', 'feed.txt', '--input-format', 'pdf'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown --input-format ‘pdf’');
  });
});

describe('bad records', () => {
  it('a broken JSON line is reported with its record and line; the other records are checked; exit 2', () => {
    const result = eindred(['check', `${X}/kapot/artikelen.ndjson`, '--format', 'json']);
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual([`${X}/kapot/artikelen.ndjson#ok-1`, `${X}/kapot/artikelen.ndjson#leeg-3`]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ path: `${X}/kapot/artikelen.ndjson`, record: 2 });
    expect(report.errors[0]!.message).toMatch(/^record 2 \(line 2\): not valid JSON: /);
  });

  it('a broken CSV record is reported in plain words, with its number in the file; the records around it are checked', () => {
    const path = `${X}/kapot/artikelen.csv`;
    const result = eindred(['check', path, '--text-field', 'tekst', '--title-field', 'kop', '--format', 'json']);
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual([1, 3, 5].map((n) => `${path}#csv-${n}`));
    expect(report.errors).toEqual([
      {
        path,
        record: 2,
        message:
          'record 2 (line 3): this record has 6 values where the header line names 4 columns (a value that holds a comma needs quote marks around it)',
      },
      {
        path,
        record: 4,
        message:
          'record 4 (line 5): a quoted value in the ‘tekst’ column goes on after its closing quote mark; a quote mark inside a quoted value is written twice ("")',
      },
    ]);
    // Bad records are counted as records, apart from whole inputs.
    const stylish = eindred(['check', path, 'weg.md', '--text-field', 'tekst', '--title-field', 'kop']);
    expect(stylish.stdout).toContain('1 input and 2 export records could not be checked');
  });

  it('a CSV quote left open to the end of the file is one failure that says what was lost', () => {
    const dir = tempTree({ 'open.csv': 'id,title,body\n1,"Een titel,"Tekst\n2,Tweede,De rest van het bestand.\n' });
    const result = eindred(['check', 'open.csv', '--text-field', 'body', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files).toEqual([]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'record 1 (line 2): a quoted value in the ‘title’ column goes on after its closing quote mark, and the quote stays open to the end of the file, so nothing after this line could be read; a quote mark inside a quoted value is written twice ("")',
    ]);
  });

  it('bad XML in one WXR item fails that item only', () => {
    const result = eindred(['check', `${X}/kapot/niet-af.xml`, '--format', 'json']);
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual([`${X}/kapot/niet-af.xml#1`, `${X}/kapot/niet-af.xml#3`]);
    expect(report.errors).toEqual([
      { path: `${X}/kapot/niet-af.xml`, record: 2, message: 'record 2: bad XML in this record, line 11: undefined entity.' },
    ]);
  });

  it('entities declared in a DTD are never expanded (no entity bomb, no external file)', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const dir = tempTree({
      'bomb.xml': `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lol}\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol9;</title><content:encoded>&secret;</content:encoded><wp:post_id>1</wp:post_id></item></channel></rss>\n`,
    });
    const result = eindred(['check', 'bomb.xml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('lollol');
    expect(result.stdout).not.toContain('root:');
    expect(json(result).errors[0]!.message).toMatch(/^record 1: bad XML in this record, line \d+: /);
  });

  it('a file that is not an export says what eindred reads', () => {
    const dir = tempTree({ 'sitemap.xml': '<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>' });
    const result = eindred(['check', 'sitemap.xml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      "WordPress exports (<rss>) and NewsML-G2 (<newsItem>, <newsMessage>, <packageItem>) as XML; this file's root element is <urlset>",
    );
  });
});

describe('outputs', () => {
  it('--format ndjson: one document or failure per line, the summary last', () => {
    const result = eindred(['check', `${X}/kapot/artikelen.ndjson`, `${X}/artikelen.ndjson`, '--format', 'ndjson']);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.path ?? 'summary')).toEqual([
      `${X}/kapot/artikelen.ndjson#ok-1`,
      `${X}/kapot/artikelen.ndjson`,
      `${X}/kapot/artikelen.ndjson#leeg-3`,
      `${X}/artikelen.ndjson#2025-0412`,
      `${X}/artikelen.ndjson#2025-0413`,
      `${X}/artikelen.ndjson#2025-0414`,
      'summary',
    ]);
    expect(lines[1]).toMatchObject({ record: 2, error: expect.stringMatching(/^record 2 \(line 2\)/) });
    expect(lines[3]!.findings).toEqual([expect.objectContaining({ excerpt: '300 procent' })]);
    expect(lines[6]).toMatchObject({ tool: { name: 'eindred' }, summary: { files: 5 } });
  });

  it('--format csv: a header and one row per finding, safe for spreadsheets', () => {
    const dir = tempTree({ 'formule.md': '---\nlang: nl\n---\n=SOM(A1) is geen formule. Volgens ingewijden klopt het.\n' });
    const result = eindred(['check', 'formule.md', join(process.cwd(), `${X}/artikelen.ndjson`), '--format', 'csv'], {
      cwd: dir,
    });
    const rows = result.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe(
      'path,field,line,column,endLine,endColumn,severity,category,ruleId,message,excerpt,suggestions,inQuote,language',
    );
    const all = json(
      eindred(['check', 'formule.md', join(process.cwd(), `${X}/artikelen.ndjson`), '--format', 'json'], { cwd: dir }),
    );
    expect(rows).toHaveLength(1 + all.summary.errors + all.summary.warnings + all.summary.infos);
    expect(rows.find((row) => row.includes('2025-0412'))).toMatch(
      /^[^,]*artikelen\.ndjson#2025-0412,body,3,48,3,59,warning,claims,nl\.claims\.bron-ontbreekt,".*",300 procent,,false,nl$/,
    );
  });

  it('--output writes the report to a file and the terminal gets the summary', () => {
    const dir = tempTree({});
    const out = join(dir, 'rapport.json');
    const result = eindred(['check', `${process.cwd()}/${X}/artikelen.ndjson`, '--format', 'json', '--output', out]);
    expect(result.code).toBe(1);
    expect(json({ stdout: readFileSync(out, 'utf8') }).summary.files).toBe(3);
    expect(result.stdout).toMatch(/^✖ \d+ problems \(.*\) in 3 of 3 files\n\nSummary\n/);
    expect(result.stderr).toContain(`report written to ${out}`);
    expect(readdirSync(dir)).toEqual(['rapport.json']);
  });

  it('folders skip what .gitignore and .eindredignore list', () => {
    const draft = '---\nlang: nl\n---\nVolgens ingewijden is het zo.\n';
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'privé/\n',
      'drafts/.eindredignore': 'oud-*.md\n',
      'drafts/nieuw.md': draft,
      'drafts/oud-2019.md': draft,
      'drafts/pagina.html': '<p>Volgens ingewijden is het zo.</p>',
      'privé/geheim.md': draft,
    });
    const report = json(eindred(['check', '.', '--format', 'json', '--lang', 'nl'], { cwd: dir }));
    expect(report.files.map((f) => f.path)).toEqual(['drafts/nieuw.md', 'drafts/pagina.html']);
    const globbed = json(eindred(['check', 'drafts/*.md', '--format', 'json'], { cwd: dir }));
    expect(globbed.files.map((f) => f.path)).toEqual(['drafts/nieuw.md']);
  });
});

describe('--jobs and progress', () => {
  // Worker threads start at 4 MB of input: a generated export of ~5 MB.
  const record = (i: number) =>
    JSON.stringify({
      id: `g${i}`,
      title: `Bericht ${i}`,
      body: `De gemeente sluit het zwembad. Volgens ingewijden is het tekort ${i} procent groter. `.repeat(30),
    });
  const lines = Array.from({ length: 2000 }, (_, i) => record(i));
  // The bar waits a second before it appears: the progress run checks three times as much.
  const big = tempTree({
    'groot.ndjson': `${lines.join('\n')}\n`,
    'groter.ndjson': `${[...lines, ...lines, ...lines].join('\n')}\n`,
  });

  it('the report is the same byte for byte with --jobs 1 and --jobs 2', () => {
    const one = eindred(['check', 'groot.ndjson', '--format', 'json', '--jobs', '1'], { cwd: big });
    const two = eindred(['check', 'groot.ndjson', '--format', 'json', '--jobs', '2'], { cwd: big });
    expect(one.code).toBe(0);
    expect(json(one).summary).toMatchObject({ files: 2000, warnings: 60000, byRule: { 'nl.claims.vage-bron': 60000 } });
    expect(two.stdout).toBe(one.stdout);
  });

  it('draws a progress bar on a terminal, and none with --no-progress or without a terminal', () => {
    const cmd = (extra: string) =>
      `${JSON.stringify(process.execPath)} ${JSON.stringify(join(process.cwd(), 'bin/eindred.cjs'))} check groter.ndjson --jobs 1 --format json ${extra} > out.json`;
    // `script` runs eindred with a pseudo-terminal as standard error, as in a journalist's shell.
    const run = (extra: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
      delete env.CI;
      return spawnSync('script', ['-qec', cmd(extra), '/dev/null'], { cwd: big, encoding: 'utf8', env });
    };
    const withBar = run('');
    expect(withBar.stdout).toMatch(/\d\/1 files \| \d+ documents, \d+ findings \| \d+\/s \| ETA/);
    const without = run('--no-progress');
    expect(without.stdout).not.toMatch(/files \|/);
  });
});

describe.skipIf(!existsSync('../shared/corpora/cms'))('../shared/corpora/cms samples', () => {
  const CMS = '../shared/corpora/cms';
  const all = (dir: string): string[] =>
    readdirSync(join(CMS, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(json|xml)$/.test(entry.name))
      // parentPath from Node 20.12; path before it (eindred supports 20.10).
      .map((entry) =>
        join((entry as { parentPath?: string }).parentPath ?? (entry as unknown as { path: string }).path, entry.name),
      );

  it('every sample is read without an internal error; the JSON report always follows the contract', () => {
    for (const dir of ['wordpress-wxr', 'iptc-newsml-g2', 'iptc-ninjs', 'arc-xp-ans']) {
      const result = eindred([
        'check',
        ...all(dir).filter((f) => !f.includes('/NewsML/') && !f.endsWith('schema.json')),
        '--format',
        'json',
      ]);
      expect([0, 1, 2]).toContain(result.code);
      expect(result.stderr).not.toContain('internal error');
      expectReportContract(json(result));
    }
  });

  it('Wikinews as an NDJSON and a CSV export: every article a document, the same findings either way', () => {
    const dir = '../shared/corpora/en/wikinews-en-2019-2020';
    const ndjson = json(eindred(['check', `${dir}/wikinews_en_2019_2020.jsonl`, '--format', 'json']));
    const csv = json(
      eindred([
        'check',
        `${dir}/wikinews_2019.csv`,
        `${dir}/wikinews_2020.csv`,
        '--id-field',
        'url',
        '--lang',
        'en',
        '--format',
        'json',
      ]),
    );
    expect(ndjson.files).toHaveLength(295);
    expect(ndjson.errors).toEqual([]);
    expect(csv.files).toHaveLength(295);
    expect(csv.errors).toEqual([]);
    const rules = (report: Report) =>
      report.files.flatMap((f) => f.findings.map((x) => `${f.path.split('#')[1]} ${x.ruleId} ${x.excerpt}`)).sort();
    expect(rules(csv)).toEqual(rules(ndjson));
    expect(ndjson.files.every((f) => f.language === 'en')).toBe(true);
  });

  it('WXR: every post of small-export, malformed files as failures', () => {
    const data = `${CMS}/wordpress-wxr/phpunit/data`;
    const small = json(eindred(['check', `${data}/small-export.xml`, '--format', 'json']));
    expect(small.files).toHaveLength(11);
    expect(small.files.every((f) => /#\d+$/.test(f.path))).toBe(true);
    const broken = json(eindred(['check', `${data}/malformed.xml`, `${data}/malformed-simple.xml`, '--format', 'json']));
    expect(broken.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^line \d+: not well-formed XML: /),
      expect.stringMatching(/^record 1: the file ends inside this record/),
    ]);
  });

  it('ninjs 1.x to 3.x: the text of headlines, descriptions and bodies', () => {
    const report = json(
      eindred(['check', ...all('iptc-ninjs/examples').filter((f) => !f.includes('/NewsML/')), '--format', 'json']),
    );
    expect(report.files.length).toBeGreaterThan(30);
    const fields = new Set(report.files.flatMap((f) => f.findings.map((x) => x.field?.replace(/\[\d+\]/, '[]'))));
    expect(fields).toContain('bodies[]');
    expect(fields).toContain('body_text');
  });

  it('ANS: a story becomes one document with its content elements; non-stories are reported', () => {
    const dir = `${CMS}/arc-xp-ans/tests/fixtures/schema/0.10.12`;
    const report = json(
      eindred(['check', `${dir}/story-fixture-tiny-house.json`, `${dir}/image-fixture-good.json`, '--format', 'json']),
    );
    expect(report.files.map((f) => f.path)).toEqual([
      `${dir}/story-fixture-tiny-house.json#f8f706f0-0acc-11e5-9e39-0db921c47b93`,
    ]);
    expect(report.errors[0]!.message).toMatch(/^record 1: ANS image .* has no text to check/);
  });

  it('NewsML-G2 with NITF: findings inside the inline body point at its text', () => {
    const file = `${CMS}/iptc-newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml`;
    // A pack that finds words of this sports story, so that there are findings in the body to place.
    const pack = tempTree({
      'sport.yaml': `pack: sport\nlanguage: en\nrules:\n  - id: en.test.sweep\n    kind: pattern\n    category: claims\n    severity: warning\n    pattern: ['three-game', 'sweep']\n    message: "‘{match}’ found."\n`,
    });
    const report = json(eindred(['check', file, '--pack', join(pack, 'sport.yaml'), '--format', 'json']));
    expect(report.files).toHaveLength(1);
    const source = readFileSync(file, 'utf8');
    const inline = source.slice(source.indexOf('>', source.indexOf('<inlineXML')) + 1, source.indexOf('</inlineXML>'));
    const inBody = report.files[0]!.findings.filter((f) => f.field === 'inlineXML' && f.excerpt);
    expect(inBody.length).toBeGreaterThanOrEqual(4);
    for (const finding of inBody) {
      if (finding.category !== 'privacy') expect(textAt(inline, finding)).toBe(finding.excerpt);
    }
  });
});
