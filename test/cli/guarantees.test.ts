import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/api.js';
import { CORPORA, HAS_CORPORA, ROOT } from '../helpers.js';
import { BIN, eindred, tempTree } from './run.js';

/**
 * The promises of the product brief, proven: no network, inputs never changed, packs are data,
 * the same report whatever --jobs is; and hostile packs and inputs are reported, not crashed on.
 */

const json = (result: { stdout: string }): Report => JSON.parse(result.stdout) as Report;
const PRELOAD = join(ROOT, 'test/preload/watch.cjs');

interface Watched {
  kind: 'loaded' | 'network' | 'read' | 'write';
  path?: string;
  call?: string;
  thread: 'main' | 'worker';
}

/** Run eindred with the watching preload; returns the run and what it did. */
function watched(args: string[], cwd = ROOT): { result: ReturnType<typeof eindred>; log: Watched[] } {
  const log = join(tempTree({}), 'watch.log');
  const result = eindred(args, { cwd, env: { EINDRED_WATCH_LOG: log, NODE_OPTIONS: `--require ${PRELOAD}` } });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { result, log: lines.map((line) => JSON.parse(line) as Watched) };
}

/** A generated NDJSON export of about 5 MB: worker threads start at 4 MB. */
function bigExport(dir: string): string {
  const body = (i: number) =>
    `De gemeente sluit zwembad ${i}. Volgens ingewijden kost de renovatie ${i} procent meer. Bel 06-12345678 voor vragen. `.repeat(
      24,
    );
  const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `a${i}`, title: `Bericht ${i}`, body: body(i) }));
  writeFileSync(join(dir, 'groot.ndjson'), `${lines.join('\n')}\n`);
  return join(dir, 'groot.ndjson');
}

