import { Chalk } from 'chalk';
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
    if (file.findings.length === 0) continue;
    out.push(c.underline(file.path));
    const where = file.findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...where.map((w) => w.length));
    const indent = ' '.repeat(2 + width + 2 + 7 + 2);
    file.findings.forEach((finding, i) => {
      const quote = finding.inQuote ? c.dim(' (in a quote)') : '';
      // The words found, when the rule's message does not quote them itself.
      const words =
        finding.excerpt && !finding.message.includes(finding.excerpt)
          ? ` ${c.bold(`‘${finding.excerpt.replace(/\s+/g, ' ')}’`)}`
          : '';
      out.push(
        `  ${c.dim(where[i]!.padStart(width))}  ${severityText(finding)}  ${finding.message}${words}${quote}  ${c.dim(finding.ruleId)}`,
      );
      if (finding.reason) out.push(`${indent}${c.dim(finding.reason)}`);
    });
    out.push('');
  }

  const { errors, warnings, infos, files } = report.summary;
  const problems = errors + warnings + infos;
  const failed = report.errors.length;
  const unread = failed > 0 ? `; ${plural(failed, 'file')} could not be checked` : '';
  if (problems === 0) {
    if (options.quiet && failed === 0) return '';
    out.push(`${failed > 0 ? c.red('✖') : c.green('✔')} No problems in ${plural(files, 'file')}${unread}`);
  } else {
    const withFindings = report.files.filter((f) => f.findings.length > 0).length;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
    const mark = errors > 0 || failed > 0 ? c.red.bold('✖') : warnings > 0 ? c.yellow.bold('⚠') : c.blue('ℹ');
    out.push(`${mark} ${plural(problems, 'problem')} (${counts}) in ${withFindings} of ${plural(files, 'file')}${unread}`);
  }
  return `${out.join('\n')}\n`;
}
