import type { FileResult } from './engine.js';

/**
 * Baselines, for adopting eindred on an archive: the findings that are already there are written
 * down once (`--update-baseline`); later runs with `--baseline` report only new ones. Findings are
 * matched by fingerprint (rule, excerpt, nearby words), so they survive lines moving; a finding
 * that occurs twice needs two entries.
 */

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  /** For people reading the file in a review (masked for personal data, as in reports). */
  excerpt: string;
  count: number;
}

export interface Baseline {
  tool: 'eindred';
  version: 1;
  /** By path, as the report shows it. */
  files: Record<string, BaselineEntry[]>;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file} is not a baseline: ${(error as Error).message}`);
  }
  const baseline = data as Partial<Baseline>;
  if (!baseline || baseline.tool !== 'eindred' || baseline.version !== 1 || typeof baseline.files !== 'object') {
    throw new BaselineError(`${file} is not an eindred baseline (version 1); write one with --update-baseline`);
  }
  return baseline as Baseline;
}

/** Takes the baseline's findings out of results, one entry per occurrence. */
export class BaselineFilter {
  private readonly remaining = new Map<string, Map<string, number>>();

  constructor(baseline: Baseline) {
    for (const [path, entries] of Object.entries(baseline.files)) {
      const counts = new Map<string, number>();
      for (const entry of entries) counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + (entry.count || 1));
      this.remaining.set(path, counts);
    }
  }

  /** The result without its known findings, and how many were taken out. */
  apply(result: FileResult): { result: FileResult; removed: number } {
    const counts = this.remaining.get(result.path);
    if (!counts) return { result, removed: 0 };
    const findings = result.findings.filter((finding) => {
      const left = finding.fingerprint ? (counts.get(finding.fingerprint) ?? 0) : 0;
      if (left <= 0) return true;
      counts.set(finding.fingerprint!, left - 1);
      return false;
    });
    return { result: { ...result, findings }, removed: result.findings.length - findings.length };
  }
}

/** A baseline of everything found now. */
export class BaselineWriter {
  private readonly files: Record<string, BaselineEntry[]> = {};

  add(result: FileResult): void {
    if (result.findings.length === 0) return;
    const byPrint = new Map<string, BaselineEntry>();
    for (const finding of result.findings) {
      if (!finding.fingerprint) continue;
      const entry = byPrint.get(finding.fingerprint);
      if (entry) entry.count++;
      else
        byPrint.set(finding.fingerprint, {
          ruleId: finding.ruleId,
          fingerprint: finding.fingerprint,
          excerpt: finding.excerpt,
          count: 1,
        });
    }
    this.files[result.path] = [...byPrint.values()];
  }

  toJson(): string {
    const files = Object.fromEntries(Object.entries(this.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const baseline: Baseline = { tool: 'eindred', version: 1, files };
    return `${JSON.stringify(baseline, null, 2)}\n`;
  }
}