describe('promises', () => {
  it('never opens a network connection: every fixture, export and corpus sample, with and without threads', () => {
    const dir = tempTree({});
    const inputs = [
      'fixtures',
      ...readdirSync(join(ROOT, 'fixtures/exports'))
        .filter((f) => /\.(json|ndjson|csv|xml)$/.test(f))
        .map((f) => `fixtures/exports/${f}`),
      'fixtures/exports/kapot',
    ];
    if (HAS_CORPORA) {
      inputs.push(
        join(CORPORA, 'cms/wordpress-wxr/phpunit/data/small-export.xml'),
        join(CORPORA, 'cms/iptc-newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml'),
        join(CORPORA, 'cms/iptc-ninjs/examples/3.0/ninjsExSimpleText_3.json'),
        join(CORPORA, 'cms/arc-xp-ans/tests/fixtures/schema/0.10.12/story-fixture-tiny-house.json'),
        join(CORPORA, 'en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl'),
      );
    }
    const all = watched(['check', ...inputs, '--format', 'json', '--jobs', '1']);
    expect(all.result.code).toBe(2); // the broken exports in fixtures/exports/kapot
    expect(all.log.filter((entry) => entry.kind === 'network')).toEqual([]);
    const threads = watched(['check', bigExport(dir), 'fixtures', '--jobs', '2', '--format', 'json']);
    expect(threads.result.code).toBe(1);
    // The preload ran in the worker threads too, and nothing there reached for the network.
    expect(threads.log.some((entry) => entry.kind === 'loaded' && entry.thread === 'worker')).toBe(true);
    expect(threads.log.filter((entry) => entry.kind === 'network')).toEqual([]);
  });

  it('never changes the files it checks: bytes and modification times stay, also with --output and a baseline', () => {
    const dir = tempTree({});
    spawnSync('cp', ['-r', join(ROOT, 'fixtures'), join(dir, 'fixtures')]);
    const files = (spawnSync('find', [join(dir, 'fixtures'), '-type', 'f'], { encoding: 'utf8' }).stdout as string)
      .trim()
      .split('\n');
    const snapshot = () =>
      files.map((file) => [file, createHash('sha256').update(readFileSync(file)).digest('hex'), statSync(file).mtimeMs]);
    const before = snapshot();
    for (const args of [
      ['check', 'fixtures', '--format', 'json'],
      [
        'check',
        'fixtures',
        'fixtures/exports/artikelen.ndjson',
        'fixtures/exports/wordpress.xml',
        '--format',
        'html',
        '--output',
        'report.html',
      ],
      ['check', 'fixtures', '--update-baseline'],
      ['check', 'fixtures/nl/zwembad.md'],
    ]) {
      expect([0, 1, 2]).toContain(eindred(args, { cwd: dir }).code);
    }
    expect(snapshot()).toEqual(before);
  });

  it('packs are data: reads stay within the inputs, packs and eindred; writes only the report and the code cache', () => {
    const dir = tempTree({
      'drafts/a.md': '---\nlang: nl\n---\nVolgens ingewijden is het zo.\n',
      'huis.yaml':
        "pack: huis\nlanguage: nl\nrules:\n  - id: nl.huis.pad\n    kind: term\n    category: bias\n    severity: warning\n    terms: ['/etc/passwd', '$(rm -rf /)']\n    message: \"{match}\"\n  - id: nl.huis.re\n    kind: pattern\n    category: bias\n    severity: info\n    pattern: 'require\\(.fs.\\)'\n    message: x\n",
      'include.yaml': 'pack: inc\nlanguage: nl\nrules: !include /etc/passwd\n',
    });
    const run = watched(['check', 'drafts', '--pack', 'huis.yaml', '--output', 'out.json', '--format', 'json'], dir);
    expect(run.result.code).toBe(0);
    const allowed = [resolve(dir), ROOT, tmpdir()];
    const outside = run.log.filter((e) => e.path && !allowed.some((root) => resolve(dir, e.path!).startsWith(root)));
    expect(outside).toEqual([]);
    const writes = run.log.filter((e) => e.kind === 'write').map((e) => resolve(dir, e.path!));
    for (const write of writes) {
      expect(
        write.startsWith(join(resolve(dir), '.out.json')) ||
          write === join(resolve(dir), 'out.json') ||
          write.startsWith(join(tmpdir(), 'eindred-compile-cache')),
      ).toBe(true);
    }
    expect(run.log.some((e) => e.path === '/etc/passwd')).toBe(false);

    const tagged = watched(['check', 'drafts', '--pack', 'include.yaml'], dir);
    expect(tagged.result.code).toBe(2);
    expect(tagged.result.stderr).toMatch(/include\.yaml:3:\d+: YAML syntax error: unknown tag/);
    expect(tagged.log.some((e) => e.path === '/etc/passwd')).toBe(false);
  });

  it('the report is the same, byte for byte, with --jobs 1, 2 and 4', () => {
    const dir = tempTree({});
    const big = bigExport(dir);
    const reports = [1, 2, 4].map(
      (jobs) => eindred(['check', 'fixtures', big, '--format', 'json', '--jobs', String(jobs)]).stdout,
    );
    expect(json({ stdout: reports[0]! }).summary.files).toBeGreaterThan(2000);
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
  });

  it('the V8 settings of batch runs change nothing in the report', () => {
    // A folder is a batch: the launcher tunes V8's optimiser for it, unless told not to.
    const tuned = eindred(['check', 'fixtures', '--format', 'json']);
    const plain = eindred(['check', 'fixtures', '--format', 'json'], { env: { EINDRED_NO_V8_TUNING: '1' } });
    expect(tuned.code).toBe(1);
    expect(json(tuned).summary.files).toBeGreaterThan(10);
    expect(tuned.stderr).toBe('');
    expect(plain.stdout).toBe(tuned.stdout);
  });
});

