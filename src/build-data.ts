/** What the build computes once and ships as JSON next to the bundle (see scripts/build.mjs). */
export { builtinStems, parseBuiltinPacks } from './packs/builtin.js';
export { STEMS_JSON } from './language/stem.js';
export { extractToneLexicons, TONE_JSON } from './language/tone-lexicon.js';
