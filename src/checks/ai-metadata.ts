/**
 * What a draft's front matter says about AI use, read through key mappings, because every CMS
 * names these fields differently (`ai.used`, `ai_generated: yes`, `x-ai-assisted`, …).
 */

export interface AiKeys {
  /** Whether AI was used. */
  used: string[];
  /** The person who reviewed content, facts and sources. */
  reviewedBy: string[];
  /** Who holds editorial responsibility. */
  responsible: string[];
  /** What the review consisted of (e.g. `spelling`). */
  review: string[];
  /** What AI did: drafting, summary, translation, spelling … */
  role: string[];
  /** IPTC digital source type of the text. */
  sourceType: string[];
  /** Images with their own source type: a list of { src, digital_source_type }. */
  images: string[];
}

export interface AiMetadata {
  /** true or false when the front matter says so, undefined when it is silent. */
  declared: boolean | undefined;
  /** The front-matter key that said so (for pointing at it). */
  declaredBy: string | undefined;
  roles: string[];
  /** digital_source_type is an IPTC or C2PA code for AI-generated media. */
  sourceTypeIsAi: boolean;
  reviewedBy: string | undefined;
  responsible: string | undefined;
  review: string[];
  /** Images the front matter marks as AI-generated, by source path. */
  aiImages: string[];
}

/** The value at a dot path (`ai.used`); a key that itself holds a dot (`x.ai`) is tried whole first. */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(data, path)) return data[path];
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function first(data: Record<string, unknown>, paths: readonly string[]): { path: string; value: unknown } | undefined {
  // Most drafts of a batch have no front matter: nothing to look up under a hundred key paths.
  if (isEmpty(data)) return undefined;
  for (const path of paths) {
    const value = valueAt(data, path);
    if (value !== undefined && value !== null && value !== '') return { path, value };
  }
  return undefined;
}

function isEmpty(data: Record<string, unknown>): boolean {
  for (const _key in data) return false;
  return true;
}

function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'string') return value.split(/\s*[,;]\s*/).filter(Boolean);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) {
    const all = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return all.length > 0 ? all.join(', ') : undefined;
  }
  return undefined;
}

/**
 * IPTC digital source types for media made by a trained model, as code, as URI (http or https),
 * in schema.org's spelling, or C2PA's `trainedAlgorithmicData`.
 */
export function isAiSourceType(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const code = value
    .trim()
    .split(/[/#]/)
    .pop()!
    .toLowerCase()
    .replace(/digitalsource$/, '');
  return (
    code === 'trainedalgorithmicmedia' || code === 'compositewithtrainedalgorithmicmedia' || code === 'trainedalgorithmicdata'
  );
}

export function readAiMetadata(
  data: Record<string, unknown>,
  keys: AiKeys,
  yes: readonly string[],
  no: readonly string[],
): AiMetadata {
  const used = first(data, keys.used);
  let declared: boolean | undefined;
  if (used) {
    const answer = String(used.value).trim().toLowerCase();
    if (used.value === true || yes.includes(answer)) declared = true;
    else if (used.value === false || no.includes(answer)) declared = false;
  }
  const sourceType = first(data, keys.sourceType);
  const aiImages: string[] = [];
  const images = first(data, keys.images)?.value;
  for (const image of Array.isArray(images) ? images : []) {
    if (image === null || typeof image !== 'object') continue;
    const record = image as Record<string, unknown>;
    const src = record.src ?? record.file ?? record.url ?? record.path;
    const type = record.digital_source_type ?? record.digitalSourceType ?? record.source_type;
    if (typeof src === 'string' && isAiSourceType(type)) aiImages.push(src);
  }
  return {
    declared,
    declaredBy: used?.path,
    roles: texts(first(data, keys.role)?.value).map((role) => role.toLowerCase()),
    sourceTypeIsAi: isAiSourceType(sourceType?.value),
    reviewedBy: text(first(data, keys.reviewedBy)?.value),
    responsible: text(first(data, keys.responsible)?.value),
    review: texts(first(data, keys.review)?.value).map((review) => review.toLowerCase()),
    aiImages,
  };
}
