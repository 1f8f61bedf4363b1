import type { FileResult } from '../engine.js';
import type { Finding } from '../finding.js';
import type { Report } from './report.js';

/**
 * `--format html`: one self-contained page (no external assets, works offline) for an editor: a
 * summary with bar charts per category and per rule, filters by severity, category, rule and
 * language, and every article with findings, its text shown with the findings highlighted in place;
 * a click on a highlight (or hovering it) shows the message, the reason and better words.
 */

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CATEGORY_COLOURS: Record<string, string> = {
  disclosure: '#7b3fb0',
  claims: '#c0392b',
  bias: '#d68910',
  privacy: '#1f618d',
  language: '#5d6d7e',
  input: '#5d6d7e',
};

/** Offsets of 1-based line/column positions in `text` (lines end at \n, \r\n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

interface Span {
  start: number;
  end: number;
  finding: number;
}

/** The text with <mark> elements around the findings' ranges; overlaps become nested segments. */
function highlighted(text: string, spans: Span[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const piece = escape(text.slice(from, to));
    const covering = spans.filter((s) => s.start <= from && s.end >= to && s.end > s.start);
    html += covering.length > 0 ? `<mark data-f="${covering.map((s) => s.finding).join(' ')}">${piece}</mark>` : piece;
  }
  return html;
}

function bars(counts: Record<string, number>, colour: (key: string) => string, limit = 25): string {
  const entries = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return `<table class="bars">${entries
    .map(
      ([key, n]) =>
        `<tr><th>${escape(key)}</th><td><span class="bar" style="width:${((100 * n) / max).toFixed(1)}%;background:${colour(key)}"></span></td><td class="n">${n}</td></tr>`,
    )
    .join('')}</table>`;
}

function article(file: FileResult, fileIndex: number, first: number): string {
  const parts = file.text ?? [];
  const sections = parts.map((part) => {
    const starts = lineStarts(part.text);
    const offset = (line: number, column: number): number => (starts[line - 1] ?? part.text.length) + column - 1;
    const spans: Span[] = [];
    file.findings.forEach((f, i) => {
      if ((f.field ?? undefined) !== part.field || !f.excerpt) return;
      spans.push({ start: offset(f.line, f.column), end: offset(f.endLine, f.endColumn), finding: first + i });
    });
    const label = part.field ? `<div class="field">${escape(part.field)}</div>` : '';
    return `${label}<pre class="text">${highlighted(part.text, spans)}</pre>`;
  });
  const items = file.findings
    .map((f, i) => {
      const where = `${f.field ? `${escape(f.field)} ` : ''}${f.line}:${f.column}`;
      return `<li class="finding sev-${f.severity}" id="f${first + i}" data-severity="${f.severity}" data-category="${escape(f.category)}" data-rule="${escape(f.ruleId)}" data-lang="${escape(file.language)}" data-message="${escape(f.message)}"><span class="where">${where}</span> <span class="sev">${f.severity}</span> ${escape(f.message)} <code>${escape(f.ruleId)}</code>${detail(f)}</li>`;
    })
    .join('');
  return `<section class="article" id="a${fileIndex}" data-lang="${escape(file.language)}"><h2>${escape(file.path)} <small>${escape(file.language)}</small></h2>${sections.join('')}<ul class="findings">${items}</ul></section>`;
}

function detail(f: Finding): string {
  const parts: string[] = [];
  if (f.reason) parts.push(`<div class="reason">${escape(f.reason)}</div>`);
  if (f.suggestions.length > 0) parts.push(`<div class="suggest">Alternatives: ${f.suggestions.map(escape).join(' · ')}</div>`);
  if (f.source) parts.push(`<div class="source">${escape(f.source)}</div>`);
  if (f.inQuote) parts.push('<div class="quote">In a quote.</div>');
  return parts.length > 0 ? `<div class="detail">${parts.join('')}</div>` : '';
}

function options(name: string, values: string[]): string {
  return `<label>${name} <select data-filter="${name}"><option value="">all</option>${values
    .map((v) => `<option>${escape(v)}</option>`)
    .join('')}</select></label>`;
}

