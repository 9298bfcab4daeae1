import { describe, expect, it, vi } from 'vitest';
import { Deadline, WorkerSlot, watchFailures } from '../../../src/pool/workerSlot';

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

describe('Deadline (the hang rule of the pool and the session view host)', () => {
  it('fires once after silence, not while restarted, never after clear', () => {
    vi.useFakeTimers();
    try {
      let fired = 0;
      const d = new Deadline(100, () => fired++);
      vi.advanceTimersByTime(80);
      d.restart();
      vi.advanceTimersByTime(80);
      expect(fired).toBe(0);
      vi.advanceTimersByTime(30);
      expect(fired).toBe(1);
      vi.advanceTimersByTime(500);
      expect(fired).toBe(1);
      const quiet = new Deadline(100, () => fired++);
      quiet.clear();
      vi.advanceTimersByTime(500);
      expect(fired).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('watchFailures (the crash rule of both worker clients)', () => {
  function fakeWorker() {
    const listeners = new Map<string, (e: Event) => void>();
    return {
      addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
      fire: (type: string, event: Partial<ErrorEvent>) => listeners.get(type)!(event as Event),
    };
  }

  it("reports the error's own message, else the wording, and the unreadable message", () => {
    const w = fakeWorker();
    const reasons: string[] = [];
    watchFailures(w, (r) => reasons.push(r), { error: 'fallback', unreadable: 'unreadable', handled: false });
    w.fire('error', { message: 'boom' });
    w.fire('error', { message: '' });
    w.fire('messageerror', {});
    expect(reasons).toEqual(['boom', 'fallback', 'unreadable']);
  });

  it('keeps the console echo unless the page reports the error itself', () => {
    for (const handled of [false, true]) {
      const w = fakeWorker();
      const preventDefault = vi.fn();
      watchFailures(w, () => undefined, { error: 'e', unreadable: 'u', handled });
      w.fire('error', { message: 'x', preventDefault });
      expect(preventDefault).toHaveBeenCalledTimes(handled ? 1 : 0);
    }
  });
});
