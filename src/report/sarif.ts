import type { FileResult } from '../engine.js';
import type { Finding, Severity } from '../finding.js';
import type { SuppressedFinding } from '../suppress.js';
import type { Report } from './report.js';
import type { RuleListing } from './rules.js';

/**
 * `--format sarif`: SARIF 2.1.0, for code review tools (GitHub code scanning, Azure DevOps, VS
 * Code's SARIF viewer). Rules carry their metadata (name, descriptions, help URI, default level);
 * suggestions become fixes a reviewer can accept; fingerprints let tools follow a finding across
 * edits; suppressed findings (with --report-suppressed) carry their reason as justification.
 * A finding in an export's article has no region in the file: its article and field are a
 * logical location.
 */

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

type Json = Record<string, unknown>;

function ruleName(id: string): string {
  return id
    .split('.')
    .slice(2)
    .join('-')
    .split(/[-_]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function describe(id: string, rule: RuleListing | undefined): Json {
  const short = rule?.description ?? rule?.reason?.split(/(?<=[.!?])\s/)[0] ?? id;
  const full = rule?.reason ?? rule?.description ?? id;
  const help = [rule?.reason, rule && rule.suggest.length > 0 ? `Alternatives: ${rule.suggest.join(', ')}.` : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    name: ruleName(id) || id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    ...(rule?.source ? { helpUri: rule.source } : {}),
    ...(help ? { help: { text: help } } : {}),
    defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
    properties: {
      category: rule?.category ?? id.split('.')[1] ?? 'input',
      ...(rule ? { pack: rule.pack, language: rule.language, kind: rule.kind } : {}),
      tags: [rule?.category ?? 'eindred'],
    },
  };
}

function artifactOf(path: string): { uri: string; article?: string } {
  const hash = path.indexOf('#');
  return hash < 0 ? { uri: path } : { uri: path.slice(0, hash), article: path.slice(hash + 1) };
}

function region(f: Finding): Json {
  return {
    startLine: f.line,
    startColumn: f.column,
    ...(f.excerpt ? { endLine: f.endLine, endColumn: f.endColumn, snippet: { text: f.excerpt } } : {}),
  };
}

function result(file: FileResult, f: Finding | SuppressedFinding, ruleIndex: Map<string, number>): Json {
  const { uri, article } = artifactOf(file.path);
  const inField = f.field !== undefined;
  const location: Json = {
    physicalLocation: { artifactLocation: { uri }, ...(inField ? {} : { region: region(f) }) },
    ...(article !== undefined
      ? { logicalLocations: [{ fullyQualifiedName: `${article}${inField ? `/${f.field}` : ''}`, kind: 'member' }] }
      : {}),
  };
  // Better words as fixes: replacing the excerpt, for a reviewer to accept (never for personal data).
  const fixes =
    !inField && f.excerpt && f.category !== 'privacy' && f.suggestions.length > 0
      ? f.suggestions.map((text) => ({
          description: { text: `Replace ‘${f.excerpt}’ with ‘${text}’` },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: [
                {
                  deletedRegion: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                  insertedContent: { text },
                },
              ],
            },
          ],
        }))
      : undefined;
  return {
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
    ...(f.fingerprint ? { partialFingerprints: { 'eindred/v1': f.fingerprint } } : {}),
    ...(fixes ? { fixes } : {}),
    ...('suppression' in f ? { suppressions: [{ kind: 'inSource', justification: f.suppression.reason }] } : {}),
    properties: {
      category: f.category,
      inQuote: f.inQuote,
      ...(inField ? { field: f.field, line: f.line, column: f.column } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
    },
  };
}

export function formatSarif(report: Report, options: { rules?: ReadonlyMap<string, RuleListing> }): string {
  const used = [
    ...new Set(report.files.flatMap((file) => [...file.findings, ...(file.suppressed ?? [])].map((f) => f.ruleId))),
  ].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const results = report.files.flatMap((file) =>
    [...file.findings, ...(file.suppressed ?? [])].map((f) => result(file, f, ruleIndex)),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eindred',
            version: report.tool.version,
            rules: used.map((id) => describe(id, options.rules?.get(id))),
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((failure) => ({
              level: 'error',
              message: { text: failure.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactOf(failure.path).uri } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
