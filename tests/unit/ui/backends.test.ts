import { describe, expect, it } from 'vitest';
import { FallbackBackend, MemoryBackend, storageFailureReason, type KeyValueBackend } from '../../../src/ui/storage/backends';

/** A browser storage that fails every call from the `failAfter`-th on. */
function breaking(failAfter: number, error: Error): KeyValueBackend & { calls: number } {
  const mem = new MemoryBackend();
  const b = {
    calls: 0,
    get: (k: string) => (++b.calls > failAfter ? Promise.reject(error) : mem.get(k)),
    set: (k: string, v: unknown) => (++b.calls > failAfter ? Promise.reject(error) : mem.set(k, v)),
    del: (k: string) => (++b.calls > failAfter ? Promise.reject(error) : mem.del(k)),
  };
  return b;
}

describe('FallbackBackend (the one storage check of the session state and the comparison)', () => {
  it('uses the browser storage while it works, then memory for good, telling once', async () => {
    const told: unknown[] = [];
    const primary = breaking(2, new Error('blocked'));
    const s = new FallbackBackend(primary, (err) => told.push(err));
    await s.set('a', 1);
    expect(await s.get('a')).toBe(1);
    expect(s.mode).toBe('persistent');
    await s.set('b', 2); // the primary fails here: kept in memory instead
    expect([s.mode, told.length, await s.get('b')]).toEqual(['memory', 1, 2]);
    const callsAtFallback = primary.calls;
    await s.set('c', 3);
    await s.del('b');
    expect([await s.get('c'), await s.get('b'), told.length, primary.calls]).toEqual([3, undefined, 1, callsAtFallback]);
  });

  it('names a full storage apart from an unavailable one', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(storageFailureReason(quota)).toBe('the browser storage is full');
    expect(storageFailureReason(new Error('The operation is insecure.'))).toBe('the browser storage is unavailable: The operation is insecure.');
  });
});
