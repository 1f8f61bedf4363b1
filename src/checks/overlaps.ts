import type { Hit } from './types.js';

/** Of overlapping hits of one rule, keep the longest (then the first). */
export function dropOverlaps(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  const lastEnd = new Map<unknown, { hit: Hit; index: number }>();
  for (const hit of hits) {
    const previous = lastEnd.get(hit.rule);
    if (previous && hit.start < previous.hit.end) {
      if (hit.end - hit.start > previous.hit.end - previous.hit.start) {
        kept[previous.index] = hit;
        lastEnd.set(hit.rule, { hit, index: previous.index });
      }
      continue;
    }
    lastEnd.set(hit.rule, { hit, index: kept.length });
    kept.push(hit);
  }
  return kept;
}
