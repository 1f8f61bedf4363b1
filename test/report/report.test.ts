import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.js';
import { formatJson } from '../../src/report/json.js';
import { filterReport, summarize, type Report } from '../../src/report/report.js';
import { formatStylish, formatSummary } from '../../src/report/stylish.js';
import { expectReportContract } from '../contract.js';

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'nl.bias.x',
  category: 'bias',
  severity: 'warning',
  message: '‘x’ is verouderd.',
  line: 3,
  column: 7,
  endLine: 3,
  endColumn: 8,
  excerpt: 'x',
  suggestions: ['y'],
  inQuote: false,
  reason: 'Omdat het zo is.',
  ...overrides,
});

function report(findings: Finding[], errors: Report['errors'] = []): Report {
  const files = [
    { path: 'a.md', language: 'nl', findings },
    { path: 'b.md', language: 'nl', findings: [] },
  ];
  return { tool: { name: 'eindred', version: '0.1.0' }, files, summary: summarize(files), errors };
}

describe('stylish', () => {
  it('lists findings per file with position, severity, message, rule id and reason, then a summary', () => {
    const text = formatStylish(
      report([
        finding({}),
        finding({
          line: 12,
          column: 1,
          severity: 'error',
          ruleId: 'nl.claims.y',
          message: '‘[bron?]’ staat er nog.',
          excerpt: '[bron?]',
          reason: undefined,
        }),
      ]),
      { color: false },
    );
    expect(text).toBe(
      [
        'a.md',
        '   3:7  warning  ‘x’ is verouderd.  nl.bias.x',
        '                 Omdat het zo is.',
        '  12:1  error    ‘[bron?]’ staat er nog.  nl.claims.y',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 infos) in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('shows the words found when the message does not quote them', () => {
    const text = formatStylish(report([finding({ message: 'Verouderd woord.', excerpt: 'bejaarden' })]), { color: false });
    expect(text).toContain('\n  3:7  warning  Verouderd woord. ‘bejaarden’  nl.bias.x\n');
  });

  it('does not repeat words the message quotes, also when the draft breaks the line between them', () => {
    const text = formatStylish(report([finding({ message: '‘12 procent’ heeft geen bron.', excerpt: '12\nprocent' })]), {
      color: false,
    });
    expect(text).toContain('\n  3:7  warning  ‘12 procent’ heeft geen bron.  nl.bias.x\n');
  });

  it('heads the summary’s list of documents by what they have most of: errors, or warnings when none has errors', () => {
    const stats = { ms: 1000, bytes: 2000 };
    const withError = formatSummary(report([finding({ severity: 'error' })]), stats, { color: false });
    expect(withError).toContain('\n  most errors\n    a.md  1 error, 0 warnings\n');
    const warningsOnly = formatSummary(report([finding({})]), stats, { color: false });
    expect(warningsOnly).toContain('\n  most warnings\n    a.md  0 errors, 1 warning\n');
  });

  it('gives the speed of a few small drafts in kilobytes a second, of a batch in megabytes', () => {
    const few = formatSummary(report([finding({})]), { ms: 100, bytes: 4_000 }, { color: false });
    expect(few).toMatch(/2 documents in 0\.1 s \(20 per second, 40 kB\/s\)\n$/);
    const batch = formatSummary(report([finding({})]), { ms: 2000, bytes: 9_000_000 }, { color: false });
    expect(batch).toMatch(/, 4\.5 MB\/s\)\n$/);
  });

  it('says so when nothing was found, and prints nothing at all in quiet mode', () => {
    expect(formatStylish(report([]), { color: false })).toBe('✔ No problems in 2 files\n');
    expect(formatStylish(report([]), { color: false, quiet: true })).toBe('');
  });

  it('lists inputs that could not be read', () => {
    const text = formatStylish(report([], [{ path: 'kapot.md', message: 'cannot be read: permission denied' }]), {
      color: false,
    });
    expect(text).toContain('kapot.md\n  error  cannot be read: permission denied');
    expect(text).toContain('1 input could not be checked');
  });

  it('colours only when asked', () => {
    expect(formatStylish(report([finding({})]), { color: true })).toContain('\u001b[');
    expect(formatStylish(report([finding({})]), { color: false })).not.toContain('\u001b[');
  });
});

describe('json', () => {
  it('follows the report contract', () => {
    const parsed = JSON.parse(formatJson(report([finding({})])));
    expectReportContract(parsed);
    expect(parsed.files.map((f: { path: string }) => f.path)).toEqual(['a.md', 'b.md']);
    expect(parsed.errors).toEqual([]);
  });
});

describe('filterReport', () => {
  it('keeps findings at or above the minimum and recounts', () => {
    const filtered = filterReport(report([finding({ severity: 'info' }), finding({ severity: 'error' })]), 'warning');
    expect(filtered.files[0]!.findings.map((f) => f.severity)).toEqual(['error']);
    expect(filtered.summary).toMatchObject({ files: 2, errors: 1, warnings: 0, infos: 0, filesWithFindings: 1 });
    expect(filtered.summary.byRule).toEqual({ 'nl.bias.x': 1 });
  });
});
