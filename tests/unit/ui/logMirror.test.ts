import { describe, expect, it } from 'vitest';
import type { LogOp } from '../../../src/session/index';
import { LogMirror } from '../../../src/ui/engine/logMirror';

const pass = (hour: number): LogOp => ({ op: 'pass', hour, needleMm: 1.5, pressure: 1 });

describe('LogMirror (the app copy of the worker log)', () => {
  it('follows appends and an undo from the deltas, and tells each new length', () => {
    const lengths: number[] = [];
    const m = new LogMirror((n) => lengths.push(n));
    m.apply({ length: 1, appended: [pass(0)] }, 0);
    m.apply({ length: 2, appended: [pass(1)] }, 1);
    // An undo: the worker's log is one shorter, nothing appended.
    m.apply({ length: 1, appended: [] }, 1);
    m.apply({ length: 2, appended: [pass(3)] }, 3);
    expect(m.ops.map((op) => op.hour)).toEqual([0, 3]);
    expect([m.confirmedHour, lengths]).toEqual([3, [1, 2, 1, 2]]);
  });

  it('refuses a delta that starts past its end (a lost answer) instead of guessing', () => {
    const m = new LogMirror(() => undefined);
    m.apply({ length: 1, appended: [pass(0)] }, 0);
    expect(() => m.apply({ length: 4, appended: [pass(5)] }, 5)).toThrow(/out of step: the worker holds 4 operations, the app 1/);
    expect(m.ops).toHaveLength(1);
  });

  it('a preload is told, a drop is not, a restart empties it at hour 0', () => {
    const lengths: number[] = [];
    const m = new LogMirror((n) => lengths.push(n));
    m.preload([pass(0), pass(2)]);
    m.drop();
    m.preload([pass(1)]);
    m.confirmedHour = 7;
    m.restart();
    expect([m.ops.length, m.confirmedHour, lengths]).toEqual([0, 0, [2, 1, 0]]);
  });
});
