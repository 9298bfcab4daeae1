import { describe, expect, it } from 'vitest';
import { WorkerSlot } from '../../../src/pool/workerSlot';

describe('WorkerSlot (the replacement logic of the engine worker and the pool workers)', () => {
  it('counts generations, stops the replaced worker and tells its late events apart', () => {
    const slot = new WorkerSlot<{ name: string; stopped: boolean; terminate(): void }>();
    expect(slot.generation).toBe(0);
    const checks: (() => boolean)[] = [];
    const make = (name: string) => (isCurrent: () => boolean) => {
      checks.push(isCurrent);
      return { name, stopped: false, terminate() { this.stopped = true; } };
    };
    const first = slot.spawn(make('a'));
    expect([slot.generation, slot.worker?.name, checks[0]!()]).toEqual([1, 'a', true]);
    const second = slot.spawn(make('b'));
    expect([slot.generation, first.stopped, second.stopped, checks[0]!(), checks[1]!()]).toEqual([2, true, false, false, true]);
    slot.retire();
    expect([slot.worker, second.stopped, checks[1]!()]).toEqual([null, true, false]);
  });

  it('retiring a worker that is already gone is no error', () => {
    const slot = new WorkerSlot<{ terminate(): void }>();
    slot.spawn(() => ({ terminate: () => { throw new Error('already dead'); } }));
    expect(() => slot.retire()).not.toThrow();
    expect(slot.worker).toBeNull();
  });
});
