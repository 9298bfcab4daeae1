import { Worker } from 'node:worker_threads';

/**
 * The course in a fresh worker thread (bench/freshThreadWorker.ts, TypeScript through tsx as the
 * pool's tests run it). A fresh thread is what the CLI's process and each pool worker start from;
 * it also keeps a figure from depending on this process: here, after the bench has loaded dozens
 * of modules, the same loops can run 10–15 % slower (where V8 happened to place their code: loading
 * one unrelated module moved the course from 305 to 346 ms, with the short loops — patch sums +45 %,
 * deposit +33 %, diffusion +32 % — and not the long ones moving).
 */
export type FreshThreadJob = { kind: 'first'; warm: boolean } | { kind: 'warm'; runs: number };
export type FreshThreadResult = { kind: 'first'; warmUpMs: number; courseMs: number } | { kind: 'warm'; wall: number[]; cpu: number[] };

export function inFreshThread<K extends FreshThreadJob['kind']>(job: Extract<FreshThreadJob, { kind: K }>): Promise<Extract<FreshThreadResult, { kind: K }>> {
  const boot = new URL('../src/pool/tsxWorkerBoot.mjs', import.meta.url);
  const entry = new URL('./freshThreadWorker.ts', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { workerData: { skinsimEntry: entry.href, job } });
    worker.once('message', (m: Extract<FreshThreadResult, { kind: K }>) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}
