import type { Piscina } from 'piscina';
import { jobExportFormat, runTask, type BatchJob, type BatchSettings, type Outcome, type Task } from './batch.js';
import type { PackLoader } from './packs/load.js';

/**
 * Checking with worker threads (`--jobs N`). Inputs become tasks: a whole file, or a slice of an
 * NDJSON export's lines, read here as a stream so that an export of any size stays in bounded
 * memory. Outcomes are emitted in input order whatever finishes first, so the report is the same
 * for any N. At most a few tasks per thread are in flight.
 */

/** NDJSON records per task: large enough to amortise the message passing, small enough to balance. */
const RECORDS_PER_TASK = 200;
const IN_FLIGHT_PER_THREAD = 4;
/** Heap limits per worker thread: a task holds at most a few hundred articles. */
const WORKER_OLD_SPACE_MB = 256;
const WORKER_YOUNG_SPACE_MB = 24;

interface Pending {
  outcomes: Promise<Outcome[]>;
  /** The last task of its input: its file is done when this one is emitted. */
  last: boolean;
}

export async function checkInParallel(
  jobs: readonly BatchJob[],
  settings: BatchSettings,
  loader: PackLoader,
  threads: number,
  emit: (outcome: Outcome) => void,
  onFileDone?: () => void,
  readStdin?: () => Promise<Uint8Array>,
): Promise<void> {
  const { Piscina: Pool } = await import('piscina');
  const pool: Piscina = new Pool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // Each thread has its own heap: keep them small, so that N threads stay within a desk machine's means.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB },
  });
  const queue: Pending[] = [];
  const flushOne = async (): Promise<void> => {
    const next = queue.shift()!;
    for (const outcome of await next.outcomes) emit(outcome);
    if (next.last) onFileDone?.();
  };
  const submit = async (outcomes: Promise<Outcome[]>, last: boolean): Promise<void> => {
    outcomes.catch(() => {}); // awaited in order by flushOne; no unhandled rejection meanwhile
    queue.push({ outcomes, last });
    while (queue.length >= threads * IN_FLIGHT_PER_THREAD) await flushOne();
  };
  const run = (task: Task): Promise<Outcome[]> => pool.run({ task, settings }) as Promise<Outcome[]>;

  try {
    const exports = await import('./input/exports/index.js');
    for (const job of jobs) {
      let format = null;
      try {
        format = jobExportFormat(job, settings, exports.exportFormatFor);
      } catch {
        // The worker reports why this input cannot be read.
      }
      if (format !== 'ndjson' || !job.file) {
        // Standard input can only be read here.
        await submit(job.file ? run({ job }) : runTask({ job }, settings, loader, readStdin), true);
        continue;
      }
      let lines = [];
      let submitted = false;
      try {
        for await (const line of exports.ndjsonLines(job.file)) {
          lines.push(line);
          if (lines.length === RECORDS_PER_TASK) {
            await submit(run({ job, lines }), false);
            submitted = true;
            lines = [];
          }
        }
        if (lines.length > 0 || !submitted) await submit(run({ job, lines }), true);
        else await submit(Promise.resolve([]), true);
      } catch (error) {
        await submit(
          Promise.resolve([{ failure: { path: job.path, message: `cannot be read: ${(error as Error).message}` } }]),
          true,
        );
      }
    }
    while (queue.length > 0) await flushOne();
  } finally {
    await pool.destroy();
  }
}
