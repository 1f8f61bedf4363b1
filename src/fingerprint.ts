import type { Finding } from './finding.js';
import type { Document } from './input/document.js';
import type { SourceRange } from './input/prose.js';

/**
 * A finding's fingerprint: its rule, field, excerpt and up to three words on either side, hashed.
 * Lines moving (a paragraph added above) leave it unchanged; editing the words around the finding
 * changes it. Personal data goes in masked, so a fingerprint cannot be traced back to a number.
 */
const CONTEXT_WORDS = 3;

/** Letters and digits of Latin scripts (a \p{L} class costs V8 time to compile at every start). */
const WORD = /[0-9a-z\u00DF-\u00F6\u00F8-\u024F]+/g;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
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
  return hash64(key);
}

/**
 * A 64-bit string hash (two 32-bit multiply-xorshift lanes, as in cyrb53), as 16 hex digits. Not
 * cryptographic, and it need not be: it tells findings apart, and node:crypto would cost a
 * pre-commit run start-up time.
 */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
