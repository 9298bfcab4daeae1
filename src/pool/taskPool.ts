import { Deadline, WorkerSlot, type WorkerFaultKind } from './workerSlot';

/**
 * A generic ordered worker pool: no DOM and no Node imports, so the same scheduler runs over Web
 * Workers (webPool.ts) and worker_threads (nodePool.ts), and unit tests drive it with fake workers.
 *
 * - Jobs queue in submission order and go to the first idle worker (at most `size` workers, created
 *   when first needed). `map` hands results back in input order whatever order they finish in.
 * - A job reports progress through `{ type: 'progress' }` messages from its worker.
 * - Cancel: a queued job leaves the queue; a running job's worker is terminated and replaced, since
 *   a synchronous engine run cannot be interrupted any other way.
 * - A worker that crashes (an error event, an exit, a message that does not parse) or does not answer
 *   for `timeoutMs` (neither progress nor result) fails its job with a PoolError naming the job, and is
 *   replaced.
 * Jobs must be pure (the engine's runs are): then the results do not depend on the pool size.
 */

/** What the pool sends a worker: one job, tagged with the pool's id for it. */
export interface PoolRequest<J> {
  id: number;
  job: J;
}

/** What a worker answers: progress of a job, its result, or the error it threw. */
export type PoolResponse<R> =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; result: R }
  | { id: number; type: 'error'; message: string };

/** The callbacks an adapter wires to one worker's events. */
export interface WorkerEvents {
  message(data: unknown): void;
  /** The worker died or failed (uncaught exception, exit, unreadable message); `reason` says how. */
  failure(reason: string): void;
}

/** One worker as the pool sees it. */
export interface PoolWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  terminate(): void;
  /** Told when the worker starts and ends a job (Node: an idle worker must not keep the process alive). */
  busy?(busy: boolean): void;
}

export type WorkerFactory = (events: WorkerEvents) => PoolWorker;

/** A worker's fault (crashed, timeout: src/pool/workerSlot.ts) or the job's own end. */
export type PoolErrorKind = WorkerFaultKind | 'cancelled' | 'failed' | 'closed';

