import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';
import type { Document } from './input/document.js';
import type { SourceRange } from './input/prose.js';

/**
 * A finding's fingerprint: its rule, field, excerpt and up to three words on either side, hashed.
 * Lines moving (a paragraph added above) leave it unchanged; editing the words around the finding
 * changes it. Personal data goes in masked, so a fingerprint cannot be traced back to a number.
 */
const CONTEXT_WORDS = 3;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function fingerprint(document: Document, finding: Finding, range: SourceRange | undefined): string {
  let before: string[] = [];
  let after: string[] = [];
  if (range && finding.excerpt !== '') {
    const field = document.fields?.find((f) => f.start <= range.start && range.start <= f.end);
    const from = field?.start ?? 0;
    const to = field?.end ?? document.source.length;
    before = words(document.source.slice(Math.max(from, range.start - 200), range.start)).slice(-CONTEXT_WORDS);
    after = words(document.source.slice(range.end, Math.min(to, range.end + 200))).slice(0, CONTEXT_WORDS);
    if (finding.category === 'privacy') {
      before = before.map((word) => word.replace(/\d/g, '•'));
      after = after.map((word) => word.replace(/\d/g, '•'));
    }
  }
  const excerpt = finding.excerpt.replace(/\s+/g, ' ').toLowerCase();
  const key = [finding.ruleId, finding.field ?? '', excerpt, before.join(' '), after.join(' ')].join('\u0000');
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}
