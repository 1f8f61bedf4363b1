import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../finding.js';
import type { Report } from './report.js';

export interface StylishOptions {
  color: boolean;
  /** Print nothing at all when there is nothing to report (--quiet). */
  quiet?: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * `--format stylish`, the default: per file, one line per finding (line:column, severity, message,
 * rule id), the reason under it, and a summary line. Columns are aligned per file, ESLint-style.
 */
export function formatStylish(report: Report, options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const severityText = (finding: Finding): string => {
    const label = finding.severity.padEnd(7);
    return finding.severity === 'error' ? c.red(label) : finding.severity === 'warning' ? c.yellow(label) : c.blue(label);
  };
  const out: string[] = [];

  for (const failure of report.errors) {
    out.push(c.underline(failure.path));
    out.push(`  ${c.red('error')}  ${failure.message}`, '');
  }

  for (const file of report.files) {
    if (file.findings.length === 0 && !file.suppressed?.length) continue;
    out.push(c.underline(file.path));
    const where = file.findings.map((f) => `${f.field ? `${f.field} ` : ''}${f.line}:${f.column}`);
    const width = Math.max(
      0,
      ...where.map((w) => w.length),
      ...(file.suppressed ?? []).map((f) => `${f.line}:${f.column}`.length),
    );
    const indent = ' '.repeat(2 + width + 2 + 7 + 2);
    file.findings.forEach((finding, i) => {
      const quote = finding.inQuote ? c.dim(' (in a quote)') : '';
      // The words found, when the rule's message does not quote them itself (a line break in the
      // draft is a space in the message).
      const excerpt = finding.excerpt.replace(/\s+/g, ' ');
      const words = excerpt && !finding.message.includes(excerpt) ? ` ${c.bold(`‘${excerpt}’`)}` : '';
      out.push(
        `  ${c.dim(where[i]!.padStart(width))}  ${severityText(finding)}  ${finding.message}${words}${quote}  ${c.dim(finding.ruleId)}`,
      );
      if (finding.reason) out.push(`${indent}${c.dim(finding.reason)}`);
    });
    for (const finding of file.suppressed ?? []) {
      out.push(
        c.dim(`  ${`${finding.line}:${finding.column}`.padStart(width)}  suppressed  ${finding.message}  ${finding.ruleId}`),
        c.dim(`${indent}reason (line ${finding.suppression.line}): ${finding.suppression.reason || '(none given)'}`),
      );
    }
    out.push('');
  }

  out.push(totalLine(report, options, c));
  if (options.quiet && report.summary.errors + report.summary.warnings + report.summary.infos === 0 && report.errors.length === 0)
    return '';
  return `${out.join('\n')}\n`;
}

/** The last line of the report: how many problems in how many files. */
export function totalLine(report: Report, options: StylishOptions, chalk?: ChalkInstance): string {
  const c = chalk ?? new Chalk({ level: options.color ? 1 : 0 });
  const { errors, warnings, infos, files, filesWithFindings } = report.summary;
  const problems = errors + warnings + infos;
  const failed = report.errors.length;
  // A bad record of an export is not a whole input: "1 input and 2 export records could not be checked".
  const records = report.errors.filter((failure) => (failure.record ?? 0) > 0).length;
  const unchecked = [
    ...(failed > records ? [plural(failed - records, 'input')] : []),
    ...(records > 0 ? [plural(records, 'export record')] : []),
  ];
  const unread =
    (failed > 0 ? `; ${unchecked.join(' and ')} could not be checked` : '') +
    (report.summary.suppressed > 0 ? `; ${report.summary.suppressed} suppressed` : '') +
    (report.summary.baselined > 0 ? `; ${report.summary.baselined} in the baseline` : '');
  if (problems === 0) {
    return `${failed > 0 ? c.red('✖') : c.green('✔')} No problems in ${plural(files, 'file')}${unread}`;
  }
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
  const mark = errors > 0 || failed > 0 ? c.red.bold('✖') : warnings > 0 ? c.yellow.bold('⚠') : c.blue('ℹ');
  return `${mark} ${plural(problems, 'problem')} (${counts}) in ${filesWithFindings} of ${plural(files, 'file')}${unread}`;
}

/** How long a run took and how much it read, for the summary (never in the JSON report). */
export interface RunStats {
  ms: number;
  bytes: number;
}

/**
 * The summary of a batch, after the per-file report: findings per category and per rule, the
 * documents with most errors, time taken and throughput.
 */
export function formatSummary(report: Report, stats: RunStats, options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { summary } = report;
  const out: string[] = [c.bold('Summary')];
  const table = (counts: Record<string, number>, limit: number): void => {
    const entries = Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit);
    const width = Math.max(0, ...entries.map(([key]) => key.length));
    for (const [key, n] of entries) out.push(`    ${key.padEnd(width)}  ${String(n).padStart(6)}`);
    const rest = Object.keys(counts).length - entries.length;
    if (rest > 0) out.push(c.dim(`    … and ${plural(rest, 'more rule')}`));
  };
  if (Object.keys(summary.byCategory).length > 0) {
    out.push('  per category');
    table(summary.byCategory, 10);
    out.push('  per rule');
    table(summary.byRule, 15);
  }
  if (summary.mostErrors.length > 0) {
    // Sorted by errors, then warnings: a batch without errors lists the most warnings.
    out.push(summary.mostErrors[0]!.errors > 0 ? '  most errors' : '  most warnings');
    for (const entry of summary.mostErrors.slice(0, 5)) {
      out.push(`    ${entry.path}  ${c.red(plural(entry.errors, 'error'))}, ${plural(entry.warnings, 'warning')}`);
    }
  }
  const seconds = stats.ms / 1000;
  const rate = seconds > 0 ? summary.files / seconds : 0;
  const mb = stats.bytes / 1e6;
  const mbPerSecond = mb / Math.max(seconds, 0.001);
  // A few drafts go at kilobytes a second: "0.0 MB/s" would say nothing.
  const speed = mbPerSecond >= 0.1 ? `${mbPerSecond.toFixed(1)} MB/s` : `${(mbPerSecond * 1000).toFixed(0)} kB/s`;
  out.push(
    `  ${plural(summary.files, 'document')} in ${seconds.toFixed(1)} s (${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)} per second${mb > 0 ? `, ${speed}` : ''})`,
  );
  return `${out.join('\n')}\n`;
}
