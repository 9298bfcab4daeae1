import { formatIssues } from '../engine/index';
import { ZodError } from 'zod';
import { JobRequestSchema, resultTransferables, type JobResult } from './jobs';
import { runJob } from './runJob';
import type { PoolResponse } from './taskPool';

/** Sends one message out of the worker, moving `transfer`. */
export type PostFn = (message: PoolResponse<JobResult>, transfer: ArrayBuffer[]) => void;

/** Progress messages at most this often (a 10-year course samples 3650 times). */
const PROGRESS_EVERY_MS = 50;

/**
 * The inside of a pool worker, for both kinds of thread (workers/pool.worker.ts, src/pool/nodeWorker.ts
 * only wire it): parses each request (zod), runs the job, answers with its progress and its result
 * (series buffers moved, not copied) or with the error message. Returns the message handler.
 */
export function createJobHost(post: PostFn, now: () => number = () => performance.now()): (data: unknown) => void {
  return (data) => {
    const request = JobRequestSchema.safeParse(data);
    if (!request.success) {
      // Without a valid id the pool cannot tell which job this was: it treats the answer as a fault.
      post({ id: -1, type: 'error', message: `bad request: ${formatIssues(request.error).join('; ')}` }, []);
      return;
    }
    const { id, job } = request.data;
    let last = Number.NEGATIVE_INFINITY;
    const onProgress = (fraction: number): void => {
      const t = now();
      if (t - last < PROGRESS_EVERY_MS || fraction >= 1) return;
      last = t;
      post({ id, type: 'progress', fraction }, []);
    };
    let result: JobResult;
    try {
      result = runJob(job, onProgress);
    } catch (err) {
      const message = err instanceof ZodError ? `invalid job: ${formatIssues(err).join('; ')}` : (err as Error).message ?? String(err);
      post({ id, type: 'error', message }, []);
      return;
    }
    post({ id, type: 'result', result }, resultTransferables(result));
  };
}
