import { quotePlacement } from '../language/quotes.js';
import type { Span } from '../language/sentences.js';
import { stemmerFor } from '../language/stem.js';
import { hasGenre } from './genre.js';
import { dropOverlaps } from './overlaps.js';
import { stands } from './stands.js';
import { PhraseIndex } from './phrases.js';
import { Patterns, readPatternList, readWords } from './pattern-lists.js';
import type {
  ActiveRule,
  BlockContext,
  CheckKind,
  DocumentContext,
  DocumentHit,
  Hit,
  KindSettings,
  ReadContext,
} from './types.js';
import type { MapReader } from '../packs/data-reader.js';

/**
 * `kind: claim`: what nobody can check. Three checks, one per rule:
 * - `unsourced`: a sentence that states a quantity, a record, a cause or a prediction, with no
 *   source in it or next to it (a speech or report verb, "volgens X", a link, a footnote); a
 *   question states nothing, and in an interview the guest is the source of the answers;
 * - `vague`: vague attribution ("experts zeggen", "studies show"), info when a named source or a
 *   link stands in the same or the next sentence;
 * - `anonymous-quote`: a direct quote with nobody named as speaker nearby (not in an interview's
 *   answers).
 * What counts as a claim, a source or a non-claim is pack data (`claim:` settings), per language.
 */

export const CLAIM_CHECKS = ['unsourced', 'vague', 'anonymous-quote'] as const;
export type ClaimCheck = (typeof CLAIM_CHECKS)[number];

export interface ClaimOptions {
  check: ClaimCheck;
  /** For `vague`: the phrases, matched on word forms. */
  terms: string[];
}

export interface ClaimSettings {
  quantity: string[];
  record: string[];
  cause: string[];
  prediction: string[];
  /** Numbers that make no claim (dates, times, ages, scores, article numbers): left out first. */
  notClaims: string[];
  /** A source in a sentence: a speech or report verb, "volgens", "according to". */
  attribution: string[];
  /** A named source (case-sensitive, so that capitals count): "volgens het CBS", "Smith said". */
  namedSource: string[];
  /** Quotes shorter than this many words are not speech ("de ‘nieuwe’ wet"). */
  quoteMinWords: number;
  /** Front matter `genre` values of interviews: the answers, and the quotes in them, are the guest's words. */
  interviewGenres: string[];
  /**
   * Labels that open a speaker's turn in a transcript ("((Akram Pasha))", "Q:", "Jansen:"),
   * case-sensitive, matched at the start of a paragraph. In a draft with TRANSCRIPT_TURNS or more
   * such paragraphs, each is its speaker's words, as an interview's answers are.
   */
  speakerLabels: string[];
}

/**
 * A transcript has at least this many turns, and someone speaks twice: a paragraph or two that
 * open with "Update:" are none, and neither is a round-up of "Amsterdam: …", "Utrecht: …".
 */
const TRANSCRIPT_TURNS = 3;
/** A speaker label is short: only this much of a paragraph's start is looked at. */
const LABEL_CHARS = 80;

const LISTS = {
  quantity: 'quantity',
  record: 'record',
  cause: 'cause',
  prediction: 'prediction',
  notClaims: 'not_claims',
  attribution: 'attribution',
  namedSource: 'named_source',
  speakerLabels: 'speaker_labels',
} as const;

const settings: KindSettings<ClaimSettings> = {
  defaults: () => ({
    quantity: [],
    record: [],
    cause: [],
    prediction: [],
    notClaims: [],
    attribution: [],
    namedSource: [],
    speakerLabels: [],
    quoteMinWords: 4,
    interviewGenres: [],
  }),

  read(map: MapReader, context: ReadContext): Partial<ClaimSettings> {
    map.allowOnly([...Object.values(LISTS), 'words', 'quote_min_words', 'interview_genres'], 'the claim settings');
    const words = readWords(map);
    const result: Partial<ClaimSettings> = {};
    for (const [field, key] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
      const patterns = readPatternList(map, key, words, context);
      if (patterns) result[field] = patterns;
    }
    const minWords = map.number('quote_min_words');
    if (minWords !== undefined) result.quoteMinWords = minWords;
    const genres = map.stringList('interview_genres');
    if (genres) result.interviewGenres = genres.map((genre) => genre.toLowerCase());
    return result;
  },

  merge(base: ClaimSettings, over: Partial<ClaimSettings>): ClaimSettings {
    const merged = {
      ...base,
      quoteMinWords: over.quoteMinWords ?? base.quoteMinWords,
      interviewGenres: [...new Set([...base.interviewGenres, ...(over.interviewGenres ?? [])])],
    };
    for (const field of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
      merged[field] = [...new Set([...base[field], ...(over[field] ?? [])])];
    }
    return merged;
  },
};

