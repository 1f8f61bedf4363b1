import type { Piscina } from 'piscina';
import { jobExportFormat, runTask, type BatchJob, type BatchSettings, type Outcome, type Task } from './batch.js';
import type { PackLoader } from './packs/load.js';

/**
 * Checking with several threads (`--jobs N`): this one and N - 1 worker threads. Inputs become
 * tasks: a few small drafts, or a slice of an NDJSON export's lines, read here as a stream so that
 * an export of any size stays in bounded memory. The workers are kept a few tasks ahead; every
 * other task is checked here, while they work, instead of by one more worker while this thread
 * only waits: one heap fewer for as many checking threads (on a 10,000-article export, 250 instead
 * of 325 MB at the peak, at the same speed), and this thread checks from the first millisecond,
 * while the workers still load eindred and compile their packs. Outcomes are emitted in input order
 * whatever finishes first, so the report is the same for any N.
 */

/** NDJSON records per task: large enough to amortise the message passing, small enough to balance. */
const RECORDS_PER_TASK = 200;
/** Tasks queued at each worker: enough that it never waits for this thread to hand it the next. */
const IN_FLIGHT_PER_WORKER = 2;
/** Tasks whose outcomes may wait to be emitted behind an earlier one (bounds memory). */
const WAITING_TASKS = 16;
/**
 * Heap limits per worker thread: a task holds at most a few hundred articles or 32 small drafts.
 * The young generation sets the pace: 24 MB made Markdown batches slower than one thread.
 */
const WORKER_OLD_SPACE_MB = 256;
const WORKER_YOUNG_SPACE_MB = 48;

/**
 * Small drafts travel to a thread together, up to this many or this many bytes: enough to amortise
 * the message passing, little enough that the threads end together.
 */
const FILES_PER_TASK = 32;
const BYTES_PER_TASK = 128 * 1024;

interface Pending {
  outcomes: Promise<Outcome[]>;
  /** The outcomes, once they are known. */
  ready?: Outcome[];
  /** How many inputs are done when this task's outcomes are emitted. */
  files: number;
}

/** Let the event loop run: a worker's finished tasks are only seen between this thread's tasks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  const workers = Math.max(1, threads - 1);
  const pool: Piscina = new Pool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A worker holds its next task already, instead of waiting for this thread to send it.
    concurrentTasksPerWorker: IN_FLIGHT_PER_WORKER,
    idleTimeout: 1000,
    // Each thread has its own heap: keep them small, so that N threads stay within a desk machine's means.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB },
  });
  const queue: Pending[] = [];
  let atWorkers = 0;
  const emitPending = (next: Pending, outcomes: readonly Outcome[]): void => {
    for (const outcome of outcomes) emit(outcome);
    for (let i = 0; i < next.files; i++) onFileDone?.();
  };
  /** Emit the oldest task's outcomes, waiting for them if need be. */
  const flushOne = async (): Promise<void> => {
    const next = queue.shift()!;
    emitPending(next, await next.outcomes);
  };
  const enqueue = async (pending: Pending): Promise<void> => {
    queue.push(pending);
    // What is known at the head goes out now: progress and streamed reports keep moving.
    while (queue[0]?.ready) {
      const next = queue.shift()!;
      emitPending(next, next.ready!);
    }
    while (queue.length >= WAITING_TASKS) await flushOne();
  };
  // A task too big for a thread's heap (one huge draft with hundreds of thousands of findings) is
  // run again here, where the heap is Node's usual one.
  const run = (task: Task): Promise<Outcome[]> =>
    (pool.run({ task, settings }) as Promise<Outcome[]>).catch((error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(error.message))
        return runTask(task, settings, loader);
      throw error;
    });
  /** Run a task here, and keep its outcomes in line. */
  const runHere = async (task: Task, files: number): Promise<void> => {
    const outcomes = await runTask(task, settings, loader, readStdin);
    await enqueue({ outcomes: Promise.resolve(outcomes), ready: outcomes, files });
    await yieldToEventLoop();
  };
  /** A task goes to a worker that has room for it, or else is checked here. */
  const dispatch = async (task: Task, files: number): Promise<void> => {
    if (atWorkers >= workers * IN_FLIGHT_PER_WORKER) return runHere(task, files);
    atWorkers++;
    const pending: Pending = { outcomes: run(task), files };
    pending.outcomes
      .then((outcomes) => void (pending.ready = outcomes))
      .catch(() => {}) // awaited in order by flushOne; no unhandled rejection meanwhile
      .finally(() => atWorkers--);
    await enqueue(pending);
  };

  try {
    const exports = await import('./input/exports/index.js');
    let batch: BatchJob[] = [];
    let batchBytes = 0;
    const sendBatch = async (): Promise<void> => {
      if (batch.length === 0) return;
      const jobs = batch;
      batch = [];
      batchBytes = 0;
      await dispatch({ jobs }, jobs.length);
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
        await runHere({ jobs: [job] }, 1);
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
            await dispatch({ job, lines }, 0);
            submitted = true;
            lines = [];
          }
        }
        if (lines.length > 0 || !submitted) await dispatch({ job, lines }, 1);
        else await enqueue({ outcomes: Promise.resolve([]), ready: [], files: 1 });
      } catch (error) {
        const failure = { failure: { path: job.path, message: `cannot be read: ${(error as Error).message}` } };
        await enqueue({ outcomes: Promise.resolve([failure]), ready: [failure], files: 1 });
      }
    }
    await sendBatch();
    while (queue.length > 0) await flushOne();
  } finally {
    await pool.destroy();
  }
}