describe('hostile packs are stopped at load, with the file and the cause', () => {
  const check = (pack: string) => {
    const dir = tempTree({ 'pack.yaml': pack, 'a.md': 'x' });
    const result = eindred(['check', 'a.md', '--pack', 'pack.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return result.stderr;
  };
  it('an alias bomb', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`).join('\n');
    expect(check(`l0: &l0 [lol]\n${lol}\npack: x\nlanguage: nl\nrules: []\n`)).toContain(
      'pack.yaml:1:1: YAML syntax error: its aliases expand it to more than 1,000,000 values (an alias bomb?)',
    );
  });
  it('deep nesting', () => {
    expect(check(`pack: x\nlanguage: nl\nrules: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)).toContain(
      'pack.yaml: the YAML is nested too deeply to read',
    );
  });
  it('a huge file', () => {
    expect(check(`pack: x\nlanguage: nl\n# ${'x'.repeat(11 * 1024 * 1024)}\nrules: []\n`)).toMatch(
      /pack\.yaml: the pack is 11\.0 MB; packs over 10 MB are refused/,
    );
  });
  it('an unknown kind, a duplicate id and a catastrophic regular expression', () => {
    const stderr = check(
      "pack: x\nlanguage: nl\nrules:\n  - { id: nl.a, kind: magic, category: bias, severity: info, message: m }\n  - { id: nl.b, kind: pattern, category: bias, severity: info, message: m, pattern: '(a|a)*b' }\n  - { id: nl.b, kind: pattern, category: bias, severity: info, message: m, pattern: 'x' }\n",
    );
    expect(stderr).toMatch(/pack\.yaml:4:\d+: rule nl\.a: ‘kind’ must be one of term, pattern, .*, not ‘magic’/);
    expect(stderr).toMatch(/pack\.yaml:5:\d+: rule nl\.b: .*backtrack/);
    expect(stderr).toMatch(/pack\.yaml:6:\d+: .*nl\.b.*(duplicate|twice|already)/i);
  });
});

