import type { ActiveRule, BlockContext, DocumentContext, Hit, Matcher, Quote } from './checks/types.js';
import { compareFindings, severityRank, type Finding } from './finding.js';
import type { BlockKind, Document, FieldSpan, ProseBlock } from './input/document.js';
import { dropOverlaps } from './checks/overlaps.js';
import { stands } from './checks/stands.js';
import { fingerprint } from './fingerprint.js';
import { applySuppressions, findSuppressions, type SuppressedFinding } from './suppress.js';
import { ProseBuilder, type SourceRange } from './input/prose.js';
import { clearVote, functionWordVotes, LANGUAGE_NAMES, loadDetector, otherScript } from './language/detect.js';
import { findQuotes, insideAny, isAttributed } from './language/quotes.js';
import { splitSentences, type Span } from './language/sentences.js';
import { lowerAligned, tokensOf, type Token } from './language/tokens.js';
import { vocabulary, type WordNumbers } from './language/vocabulary.js';
import { coreMessage, formatList } from './messages.js';
import type { RuleSet } from './packs/ruleset.js';

export interface LintOptions {
  /** Language of a document that does not declare one (--lang, or the config's `language`). */
  defaultLanguage?: string;
  /** Treat every block as this language, without detection (used to run pack examples). */
  forceLanguage?: string;
}

export interface FileResult {
  path: string;
  /** The document's language (ISO 639-1), or `und` when it could not be determined. */
  language: string;
  findings: Finding[];
  /**
   * The checked text, for reports that show it (HTML): per field for an export's article. Only
   * when asked for, and never part of the JSON report.
   */
  text?: { field?: string; text: string }[];
  /** Findings an inline suppression keeps out of `findings`, with its reason (--report-suppressed). */
  suppressed?: SuppressedFinding[];
}

/** Below this many letters, a document's function words decide its language before franc does. */
const SHORT_TEXT_LETTERS = 200;
/** Enough letters for franc to be reliable on a block of its own. */
const MIN_DETECT_LETTERS = 40;
/** How much prose franc looks at for the document language: plenty for news text. */
const SAMPLE_CHARS = 1500;
/** Words of a block whose function words are counted: function words are dense, fifty show it. */
const BLOCK_VOTERS = 50;

class Block implements BlockContext {
  private cachedLower: string | undefined;
  private cachedIds: WordNumbers | undefined;
  private cachedSentences: Span[] | undefined;
  private cachedQuotes: Quote[] | undefined;
  private cachedSpoken: Quote[] | undefined;
  language = 'und';

  constructor(
    readonly prose: ProseBlock,
    readonly kind: BlockKind | 'url' = prose.kind,
  ) {}

  get text(): string {
    return this.prose.text;
  }

  get inBlockQuote(): boolean {
    return this.prose.inBlockQuote;
  }

  range(start: number, end: number): SourceRange {
    return this.prose.map.range(start, end);
  }

  lower(): string {
    return (this.cachedLower ??= lowerAligned(this.prose.text));
  }

  /** Numbered again when the vocabulary started a new generation since (see vocabulary.ts). */
  wordIds(): WordNumbers {
    if (this.cachedIds?.generation !== vocabulary.generation) this.cachedIds = vocabulary.number(this.lower());
    return this.cachedIds;
  }

  sentences(): readonly Span[] {
    return (this.cachedSentences ??= splitSentences(this.prose.text, this.language));
  }

