/**
 * One replaceable worker: the replacement logic that the session view's engine worker
 * (ui/engine/WorkerHost) and every worker of the job pool (TaskPool) share. A slot holds at most one
 * worker. `spawn` starts the next one and gives its event handlers an `isCurrent` check, so events of
 * a worker that was since replaced (a late crash, a late answer) are ignored; `retire` stops the
 * current one, and a worker that is already gone is no error. Each new worker bumps `generation`, so
 * a fault can be tied to the worker it came from.
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
