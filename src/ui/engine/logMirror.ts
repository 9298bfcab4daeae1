import type { LogOp } from '../../session/index';

/**
 * The app's copy of the worker's operation log (what a save keeps and a recovery replays), kept in
 * step from each answer's delta, and the engine hour the worker last confirmed: a recovery replays up
 * to there (not to the clock, which a queued Step may already have moved on; the Step itself then
 * runs again and is logged).
 */
export class LogMirror {
  private readonly list: LogOp[] = [];
  confirmedHour = 0;

  constructor(private readonly onLength: (length: number) => void) {}

  get ops(): readonly LogOp[] {
    return this.list;
  }

  /** Takes a saved log before it is replayed (a restore). */
  preload(ops: readonly LogOp[]): void {
    this.list.push(...ops);
    this.onLength(this.list.length);
  }

  /** Forgets the log without telling (a restore the worker refused: a fresh setup follows). */
  drop(): void {
    this.list.length = 0;
  }

  /** A fresh start at `hour` (Start over, Reset): the log is empty. */
  restart(hour = 0): void {
    this.confirmedHour = hour;
    this.list.length = 0;
    this.onLength(0);
  }

  /** Applies an answer's delta (its length and the operations appended since the common base). */
  apply(delta: { length: number; appended: LogOp[] }, hour: number): void {
    this.confirmedHour = hour;
    const base = delta.length - delta.appended.length;
    if (base > this.list.length) throw new Error(`log mirror out of step: the worker holds ${delta.length} operations, the app ${this.list.length}`);
    this.list.length = base;
    this.list.push(...delta.appended);
    this.onLength(this.list.length);
  }
}
