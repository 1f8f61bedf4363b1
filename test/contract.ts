import { expect } from 'vitest';

/**
 * The JSON report contract of the product brief, as other tools rely on it: every field named
 * there, with its type. Fields may be added (eindred adds `reason`, `source` and `errors`).
 */
export function expectReportContract(report: unknown): void {
  expect(report).toMatchObject({
    tool: { name: 'eindred', version: expect.any(String) },
    files: expect.any(Array),
    summary: { files: expect.any(Number), errors: expect.any(Number), warnings: expect.any(Number), infos: expect.any(Number) },
  });
  const { files, summary } = report as {
    files: { path: unknown; language: unknown; findings: Record<string, unknown>[] }[];
    summary: Record<string, number>;
  };
  expect(summary.files).toBe(files.length);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    expect(typeof file.path).toBe('string');
    expect(typeof file.language).toBe('string');
    expect(Array.isArray(file.findings)).toBe(true);
    for (const finding of file.findings) {
      expect(finding).toMatchObject({
        ruleId: expect.any(String),
        category: expect.any(String),
        severity: expect.stringMatching(/^(error|warning|info)$/),
        message: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
        excerpt: expect.any(String),
        suggestions: expect.any(Array),
        inQuote: expect.any(Boolean),
      });
      expect(finding.line as number).toBeGreaterThanOrEqual(1);
      expect(finding.column as number).toBeGreaterThanOrEqual(1);
      counts[finding.severity as keyof typeof counts]++;
    }
  }
  expect([summary.errors, summary.warnings, summary.infos]).toEqual([counts.error, counts.warning, counts.info]);
}
