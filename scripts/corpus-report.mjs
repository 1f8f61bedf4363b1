#!/usr/bin/env node
// npm run corpus-report: how eindred's rules behave on real, edited news that nobody here wrote.
// Prints findings per 1,000 words by rule on the English Wikinews articles, the NTREX news articles
// in Dutch and English and the Belgian parliamentary questions, the most frequent findings, and the
// recall and noise of the unsourced-claim rule on Wikipedia's current-events pages (every item
// there cites a source: checked as is, and with every link removed). Needs ../shared/corpora.
//   --category claims|bias|privacy|disclosure   only that category (default: all)
//   --top N                                     how many frequent findings to list (default 20)
//   --show RULE                                 print every finding of this rule (or id prefix) in its line,
//                                               to judge whether it is right

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const category = arg('category', null);
const top = Number(arg('top', '20'));
const show = arg('show', null);

if (!existsSync(CORPORA)) {
  console.log(`Skipping: ${CORPORA} is absent.`);
  process.exit(0);
}
const { checkPaths } = await import(pathToFileURL(join(ROOT, 'dist', 'api.js')).href);
const work = mkdtempSync(join(tmpdir(), 'eindred-corpus-'));

const jsonl = (path) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const words = (text) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function writeTexts(name, texts, extension = 'txt') {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  texts.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(5, '0')}.${extension}`), text));
  return dir;
}

async function check(dir, language) {
  const { report } = await checkPaths({ paths: [dir], cwd: work, config: false, language });
  const findings = report.files.flatMap((file) => file.findings.map((finding) => ({ ...finding, path: file.path })));
  if (show) {
    for (const f of findings.filter((x) => x.ruleId.startsWith(show))) {
      const line = readFileSync(resolve(work, f.path), 'utf8').split('\n')[f.line - 1] ?? '';
      const from = Math.max(0, f.column - 80);
      const context = `${line.slice(from, f.column - 1)}[${line.slice(f.column - 1, f.column - 1 + f.excerpt.length)}]${line.slice(f.column - 1 + f.excerpt.length, f.column + 80)}`;
      console.log(`    ${f.ruleId} ${f.severity}: …${context.replace(/\s+/g, ' ')}…`);
    }
  }
  return findings;
}

const corpora = [
  {
    name: 'English Wikinews, 295 articles',
    language: 'en',
    texts: jsonl(join(CORPORA, 'en/wikinews-en-2019-2020/wikinews_en_2019_2020.jsonl')).map((a) => `${a.title}\n\n${a.text}\n`),
  },
  {
    name: 'Dutch NTREX news, 123 articles',
    language: 'nl',
    // One sentence per line, no paragraphs: each article is checked as one block of text.
    texts: jsonl(join(CORPORA, 'nl/ntrex-128-nld/ntrex128.nl.docs.jsonl')).map((a) => `${a.sentences.join('\n')}\n`),
  },
  {
    // The same articles in English: what differs between the two is the packs, not the news.
    name: 'English NTREX news, 123 articles',
    language: 'en',
    texts: jsonl(join(CORPORA, 'en/ntrex-128-eng/ntrex128.en.docs.jsonl')).map((a) => `${a.sentences.join('\n')}\n`),
  },
  {
    name: 'Belgian parliamentary questions, 6,059 texts',
    language: 'nl',
    texts: jsonl(join(CORPORA, 'nl/be-kamer-schriftelijke-vragen/be_parliament_2020.nl.jsonl')).map((a) => `${a.text}\n`),
  },
];

console.log(`eindred on real text${category ? ` (category ${category})` : ''}: findings per 1,000 words by rule\n`);
for (const corpus of corpora) {
  const count = corpus.texts.reduce((sum, text) => sum + words(text), 0);
  const findings = (await check(writeTexts(corpus.name.replace(/\W+/g, '-'), corpus.texts), corpus.language)).filter(
    (f) => !category || f.category === category,
  );
  const per1000 = (n) => ((n / count) * 1000).toFixed(2);
  const byRule = new Map();
  for (const f of findings) {
    const key = `${f.ruleId} (${f.severity})`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
  console.log(`${corpus.name}: ${count.toLocaleString('en')} words, ${findings.length} findings`);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${per1000(n).padStart(6)}  ${String(n).padStart(5)}  ${rule}`);
  }
  for (const cat of ['claims', 'bias', 'privacy', 'disclosure']) {
    if (category && cat !== category) continue;
    const serious = findings.filter((f) => f.category === cat && f.severity !== 'info').length;
    console.log(`  ${cat}: ${per1000(serious)} warnings and errors per 1,000 words`);
  }
  const frequent = new Map();
  for (const f of findings) {
    const key = `${f.ruleId}: ${f.excerpt.toLowerCase().replace(/\s+/g, ' ')}`;
    frequent.set(key, (frequent.get(key) ?? 0) + 1);
  }
  console.log(`  most frequent:`);
  for (const [key, n] of [...frequent].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`    ${String(n).padStart(5)}  ${key}`);
  console.log('');
}

if (!category || category === 'claims') {
  // Every current-events item cites its source as a link at the end of its line.
  const postsDir = join(CORPORA, 'en/wikipedia-current-events/posts');
  const posts = readdirSync(postsDir).map((file) => readFileSync(join(postsDir, file), 'utf8'));
  const citation = /\[\(([^)\]]*)\)\]\([^)\s]*\)/g;
  const stripped = posts.map((post) =>
    post
      .replace(citation, '')
      .replace(/\[([^\]]*)\]\([^)\s]*(?: "[^"]*")?\)/g, '$1')
      .replace(/<https?:[^>]*>/g, ''),
  );
  const items = posts.flatMap((post, i) =>
    post
      .split('\n')
      .flatMap((line, n) =>
        line.trimStart().startsWith('* ') && citation.test(line) ? [`${String(i).padStart(5, '0')}:${n + 1}`] : [],
      ),
  );
  const share = async (texts, name) => {
    const findings = await check(writeTexts(name, texts, 'md'), 'en');
    const flagged = new Set(
      findings
        .filter((f) => f.ruleId === 'en.claims.unsourced-claim')
        .map((f) => `${f.path.split('/').pop().slice(0, 5)}:${f.line}`),
    );
    return items.filter((item) => flagged.has(item)).length / items.length;
  };
  const noise = await share(posts, 'current-events-sourced');
  const recall = await share(stripped, 'current-events-stripped');
  console.log(`Wikipedia current events: ${items.length.toLocaleString('en')} cited news items`);
  console.log(`  flagged as unsourced claims with their source links:  ${(noise * 100).toFixed(1)} % (noise)`);
  console.log(`  flagged as unsourced claims with every link removed:  ${(recall * 100).toFixed(1)} % (recall)`);
}

rmSync(work, { recursive: true, force: true });