/** A zip whose central directory claims `claimed` bytes unpacked for a tiny entry. */
function zipClaiming(claimed: number): Buffer {
  const data = deflateRawSync(Buffer.from('<w:document/>'));
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(name.length, 28);
  const centralStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('hostile inputs are reported with file and cause; the rest is still checked', () => {
  it('binary, bad encodings, too big, deep nesting, loops, bombs and missing files in one run', () => {
    const good = '---\nlang: nl\n---\nVolgens ingewijden is het zo.\n';
    const dir = tempTree({
      'goed.md': good,
      'binair.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      'latin1.md': Buffer.concat([
        Buffer.from('---\nlang: nl\n---\nCaf'),
        Buffer.from([0xe9]),
        Buffer.from(' volgens ingewijden.\n'),
      ]),
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]),
      'groot.md': `${good}${'x '.repeat(80000)}`,
      'diep.md': `${'> '.repeat(5000)}tekst\n`,
      'lijst.md': `---\nlang: nl\n---\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- volgens ingewijden`).join('\n')}\n`,
      'diep.html': `<html lang="nl"><body>${'<div>'.repeat(900)}Volgens ingewijden.${'</div>'.repeat(900)}</body></html>`,
      'dieper.html': `<html lang="nl"><body>${'<div>'.repeat(5000)}Volgens ingewijden.${'</div>'.repeat(5000)}</body></html>`,
      'bom.docx': zipClaiming(400 * 1024 * 1024),
    });
    symlinkSync(join(dir, 'lus.md'), join(dir, 'lus.md'));
    symlinkSync(join(dir, 'weg.md'), join(dir, 'kwijt.md'));
    mkdirSync(join(dir, 'map'));
    symlinkSync(join(dir, 'map'), join(dir, 'map/terug'));
    const names = [
      'goed.md',
      'binair.txt',
      'latin1.md',
      'utf16.md',
      'groot.md',
      'diep.md',
      'lijst.md',
      'diep.html',
      'dieper.html',
      'bom.docx',
      'lus.md',
      'kwijt.md',
      'map',
    ];
    const result = eindred(['check', ...names, '--max-file-size', '0.1', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    // Nothing on standard error but the word that the folder (with its link loop) holds no drafts.
    expect(result.stderr).toBe(
      'eindred: map: no drafts in this folder (eindred looks for .md, .markdown, .txt, .html, .htm and .docx files in folders; name an export such as a .ndjson or .csv file to check it)\n',
    );
    const report = json(result);
    const failures = Object.fromEntries(report.errors.map((e) => [e.path, e.message]));
    expect(failures['binair.txt']).toBe('this is a binary file (it holds NUL bytes), not a text draft');
    expect(failures['groot.md']).toBe('the file is 0.2 MB, more than --max-file-size 0.1 MB; raise the limit to check it');
    expect(failures['bom.docx']).toMatch(/^refused: it would unpack from 0 KB to 400 MB, which no Word draft does/);
    expect(failures['lus.md']).toBe('a symbolic link that points to itself (a loop)');
    expect(failures['kwijt.md']).toBe('a symbolic link to a file that does not exist');
    const checked = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]));
    expect(checked['goed.md']).toEqual(['nl.claims.vage-bron']);
    expect(checked['latin1.md']).toEqual(['eindred.input.encoding', 'nl.claims.vage-bron']);
    expect(checked['utf16.md']).toEqual(['nl.claims.vage-bron']);
    expect(checked['diep.html']).toEqual(['nl.claims.vage-bron']);
    // Nesting: a few hundred levels are read; absurd depths (that make parsers crawl) are refused.
    expect(checked['lijst.md']).toContain('nl.claims.vage-bron');
    expect(failures['diep.md']).toBe(
      'line 1 is nested 5000 block quotes deep; eindred checks drafts nested up to 100 block quotes or 400 spaces',
    );
    expect(failures['dieper.html']).toBe(
      'its elements nest more than 1000 levels deep; eindred checks pages and bodies nested up to 1000 levels',
    );
  });
});

describe('a file that vanishes while eindred runs', () => {
  it('is reported as gone; the others are checked', () => {
    const draft = '---\nlang: nl\n---\nVolgens ingewijden is het zo.\n';
    const dir = tempTree({ 'drafts/a.md': draft, 'drafts/b.md': draft, 'drafts/c.md': draft });
    // Found by the folder walk, then removed as soon as a.md has been read.
    const result = eindred(['check', 'drafts', '--format', 'json'], {
      cwd: dir,
      env: {
        NODE_OPTIONS: `--require ${PRELOAD}`,
        EINDRED_VANISH_AFTER: 'drafts/a.md',
        EINDRED_VANISH: join(dir, 'drafts/b.md'),
      },
    });
    expect(result.code).toBe(2);
    const report = json(result);
    expect(report.files.map((f) => f.path)).toEqual(['drafts/a.md', 'drafts/c.md']);
    expect(report.errors).toEqual([{ path: 'drafts/b.md', message: 'cannot be read: no such file' }]);
  });
});

describe('a file eindred may not read', () => {
  it('is reported with the cause; the others are checked', () => {
    const draft = '---\nlang: nl\n---\nVolgens ingewijden is het zo.\n';
    const dir = tempTree({ 'a.md': draft, 'geheim.md': draft });
    const result = eindred(['check', 'a.md', 'geheim.md', '--format', 'json'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--require ${PRELOAD}`, EINDRED_DENY: join(dir, 'geheim.md') },
    });
    expect(result.code).toBe(2);
    expect(json(result).errors).toEqual([{ path: 'geheim.md', message: 'cannot be read: permission denied' }]);
    expect(json(result).files.map((f) => f.path)).toEqual(['a.md']);
  });
});

describe('errors are for people', () => {
  it('a user error is one line with the fix; --debug adds the stack', () => {
    const plain = eindred(['check', 'x.md', '--format', 'pdf']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = eindred(['check', 'x.md', '--baseline', 'nope.json', '--debug']);
    expect(debug.stderr).toContain('no baseline at nope.json');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('a closed pipe ends the run quietly (exit 141), Ctrl-C leaves no half-written report (exit 130)', async () => {
    const dir = tempTree({});
    const big = bigExport(dir);
    const piped = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" check "${big}" --format ndjson | head -c 100 > /dev/null`],
      {
        encoding: 'utf8',
      },
    );
    expect(piped.stderr).toBe(''); // no EPIPE stack trace
    const child = spawn(
      process.execPath,
      [BIN, 'check', big, '--format', 'json', '--output', join(dir, 'r.json'), '--jobs', '1'],
      { cwd: dir },
    );
    await new Promise((done) => setTimeout(done, 1200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    expect(readdirSync(dir).filter((f) => f.includes('r.json'))).toEqual([]);
  });
});
