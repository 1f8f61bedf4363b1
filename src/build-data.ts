/** What the build computes once and ships as JSON next to the bundle (see scripts/build.mjs). */
export { parseBuiltinPacks } from './packs/builtin.js';
export { extractToneLexicons, TONE_JSON } from './language/tone-lexicon.js';
