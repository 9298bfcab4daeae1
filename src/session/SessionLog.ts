import { isInjury, type LogOp } from './schemas';

/** What a mutating call did to the log: its new length and the operations appended (the UI mirrors it). */
export interface LogDelta {
  length: number;
  appended: LogOp[];
}

/**
 * The operation log of an interactive session, append-only except for Undo, which drops the trailing
 * injury (a pass, or every batch of the last drag) while time has not moved on.
 */
export class SessionLog {
  private readonly list: LogOp[] = [];

  get length(): number {
    return this.list.length;
  }

  get ops(): readonly LogOp[] {
    return this.list;
  }

  append(op: LogOp): void {
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

  truncate(length: number): void {
    this.list.length = Math.min(this.list.length, Math.max(0, length));
  }
}
