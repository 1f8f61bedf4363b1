import type { Report } from './report.js';

/**
 * `--format junit`: JUnit XML for CI systems that show test results. Each document is a test
 * suite; each error or warning a failing test case; infos pass with their message as output; a
 * document without findings is one passing case; an input that could not be read is an error.
 */
const xml = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const failure of report.errors) {
    tests++;
    suites.push(
      `  <testsuite name="${xml(failure.path)}" tests="1" failures="0" errors="1">\n    <testcase classname="${xml(failure.path)}" name="read"><error message="${xml(failure.message)}"/></testcase>\n  </testsuite>`,
    );
  }
  for (const file of report.files) {
    const cases: string[] = [];
    let failed = 0;
    for (const f of file.findings) {
      const where = `${f.field ? `${f.field} ` : ''}${f.line}:${f.column}`;
      const name = `${xml(f.ruleId)} ${xml(where)}`;
      if (f.severity === 'info') {
        cases.push(
          `    <testcase classname="${xml(file.path)}" name="${name}"><system-out>${xml(f.message)}</system-out></testcase>`,
        );
      } else {
        failed++;
        const body = [f.message, f.excerpt && `‘${f.excerpt}’`, f.reason, f.source].filter(Boolean).join('\n');
        cases.push(
          `    <testcase classname="${xml(file.path)}" name="${name}"><failure type="${f.severity}" message="${xml(f.message)}">${xml(body)}</failure></testcase>`,
        );
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file.path)}" name="eindred"/>`);
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="eindred" tests="${tests}" failures="${failures}" errors="${report.errors.length}">\n${suites.join('\n')}\n</testsuites>\n`;
}
