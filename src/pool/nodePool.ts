import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseJobResponse, type JobInput, type JobResult } from './jobs';
import { describeJob, type JobPool } from './scenarioJobs';
import { TaskPool } from './taskPool';

export interface NodePoolOptions {
  /** Workers (default: one per core, at least 2). */
  size?: number;
  /** A job with no answer for this long counts as a hung worker. */
  timeoutMs?: number;
  /** The worker's entry module (default: the built nodeWorker.js next to this bundle, or the TypeScript source). */
  workerUrl?: URL;
}

/** One worker per core, at least 2 (a 1-core machine still overlaps a job with the main thread's work). */
export function defaultPoolSize(): number {
  return Math.max(2, availableParallelism());
}

/**
 * The pool over worker_threads, for the CLI, the benchmarks and tests. Run from the built CLI bundle
 * (dist-node/, JavaScript), the workers load dist-node/nodeWorker.js; run from the TypeScript sources
 * (vitest, tsx), they load nodeWorker.ts through tsx (tsxWorkerBoot.mjs).
 */
export function createNodePool(options: NodePoolOptions = {}): JobPool {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = options.workerUrl ?? new URL(fromSource ? './nodeWorker.ts' : './nodeWorker.js', import.meta.url);
  const viaTsx = entry.pathname.endsWith('.ts');
  const script = viaTsx ? new URL('./tsxWorkerBoot.mjs', import.meta.url) : entry;
  return new TaskPool<JobInput, JobResult>({
    size: options.size ?? defaultPoolSize(),
    parseResponse: parseJobResponse,
    describe: describeJob,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    createWorker: (events) => {
      const worker = new Worker(script, viaTsx ? { workerData: { skinsimEntry: entry.href } } : {});
      worker.on('message', (data: unknown) => events.message(data));
      worker.on('messageerror', (err) => events.failure(`unreadable message: ${err.message}`));
      worker.on('error', (err) => events.failure(err.message));
      worker.on('exit', (code) => events.failure(`exited with code ${code}`));
      return {
        postMessage: (message, transfer) => worker.postMessage(message, transfer),
        terminate: () => void worker.terminate(),
        // Only a worker with a job keeps the process alive: an idle pool never holds up exit.
        busy: (busy) => (busy ? worker.ref() : worker.unref()),
      };
    },
  });
}
