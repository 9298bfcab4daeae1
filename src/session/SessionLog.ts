import { STROKE_STRIDE } from './quantise';
import { isInjury, type LogOp } from './schemas';

/** What a mutating call did to the log: its new length and the operations appended (the UI mirrors it). */
export interface LogDelta {
  length: number;
  /**
   * The operations from index `length − appended.length` on, as they are now: new ones, and the last
   * one when a drag's batch was gathered into it (the mirror replaces it).
   */
  appended: LogOp[];
}

/**
 * At most this many strokes in one logged operation gathered from the batches of a drag (the
 * schema allows many more). Gathering keeps the log short over long drags (a 30-minute drag at 30
 * batches a second is ≈ 600 operations instead of 54 000: less memory, smaller saves, far from
 * MAX_LOG_OPS); the bound keeps the operation each answer hands back small.
 */
export const MAX_STROKES_PER_OP = 256;

/**
 * The operation log of an interactive session, append-only except for Undo, which drops the trailing
 * injury (a pass, or every batch of the last drag) while time has not moved on. Consecutive stroke
 * batches of one drag at one hour are gathered into one operation: the engine applies the same
 * strokes in the same order at the same hour, so the replay is the same bit for bit.
 */
export class SessionLog {
  private readonly list: LogOp[] = [];

  get length(): number {
    return this.list.length;
  }

  get ops(): readonly LogOp[] {
    return this.list;
  }

  /** Appends `op`, or gathers a drag's batch into the last operation; returns whether it was gathered. */
  append(op: LogOp): boolean {
    const n = this.list.length;
    const last = this.list[n - 1];
    if (
      op.op === 'strokes' &&
      op.gesture !== undefined &&
      last?.op === 'strokes' &&
      last.gesture === op.gesture &&
      last.hour === op.hour &&
      last.flat.length + op.flat.length <= STROKE_STRIDE * MAX_STROKES_PER_OP
    ) {
      // A new object: an operation already handed out (a delta, a saved copy) never changes.
      this.list[n - 1] = { ...last, flat: last.flat.concat(op.flat) };
      return true;
    }
    this.list.push(op);
    return false;
  }

  /** Appends `op` as it is (a replay keeps the log it was given, operation for operation). */
  push(op: LogOp): void {
    this.list.push(op);
  }

  /** The change since the log had `before` operations. */
  since(before: number): LogDelta {
    return { length: this.list.length, appended: this.list.slice(before) };
  }

  /**
   * Where the trailing injury at `hour` starts: the index of the last pass, or of the first batch of
   * the last drag (same gesture, same hour); null when the log does not end with an injury at `hour`
   * (empty, or an exact advance came after it).
   */
  undoStart(hour: number): number | null {
    const n = this.list.length;
    const last = this.list[n - 1];
    if (last === undefined || !isInjury(last) || last.hour !== hour) return null;
    if (last.op === 'pass' || last.gesture === undefined) return n - 1;
    let k = n - 1;
    while (k > 0) {
      const prev = this.list[k - 1]!;
      if (prev.op !== 'strokes' || prev.gesture !== last.gesture || prev.hour !== hour) break;
      k--;
    }
    return k;
  }
}
