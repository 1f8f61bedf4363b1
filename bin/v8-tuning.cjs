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
// V8 also runs a regular expression in an interpreter at first and compiles it to machine code on
// its second run, once for one-byte and once for two-byte text. eindred's claim and disclosure
// lists are expressions of up to 4,700 characters, run on every block: first interpreting them
// costs more than compiling them straight away (15 lists: 25 ms against 9 ms), and on Wikinews
// the compiles for two-byte text (curly quotes) still fall in the sustained pass. Compiling at
// once makes the sustained and the first pass about 7 % shorter.
// EINDRED_NO_V8_TUNING=1 runs with V8's defaults.
module.exports = {
  BATCH_V8_FLAGS: ['--interrupt-budget=135168', '--max-inlined-bytecode-size-cumulative=300', '--no-regexp-tier-up'],
};
