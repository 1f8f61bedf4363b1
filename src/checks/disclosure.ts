import type { Document, ImageRef } from '../input/document.js';
import type { SourceRange } from '../input/prose.js';
import type { MapReader } from '../packs/data-reader.js';
import { readAiMetadata, type AiKeys, type AiMetadata } from './ai-metadata.js';
import { Patterns, readPatternList, readWords } from './pattern-lists.js';
import type { ActiveRule, BlockContext, CheckKind, DocumentContext, DocumentHit, KindSettings, ReadContext } from './types.js';

/**
 * `kind: disclosure`: is the reader told that AI was used, and did a human answer for the text?
 * (EU AI Act art. 50(4): AI text that informs the public must be disclosed, unless a human
 * reviewed it and someone holds editorial responsibility.) Each rule is one `check`; what they
 * share — front-matter keys, accepted disclosure lines, placement — is a pack setting.
 *
 * AI counts as used when the front matter says so, when the text's digital source type is an AI
 * one, when a rule marked `shows_ai_use` (a chatbot leftover) hit outside a quote, or when the
 * draft says so of itself outside a quote, at its top or bottom (`self_declarations`: "Dit
 * artikel is geschreven met AI"). A draft with none of these gets no disclosure finding at all:
 * human-written text is not suspect.
 */

export const DISCLOSURE_CHECKS = [
  'missing',
  'placement',
  'adequacy',
  'reviewer',
  'responsible',
  'review-quality',
  'image-label',
  'contradiction',
] as const;
export type DisclosureCheck = (typeof DISCLOSURE_CHECKS)[number];

export interface DisclosureOptions {
  check: DisclosureCheck;
}

export interface DisclosureSettings {
  keys: AiKeys;
  /** Front-matter values that mean yes and no (lower case). */
  yes: string[];
  no: string[];
  /** AI roles that need no disclosure on their own (a spelling check). */
  exemptRoles: string[];
  /** `review` values that describe only a spelling or grammar pass: not a review. */
  spellingReviews: string[];
  /** Reviewer names that name no person ("de redactie"). */
  genericReviewers: string[];
  placement: { firstWords: number; lastParagraph: boolean };
  /** Regular expressions (with {word} placeholders filled in) for the lines below. */
  phrasings: string[];
  /**
   * Disclosure lines in which the draft speaks of itself ("Dit artikel is geschreven met AI"):
   * outside a quote, such a line shows AI was used, as `ai.used: true` would.
   */
  selfDeclarations: string[];
  saysWhatAiDid: string[];
  saysHumanChecked: string[];
  imageMarkers: string[];
  imageLabels: string[];
}

const DEFAULT_KEYS: AiKeys = {
  used: ['ai.used'],
  reviewedBy: ['ai.reviewed_by'],
  responsible: ['ai.responsible'],
  review: ['ai.review'],
  role: ['ai.role'],
  sourceType: ['digital_source_type', 'ai.digital_source_type'],
  images: ['images', 'ai.images'],
};

const KEY_NAMES: Record<keyof AiKeys, string> = {
  used: 'used',
  reviewedBy: 'reviewed_by',
  responsible: 'responsible',
  review: 'review',
  role: 'role',
  sourceType: 'source_type',
  images: 'images',
};

const PATTERN_LISTS = {
  phrasings: 'phrasings',
  selfDeclarations: 'self_declarations',
  saysWhatAiDid: 'says_what_ai_did',
  saysHumanChecked: 'says_human_checked',
  imageMarkers: 'image_markers',
  imageLabels: 'image_labels',
} as const;

const SETTING_KEYS = [
  'keys',
  'yes',
  'no',
  'exempt_roles',
  'spelling_reviews',
  'generic_reviewers',
  'placement',
  'words',
  ...Object.values(PATTERN_LISTS),
];

function lowerList(map: MapReader, key: string): string[] | undefined {
  return map.stringList(key)?.map((value) => value.trim().toLowerCase());
}

