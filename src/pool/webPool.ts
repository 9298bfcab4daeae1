import { parseJobResponse, type JobInput, type JobResult } from './jobs';
import { describeJob, type JobPool } from './scenarioJobs';
import { TaskPool } from './taskPool';
import { watchFailures } from './workerSlot';

/**
 * The pool in the browser: Web Workers (workers/pool.worker.ts, module workers), one per core, at
 * least 2, at most 8 (each holds a full engine; more would only compete for the same cores).
 *
 * API for the Compare view (and anything else that runs courses off the page's thread):
 *
 *   const pool = createWebPool();                       // once per page; workers start on first use
 *   // one course: series as Float64Arrays (hand them to uPlot as they are), progress, cancel
 *   const abort = new AbortController();
 *   const course = await runCourseArrays(pool, scenario, { onProgress: (f) => bar.value = f, signal: abort.signal });
 *   abort.abort();                                      // Cancel: rejects with PoolError kind 'cancelled'
 *   // a course's cohort (scenario.cohort.patients patients, one job each): median and 10–90 % bands
 *   const cohort = await runCohortInPool(pool, scenario, { onProgress, signal });
 *   // the CLI's exact result (plain arrays), e.g. for export: runCourse / runScenarioInPool
 *   // one dose-map cell (src/compare/doseMap.ts builds its job)
 *   const cell = await pool.submit({ kind: 'dose-cell', ...doseCellJob(base, settings, { col, row }) }, { signal }).promise;
 *   pool.close();                                       // on page teardown
 *
 * Functions live in src/pool/scenarioJobs.ts; errors are PoolError (src/pool/taskPool.ts) with `kind`
 * 'cancelled' | 'crashed' | 'failed' | 'timeout' | 'closed'. A crashed or hung worker is replaced; a
 * cancelled running job's worker is terminated (the engine cannot be interrupted) and replaced.
 * Results equal the CLI's bit for bit (tests/e2e/pool.e2e.test.ts hashes them in both).
 */
export interface WebPoolOptions {
  size?: number;
  /** A job whose worker sends nothing (progress or result) for this long counts as hung (default 5 minutes). */
  timeoutMs?: number;
}

export function defaultWebPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.min(8, Math.max(2, cores));
}

export function createWebPool(options: WebPoolOptions = {}): JobPool {
  return new TaskPool<JobInput, JobResult>({
    size: options.size ?? defaultWebPoolSize(),
    parseResponse: parseJobResponse,
    describe: describeJob,
    timeoutMs: options.timeoutMs ?? 300_000,
    createWorker: (events) => {
      const worker = new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), { type: 'module', name: 'skinsim-pool' });
      worker.addEventListener('message', (e: MessageEvent<unknown>) => events.message(e.data));
      watchFailures(worker, events.failure, { error: 'the worker script failed', unreadable: 'a message from the worker could not be read', handled: true });
      return {
        postMessage: (message, transfer) => worker.postMessage(message, transfer),
        terminate: () => worker.terminate(),
      };
    },
  });
}
