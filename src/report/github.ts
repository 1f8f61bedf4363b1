import type { Severity } from '../finding.js';
import type { Report } from './report.js';

/**
 * `--format github`: GitHub Actions workflow commands, so that findings appear as annotations on
 * the pull request's files. A finding inside an export's article is annotated on the export file
 * and says which article and field it is in.
 */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const failure of report.errors)
    lines.push(`::error file=${property(failure.path.split('#')[0]!)}::${data(failure.message)}`);
  for (const file of report.files) {
    const hash = file.path.indexOf('#');
    const path = hash < 0 ? file.path : file.path.slice(0, hash);
    for (const f of file.findings) {
      const where =
        f.field === undefined
          ? `,line=${f.line},col=${f.column}${f.excerpt ? `,endLine=${f.endLine},endColumn=${f.endColumn}` : ''}`
          : '';
      const article = hash < 0 ? '' : `[${file.path.slice(hash + 1)}${f.field ? ` ${f.field} ${f.line}:${f.column}` : ''}] `;
      lines.push(
        `::${COMMAND[f.severity]} file=${property(path)}${where},title=${property(f.ruleId)}::${data(article + f.message)}`,
      );
    }
  }
  const { errors, warnings, infos, files } = report.summary;
  lines.push(`eindred: ${errors} errors, ${warnings} warnings, ${infos} infos in ${files} files`);
  return `${lines.join('\n')}\n`;
}
