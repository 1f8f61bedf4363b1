import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * HTML character references (`&amp;`, `&#8216;`, `&eacute;`), for HTML documents and the raw HTML in
 * Markdown drafts alike.
 */
const PATTERN = '&(?:#[xX]([0-9a-fA-F]{1,6})|#(\\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?';
const ANYWHERE = new RegExp(PATTERN, 'g');
/** Sticky: a reference that starts exactly at `lastIndex`, nothing further on. */
export const REFERENCE_AT = new RegExp(PATTERN, 'y');

function decodeOne(whole: string, hex?: string, dec?: string, name?: string): string {
  if (name) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  }
  const code = hex ? parseInt(hex, 16) : Number(dec);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

/** Text with its character references decoded (an attribute value, a caption). */
export function decodeHtmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ANYWHERE, decodeOne);
}
