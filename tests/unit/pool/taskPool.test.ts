/**
 * The pool scheduler (src/pool/taskPool.ts) with fake workers that the test answers by hand: input
 * order, lazy workers up to the size, progress, cancel (queued and running), crashes, malformed
 * messages, deadlines, close, and results that do not depend on the pool size.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PoolError, TaskPool, type PoolRequest, type PoolResponse, type PoolWorker, type WorkerEvents } from '../../../src/pool/taskPool';

class FakeWorker implements PoolWorker {
  readonly requests: PoolRequest<number>[] = [];
  terminated = false;
  busyLog: boolean[] = [];

  constructor(readonly events: WorkerEvents) {}

  postMessage(message: unknown): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.requests.push(message as PoolRequest<number>);
  }

  terminate(): void {
    this.terminated = true;
  }

  busy(busy: boolean): void {
    this.busyLog.push(busy);
  }

  get current(): PoolRequest<number> {
    const r = this.requests[this.requests.length - 1];
    if (r === undefined) throw new Error('this worker has no request');
    return r;
  }

  answer(result: number): void {
    this.events.message({ id: this.current.id, type: 'result', result });
  }

  progress(fraction: number): void {
    this.events.message({ id: this.current.id, type: 'progress', fraction });
  }
}

function parse(data: unknown): PoolResponse<number> {
  const d = data as { id?: unknown; type?: unknown };
  if (typeof d !== 'object' || d === null || typeof d.id !== 'number' || !['progress', 'result', 'error'].includes(String(d.type))) {
    throw new Error(`not a pool response: ${JSON.stringify(data)}`);
  }
  return data as PoolResponse<number>;
}

function fakePool(size: number, extra: { timeoutMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const pool = new TaskPool<number, number>({
    size,
    parseResponse: parse,
    describe: (job) => `job #${job}`,
    createWorker: (events) => {
      const w = new FakeWorker(events);
      workers.push(w);
      return w;
    },
    ...extra,
  });
  const alive = () => workers.filter((w) => !w.terminated);
  /** The live worker currently holding `job`. */
  const holding = (job: number) => {
    const w = alive().find((x) => x.requests.length > 0 && x.current.job === job);
    if (!w) throw new Error(`no live worker holds job ${job}`);
    return w;
  };
  return { pool, workers, alive, holding };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('TaskPool: order and concurrency', () => {
  it('runs at most `size` jobs at once on lazily created workers, and map gives input order', async () => {
    const { pool, workers, holding } = fakePool(2);
    const settledOrder: number[] = [];
    const mapped = pool.mapSettled([10, 20, 30, 40], { onSettled: (i) => settledOrder.push(i) });
    expect(workers).toHaveLength(2);
    expect(pool.running).toBe(2);
    expect(pool.queued).toBe(2);
    // Finish in reverse: job 20 first, then 10; 30 and 40 take the freed workers.
    holding(20).answer(21);
    await flush();
    expect(settledOrder).toEqual([]); // job 10 is not done: nothing can be reported in order yet
    holding(10).answer(11);
    await flush();
    expect(settledOrder).toEqual([0, 1]);
    holding(40).answer(41);
    holding(30).answer(31);
    const outcomes = await mapped;
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([11, 21, 31, 41]);
    expect(settledOrder).toEqual([0, 1, 2, 3]);
    expect(workers).toHaveLength(2); // reused, never more than the size
    expect(workers.every((w) => w.busyLog.join() === 'true,false,true,false')).toBe(true);
  });

  it('gives the same results whatever the pool size when jobs are pure', async () => {
    const jobs = Array.from({ length: 9 }, (_, k) => (k * 37) % 11);
    const results: number[][] = [];
    for (const size of [1, 2, 3, 5]) {
      const workers: FakeWorker[] = [];
      const pool = new TaskPool<number, number>({
        size,
        parseResponse: parse,
        createWorker: (events) => {
          const w = new FakeWorker(events);
          const post = w.postMessage.bind(w);
          // Answers after a delay that depends on the job, so completion order differs from input order.
          w.postMessage = (m: unknown) => {
            post(m);
            const r = m as PoolRequest<number>;
            setTimeout(() => w.events.message({ id: r.id, type: 'result', result: r.job * r.job + 1 }), (r.job * 7) % 5);
          };
          workers.push(w);
          return w;
        },
      });
      results.push(await pool.map(jobs));
      expect(workers.length).toBeLessThanOrEqual(size);
    }
    for (const r of results) expect(r).toEqual(jobs.map((j) => j * j + 1));
  });
});