  /** Tokens wholly inside text[from, to), found by binary search. */
  tokensIn(from: number, to: number): readonly Token[] {
    const { starts, ends } = this.wordIds();
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < ends.length && ends[end]! <= to) end++;
    return tokensOf(starts.subarray(lo, end), ends.subarray(lo, end));
  }

  quotes(): readonly Quote[] {
    this.cachedQuotes ??= findQuotes(this.prose.text).map((span) => ({
      ...span,
      attributed: isAttributed(this.prose.text, this.lower(), span, this.sentences(), this.language, (from, to) =>
        this.tokensIn(from, to),
      ),
    }));
    return this.cachedQuotes;
  }

  /** In a block quote, or in a direct quote: quotation marks around someone's speech. */
  inQuote(start: number, end: number): boolean {
    if (this.prose.inBlockQuote) return true;
    return insideAny((this.cachedSpoken ??= this.quotes().filter((quote) => quote.attributed)), start, end);
  }
}

/** `lang: nl`, `lang: nl-NL`, `lang: NL` → `nl`. */
export function normalizeLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

async function detectDocumentLanguage(blocks: readonly Block[]): Promise<string> {
  let sample = '';
  const votes = new Map<string, number>();
  for (const block of blocks) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${block.text}\n`;
    for (const [language, count] of functionWordVotes(block.wordIds())) votes.set(language, (votes.get(language) ?? 0) + count);
  }
  const clear = clearVote(votes);
  if (clear) return clear;
  const letters = sample.replace(/[^\p{L}]/gu, '').length;
  // On a sentence or two franc guesses wildly (short Dutch is often "German"); a function word is surer.
  const vote = strongestVote(votes);
  if (vote && letters < SHORT_TEXT_LETTERS) return vote;
  if (letters >= 20) {
    const detected = (await loadDetector())(sample.slice(0, SAMPLE_CHARS));
    if (detected) return detected;
  }
  return strongestVote(votes) ?? 'und';
}

function strongestVote(votes: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestVotes = 0;
  for (const [language, count] of votes) {
    if (count > bestVotes) {
      best = language;
      bestVotes = count;
    }
  }
  return best;
}

/**
 * A block keeps the document's language unless its function words point elsewhere, clearly or
 * with franc agreeing on enough text: a Dutch article with an English quote gets English rules on
 * the quote. A block in another script (a Hindi answer in an English interview) is in none of the
 * candidate languages: it is named by its script and not checked.
 */
async function blockLanguage(block: Block, documentLanguage: string): Promise<string> {
  const numbers = block.wordIds();
  if (numbers.ids.length < 4) return documentLanguage;
  const votes = functionWordVotes(numbers, BLOCK_VOTERS);
  const own = votes.get(documentLanguage) ?? 0;
  // Only asked of blocks without a function word of the document's language: rare, and cheap.
  const script = own === 0 ? otherScript(block.text) : undefined;
  if (script) return script;
  const other = strongestVote(votes);
  // At least two function words of another language, and more than of the document's own.
  if (!other || other === documentLanguage || (votes.get(other) ?? 0) <= Math.max(own, 1)) return documentLanguage;
  // Several function words of one other language and none of the document's settle it.
  const clear = clearVote(votes, 4);
  if (clear) return clear;
  const letters = block.text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_DETECT_LETTERS && (votes.get(other) ?? 0) < 3) return documentLanguage;
  return (await loadDetector())(block.text) ?? documentLanguage;
}

function findingRange(document: Document, range: SourceRange) {
  const field = document.fields && fieldAt(document.fields, range.start);
  if (field) {
    const start = field.lines.position(range.start - field.start);
    const end = field.lines.position(Math.min(range.end, field.end) - field.start);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, field: field.name };
  }
  const start = document.lines.position(range.start);
  const end = document.lines.position(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The field an offset lies in (the last one that starts at or before it). */
function fieldAt(fields: readonly FieldSpan[], offset: number): FieldSpan | undefined {
  let found = fields[0];
  for (const field of fields) {
    if (field.start > offset) break;
    found = field;
  }
  return found;
}

/** `06-12345678` → `••-•••••678`: letters and digits hidden except the last three. */
export function maskSecret(text: string): string {
  let keep = 3;
  const chars = [...text];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[\p{L}\p{N}]/u.test(chars[i]!)) continue;
    if (keep > 0) keep--;
    else chars[i] = '•';
  }
  return chars.join('');
}

function hitToFinding(document: Document, block: Block, hit: Hit): Finding | null {
  const { rule } = hit;
  if (!stands(rule, block, hit.start, hit.end)) return null;
  const inQuote = block.kind !== 'url' && block.inQuote(hit.start, hit.end);
  if (inQuote && rule.spec.inQuote === 'ignore') return null;
  return toFinding(document, rule, block.range(hit.start, hit.end), block.text.slice(hit.start, hit.end), inQuote);
}

/** A finding of a rule at a source range; `match` is what {match} in the message stands for. */
function toFinding(document: Document, rule: ActiveRule, range: SourceRange, match: string, inQuote: boolean): Finding {
  const finding = buildFinding(document, rule, range, match, inQuote);
  RANGES.set(finding, range);
  return finding;
}

/** Where each finding lies in its document's source: for suppressions and fingerprints. */
const RANGES = new WeakMap<Finding, SourceRange>();

function buildFinding(document: Document, rule: ActiveRule, range: SourceRange, match: string, inQuote: boolean): Finding {
  const spec = rule.spec;
  const excerpt = document.source.slice(range.start, range.end);
  // Personal data never reaches a report in full: a report file must not become a leak itself.
  const secret = spec.category === 'privacy';
  const shown = secret ? maskSecret(excerpt) : match.replace(/\s+/g, ' ');
  const message = spec.message.replace(/\{match\}/g, shown).replace(/\{suggest\}/g, formatList(spec.suggest, spec.language));
  return {
    ruleId: spec.id,
    category: spec.category,
    severity: inQuote && spec.inQuote === 'info' ? 'info' : rule.severity,
    message,
    ...findingRange(document, range),
    excerpt: secret ? shown : excerpt,
    suggestions: [...spec.suggest],
    inQuote,
    ...(spec.reason ? { reason: spec.reason } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  };
}

/** Check one document against a rule set. Pure apart from loading the language detector. */
export async function lintDocument(document: Document, ruleSet: RuleSet, options: LintOptions = {}): Promise<FileResult> {
  const blocks = document.blocks.map((prose) => new Block(prose));
  const declared = options.forceLanguage ?? normalizeLanguage(document.frontMatter?.data.lang) ?? options.defaultLanguage;
  const language = declared ?? (blocks.length > 0 ? await detectDocumentLanguage(blocks) : 'und');

  const findings: Finding[] = [];
  /** Findings that show AI was used (chatbot leftovers outside quotes), for document checks. */
  const aiEvidence: Finding[] = [];
  const checkBlock = (block: Block, matchers: readonly Matcher[]): void => {
    const hits: Hit[] = [];
    for (const matcher of matchers) matcher.block?.(block, (hit) => hits.push(hit));
    for (const hit of dropOverlaps(hits)) {
      const finding = hitToFinding(document, block, hit);
      if (!finding) continue;
      findings.push(finding);
      if (hit.rule.spec.showsAiUse && !finding.inQuote) aiEvidence.push(finding);
    }
  };
  /** Per language no pack covers: its first block and how many blocks are in it. */
  const unchecked = new Map<string, { first: Block; count: number }>();
  for (const block of blocks) {
    block.language =
      options.forceLanguage ?? (language === 'und' ? (otherScript(block.text) ?? 'und') : await blockLanguage(block, language));
    const matchers = ruleSet.matchersFor(block.language);
    if (matchers) {
      checkBlock(block, matchers);
      continue;
    }
    const seen = unchecked.get(block.language);
    if (seen) seen.count++;
    else unchecked.set(block.language, { first: block, count: 1 });
  }

  const documentMatchers = ruleSet.matchersFor(language);
  if (documentMatchers) {
    // Web addresses are not prose; rules with `scope: urls` look inside them (utm_source=chatgpt.com).
    for (const range of document.urls) {
      const url = new ProseBuilder(document.source);
      url.verbatim(range.start, range.end);
      const block = new Block({ kind: 'paragraph', ...url.build(), inBlockQuote: false }, 'url');
      block.language = language;
      checkBlock(block, documentMatchers);
    }
    const context: DocumentContext = { document, language, blocks, aiEvidence };
    for (const matcher of documentMatchers) {
      matcher.document?.(context, (hit) => {
        if (hit.at && !stands(hit.rule, hit.at.block, hit.at.start, hit.at.end)) return;
        if (hit.inQuote && hit.rule.spec.inQuote === 'ignore') return;
        const match = hit.match ?? document.source.slice(hit.range.start, hit.range.end);
        const finding = toFinding(document, hit.rule, hit.range, match, hit.inQuote ?? false);
        if (hit.severity && severityRank(hit.severity) < severityRank(finding.severity)) finding.severity = hit.severity;
        findings.push(finding);
      });
    }
  }

  const note = (
    ruleId: string,
    category: Finding['category'],
    severity: Finding['severity'],
    message: string,
    range: SourceRange,
  ): void => {
    const finding: Finding = {
      ruleId,
      category,
      severity,
      message,
      ...findingRange(document, range),
      excerpt: '',
      suggestions: [],
      inQuote: false,
    };
    RANGES.set(finding, range);
    findings.push(finding);
  };
  for (const [code, { first, count }] of unchecked) {
    const start = first.prose.map.charRange(0).start;
    const at = { start, end: start };
    if (code === 'und') {
      note('eindred.language.undetermined', 'language', 'info', coreMessage('undeterminedLanguage', language), at);
    } else {
      const name = LANGUAGE_NAMES[code]?.[language === 'nl' ? 'nl' : 'en'] ?? code;
      note(
        'eindred.language.unchecked',
        'language',
        'info',
        coreMessage('uncheckedLanguage', language, { language: name, count }),
        at,
      );
    }
  }
  const manifest = document.provenance[0];
  if (manifest) {
    note('eindred.provenance', 'disclosure', 'info', coreMessage('provenance', language), {
      start: manifest.start,
      end: manifest.start,
    });
  }
  for (const problem of document.problems) {
    note(problem.ruleId, 'input', problem.severity, coreMessage(problem.message, language, problem.details), problem.range);
  }

  // Inline suppressions: a human decision with a reason, kept on record.
  let suppressed: SuppressedFinding[] = [];
  const suppressions = findSuppressions(document.source, document.lines);
  if (suppressions.length > 0) {
    const split = applySuppressions(findings, suppressions, (finding) => RANGES.get(finding), document.lines);
    findings.splice(0, findings.length, ...split.kept);
    suppressed = split.suppressed;
    for (const suppression of suppressions) {
      const at = suppression.comment;
      if (!suppression.reason) {
        note('eindred.suppression.reason-missing', 'input', 'warning', coreMessage('suppressionWithoutReason', language), at);
      }
      if (suppression.used === 0) {
        note('eindred.suppression.unused', 'input', 'info', coreMessage('suppressionUnused', language), at);
      }
    }
  }
  for (const finding of findings) finding.fingerprint = fingerprint(document, finding, RANGES.get(finding));
  for (const finding of suppressed) finding.fingerprint = fingerprint(document, finding, RANGES.get(finding));

  const sort = (list: Finding[]): void => {
    if (document.fields) {
      const order = new Map(document.fields.map((field, i) => [field.name, i]));
      const rank = (finding: Finding): number => (finding.field === undefined ? -1 : (order.get(finding.field) ?? -1));
      list.sort((a, b) => rank(a) - rank(b) || compareFindings(a, b));
    } else {
      list.sort(compareFindings);
    }
  };
  sort(findings);
  sort(suppressed);
  return { path: document.path, language, findings, ...(suppressed.length > 0 ? { suppressed } : {}) };
}
