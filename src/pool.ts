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
/**
 * Heap limits per worker thread: a task holds at most a few hundred articles or 64 small drafts.
 * The young generation sets the pace: 24 MB made Markdown batches slower than one thread.
 */
const WORKER_OLD_SPACE_MB = 256;
const WORKER_YOUNG_SPACE_MB = 48;

/** Small drafts travel to a thread together, up to this many or this many bytes. */
const FILES_PER_TASK = 64;
const BYTES_PER_TASK = 256 * 1024;

interface Pending {
  outcomes: Promise<Outcome[]>;
  /** How many inputs are done when this task's outcomes are emitted. */
  files: number;
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
    for (let i = 0; i < next.files; i++) onFileDone?.();
  };
  const submit = async (outcomes: Promise<Outcome[]>, files: number): Promise<void> => {
    outcomes.catch(() => {}); // awaited in order by flushOne; no unhandled rejection meanwhile
    queue.push({ outcomes, files });
    while (queue.length >= threads * IN_FLIGHT_PER_THREAD) await flushOne();
  };
  // A task too big for a thread's heap (one huge draft with hundreds of thousands of findings) is
  // run again here, where the heap is Node's usual one.
  const run = (task: Task): Promise<Outcome[]> =>
    (pool.run({ task, settings }) as Promise<Outcome[]>).catch((error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(error.message))
        return runTask(task, settings, loader);
      throw error;
    });

  try {
    const exports = await import('./input/exports/index.js');
    let batch: BatchJob[] = [];
    let batchBytes = 0;
    const sendBatch = async (): Promise<void> => {
      if (batch.length === 0) return;
      const jobs = batch;
      batch = [];
      batchBytes = 0;
      await submit(run({ jobs }), jobs.length);
    };
    for (const job of jobs) {
      let format = null;
      try {
        format = jobExportFormat(job, settings, exports.exportFormatFor);
      } catch {
        // The worker reports why this input cannot be read.
      }
      if (!job.file) {
        // Standard input can only be read here.
        await sendBatch();
        await submit(runTask({ jobs: [job] }, settings, loader, readStdin), 1);
        continue;
      }
      if (format !== 'ndjson') {
        batch.push(job);
        batchBytes += job.bytes ?? 0;
        if (batch.length >= FILES_PER_TASK || batchBytes >= BYTES_PER_TASK) await sendBatch();
        continue;
      }
      await sendBatch();
      let lines = [];
      let submitted = false;
      try {
        for await (const line of exports.ndjsonLines(job.file)) {
          lines.push(line);
          if (lines.length === RECORDS_PER_TASK) {
            await submit(run({ job, lines }), 0);
            submitted = true;
            lines = [];
          }
        }
        if (lines.length > 0 || !submitted) await submit(run({ job, lines }), 1);
        else await submit(Promise.resolve([]), 1);
      } catch (error) {
        await submit(
          Promise.resolve([{ failure: { path: job.path, message: `cannot be read: ${(error as Error).message}` } }]),
          1,
        );
      }
    }
    await sendBatch();
    while (queue.length > 0) await flushOne();
  } finally {
    await pool.destroy();
  }
}