const settings: KindSettings<DisclosureSettings> = {
  defaults: () => ({
    keys: structuredClone(DEFAULT_KEYS),
    yes: ['true', 'yes', 'ja', 'y', 'j', '1'],
    no: ['false', 'no', 'nee', 'n', '0'],
    exemptRoles: ['spelling', 'transcription'],
    spellingReviews: [],
    genericReviewers: [],
    placement: { firstWords: 80, lastParagraph: true },
    phrasings: [],
    selfDeclarations: [],
    saysWhatAiDid: [],
    saysHumanChecked: [],
    imageMarkers: [],
    imageLabels: [],
  }),

  read(map: MapReader, context: ReadContext): Partial<DisclosureSettings> | undefined {
    map.allowOnly(SETTING_KEYS, 'the disclosure settings');
    const result: Partial<DisclosureSettings> = {};
    const keys = map.map('keys');
    if (keys) {
      keys.allowOnly(Object.values(KEY_NAMES), 'disclosure keys');
      // Only the paths the pack names; merge() adds them to the defaults.
      result.keys = Object.fromEntries(
        Object.entries(KEY_NAMES).map(([field, name]) => [field, keys.stringList(name) ?? []]),
      ) as unknown as AiKeys;
    }
    const lists: [keyof DisclosureSettings, string][] = [
      ['yes', 'yes'],
      ['no', 'no'],
      ['exemptRoles', 'exempt_roles'],
      ['spellingReviews', 'spelling_reviews'],
      ['genericReviewers', 'generic_reviewers'],
    ];
    for (const [field, key] of lists) {
      const values = lowerList(map, key);
      if (values) (result as Record<string, unknown>)[field] = values;
    }
    const placement = map.map('placement');
    if (placement) {
      placement.allowOnly(['first_words', 'last_paragraph'], 'placement');
      const firstWords = placement.number('first_words');
      if (firstWords !== undefined && (!Number.isInteger(firstWords) || firstWords < 0)) {
        placement.issue('first_words', '‘first_words’ must be a whole number of 0 or more');
      }
      result.placement = {
        firstWords: firstWords ?? 80,
        lastParagraph: placement.boolean('last_paragraph') ?? true,
      };
    }
    const words = readWords(map);
    for (const [field, key] of Object.entries(PATTERN_LISTS) as [keyof typeof PATTERN_LISTS, string][]) {
      const patterns = readPatternList(map, key, words, context);
      if (patterns) result[field] = patterns;
    }
    return result;
  },

  merge(base: DisclosureSettings, over: Partial<DisclosureSettings>): DisclosureSettings {
    const keys = { ...base.keys };
    for (const field of Object.keys(keys) as (keyof AiKeys)[]) {
      keys[field] = [...new Set([...base.keys[field], ...(over.keys?.[field] ?? [])])];
    }
    const join = (field: keyof DisclosureSettings): string[] => [
      ...new Set([...(base[field] as string[]), ...((over[field] as string[] | undefined) ?? [])]),
    ];
    return {
      keys,
      yes: join('yes'),
      no: join('no'),
      // A pack or config that names exempt roles replaces the list: it may want fewer.
      exemptRoles: over.exemptRoles ?? base.exemptRoles,
      spellingReviews: join('spellingReviews'),
      genericReviewers: join('genericReviewers'),
      placement: over.placement ?? base.placement,
      phrasings: join('phrasings'),
      selfDeclarations: join('selfDeclarations'),
      saysWhatAiDid: join('saysWhatAiDid'),
      saysHumanChecked: join('saysHumanChecked'),
      imageMarkers: join('imageMarkers'),
      imageLabels: join('imageLabels'),
    };
  },
};

interface FoundDisclosure {
  block: number;
  /** The disclosure line: the sentence that holds the match. */
  sentence: [number, number];
  range: SourceRange;
}

/** The draft's own prose in the language: not a block quote, an alt text or a web address. */
function ownProse(block: BlockContext, language: string): boolean {
  return block.language === language && !block.inBlockQuote && block.kind !== 'imageAlt' && block.kind !== 'url';
}

