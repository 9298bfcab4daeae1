import type { Endpoint } from 'comlink';
import { WorkerSlot } from '../../pool/workerSlot';
import { EngineClient } from './EngineClient';

/** What the host needs of a worker: a comlink endpoint that reports errors and can be stopped. */
export interface EngineWorker extends Endpoint {
  terminate(): void;
}

/** The worker crashed (an error event) or did not answer in time; the work it had may be lost. */
export class WorkerFault extends Error {
  override name = 'WorkerFault';
}

export interface WorkerHostOptions {
  /** Starts a new worker (the browser: `new Worker(...)`; tests: a MessageChannel). */
  create: () => EngineWorker;
  /** An ordinary call that takes longer than this is taken for a hang, ms. */
  deadlineMs: number;
}

/**
 * Owns the engine worker: every call goes through `call`, which races the answer against the
 * worker's error event and a deadline. On either it throws WorkerFault; `restart` then replaces the
 * worker (the caller rebuilds the state from its own log: the old worker's state is gone).
 */
export class WorkerHost {
  /** The worker and its replacements (shared with the job pool: src/pool/workerSlot.ts). */
  private readonly slot = new WorkerSlot<EngineWorker>();
  private clientNow: EngineClient;
  /** Rejects when the current worker reports an error; replaced with each worker. */
  private crashed!: Promise<never>;
  private crashListeners = new Set<(reason: string) => void>();

  constructor(private readonly options: WorkerHostOptions) {
    this.clientNow = new EngineClient(this.spawn());
  }

  get client(): EngineClient {
    return this.clientNow;
  }

  /** Bumped with each new worker: a fault of an older generation is already handled. */
  get generation(): number {
    return this.slot.generation;
  }

  /** Called when the current worker reports an error, whether or not a call is waiting. */
  onCrash(fn: (reason: string) => void): () => void {
    this.crashListeners.add(fn);
    return () => this.crashListeners.delete(fn);
  }

  /** Runs one call on the current worker, within `deadlineMs` (default: the host's). */
  async call<T>(fn: (client: EngineClient) => Promise<T>, deadlineMs = this.options.deadlineMs): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkerFault(`the engine did not answer within ${Math.round(deadlineMs / 1000)} s`)), deadlineMs);
    });
    try {
      return await Promise.race([fn(this.clientNow), deadline, this.crashed]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replaces the worker with a fresh one (its state is empty: replay the log next). */
  restart(): EngineClient {
    this.stop();
    this.clientNow = new EngineClient(this.spawn());
    return this.clientNow;
  }

  /** Stops the worker without telling anyone: a crash as the app meets it (the test hook). */
  kill(): void {
    this.worker?.terminate();
  }

  /** The current worker (null only between a retire and the next spawn). */
  private get worker(): EngineWorker | null {
    return this.slot.worker;
  }

  private stop(): void {
    try {
      this.clientNow.dispose();
    } catch {
      // A dead worker cannot take the release message; nothing to clean up then.
    }
    this.slot.retire();
  }

  private spawn(): EngineWorker {
    return this.slot.spawn((isCurrent) => this.watch(this.options.create(), isCurrent));
  }

  /** Turns the worker's error events into `crashed` and the crash listeners, while it is the current one. */
  private watch(worker: EngineWorker, isCurrent: () => boolean): EngineWorker {
    this.crashed = new Promise<never>((_, reject) => {
      const onError = (event: Event): void => {
        if (!isCurrent()) return;
        const message = (event as ErrorEvent).message || 'the engine worker stopped with an error';
        reject(new WorkerFault(message));
        for (const fn of [...this.crashListeners]) fn(message);
      };
      worker.addEventListener('error', onError as never);
      worker.addEventListener('messageerror', onError as never);
    });
    // Nobody may be waiting when the worker crashes: that rejection is handled through onCrash.
    this.crashed.catch(() => undefined);
    return worker;
  }
}