export function formatHtml(report: Report): string {
  const { summary } = report;
  const withFindings = report.files.filter((file) => file.findings.length > 0);
  let first = 0;
  const articles = withFindings.map((file, i) => {
    const html = article(file, i, first);
    first += file.findings.length;
    return html;
  });
  const categories = Object.keys(summary.byCategory);
  const rules = Object.keys(summary.byRule);
  const languages = [...new Set(report.files.map((file) => file.language))].sort();
  const failures = report.errors.map((failure) => `<li><b>${escape(failure.path)}</b>: ${escape(failure.message)}</li>`).join('');
  const most = summary.mostErrors
    .map((entry) => `<li>${escape(entry.path)}: ${entry.errors} errors, ${entry.warnings} warnings</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>eindred report</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header,main{max-width:1100px;margin:auto;padding:0 1rem}
h1{font-size:1.4rem}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem}
.card b{font-size:1.4rem;display:block}.charts{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.bars{width:100%;border-collapse:collapse}.bars th{text-align:left;font-weight:normal;white-space:nowrap;padding-right:.5rem;font-size:.85rem}
.bars td{width:100%}.bars td.n{width:auto;text-align:right;padding-left:.5rem}.bar{display:block;height:.8rem;border-radius:2px}
.filters{position:sticky;top:0;background:#fafafa;padding:.5rem 0;border-bottom:1px solid #ddd;display:flex;gap:1rem;flex-wrap:wrap;z-index:2}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:0 1rem 1rem}
.article h2{font-size:1rem}.field{font-size:.75rem;color:#666;text-transform:uppercase;margin-top:.5rem}
pre.text{white-space:pre-wrap;font:inherit;margin:.2rem 0}
mark{background:#fde68a;cursor:pointer;border-bottom:2px solid #d97706}mark.sev-error{background:#fecaca;border-color:#dc2626}
mark.sev-info{background:#dbeafe;border-color:#2563eb}mark.off{background:none;border:0;cursor:auto}mark.active{outline:2px solid #111}
.findings{font-size:.9rem;padding-left:1rem}.finding{margin:.3rem 0}.finding.active{background:#fff7d6}
.sev{font-weight:bold}.sev-error .sev{color:#b91c1c}.sev-warning .sev{color:#b45309}.sev-info .sev{color:#1d4ed8}
.detail{color:#444;font-size:.85rem;margin-left:1rem}.hidden{display:none}code{font-size:.8rem;color:#666}
#popup{position:fixed;right:1rem;bottom:1rem;max-width:420px;background:#fff;border:1px solid #999;border-radius:6px;padding:.7rem;box-shadow:0 2px 8px #0003;z-index:3}
</style></head><body>
<header><h1>eindred report</h1>
<div class="cards"><div class="card"><b>${summary.files}</b>documents</div><div class="card"><b>${withFindings.length}</b>with findings</div>
<div class="card"><b id="count-error">${summary.errors}</b>errors</div><div class="card"><b>${summary.warnings}</b>warnings</div><div class="card"><b>${summary.infos}</b>infos</div>
<div class="card"><b>${report.errors.length}</b>not checked</div></div>
<div class="charts"><div><h3>Per category</h3>${bars(summary.byCategory, (key) => CATEGORY_COLOURS[key] ?? '#888')}</div>
<div><h3>Per rule</h3>${bars(summary.byRule, (key) => CATEGORY_COLOURS[key.split('.')[1] ?? ''] ?? '#888')}</div></div>
${most ? `<h3>Most errors</h3><ol>${most}</ol>` : ''}
${failures ? `<h3>Not checked</h3><ul class="failures">${failures}</ul>` : ''}
</header>
<main>
<div class="filters">
<span>Severity <label><input type="checkbox" data-severity="error" checked> error</label> <label><input type="checkbox" data-severity="warning" checked> warning</label> <label><input type="checkbox" data-severity="info" checked> info</label></span>
${options('category', categories)} ${options('rule', rules)} ${options('language', languages)}
<span id="shown"></span>
</div>
${articles.join('\n')}
</main>
<div id="popup" class="hidden"></div>
<script>
(() => {
  const findings = [...document.querySelectorAll('li.finding')];
  const byId = new Map(findings.map((li) => [li.id.slice(1), li]));
  const marks = [...document.querySelectorAll('mark[data-f]')];
  for (const mark of marks) {
    const ids = mark.dataset.f.split(' ');
    const worst = ids.map((id) => byId.get(id)?.dataset.severity).sort((a, b) => rank(b) - rank(a))[0];
    mark.classList.add('sev-' + worst);
    mark.title = ids.map((id) => byId.get(id)?.dataset.message ?? '').join('\\n');
  }
  function rank(s) { return s === 'error' ? 2 : s === 'warning' ? 1 : 0; }
  const popup = document.getElementById('popup');
  function apply() {
    const severities = new Set([...document.querySelectorAll('input[data-severity]:checked')].map((i) => i.dataset.severity));
    const filter = Object.fromEntries([...document.querySelectorAll('select[data-filter]')].map((s) => [s.dataset.filter, s.value]));
    let shown = 0;
    for (const li of findings) {
      const ok = severities.has(li.dataset.severity) && (!filter.category || li.dataset.category === filter.category)
        && (!filter.rule || li.dataset.rule === filter.rule) && (!filter.language || li.dataset.lang === filter.language);
      li.classList.toggle('hidden', !ok);
      if (ok) shown++;
    }
    for (const mark of marks) mark.classList.toggle('off', mark.dataset.f.split(' ').every((id) => byId.get(id)?.classList.contains('hidden')));
    for (const section of document.querySelectorAll('section.article')) {
      section.classList.toggle('hidden', !section.querySelector('li.finding:not(.hidden)'));
    }
    document.getElementById('shown').textContent = shown + ' of ' + findings.length + ' findings shown';
  }
  document.querySelectorAll('input[data-severity], select[data-filter]').forEach((el) => el.addEventListener('change', apply));
  document.addEventListener('click', (event) => {
    const mark = event.target.closest('mark[data-f]');
    document.querySelectorAll('.active').forEach((el) => el.classList.remove('active'));
    if (!mark || mark.classList.contains('off')) { popup.classList.add('hidden'); return; }
    mark.classList.add('active');
    const items = mark.dataset.f.split(' ').map((id) => byId.get(id)).filter((li) => li && !li.classList.contains('hidden'));
    items.forEach((li) => li.classList.add('active'));
    popup.innerHTML = items.map((li) => li.innerHTML).join('<hr>');
    popup.classList.remove('hidden');
  });
  apply();
})();
</script>
</body></html>
`;
}