describe('TaskPool: progress', () => {
  it('forwards a job’s progress, clamped to [0, 1], and reports 1 before the result', async () => {
    const { pool, holding } = fakePool(1);
    const seen: number[] = [];
    const handle = pool.submit(7, { onProgress: (f) => seen.push(f) });
    holding(7).progress(0.25);
    holding(7).progress(0.5);
    holding(7).progress(1.5);
    holding(7).answer(8);
    expect(await handle.promise).toBe(8);
    expect(seen).toEqual([0.25, 0.5, 1, 1]);
  });

  it('map reports progress with the job’s index', async () => {
    const { pool, holding } = fakePool(2);
    const seen: [number, number][] = [];
    const done = pool.map([1, 2], { onProgress: (i, f) => seen.push([i, f]) });
    holding(2).progress(0.5);
    holding(1).progress(0.1);
    holding(1).answer(1);
    holding(2).answer(2);
    await done;
    expect(seen).toEqual([
      [1, 0.5],
      [0, 0.1],
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('TaskPool: cancel', () => {
  it('a queued job leaves the queue and is never sent to a worker', async () => {
    const { pool, workers, holding } = fakePool(1);
    const first = pool.submit(1);
    const second = pool.submit(2);
    second.cancel();
    await expect(second.promise).rejects.toMatchObject({ name: 'PoolError', kind: 'cancelled', message: 'job #2 was cancelled' });
    holding(1).answer(1);
    expect(await first.promise).toBe(1);
    expect(workers.flatMap((w) => w.requests.map((r) => r.job))).toEqual([1]);
    expect(pool.queued).toBe(0);
  });

  it('a running job’s worker is terminated, and a fresh worker takes the next job', async () => {
    const { pool, workers, holding } = fakePool(1);
    const running = pool.submit(1);
    const next = pool.submit(2);
    const old = holding(1);
    running.cancel();
    await expect(running.promise).rejects.toMatchObject({ kind: 'cancelled' });
    expect(old.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    // A late answer of the cancelled job from the old worker is ignored.
    old.events.message({ id: old.current.id, type: 'result', result: 999 });
    holding(2).answer(2);
    expect(await next.promise).toBe(2);
  });

  it('an AbortSignal cancels queued and running jobs of a map', async () => {
    const { pool, alive } = fakePool(1);
    const abort = new AbortController();
    const done = pool.map([1, 2, 3], { signal: abort.signal });
    abort.abort();
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    expect(alive()).toHaveLength(0);
    expect(pool.running + pool.queued).toBe(0);
    const late = pool.submit(4, { signal: abort.signal });
    await expect(late.promise).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('cancelling a settled job changes nothing', async () => {
    const { pool, holding, alive } = fakePool(1);
    const h = pool.submit(5);
    holding(5).answer(6);
    expect(await h.promise).toBe(6);
    h.cancel();
    expect(alive()).toHaveLength(1);
  });
});

describe('TaskPool: faults', () => {
  it('a crashed worker fails its job with a clear error and is replaced for the next job', async () => {
    const { pool, workers, holding } = fakePool(1);
    const doomed = pool.submit(1);
    const after = pool.submit(2);
    holding(1).events.failure('exited with code 3');
    await expect(doomed.promise).rejects.toThrow('job #1: the worker crashed (exited with code 3); it was replaced');
    await expect(doomed.promise).rejects.toBeInstanceOf(PoolError);
    expect(workers[0]!.terminated).toBe(true);
    holding(2).answer(2);
    expect(await after.promise).toBe(2);
    expect(workers).toHaveLength(2);
  });

  it('a malformed message counts as a crash', async () => {
    const { pool, holding } = fakePool(1);
    const h = pool.submit(1);
    holding(1).events.message({ hello: 'world' });
    await expect(h.promise).rejects.toMatchObject({ kind: 'crashed', message: expect.stringContaining('malformed message') });
  });

  it('an error thrown by the job fails only that job; the worker stays', async () => {
    const { pool, workers, holding } = fakePool(1);
    const bad = pool.submit(1);
    const good = pool.submit(2);
    const w = holding(1);
    w.events.message({ id: w.current.id, type: 'error', message: 'scenario.days: 0 is below the minimum' });
    await expect(bad.promise).rejects.toMatchObject({ kind: 'failed', message: 'job #1 failed: scenario.days: 0 is below the minimum' });
    expect(holding(2)).toBe(w);
    w.answer(2);
    expect(await good.promise).toBe(2);
    expect(workers).toHaveLength(1);
  });

  it('a worker with no answer within the deadline is replaced and its job fails', async () => {
    vi.useFakeTimers();
    const { pool, workers, holding } = fakePool(1, { timeoutMs: 1000 });
    const hung = pool.submit(1);
    const next = pool.submit(2);
    const rejected = expect(hung.promise).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('within 1000 ms') });
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await rejected;
    expect(workers[0]!.terminated).toBe(true);
    holding(2).answer(2);
    expect(await next.promise).toBe(2);
  });

  it('a crash of an idle worker is survived: the next job gets a new worker', async () => {
    const { pool, workers, holding } = fakePool(1);
    const h = pool.submit(1);
    holding(1).answer(1);
    await h.promise;
    workers[0]!.events.failure('killed');
    expect(workers[0]!.terminated).toBe(true);
    const h2 = pool.submit(2);
    holding(2).answer(2);
    expect(await h2.promise).toBe(2);
  });

  it('map rejects with the first failure in input order and cancels the jobs still waiting', async () => {
    const { pool, holding, workers } = fakePool(1);
    const done = pool.map([1, 2, 3]);
    const w = holding(1);
    w.events.message({ id: w.current.id, type: 'error', message: 'boom' });
    await expect(done).rejects.toMatchObject({ kind: 'failed', message: 'job #1 failed: boom' });
    expect(workers.flatMap((x) => x.requests.map((r) => r.job))).toEqual([1]);
  });
});

describe('TaskPool: close', () => {
  it('rejects queued and running jobs, terminates the workers, and refuses new jobs', async () => {
    const { pool, workers } = fakePool(1);
    const running = pool.submit(1);
    const queued = pool.submit(2);
    pool.close();
    await expect(running.promise).rejects.toMatchObject({ kind: 'closed' });
    await expect(queued.promise).rejects.toMatchObject({ kind: 'closed' });
    expect(workers.every((w) => w.terminated)).toBe(true);
    await expect(pool.submit(3).promise).rejects.toMatchObject({ kind: 'closed' });
  });

  it('refuses a size below 1', () => {
    expect(() => fakePool(0)).toThrow(/pool size/);
  });
});