/** Where the draft tells the reader about AI: the first accepted phrasing in its own prose. */
function findDisclosure(blocks: readonly BlockContext[], language: string, phrasings: Patterns): FoundDisclosure | null {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!ownProse(block, language)) continue;
    const hit = phrasings.find(block.text);
    if (!hit) continue;
    const sentence = block.sentences().find((s) => s.start <= hit[0] && hit[0] < s.end) ?? { start: hit[0], end: hit[1] };
    return { block: i, sentence: [sentence.start, sentence.end], range: block.range(sentence.start, sentence.end) };
  }
  return null;
}

/**
 * Whether the draft says of itself, in its own prose and outside a quote, that AI was used: where
 * a disclosure belongs, in its first `firstWords` words or its last paragraph (the rest of a long
 * batch is not searched for a line that would stand there).
 */
function declaresItself(blocks: readonly BlockContext[], language: string, declarations: Patterns, firstWords: number): boolean {
  if (declarations.isEmpty) return false;
  const prose = blocks.filter((block) => ownProse(block, language));
  const declares = (block: BlockContext): boolean =>
    declarations.all(block.text, block.lower()).some(([start, end]) => !block.inQuote(start, end));
  let words = 0;
  let searched = 0;
  for (; searched < prose.length && words < firstWords; searched++) {
    if (declares(prose[searched]!)) return true;
    words += prose[searched]!.wordIds().ids.length;
  }
  // The last paragraph, unless the first words already took it in.
  return searched < prose.length && declares(prose.at(-1)!);
}

/** Words in the prose before the disclosure. */
function wordsBefore(blocks: readonly BlockContext[], found: FoundDisclosure): number {
  let words = 0;
  for (let i = 0; i < found.block; i++) if (blocks[i]!.kind !== 'imageAlt') words += blocks[i]!.wordIds().ids.length;
  return words + blocks[found.block]!.wordIds().ends.filter((end) => end <= found.sentence[0]).length;
}

/** Offset of a front-matter key's line (its last path segment), or of the front matter itself. */
function frontMatterKey(document: Document, path: string | undefined): number {
  const frontMatter = document.frontMatter;
  if (!frontMatter) return 0;
  const text = document.source.slice(frontMatter.range.start, frontMatter.range.end);
  const key = (path ?? 'ai').split('.')[0]!;
  const m = new RegExp(`^[ \\t]*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*:`, 'm').exec(text);
  return frontMatter.range.start + (m ? m.index + m[0].length - m[0].trimStart().length : 0);
}

/** What readers see with an image: its figcaption, the text of its paragraph, a short paragraph after it. */
function captionOf(image: ImageRef, blocks: readonly BlockContext[]): string {
  const own = image.paragraph >= 0 ? (blocks[image.paragraph]?.text ?? '') : '';
  const next = blocks.find((b) => b.kind !== 'imageAlt' && b.range(0, 0).start >= image.range.end);
  return `${image.caption} ${own} ${next && next.text.length < 300 ? next.text : ''}`;
}

function isNamedPerson(name: string | undefined, generic: readonly string[]): boolean {
  if (!name) return false;
  const lower = name.trim().toLowerCase();
  return !generic.includes(lower) && !/^(?:true|false|yes|no|ja|nee|ai|\d+)$/.test(lower);
}

