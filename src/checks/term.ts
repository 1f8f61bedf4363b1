import { stemmerFor } from '../language/stem.js';
import type { ActiveRule, CheckKind, Matcher } from './types.js';
import { PhraseIndex, type WordMatch } from './phrases.js';

export interface TermOptions {
  /** Words or phrases, matched on all their inflected forms (by stem) unless `stemming` is off. */
  terms: string[];
  /** Extra forms matched exactly as written (lower case): irregular plurals, spelling variants. */
  forms: string[];
  stemming: boolean;
  caseSensitive: boolean;
}

/**
 * `kind: term`: word lists. All term rules of a language share one phrase index, so a pack of ten
 * thousand terms costs one lookup per word of text, like a pack of ten.
 */
export const termCheck: CheckKind<TermOptions> = {
  description: 'words and phrases, matched on their word forms',
  keys: ['terms', 'forms', 'stemming', 'case_sensitive'],

  readOptions(rule) {
    const terms = rule.stringList('terms');
    if (!terms || terms.length === 0) {
      rule.issue(rule.has('terms') ? 'terms' : null, 'a term rule needs ‘terms’: the words or phrases to flag');
      return undefined;
    }
    return {
      terms,
      forms: rule.stringList('forms') ?? [],
      stemming: rule.boolean('stemming') ?? true,
      caseSensitive: rule.boolean('case_sensitive') ?? false,
    };
  },

  compile(rules: readonly ActiveRule<TermOptions>[], language: string): Matcher {
    const index = new PhraseIndex<ActiveRule<TermOptions>>(stemmerFor(language));
    for (const rule of rules) {
      const { terms, forms, stemming, caseSensitive } = rule.spec.options;
      const termMatch: WordMatch = caseSensitive ? 'exact' : stemming ? 'stem' : 'lower';
      for (const term of terms) index.add(term, termMatch, rule);
      for (const form of forms) index.add(form, caseSensitive ? 'exact' : 'lower', rule);
    }
    return {
      block(block, emit) {
        if (block.kind === 'url') return;
        index.match(block.text, block.lower(), block.tokens(), (start, end, rule) => emit({ rule, start, end }));
      },
    };
  },
};
