/**
 * The worker protocol layer that the session view's engine worker (ui/engine/WorkerHost) and every
 * worker of the job pool (TaskPool) share: how a worker is replaced (WorkerSlot), how its crash is
 * noticed (watchFailures) and when silence counts as a hang (Deadline). The two clients differ only in
 * what they do about a fault: the pool fails the job, the session view replays its log.
 *
 * A slot holds at most one worker. `spawn` starts the next one and gives its event handlers an
 * `isCurrent` check, so events of a worker that was since replaced (a late crash, a late answer) are
 * ignored; `retire` stops the current one, and a worker that is already gone is no error. Each new
 * worker bumps `generation`, so a fault can be tied to the worker it came from.
 */
export class WorkerSlot<W extends { terminate(): void }> {
  private current: W | null = null;
  private generationNow = 0;

  get worker(): W | null {
    return this.current;
  }

  /** 0 before the first worker, then 1, 2, … one per worker started. */
  get generation(): number {
    return this.generationNow;
  }

  /** Retires the current worker (if any) and starts a new one with `create`. */
  spawn(create: (isCurrent: () => boolean) => W): W {
    this.retire();
    const generation = ++this.generationNow;
    let worker: W | null = null;
    worker = create(() => worker !== null && this.current === worker && this.generationNow === generation);
    this.current = worker;
    return worker;
  }

  /** Stops the current worker (a crash, a hang, a cancel, a close); its later events count for nothing. */
  retire(): void {
    const worker = this.current;
    this.current = null;
    if (worker === null) return;
    try {
      worker.terminate();
    } catch {
      // Already gone: nothing left to stop.
    }
  }
}

/** A worker failed: it crashed (an error event, an exit, a message that does not parse) or went silent past its deadline. */
export type WorkerFaultKind = 'crashed' | 'timeout';

/** The session view's host throws this on a fault (the pool fails the job with its PoolError of the same kind). */
export class WorkerFault extends Error {
  override name = 'WorkerFault';

  constructor(
    readonly kind: WorkerFaultKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fires `onExpire` once `ms` pass without `restart` or `clear`: the one hang rule of both worker
 * clients. The pool restarts it on every message of a job (silence counts, not length); the session
 * view's host arms one per call.
 */
export class Deadline {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly onExpire: () => void,
  ) {
    this.restart();
  }

  restart(): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onExpire();
    }, this.ms);
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** What a browser worker's failure events carry (ErrorEvent's message, when there is one). */
interface FailureSource {
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export interface FailureWording {
  /** The reason when an error event carries no message. */
  error: string;
  /** The reason when a message from the worker could not be read. */
  unreadable: string;
  /** Whether the page reports the error itself (the pool, whose job says what happened): no console echo then. */
  handled: boolean;
}

/**
 * Turns a Web Worker's failure events into one `onFailure(reason)`: the crash rule of both worker
 * clients (the pool's web adapter and the session view's host). Node's workers report through
 * `worker_threads` events instead (src/pool/nodePool.ts).
 */
export function watchFailures(worker: FailureSource, onFailure: (reason: string) => void, wording: FailureWording): void {
  worker.addEventListener('error', (event) => {
    if (wording.handled) event.preventDefault();
    onFailure((event as ErrorEvent).message || wording.error);
  });
  worker.addEventListener('messageerror', () => onFailure(wording.unreadable));
}
