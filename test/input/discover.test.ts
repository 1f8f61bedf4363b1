import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles, walkFolder } from '../../src/input/discover.js';

const root = mkdtempSync(join(tmpdir(), 'eindred-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('folders', () => {
  const dir = tree('map', {
    'b.md': '',
    'a.txt': '',
    'sub/c.markdown': '',
    'sub/diep/d.html': '',
    'sub/diep/e.htm': '',
    'f.docx': '',
    'HOOFD.MD': '',
    'export.json': '',
    'notities.csv': '',
    '.verborgen.md': '',
    '.concept/g.md': '',
    'node_modules/pakket/README.md': '',
    'sub/node_modules/x.md': '',
    'buiten/h.md': '',
  });
  symlinkSync(join(dir, 'buiten/h.md'), join(dir, 'link.md'));
  symlinkSync(join(dir, 'buiten'), join(dir, 'linkmap'));
  symlinkSync(join(dir, 'nergens.md'), join(dir, 'kapot.md'));

  it('holds the drafts, sorted, without dot files, node_modules, symbolic links or other extensions', () => {
    expect(walkFolder(dir).drafts).toEqual([
      'a.txt',
      'b.md',
      'buiten/h.md',
      'f.docx',
      'sub/c.markdown',
      'sub/diep/d.html',
      'sub/diep/e.htm',
    ]);
  });

  it('lists the export files it passes over, for the warning about a folder without drafts', () => {
    expect(walkFolder(dir).exports.sort()).toEqual(['export.json', 'notities.csv']);
  });

  it('finds what a glob of the draft extensions finds (what eindred used before it walked folders)', async () => {
    const globbed = await glob('**/*.{md,markdown,txt,html,htm,docx}', {
      cwd: dir,
      ignore: ['**/node_modules/**', '**/.git/**'],
      followSymbolicLinks: false,
      dot: false,
    });
    expect(walkFolder(dir).drafts).toEqual(globbed.sort());
  });

  it('skips what ignore files in and below the folder list', async () => {
    const ignoring = tree('genegeerd', {
      '.gitignore': 'oud/\n',
      'nieuw.md': '',
      'oud/a.md': '',
      'sub/.eindredignore': 'klad-*.md\n',
      'sub/klad-1.md': '',
      'sub/af.md': '',
      // An ignore file in a hidden folder only speaks for that folder, which is skipped anyway.
      '.verborgen/.gitignore': '*.md\n',
    });
    mkdirSync(join(ignoring, '.git'));
    const { files } = await discoverFiles(['genegeerd'], root);
    expect(files).toEqual(['genegeerd/nieuw.md', 'genegeerd/sub/af.md']);
  });

  it('lets the ignore files on the way to what a glob matches speak, as in a folder', async () => {
    const ignoring = tree('glob-genegeerd', {
      '.gitignore': 'oud/\n',
      'nieuw.md': '',
      'oud/a.md': '',
      'sub/.eindredignore': 'klad-*.md\n',
      'sub/klad-1.md': '',
      'sub/diep/klad-2.md': '',
      'sub/diep/af.md': '',
      'elders/.eindredignore': '*.md\n',
    });
    mkdirSync(join(ignoring, '.git'));
    const { files } = await discoverFiles(['glob-genegeerd/**/*.md'], root);
    expect(files).toEqual(['glob-genegeerd/nieuw.md', 'glob-genegeerd/sub/diep/af.md']);
    // The glob's base has its own ignore file; one above the base (up to the repository's top) counts too.
    expect((await discoverFiles(['glob-genegeerd/oud/*.md'], root)).files).toEqual([]);
    expect((await discoverFiles(['*.md'], join(ignoring, 'sub'))).files).toEqual([]);
  });
});