/** Why a job did not give a result. `kind` tells a cancel (expected) from a fault. */
export class PoolError extends Error {
  constructor(
    readonly kind: PoolErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

export interface TaskPoolOptions<J, R> {
  /** Most workers alive at once (≥ 1). */
  size: number;
  createWorker: WorkerFactory;
  /** Validates a worker's message (zod at the boundary); throw to treat it as a faulty worker. */
  parseResponse: (data: unknown) => PoolResponse<R>;
  /** Buffers of a job to move rather than copy into the worker. */
  transferablesOf?: (job: J) => ArrayBuffer[];
  /** A short description of a job for error messages (default: its number). */
  describe?: (job: J) => string;
  /** A job whose worker sends nothing (progress or result) for this long counts as hung (default: no deadline). */
  timeoutMs?: number;
}

export interface SubmitOptions {
  /** Fraction of the job done, in [0, 1]; called with 1 just before the result is delivered. */
  onProgress?: (fraction: number) => void;
  /** Aborting cancels the job (as `cancel()` does). */
  signal?: AbortSignal;
  /** Queue ahead of the jobs waiting (not of those running): a quick answer the user waits for (issue 17). */
  first?: boolean;
}

export interface JobHandle<R> {
  readonly promise: Promise<R>;
  /** Cancels the job: its promise rejects with PoolError kind 'cancelled'. No effect once settled. */
  cancel(): void;
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface MapOptions<R> {
  onProgress?: (index: number, fraction: number) => void;
  /** Each job's outcome, called in input order (a finished job waits for the ones before it). */
  onSettled?: (index: number, outcome: Settled<R>) => void;
  signal?: AbortSignal;
}

interface Task<J, R> {
  id: number;
  job: J;
  options: SubmitOptions;
  resolve(value: R): void;
  reject(error: Error): void;
  settled: boolean;
  slot: Slot<J, R> | null;
  deadline: Deadline | null;
  unlisten: () => void;
}

interface Slot<J, R> {
  workers: WorkerSlot<PoolWorker>;
  task: Task<J, R> | null;
}

export class TaskPool<J, R> {
  private readonly slots: Slot<J, R>[];
  private readonly queue: Task<J, R>[] = [];
  private nextId = 1;
  private closed = false;
  private dispatchQueued = false;

  constructor(private readonly options: TaskPoolOptions<J, R>) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a whole number ≥ 1, got ${options.size}`);
    this.slots = Array.from({ length: options.size }, () => ({ workers: new WorkerSlot<PoolWorker>(), task: null }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Jobs being run now. */
  get running(): number {
    return this.slots.filter((s) => s.task !== null).length;
  }

  /** Workers alive now (created lazily, replaced after a crash or a cancel). */
  get workers(): number {
    return this.slots.filter((s) => s.workers.worker !== null).length;
  }

  submit(job: J, options: SubmitOptions = {}): JobHandle<R> {
    let task!: Task<J, R>;
    const promise = new Promise<R>((resolve, reject) => {
      task = { id: this.nextId++, job, options, resolve, reject, settled: false, slot: null, deadline: null, unlisten: () => {} };
    });
    const cancel = (): void => this.cancel(task);
    if (this.closed) {
      this.settle(task, new PoolError('closed', 'the pool is closed'));
    } else if (options.signal?.aborted) {
      this.settle(task, new PoolError('cancelled', `${this.describe(task)} was cancelled`));
    } else {
      if (options.signal) {
        const signal = options.signal;
        signal.addEventListener('abort', cancel, { once: true });
        task.unlisten = () => signal.removeEventListener('abort', cancel);
      }
      if (options.first) this.queue.unshift(task);
      else this.queue.push(task);
      this.dispatch();
    }
    return { promise, cancel };
  }

  /** Runs every job; outcomes in input order. Never rejects: a failed job is `{ ok: false }`. */
  mapSettled(jobs: readonly J[], options: MapOptions<R> = {}): Promise<Settled<R>[]> {
    const outcomes: (Settled<R> | undefined)[] = new Array(jobs.length);
    let nextToReport = 0;
    const report = (): void => {
      while (nextToReport < jobs.length && outcomes[nextToReport] !== undefined) {
        options.onSettled?.(nextToReport, outcomes[nextToReport]!);
        nextToReport++;
      }
    };
    const handles = jobs.map((job, index) =>
      this.submit(job, options.onProgress ? { onProgress: (f: number) => options.onProgress!(index, f) } : {}),
    );
    // One listener for the whole batch (not one per job: a 1000-patient cohort is one batch).
    const signal = options.signal;
    const cancelAll = (): void => {
      for (const h of handles) h.cancel();
    };
    if (signal?.aborted) cancelAll();
    signal?.addEventListener('abort', cancelAll, { once: true });
    return Promise.all(
      handles.map((h, index) =>
        h.promise.then(
          (value) => {
            outcomes[index] = { ok: true, value };
            report();
          },
          (error: unknown) => {
            outcomes[index] = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
            report();
          },
        ),
      ),
    ).then(() => {
      signal?.removeEventListener('abort', cancelAll);
      return outcomes as Settled<R>[];
    });
  }

  /** Runs every job; results in input order. The first failure (in input order) cancels the rest and rejects. */
  async map(jobs: readonly J[], options: Omit<MapOptions<R>, 'onSettled'> = {}): Promise<R[]> {
    const abort = new AbortController();
    const outer = options.signal;
    const forward = (): void => abort.abort();
    if (outer?.aborted) abort.abort();
    outer?.addEventListener('abort', forward, { once: true });
    const first: { failure: Error | null } = { failure: null };
    try {
      const outcomes = await this.mapSettled(jobs, {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        signal: abort.signal,
        onSettled: (_index, outcome) => {
          if (!outcome.ok && first.failure === null) {
            first.failure = outcome.error;
            abort.abort();
          }
        },
      });
      if (first.failure !== null) throw first.failure;
      return outcomes.map((o) => (o as { ok: true; value: R }).value);
    } finally {
      outer?.removeEventListener('abort', forward);
    }
  }

  /** Terminates every worker; queued and running jobs reject with kind 'closed'. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new PoolError('closed', 'the pool was closed'));
    for (const slot of this.slots) {
      const task = slot.task;
      this.retire(slot);
      if (task) this.settle(task, new PoolError('closed', `the pool was closed while ${this.describe(task)} ran`));
    }
  }

  private describe(task: Task<J, R>): string {
    return this.options.describe ? this.options.describe(task.job) : `job ${task.id}`;
  }

  private cancel(task: Task<J, R>): void {
    if (task.settled) return;
    const error = new PoolError('cancelled', `${this.describe(task)} was cancelled`);
    const slot = task.slot;
    if (slot === null) {
      const at = this.queue.indexOf(task);
      if (at >= 0) this.queue.splice(at, 1);
      this.settle(task, error);
      return;
    }
    // A running job cannot be interrupted: its worker goes, a fresh one takes the next job.
    this.retire(slot);
    this.settle(task, error);
    this.dispatchSoon();
  }

  /**
   * Dispatches after the current task's promise reactions: a consumer that cancels the rest of a
   * batch when one job ends (map) does so before a queued job is handed to a worker for nothing.
   */
  private dispatchSoon(): void {
    if (this.dispatchQueued) return;
    this.dispatchQueued = true;
    queueMicrotask(() => {
      this.dispatchQueued = false;
      if (!this.closed) this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task !== null) continue;
      const task = this.queue.shift()!;
      this.start(slot, task);
    }
  }

  private start(slot: Slot<J, R>, task: Task<J, R>): void {
    let worker: PoolWorker;
    try {
      worker = slot.workers.worker ?? this.spawn(slot);
    } catch (err) {
      this.settle(task, new PoolError('crashed', `${this.describe(task)}: could not start a worker (${(err as Error).message})`));
      this.dispatchSoon();
      return;
    }
    slot.task = task;
    task.slot = slot;
    this.armDeadline(slot, task);
    const request: PoolRequest<J> = { id: task.id, job: task.job };
    worker.busy?.(true);
    try {
      worker.postMessage(request, this.options.transferablesOf?.(task.job) ?? []);
    } catch (err) {
      this.fault(slot, new PoolError('failed', `${this.describe(task)} could not be sent to a worker: ${(err as Error).message}`));
    }
  }

  /** (Re)starts the silence deadline of a running job: each message from its worker resets it. */
  private armDeadline(slot: Slot<J, R>, task: Task<J, R>): void {
    const ms = this.options.timeoutMs;
    if (ms === undefined) return;
    if (task.deadline !== null) task.deadline.restart();
    else task.deadline = new Deadline(ms, () => this.fault(slot, new PoolError('timeout', `${this.describe(task)}: no answer from its worker for ${ms} ms; the worker was replaced`)));
  }

  private spawn(slot: Slot<J, R>): PoolWorker {
    // Events of a worker that was since retired are ignored (WorkerSlot's isCurrent).
    return slot.workers.spawn((isCurrent) =>
      this.options.createWorker({
        message: (data) => {
          if (isCurrent()) this.onMessage(slot, data);
        },
        failure: (reason) => {
          if (!isCurrent()) return;
          const task = slot.task;
          this.fault(slot, new PoolError('crashed', `${task ? this.describe(task) : 'an idle worker'}: the worker crashed (${reason}); it was replaced`));
        },
      }),
    );
  }

  private onMessage(slot: Slot<J, R>, data: unknown): void {
    let response: PoolResponse<R>;
    try {
      response = this.options.parseResponse(data);
    } catch (err) {
      this.fault(slot, new PoolError('crashed', `a worker sent a malformed message (${(err as Error).message}); it was replaced`));
      return;
    }
    const task = slot.task;
    if (task === null || response.id !== task.id) return; // a late message for a job already given up
    if (response.type === 'progress') {
      this.armDeadline(slot, task);
      task.options.onProgress?.(Math.min(1, Math.max(0, response.fraction)));
      return;
    }
    slot.task = null;
    task.slot = null;
    slot.workers.worker?.busy?.(false);
    if (response.type === 'result') {
      task.options.onProgress?.(1);
      this.settle(task, null, response.result);
    } else {
      this.settle(task, new PoolError('failed', `${this.describe(task)} failed: ${response.message}`));
    }
    this.dispatchSoon();
  }

  /** A worker misbehaved: its job (if any) fails with `error`, the worker is replaced. */
  private fault(slot: Slot<J, R>, error: PoolError): void {
    const task = slot.task;
    this.retire(slot);
    if (task) this.settle(task, error);
    this.dispatchSoon();
  }

  private retire(slot: Slot<J, R>): void {
    const task = slot.task;
    slot.task = null;
    if (task) task.slot = null;
    slot.workers.retire();
  }

  private settle(task: Task<J, R>, error: Error | null, value?: R): void {
    if (task.settled) return;
    task.settled = true;
    task.deadline?.clear();
    task.unlisten();
    if (error) task.reject(error);
    else task.resolve(value as R);
  }
}
