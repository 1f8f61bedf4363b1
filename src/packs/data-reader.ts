import { YAMLException } from 'js-yaml';
import { commonJs } from '../interop.js';
import { loadYaml } from '../yaml.js';
import { closest, type FileIssue } from './issues.js';

/**
 * Reads a YAML pack or config as plain data and validates it key by key. Parsing uses js-yaml
 * (several times faster than a position-keeping parser, which matters for 10,000-term packs);
 * a problem is recorded with its path in the data (`rules[3].severity`) and located in the file
 * only when there are problems, with the `yaml` package, which keeps exact source positions.
 */

export type DataPath = readonly (string | number)[];

interface PendingIssue {
  path: DataPath;
  /** Point at the key rather than its value (unknown keys). */
  atKey: boolean;
  message: string;
  ruleId?: string;
}

export class DataFile {
  readonly root: unknown = null;
  private readonly pending: PendingIssue[] = [];
  private syntaxIssue: FileIssue | null = null;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    try {
      this.root = loadYaml(text) ?? null;
    } catch (error) {
      if (!(error instanceof YAMLException)) {
        // js-yaml recurses per nesting level: absurdly deep nesting ends in a RangeError.
        this.syntaxIssue = { file, line: 0, column: 0, message: 'the YAML is nested too deeply to read' };
        return;
      }
      const mark = error.mark as { line: number; column: number } | undefined;
      this.syntaxIssue = {
        file,
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        message: `YAML syntax error: ${error.reason}`,
      };
    }
  }

  get hasIssues(): boolean {
    return this.syntaxIssue !== null || this.pending.length > 0;
  }

  get issueCount(): number {
    return this.pending.length;
  }

  issue(path: DataPath, message: string, ruleId?: string, atKey = false): void {
    this.pending.push({ path, message, atKey, ...(ruleId ? { ruleId } : {}) });
  }

  /** The root as a mapping, or null after recording what is wrong. */
  rootMap(what: string): MapReader | null {
    if (this.syntaxIssue) return null;
    if (this.root === null) {
      this.issue([], `the file is empty: expected ${what}`);
      return null;
    }
    return asMap(this, this.root, [], what);
  }

  /** Every problem, located in the file. Loads the position-keeping parser only now. */
  async problems(): Promise<FileIssue[]> {
    if (this.syntaxIssue) return [this.syntaxIssue];
    if (this.pending.length === 0) return [];
    const { isMap, isPair, isScalar, LineCounter, parseDocument } = commonJs(await import('yaml'));
    const lines = new LineCounter();
    const doc = parseDocument(this.text, { lineCounter: lines });
    return this.pending.map((issue) => {
      let offset = 0;
      // Walk down the path as far as the document goes; a missing key points at its parent.
      let node: unknown = doc.contents;
      for (let i = 0; i < issue.path.length; i++) {
        const segment = issue.path[i];
        const last = i === issue.path.length - 1;
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
          if (pair && last && issue.atKey) next = pair.key;
          else next = pair?.value;
        } else if (node && typeof segment === 'number' && 'items' in (node as object)) {
          next = (node as { items: unknown[] }).items[segment];
        }
        if (!next) break;
        node = next;
      }
      const range = (node as { range?: [number, number, number] } | null)?.range;
      offset = range?.[0] ?? 0;
      const { line, col } = lines.linePos(offset);
      return { file: this.file, line, column: col, message: issue.message, ...(issue.ruleId ? { ruleId: issue.ruleId } : {}) };
    });
  }
}

export type ScalarValue = string | number | boolean | null;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

export class MapReader {
  constructor(
    readonly data: DataFile,
    readonly value: Record<string, unknown>,
    readonly path: DataPath,
    /** Rule the mapping belongs to, named in every problem found in it. */
    public ruleId?: string,
  ) {}

