import { claimCheck } from './claim.js';
import { disclosureCheck } from './disclosure.js';
import { patternCheck } from './pattern.js';
import { privacyCheck } from './privacy.js';
import { termCheck } from './term.js';
import { toneCheck } from './tone.js';
import type { CheckKind } from './types.js';

/** Every kind of check a pack can use. A new kind is one file in src/checks and one line here. */
export const CHECK_KINDS: Readonly<Record<string, CheckKind<unknown, unknown>>> = {
  term: termCheck,
  pattern: patternCheck,
  disclosure: disclosureCheck,
  claim: claimCheck,
  privacy: privacyCheck,
  tone: toneCheck,
};
