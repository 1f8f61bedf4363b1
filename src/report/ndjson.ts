import type { Outcome } from '../batch.js';
import type { Report } from './report.js';

/**
 * `--format ndjson`: one JSON object per line, written as the run goes: one per document
 * (`{"path","language","findings"}`, as in the JSON report's `files`), one per input that could
 * not be checked (`{"path","error","record"?}`), and a last line with the tool and summary.
 */
export function ndjsonOutcome(outcome: Outcome): string {
  if ('result' in outcome) {
    const { text: _text, ...result } = outcome.result;
    return `${JSON.stringify(result)}\n`;
  }
  const { path, message, record } = outcome.failure;
  return `${JSON.stringify({ path, error: message, ...(record !== undefined ? { record } : {}) })}\n`;
}

export function ndjsonEnd(report: Report): string {
  return `${JSON.stringify({ tool: report.tool, summary: report.summary })}\n`;
}

/** The whole report as NDJSON (when it was not streamed). */
export function formatNdjson(report: Report): string {
  return (
    report.errors.map((failure) => ndjsonOutcome({ failure })).join('') +
    report.files.map((result) => ndjsonOutcome({ result })).join('') +
    ndjsonEnd(report)
  );
}
