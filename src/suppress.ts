import type { Finding } from './finding.js';
import type { LineIndex } from './input/positions.js';
import type { SourceRange } from './input/prose.js';

/**
 * Inline suppressions: a human decides, with a reason on record, that a finding is not a problem.
 *
 *   <!-- eindred-disable-next-line nl.bias.blank -- citaat uit een vonnis van 1952 -->
 *   <!-- eindred-disable nl.claims -- interview, de bronnen staan in de inleiding -->
 *   …
 *   <!-- eindred-enable -->
 *
 * Rules are named by id, by id prefix (`nl.claims`) or by category (`claims`); none names every
 * rule. `disable-next-line` covers the paragraph that starts on the next non-blank line. Findings
 * about the whole draft (a missing disclosure) are covered by a `disable` that is never enabled
 * again. The reason after `--` is required.
 */

export interface Suppression {
  kind: 'next-line' | 'range';
  /** Rule ids, id prefixes or categories; empty for all rules. */
  rules: string[];
  reason: string;
  /** The comment itself. */
  comment: SourceRange;
  /** What it covers. */
  covers: SourceRange;
  /** A `disable` that is never enabled again. */
  open: boolean;
  used: number;
}

const COMMENT = /<!--\s*eindred-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

/** Every suppression comment of a source, with what it covers. */
export function findSuppressions(source: string, lines: LineIndex): Suppression[] {
  if (!source.includes('eindred-')) return [];
  const found: Suppression[] = [];
  const openRanges: Suppression[] = [];
  for (const m of source.matchAll(COMMENT)) {
    const start = m.index;
    const end = start + m[0].length;
    const [rulesText, ...reasonParts] = m[2]!.split(/\s--(?:\s|$)/);
    const rules = rulesText!.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join(' -- ').trim();
    if (m[1] === 'enable') {
      for (const range of openRanges.splice(0)) {
        if (rules.length > 0 && !range.rules.some((rule) => rules.includes(rule))) {
          openRanges.push(range);
          continue;
        }
        range.covers.end = start;
        range.open = false;
      }
      continue;
    }
    const suppression: Suppression = {
      kind: m[1] === 'disable' ? 'range' : 'next-line',
      rules,
      reason,
      comment: { start, end },
      covers: { start: end, end: source.length },
      open: m[1] === 'disable',
      used: 0,
    };
    if (suppression.kind === 'next-line') suppression.covers = nextParagraph(source, lines, end);
    else openRanges.push(suppression);
    found.push(suppression);
  }
  return found;
}

/** From the next non-blank line after `offset` to the blank line that ends its paragraph. */
function nextParagraph(source: string, lines: LineIndex, offset: number): SourceRange {
  let line = lines.position(offset).line + 1;
  const lineText = (n: number) => source.slice(lines.offset(n, 1), n < lines.lineCount ? lines.offset(n + 1, 1) : source.length);
  while (line <= lines.lineCount && !/\S/.test(lineText(line))) line++;
  if (line > lines.lineCount) return { start: source.length, end: source.length };
  const start = lines.offset(line, 1);
  while (line <= lines.lineCount && /\S/.test(lineText(line))) line++;
  return { start, end: line > lines.lineCount ? source.length : lines.offset(line, 1) };
}

function names(suppression: Suppression, finding: Finding): boolean {
  if (suppression.rules.length === 0) return !finding.ruleId.startsWith('eindred.suppression');
  return suppression.rules.some(
    (rule) => finding.ruleId === rule || finding.ruleId.startsWith(`${rule}.`) || finding.category === rule,
  );
}

/** A finding kept out of the report by a suppression, with the human decision behind it. */
export interface SuppressedFinding extends Finding {
  suppression: { reason: string; line: number };
}

/**
 * Split findings into those reported and those suppressed. `rangeOf` gives a finding's place in
 * the source; a finding with an empty excerpt is about the whole draft.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  rangeOf: (finding: Finding) => SourceRange | undefined,
  lines: LineIndex,
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const range = rangeOf(finding);
    const by = suppressions.find((s) => {
      if (!names(s, finding)) return false;
      if (finding.excerpt === '' && s.kind === 'range' && s.open) return true;
      return range !== undefined && range.start >= s.covers.start && range.start < s.covers.end;
    });
    if (!by) {
      kept.push(finding);
      continue;
    }
    by.used++;
    suppressed.push({ ...finding, suppression: { reason: by.reason, line: lines.position(by.comment.start).line } });
  }
  return { kept, suppressed };
}
