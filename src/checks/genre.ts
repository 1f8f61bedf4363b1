import type { DocumentContext } from './types.js';

/**
 * Whether the draft's front matter `genre` (one value or a list; from an export, its genre field)
 * is one of `genres` (lower case): an opinion piece may judge, an interview quotes its guest.
 */
export function hasGenre(context: DocumentContext, genres: ReadonlySet<string>): boolean {
  if (genres.size === 0) return false;
  const genre = context.document.frontMatter?.data.genre;
  const values = Array.isArray(genre) ? genre : [genre];
  return values.some((value) => typeof value === 'string' && genres.has(value.trim().toLowerCase()));
}
