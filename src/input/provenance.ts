import type { SourceRange } from './prose.js';

/**
 * C2PA provenance manifests carried inside text: a U+FEFF followed by a run of Unicode variation
 * selectors (invisible characters that encode the manifest), or a PEM-style block between
 * `-----BEGIN C2PA MANIFEST-----` and `-----END C2PA MANIFEST-----`. They are not prose: they are
 * left out of the text that rules see, while every position after them stays right.
 */
const VARIATION_RUN = /\uFEFF?(?:[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]){8,}/g;
const MANIFEST_BLOCK = /-----BEGIN C2PA MANIFEST-----[\s\S]*?-----END C2PA MANIFEST-----/g;

export function findProvenance(source: string): SourceRange[] {
  const ranges: SourceRange[] = [];
  if (/[\uFE00-\uFE0F\uDB40]/.test(source)) {
    for (const m of source.matchAll(VARIATION_RUN)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (source.includes('-----BEGIN C2PA MANIFEST-----')) {
    for (const m of source.matchAll(MANIFEST_BLOCK)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}
