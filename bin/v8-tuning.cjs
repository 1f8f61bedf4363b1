'use strict';
// V8 settings for batch runs (folders, globs, many or big files), set by the launcher before the
// CLI loads, and by `npm run bench` for the checking it times.
//
// On a batch of news text V8's optimising compiler, not eindred, sets the pace of the first
// megabytes: with its defaults it compiles ~100 functions, inlining deeply, which keeps its one
// background thread busy for longer than the checking itself (~0.7 s of compiling during a 0.45 s
// first pass over the 1.4 MB of English Wikinews), while the checking runs unoptimised code. Less
// inlining makes those compiles about three times cheaper, and twice the interrupt budget leaves
// lukewarm code (pack loading, one-off setup) unoptimised. Checked throughput after warm-up stays
// the same; the first pass is about a quarter faster (README, "Performance").
//
// Not here: `--no-regexp-tier-up` (compile regular expressions to machine code on their first run,
// which made the sustained Wikinews pass about 7 % shorter). Set while the process runs, as these
// flags are, it crashed V8 now and then inside generated regular-expression code (a segmentation
// fault in one of about twenty test runs): Node.js warns that flags changed after start may do so.
//
// EINDRED_NO_V8_TUNING=1 runs with V8's defaults.
module.exports = {
  BATCH_V8_FLAGS: ['--interrupt-budget=135168', '--max-inlined-bytecode-size-cumulative=300'],
};