  keys(): string[] {
    return Object.keys(this.value);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.value, key);
  }

  issue(key: string | null, message: string): void {
    this.data.issue(key === null ? this.path : [...this.path, key], message, this.ruleId);
  }

  /** Report keys outside `allowed`, with the nearest allowed key as a hint. */
  allowOnly(allowed: readonly string[], where: string): void {
    for (const key of this.keys()) {
      if (allowed.includes(key)) continue;
      const guess = closest(key, allowed);
      const hint = guess ? `did you mean ‘${guess}’?` : `allowed keys: ${allowed.join(', ')}`;
      this.data.issue([...this.path, key], `unknown key ‘${key}’ in ${where}: ${hint}`, this.ruleId, true);
    }
  }

  scalar(key: string): ScalarValue | undefined {
    const value = this.value[key];
    if (value === undefined) return undefined;
    if (value !== null && typeof value === 'object') {
      this.issue(key, `‘${key}’ must be a single value, not ${describe(value)}`);
      return undefined;
    }
    return value as ScalarValue;
  }

  string(key: string, options: { required?: boolean; where?: string } = {}): string | undefined {
    if (!this.has(key)) {
      if (options.required) this.issue(null, `‘${key}’ is missing${options.where ? ` in ${options.where}` : ''}`);
      return undefined;
    }
    const value = this.scalar(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.issue(key, `‘${key}’ must be a non-empty text, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.scalar(key);
    if (typeof value !== 'boolean') {
      if (value !== undefined) this.issue(key, `‘${key}’ must be true or false, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  number(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.scalar(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (value !== undefined) this.issue(key, `‘${key}’ must be a number, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      const guess = closest(value, allowed);
      this.issue(
        key,
        `‘${key}’ must be one of ${allowed.join(', ')}, not ‘${value}’${guess ? ` (did you mean ‘${guess}’?)` : ''}`,
      );
      return undefined;
    }
    return value as T;
  }

  /** A list of texts; a single text counts as a list of one. Numbers are read as texts. */
  stringList(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const value = this.value[key];
    const items = Array.isArray(value) ? value : [value];
    const result: string[] = [];
    items.forEach((item, i) => {
      if ((typeof item === 'string' && item.trim() !== '') || typeof item === 'number') {
        result.push(String(item));
      } else {
        this.data.issue(
          Array.isArray(value) ? [...this.path, key, i] : [...this.path, key],
          `every item of ‘${key}’ must be a non-empty text, not ${describe(item)}`,
          this.ruleId,
        );
      }
    });
    return result;
  }

  /** The items of a list, each with its path, for lists of mappings. */
  items(key: string): { value: unknown; path: DataPath }[] | undefined {
    if (!this.has(key)) return undefined;
    const value = this.value[key];
    if (!Array.isArray(value)) {
      this.issue(key, `‘${key}’ must be a list (lines starting with "- "), not ${describe(value)}`);
      return undefined;
    }
    return value.map((item, i) => ({ value: item, path: [...this.path, key, i] }));
  }

  map(key: string): MapReader | undefined {
    if (!this.has(key)) return undefined;
    return asMap(this.data, this.value[key], [...this.path, key], `‘${key}’`, this.ruleId) ?? undefined;
  }
}

export function asMap(data: DataFile, value: unknown, path: DataPath, what: string, ruleId?: string): MapReader | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    data.issue(path, `expected ${what} as key: value lines, not ${describe(value)}`, ruleId);
    return null;
  }
  return new MapReader(data, value as Record<string, unknown>, path, ruleId);
}

/** The line of each `id:` in a pack, to point at rules without keeping positions for all data. */
export function idLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const id = /^[ \t]*(?:-[ \t]+)?(?:\{[ \t]*)?id:[ \t]*["']?([^"',}\s#]+)/;
  text.split('\n').forEach((line, i) => {
    const m = id.exec(line);
    if (m && !lines.has(m[1]!)) lines.set(m[1]!, i + 1);
  });
  return lines;
}
