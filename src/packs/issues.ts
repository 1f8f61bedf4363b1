/** A problem in a pack or config file, located for the person who has to fix it. */
export interface FileIssue {
  file: string;
  /** 1-based; 0 when the problem is with the file as a whole. */
  line: number;
  column: number;
  /** The rule the problem is in, when it is in one. */
  ruleId?: string;
  message: string;
}

/** A pack or config that cannot be used: the run stops with exit code 2. */
export class PackError extends Error {
  constructor(readonly issues: readonly FileIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'PackError';
  }

  static format(issue: FileIssue): string {
    return formatIssue(issue);
  }
}

export function formatIssue(issue: FileIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.ruleId ? `${where}: rule ${issue.ruleId}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** The closest candidate to a misspelt name, for "did you mean" hints. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
