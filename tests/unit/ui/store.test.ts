import { describe, expect, it } from 'vitest';
import { atom, batch, computed, emitter, sameData } from '../../../src/ui/store';

describe('observable store', () => {
  it('an atom notifies subscribers with the new and previous value, only on change', () => {
    const a = atom(1);
    const seen: [number, number][] = [];
    const off = a.subscribe((v, p) => seen.push([v, p]));
    a.set(1);
    a.set(2);
    a.update((v) => v * 10);
    off();
    a.set(3);
    expect(seen).toEqual([
      [2, 1],
      [20, 2],
    ]);
    expect(a.get()).toBe(3);
  });

  it('watch calls once at once, then on every change', () => {
    const a = atom('x');
    const seen: string[] = [];
    a.watch((v) => seen.push(v));
    a.set('y');
    expect(seen).toEqual(['x', 'y']);
  });

  it('a custom equality suppresses notifications for equal data', () => {
    const list = atom<number[]>([1, 2], sameData);
    let calls = 0;
    list.subscribe(() => calls++);
    list.set([1, 2]);
    expect(calls).toBe(0);
    list.set([1, 2, 3]);
    expect(calls).toBe(1);
  });

  it('computed follows its dependencies and notifies only when its own value changed', () => {
    const a = atom(2);
    const b = atom(3);
    const sum = computed([a, b], (x, y) => x + y);
    const parity = computed([sum], (s) => s % 2);
    const seen: number[] = [];
    parity.subscribe((v) => seen.push(v));
    expect(sum.get()).toBe(5);
    a.set(4); // 7: still odd
    b.set(4); // 8: even
    expect(sum.get()).toBe(8);
    expect(seen).toEqual([0]);
  });

  it('batch defers notifications so a derived value never sees half an update', () => {
    const a = atom(1);
    const b = atom(1);
    const diff = computed([a, b], (x, y) => x - y);
    const seen: number[] = [];
    diff.subscribe((v) => seen.push(v));
    batch(() => {
      a.set(5);
      b.set(5);
    });
    expect(seen).toEqual([]);
    batch(() => {
      a.set(9);
      batch(() => b.set(2));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([7]);
  });

  it('a value set back within a batch notifies nobody; a listener may unsubscribe while notified', () => {
    const a = atom(0);
    let calls = 0;
    a.subscribe(() => calls++);
    batch(() => {
      a.set(1);
      a.set(0);
    });
    expect(calls).toBe(0);
    const offs: (() => void)[] = [];
    let second = 0;
    offs.push(a.subscribe(() => offs[1]!()));
    offs.push(a.subscribe(() => second++));
    a.set(2);
    a.set(3);
    expect(second).toBeLessThanOrEqual(1);
  });
});

describe('emitter', () => {
  it('delivers every event to every listener, in order, until unsubscribed', () => {
    const e = emitter<string>();
    const a: string[] = [];
    const off = e.subscribe((v) => a.push(v));
    e.emit('one');
    e.emit('two');
    off();
    e.emit('three');
    expect(a).toEqual(['one', 'two']);
  });
});