/** Where a block's sentences stand, and which of them name a source. */
interface SentenceInfo {
  block: BlockContext;
  span: Span;
  /** A source in this sentence: an attribution, a link or a footnote. */
  sourced: boolean;
  /**
   * A source that also counts for the sentences next to it: a link or an attribution that is not
   * vague. A vague one ("critics say", "volgens bronnen") has its own finding and sources a claim
   * in its own sentence only.
   */
  sourcesNeighbours: boolean;
  /** A link or footnote in (or right after) the sentence. */
  linked: boolean;
}

/** The index of the span around `offset` (spans sorted, not overlapping), or -1. */
function sentenceAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A question asserts nothing: "Hoeveel aanvallen hebben schade veroorzaakt?" */
function isQuestion(text: string, span: Span): boolean {
  let end = span.end;
  while (end > span.start && /[\s"'”’»)\]]/.test(text[end - 1]!)) end--;
  return text[end - 1] === '?';
}

/**
 * In an interview, the guest's words: the blocks after the first question (a paragraph or heading
 * that ends in a question mark) that are not questions themselves; the introduction before it is
 * the writer's. An interview without a question ("as told to") is the guest's words throughout.
 */
function guestBlocks(context: DocumentContext): (block: BlockContext) => boolean {
  const answers = new Set<BlockContext>();
  let asked = false;
  for (const block of context.blocks) {
    if (isQuestion(block.text, { start: 0, end: block.text.length })) asked = true;
    else if (asked) answers.add(block);
  }
  return asked ? (block) => answers.has(block) : () => true;
}

/**
 * The paragraphs of a transcript that open with a speaker's label: each is that speaker's words.
 * Empty unless TRANSCRIPT_TURNS paragraphs do and one label opens two of them.
 */
function transcriptTurns(blocks: readonly BlockContext[], labels: Patterns): Set<BlockContext> {
  const turns = new Set<BlockContext>();
  if (labels.isEmpty) return turns;
  const speakers = new Set<string>();
  let repeated = false;
  for (const block of blocks) {
    const label = labels.atStart(block.text.slice(0, LABEL_CHARS));
    if (label === null) continue;
    const speaker = label.replace(/[\s:.]+$/, '');
    repeated ||= speakers.has(speaker);
    speakers.add(speaker);
    turns.add(block);
  }
  return turns.size >= TRANSCRIPT_TURNS && repeated ? turns : new Set();
}

/** Prose that makes claims: paragraphs and plain text, in the language, outside block quotes. */
function claimBlocks(context: DocumentContext, language: string): BlockContext[] {
  return context.blocks.filter(
    (b) => b.language === language && !b.inBlockQuote && (b.kind === 'paragraph' || b.kind === 'text'),
  );
}

export const claimCheck: CheckKind<ClaimOptions, ClaimSettings> = {
  description: 'claims nobody can check: unsourced figures, records, causes and predictions; vague sources; anonymous quotes',
  keys: ['check', 'terms', 'forms'],
  settings,

  readOptions(rule) {
    const check = rule.oneOf('check', CLAIM_CHECKS);
    if (!check && !rule.has('check')) rule.issue(null, `a claim rule needs ‘check’: one of ${CLAIM_CHECKS.join(', ')}`);
    const terms = [...(rule.stringList('terms') ?? []), ...(rule.stringList('forms') ?? [])];
    if (check === 'vague' && terms.length === 0) rule.issue(null, 'a vague check needs ‘terms’: the vague phrases to flag');
    return check ? { check, terms } : undefined;
  },

  compile(rules: readonly ActiveRule<ClaimOptions>[], language: string, config: ClaimSettings) {
    const kinds = {
      quantity: new Patterns(config.quantity),
      record: new Patterns(config.record),
      cause: new Patterns(config.cause),
      prediction: new Patterns(config.prediction),
    };
    // All four in one expression: most sentences hold no claim, and one scan tells.
    const anyKind = new Patterns([...config.quantity, ...config.record, ...config.cause, ...config.prediction]);
    const notClaims = new Patterns(config.notClaims);
    const attribution = new Patterns(config.attribution);
    // Case-sensitive: named sources rely on capitals.
    const namedSource = new Patterns(config.namedSource, true);
    const speakerLabels = new Patterns(config.speakerLabels, true);
    const vague = new PhraseIndex<ActiveRule<ClaimOptions>>(stemmerFor(language));
    for (const rule of rules)
      if (rule.spec.options.check === 'vague') rule.spec.options.terms.forEach((term) => vague.add(term, 'stem', rule));
    const unsourcedRules = rules.filter((rule) => rule.spec.options.check === 'unsourced');
    const quoteRules = rules.filter((rule) => rule.spec.options.check === 'anonymous-quote');
    const interviewGenres = new Set(config.interviewGenres);

    /**
     * The check-worthy words of a sentence, by kind in order of precedence: quantities first
     * (leaving out those inside dates, ages, scores and the like), then records, causes and
     * predictions. Asked only of sentences with no source nearby, on the sentence alone.
     */
    const claimIn = (block: BlockContext, span: Span): [number, number] | null => {
      const text = block.text.slice(span.start, span.end);
      const lower = block.lower().slice(span.start, span.end);
      if (!anyKind.mayMatch(text, lower)) return null;
      let quantities = kinds.quantity.all(text, lower);
      if (quantities.length > 0) {
        const blanks = notClaims.all(text, lower);
        quantities = quantities.filter(([start, end]) => !blanks.some(([s, e]) => s < end && start < e));
      }
      const found =
        quantities[0] ?? kinds.record.find(text, lower) ?? kinds.cause.find(text, lower) ?? kinds.prediction.find(text, lower);
      return found ? [span.start + found[0], span.start + found[1]] : null;
    };

    return {
      document(context: DocumentContext, emit: (hit: DocumentHit) => void) {
        const links = context.document.links;
        const sentences: SentenceInfo[] = [];
        /** Where each block's sentences start in `sentences`. */
        const firstSentence = new Map<BlockContext, number>();
        const blocks = claimBlocks(context, language);
        // Links are sorted and sentences come in order: one pass over both, not one per sentence.
        let link = 0;
        // Where a block's text lies in the source is only worked out while links are left to find.
        const linked = (block: BlockContext, start: number, end: number): boolean => {
          if (link >= links.length) return false;
          const range = block.range(start, end);
          while (link < links.length && links[link]!.end <= range.start) link++;
          return link < links.length && links[link]!.start < range.end;
        };
        for (const block of blocks) {
          const spans = block.sentences();
          const first = sentences.length;
          firstSentence.set(block, first);
          spans.forEach((span, i) => {
            // A link or footnote right after the full stop belongs to the sentence: "…12 procent.[^1]"
            const hasLink = linked(block, span.start, spans[i + 1]?.start ?? block.text.length);
            sentences.push({ block, span, sourced: hasLink, sourcesNeighbours: hasLink, linked: hasLink });
          });
        }
        /** The index in `sentences` of the sentence of `block` around `offset`, or -1. */
        const indexAt = (block: BlockContext, offset: number): number => {
          const at = sentenceAt(block.sentences(), offset);
          return at < 0 ? -1 : firstSentence.get(block)! + at;
        };
        /** A named source or a link in the sentence: asked only where vague attribution stands. */
        const named = (info: SentenceInfo | undefined): boolean =>
          info !== undefined && (info.linked || namedSource.test(info.block.text.slice(info.span.start, info.span.end)));

        // Vague attribution, each hit with whether a named source or a link stands in the same or
        // the next sentence. One hit per rule where phrases overlap ("according to sources",
        // "sources close to"), as for the hits of term and pattern rules.
        const vagueHits = new Map<BlockContext, (Hit & { named: boolean })[]>();
        if (!vague.isEmpty) {
          for (const block of blocks) {
            const found: Hit[] = [];
            vague.match(block, (start, end, rule) => void found.push({ rule, start, end }));
            const hits = dropOverlaps(found).map((hit) => {
              const i = indexAt(block, hit.start);
              return { ...hit, named: i >= 0 && (named(sentences[i]) || named(sentences[i + 1])) };
            });
            if (hits.length > 0) vagueHits.set(block, hits);
          }
        }

        // Attribution is looked for once per block, not once per sentence. The verb of a vague
        // source names nobody ("Critics say …"): it sources its own sentence, which gets the vague
        // finding, but no claim in the sentences around it.
        for (const block of blocks) {
          const spans = block.sentences();
          const first = firstSentence.get(block)!;
          const vagueHere = (vagueHits.get(block) ?? []).filter(
            (hit) => !hit.named && stands(hit.rule, block, hit.start, hit.end),
          );
          for (const [start, end] of attribution.all(block.text, block.lower())) {
            const at = sentenceAt(spans, start);
            if (at < 0) continue;
            const sentence = sentences[first + at]!;
            sentence.sourced = true;
            if (!vagueHere.some((hit) => hit.start < end && start < hit.end)) sentence.sourcesNeighbours = true;
          }
        }

        // In an interview the answers are the guest's words: the guest is their source, and the
        // quotes in them are the guest's too. So are the turns of a transcript, whose labels name
        // who speaks.
        const guest = hasGenre(context, interviewGenres) ? guestBlocks(context) : () => false;
        const turns = transcriptTurns(blocks, speakerLabels);
        const byGuest = (block: BlockContext): boolean => guest(block) || turns.has(block);

        for (let i = 0; unsourcedRules.length > 0 && i < sentences.length; i++) {
          const { block, span, sourced } = sentences[i]!;
          if (
            sourced ||
            sentences[i - 1]?.sourcesNeighbours ||
            sentences[i + 1]?.sourcesNeighbours ||
            isQuestion(block.text, span)
          )
            continue;
          if (byGuest(block)) continue;
          const claim = claimIn(block, span);
          if (!claim || block.inQuote(span.start, span.end)) continue;
          const range = block.range(claim[0], claim[1]);
          const at = { block, start: claim[0], end: claim[1] };
          for (const rule of unsourcedRules) emit({ rule, range, match: block.text.slice(claim[0], claim[1]), at });
        }

        for (const [block, hits] of vagueHits) {
          for (const { rule, start, end, named: sourced } of hits) {
            const hit: DocumentHit = {
              rule,
              range: block.range(start, end),
              match: block.text.slice(start, end),
              inQuote: block.inQuote(start, end),
              at: { block, start, end },
            };
            // Acceptable with a named source or a link in the same or the next sentence.
            emit(sourced ? { ...hit, severity: 'info' } : hit);
          }
        }

        if (quoteRules.length > 0) {
          for (const block of blocks) {
            if (byGuest(block)) continue;
            for (const quote of block.quotes()) {
              if (quote.attributed || block.tokensIn(quote.start, quote.end).length < config.quoteMinWords) continue;
              const first = indexAt(block, quote.start);
              // Words woven into the writer's own sentence ("noemde het plan ‘een ramp voor de
              // regio’", "the so-called “one country, two systems” model") have their speaker, or
              // are a name or a term: only a quote that stands on its own is speech without a speaker.
              const sentenceStart = first >= 0 ? sentences[first]!.span.start : quote.start;
              if (quotePlacement(block.text, quote, sentenceStart) === 'woven') continue;
              // A speaker in the paragraph before or after: "Jansen was duidelijk." / „…”
              const last = indexAt(block, quote.end - 1);
              if ((first >= 0 && sentences[first - 1]?.sourced) || (last >= 0 && sentences[last + 1]?.sourced)) continue;
              const range = block.range(quote.start, quote.end);
              const at = { block, start: quote.start, end: quote.end };
              for (const rule of quoteRules) emit({ rule, range, match: block.text.slice(quote.start, quote.end), at });
            }
          }
        }
      },
    };
  },
};
