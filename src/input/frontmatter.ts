import { YAMLException } from 'js-yaml';
import { loadYaml } from '../yaml.js';
import type { FrontMatter, InputProblem } from './document.js';
import type { SourceRange } from './prose.js';

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/g;

export interface FrontMatterSpan {
  /** The whole block, both fences included. */
  range: SourceRange;
  /** The YAML between the fences. */
  value: SourceRange;
}

/** Locate YAML front matter: `---` on the first line, closed by `---` or `...` on a line of its own. */
export function findFrontMatter(source: string): FrontMatterSpan | null {
  const open = OPEN.exec(source);
  if (!open) return null;
  CLOSE.lastIndex = open[0].length - 1;
  const close = CLOSE.exec(source);
  if (!close) return null;
  return {
    range: { start: 0, end: close.index + close[0].length },
    value: { start: open[0].length, end: close.index },
  };
}

/** Replace every character of a range except line breaks by a space, keeping all offsets. */
export function blankOut(source: string, range: SourceRange): string {
  const inner = source.slice(range.start, range.end).replace(/[^\r\n]/g, ' ');
  return source.slice(0, range.start) + inner + source.slice(range.end);
}

export function parseFrontMatter(source: string, span: FrontMatterSpan): { frontMatter: FrontMatter; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  let data: Record<string, unknown> = {};
  let value: unknown;
  try {
    value = loadYaml(source.slice(span.value.start, span.value.end));
  } catch (error) {
    const mark = error instanceof YAMLException ? (error.mark as { position: number } | undefined) : undefined;
    const at = span.value.start + (mark?.position ?? 0);
    const detail = error instanceof YAMLException ? error.reason : 'nested too deeply';
    problems.push({
      ruleId: 'eindred.front-matter',
      severity: 'warning',
      message: 'frontMatterYaml',
      details: { detail },
      range: { start: at, end: at },
    });
    return { frontMatter: { data, range: span.range }, problems };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    data = value as Record<string, unknown>;
  } else if (value !== null && value !== undefined) {
    problems.push({
      ruleId: 'eindred.front-matter',
      severity: 'warning',
      message: 'frontMatterNotMapping',
      range: { start: span.value.start, end: span.value.start },
    });
  }
  return { frontMatter: { data, range: span.range }, problems };
}
