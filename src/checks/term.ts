import { stemmerFor } from '../language/stem.js';
import type { ActiveRule, BlockContext, CheckKind, Matcher } from './types.js';
import { hasWords, PhraseIndex, type WordMatch } from './phrases.js';

export interface TermOptions {
  /**
   * Words or phrases, matched on all their inflected forms (by stem) unless `stemming` is off.
   * `…` in a phrase lets up to four words stand in between ("zelfmoord … gepleegd").
   */
  terms: string[];
  /** Extra forms matched exactly as written (lower case): irregular plurals, spelling variants. */
  forms: string[];
  /** Heads of compounds: "allochtonen" also finds "allochtonenbeleid" (the whole word). */
  compounds: string[];
  stemming: boolean;
  caseSensitive: boolean;
}

/** What the index finds: the rule, and whether the term was written in small letters. */
interface TermEntry {
  rule: ActiveRule<TermOptions>;
  lowerCase: boolean;
}

/**
 * `kind: term`: word lists. All term rules of a language share one phrase index, so a pack of ten
 * thousand terms costs one lookup per word of text, like a pack of ten.
 *
 * A term written in small letters does not match a word with a capital in the middle of a
 * sentence: that is a name or a title ("De Negerhut van oom Tom", "Stichting Blanke Top").
 */
export const termCheck: CheckKind<TermOptions> = {
  description: 'words and phrases, matched on their word forms',
  keys: ['terms', 'forms', 'compounds', 'stemming', 'case_sensitive'],

  readOptions(rule) {
    const terms = rule.stringList('terms');
    if (!terms || terms.length === 0) {
      rule.issue(rule.has('terms') ? 'terms' : null, 'a term rule needs ‘terms’: the words or phrases to flag');
      return undefined;
    }
    for (const term of terms) if (!hasWords(term)) rule.issue('terms', `‘${term}’ holds no words to look for`);
    const compounds = rule.stringList('compounds') ?? [];
    for (const head of compounds) {
      if (!/^[\p{L}\p{M}]+$/u.test(head))
        rule.issue('compounds', `‘${head}’ is not one word: a compound head is one word, like ‘allochtonen’`);
    }
    return {
      terms,
      forms: rule.stringList('forms') ?? [],
      compounds,
      stemming: rule.boolean('stemming') ?? true,
      caseSensitive: rule.boolean('case_sensitive') ?? false,
    };
  },

  compile(rules: readonly ActiveRule<TermOptions>[], language: string): Matcher {
    const index = new PhraseIndex<TermEntry>(stemmerFor(language));
    for (const rule of rules) {
      const { terms, forms, compounds, stemming, caseSensitive } = rule.spec.options;
      const termMatch: WordMatch = caseSensitive ? 'exact' : stemming ? 'stem' : 'lower';
      const entry = (term: string): TermEntry => ({ rule, lowerCase: !caseSensitive && term === term.toLowerCase() });
      for (const term of terms) index.add(term, termMatch, entry(term));
      for (const form of forms) index.add(form, caseSensitive ? 'exact' : 'lower', entry(form));
      for (const head of compounds) index.addCompoundHead(head, entry(head));
    }
    return {
      block(block, emit) {
        if (block.kind === 'url') return;
        index.match(block, (start, end, { rule, lowerCase }) => {
          if (lowerCase && isNameOrTitle(block, start)) return;
          emit({ rule, start, end });
        });
      },
    };
  },
};

/** Marks before a word that may start a sentence or a quote with a capital. */
const SENTENCE_OPENER = /[.!?:;…„“”"'‘’«»()[\]—–-]/u;

/**
 * A word written Like This in the middle of a sentence: the name of something, or a title.
 * Headings are left out: they are often written in title case.
 */
export function isNameOrTitle(block: BlockContext, start: number): boolean {
  if (block.kind === 'heading') return false;
  const text = block.text;
  const first = text[start]!;
  const second = text[start + 1] ?? '';
  if (first === first.toLowerCase() || second !== second.toLowerCase()) return false;
  let i = start - 1;
  while (i >= 0 && /\s/u.test(text[i]!)) i--;
  return i >= 0 && !SENTENCE_OPENER.test(text[i]!);
}
