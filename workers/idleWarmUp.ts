import { warmUpFor } from '../src/engine/index';

/** How long the session worker must have had no call before it warms the engine up, ms. */
export const WARM_UP_IDLE_MS = 1000;

/**
 * The session worker's JIT warm-up (src/engine/warmUp.ts): once, after the first frame has been
 * shaded and the worker has then had no call for WARM_UP_IDLE_MS — so it delays neither the first skin
 * nor a restore, and a user who starts rolling at once is not kept waiting (it waits for their first
 * pause). Measured in Node on the interactive session at 160²: 15 passes 120–132 → 82–96 ms and the
 * first week of Play (hourly frames) 357–410 → 140–146 ms once warm; the warm-up itself ≈ 135 ms.
 */
export class IdleWarmUp {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private gridCells = 0;
  private armed = false;
  private done = false;

  constructor(
    private readonly warmUp: (gridCells: number) => void = warmUpFor,
    private readonly idleMs = WARM_UP_IDLE_MS,
  ) {}

  /** A frame of a patch of `gridCells` per side was shaded: from now on, idle time counts. */
  frameShaded(gridCells: number): void {
    this.gridCells = gridCells;
    this.armed = true;
  }

  /** A call has just been answered: the idle time starts again. */
  answered(): void {
    if (!this.armed || this.done) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.done = true;
      this.warmUp(this.gridCells);
    }, this.idleMs);
    // In Node (tests, the bench) a pending warm-up never keeps the process alive.
    if (typeof this.timer === 'object' && 'unref' in this.timer) this.timer.unref();
  }
}

/** `api` with every method telling `idle` when it has answered (returned or thrown). */
export function answeringTo<T extends object>(api: T, idle: IdleWarmUp): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(api)) {
    wrapped[name] = (...args: unknown[]): unknown => {
      try {
        return (method as (...a: unknown[]) => unknown)(...args);
      } finally {
        idle.answered();
      }
    };
  }
  return wrapped as T;
}