export const disclosureCheck: CheckKind<DisclosureOptions, DisclosureSettings> = {
  description: 'whether AI use is disclosed and a human answers for the text (EU AI Act art. 50)',
  keys: ['check'],
  settings,

  readOptions(rule) {
    const check = rule.oneOf('check', DISCLOSURE_CHECKS);
    if (!check && !rule.has('check')) rule.issue(null, `a disclosure rule needs ‘check’: one of ${DISCLOSURE_CHECKS.join(', ')}`);
    return check ? { check } : undefined;
  },

  compile(rules: readonly ActiveRule<DisclosureOptions>[], language: string, config: DisclosureSettings) {
    const phrasings = new Patterns(config.phrasings);
    const selfDeclarations = new Patterns(config.selfDeclarations);
    const saysWhat = new Patterns(config.saysWhatAiDid);
    const saysChecked = new Patterns(config.saysHumanChecked);
    const imageMarkers = new Patterns(config.imageMarkers);
    const imageLabels = new Patterns(config.imageLabels);
    const byCheck = new Map<DisclosureCheck, ActiveRule<DisclosureOptions>[]>();
    for (const rule of rules) byCheck.set(rule.spec.options.check, [...(byCheck.get(rule.spec.options.check) ?? []), rule]);

    return {
      document(context: DocumentContext, emit: (hit: DocumentHit) => void) {
        const { document, blocks } = context;
        const emitAll = (check: DisclosureCheck, range: SourceRange, match?: string): void => {
          for (const rule of byCheck.get(check) ?? []) emit({ rule, range, ...(match !== undefined ? { match } : {}) });
        };
        const meta: AiMetadata = readAiMetadata(document.frontMatter?.data ?? {}, config.keys, config.yes, config.no);
        const evidence = context.aiEvidence;
        // A draft that says of itself that it was made with AI needs what a declared one needs:
        // a named reviewer and someone responsible.
        const aiUsed =
          meta.declared === true ||
          meta.sourceTypeIsAi ||
          evidence.length > 0 ||
          (meta.declared === undefined && declaresItself(blocks, language, selfDeclarations, config.placement.firstWords));
        // Human-written text is not suspect: an article about AI that says "written with AI" of a
        // report is no disclosure to judge.
        const found = aiUsed || meta.declared === false ? findDisclosure(blocks, language, phrasings) : null;
        // A spelling check alone needs no disclosure; leftovers or an AI source type still do.
        const exempt =
          meta.declared === true &&
          !meta.sourceTypeIsAi &&
          evidence.length === 0 &&
          meta.roles.length > 0 &&
          meta.roles.every((role) => config.exemptRoles.includes(role));
        const needsDisclosure = aiUsed && !exempt;
        const bodyStart = blocks[0]?.range(0, 0).start ?? document.frontMatter?.range.end ?? 0;
        const metaAt = frontMatterKey(document, meta.declaredBy);

        if (needsDisclosure && !found) emitAll('missing', { start: bodyStart, end: bodyStart });

        if (found) {
          const block = blocks[found.block]!;
          const line = block.text.slice(found.sentence[0], found.sentence[1]);
          const { firstWords, lastParagraph } = config.placement;
          const lastProse = blocks.findLastIndex((b) => b.kind !== 'imageAlt');
          const early = wordsBefore(blocks, found) < firstWords;
          if (aiUsed && !early && !(lastParagraph && found.block === lastProse)) emitAll('placement', found.range, line);
          if (aiUsed && !(saysWhat.test(line) && saysChecked.test(line))) emitAll('adequacy', found.range, line);
          if (meta.declared === false) emitAll('contradiction', found.range, line);
        } else if (meta.declared === false && evidence[0]) {
          const at = document.lines.offset(evidence[0].line, evidence[0].column);
          emitAll('contradiction', { start: at, end: at }, evidence[0].excerpt);
        }

        if (needsDisclosure) {
          if (!isNamedPerson(meta.reviewedBy, config.genericReviewers)) emitAll('reviewer', { start: metaAt, end: metaAt });
          if (!meta.responsible) emitAll('responsible', { start: metaAt, end: metaAt });
          if (meta.review.length > 0 && meta.review.every((review) => config.spellingReviews.includes(review))) {
            emitAll('review-quality', { start: metaAt, end: metaAt }, meta.review.join(', '));
          }
        }

        for (const image of document.images) {
          const marked =
            imageMarkers.test(image.alt) ||
            imageMarkers.test(image.title) ||
            meta.aiImages.some((src) => sameImage(src, image.url));
          if (!marked) continue;
          if (!imageLabels.test(image.alt) && !imageLabels.test(captionOf(image, blocks))) {
            emitAll('image-label', image.range, image.alt || image.url);
          }
        }
      },
    };
  },
};

function sameImage(listed: string, url: string): boolean {
  const name = (path: string): string => path.split(/[?#]/)[0]!.split('/').pop()!.toLowerCase();
  return listed === url || (name(listed) !== '' && name(listed) === name(url));
}
