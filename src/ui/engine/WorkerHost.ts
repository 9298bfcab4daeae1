import type { Endpoint } from 'comlink';
import { Deadline, WorkerFault, WorkerSlot, watchFailures } from '../../pool/workerSlot';
import { EngineClient } from './EngineClient';

/** What the host needs of a worker: a comlink endpoint that reports errors and can be stopped. */
export interface EngineWorker extends Endpoint {
  terminate(): void;
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
    let timer!: Deadline;
    const hung = new Promise<never>((_, reject) => {
      timer = new Deadline(deadlineMs, () => reject(new WorkerFault('timeout', `the engine did not answer within ${Math.round(deadlineMs / 1000)} s`)));
    });
    try {
      return await Promise.race([fn(this.clientNow), hung, this.crashed]);
    } finally {
      timer.clear();
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
      const onFailure = (reason: string): void => {
        if (!isCurrent()) return;
        reject(new WorkerFault('crashed', reason));
        for (const fn of [...this.crashListeners]) fn(reason);
      };
      const reason = 'the engine worker stopped with an error';
      watchFailures(worker, onFailure, { error: reason, unreadable: reason, handled: false });
    });
    // Nobody may be waiting when the worker crashes: that rejection is handled through onCrash.
    this.crashed.catch(() => undefined);
    return worker;
  }
}
