import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/ui/settings';
import { readSavedState, SAVED_STATE_VERSION, type SavedState } from '../../../src/ui/storage/savedState';
import { MemoryBackend, type KeyValueBackend } from '../../../src/ui/storage/backends';
import { BACKUP_KEY, STATE_KEY, StateStorage } from '../../../src/ui/storage/StateStorage';

const v2: SavedState = {
  version: 2,
  settings: { ...DEFAULT_SETTINGS, layer: 'erythema', needleMm: 2 },
  ops: [
    { op: 'pass', hour: 0, needleMm: 2, pressure: 1 },
    { op: 'advance', hour: 30 },
  ],
  clockHours: 31.5,
};

const v1 = {
  version: 1,
  settings: DEFAULT_SETTINGS,
  ops: [
    { op: 'strokes', hour: 0, flat: [0, 20, 40, 20, 1.5, 1, 0] },
    { op: 'advance', hour: 24 },
  ],
  clockHours: 24,
  sessionDays: [0],
};

function failing(on: 'get' | 'set', error: Error): KeyValueBackend {
  const mem = new MemoryBackend();
  return {
    get: on === 'get' ? () => Promise.reject(error) : (k) => mem.get(k),
    set: on === 'set' ? () => Promise.reject(error) : (k, v) => mem.set(k, v),
    del: (k) => mem.del(k),
  };
}

describe('saved state: versions and migration', () => {
  it('reads the current version as it was written', () => {
    expect(readSavedState(structuredClone(v2))).toEqual({ state: v2, refused: null });
    expect(SAVED_STATE_VERSION).toBe(2);
  });

  it('migrates version 1 (the first app) without losing its log, settings or clock', () => {
    const r = readSavedState(structuredClone(v1));
    expect(r.refused).toBeNull();
    expect(r.migratedFrom).toBe(1);
    expect(r.state).toEqual({ version: 2, settings: DEFAULT_SETTINGS, ops: v1.ops, clockHours: 24 });
  });

  it('refuses a newer version whole, saying so', () => {
    const r = readSavedState({ ...v2, version: 3, somethingNew: true });
    expect(r.state).toBeNull();
    expect(r.refused).toMatch(/format version 3, from a newer SkinSim .*kept as a backup/);
  });

  it('refuses a damaged state whole, naming the field, never half-loading it', () => {
    const r = readSavedState({ ...v2, settings: { ...v2.settings, needleMm: 9 } });
    expect(r.state).toBeNull();
    expect(r.refused).toMatch(/damaged \(settings\.needleMm: 9 is above the maximum/);
    const ops = readSavedState({ ...v2, ops: [{ op: 'pass', hour: -1, needleMm: 1, pressure: 1 }] });
    expect(ops.state).toBeNull();
    expect(ops.refused).toMatch(/ops\[0\]\.hour/);
  });

  it('refuses what is not a saved session at all', () => {
    for (const raw of [null, 'text', 42, [], { settings: {} }, { version: '2' }, { version: 0 }]) {
      const r = readSavedState(raw);
      expect(r.state).toBeNull();
      expect(r.refused).toMatch(/not loaded/);
    }
    expect(readSavedState(undefined)).toEqual({ state: null, refused: null });
  });
});

describe('state storage: backups and the memory fallback', () => {
  it('saves and loads through its backend', async () => {
    const s = new StateStorage(new MemoryBackend(), () => undefined);
    await s.save(v2);
    expect((await s.load()).state).toEqual(v2);
    await s.clear();
    expect((await s.load()).state).toBeNull();
  });

  it('keeps a refused state as a backup instead of letting the next save destroy it', async () => {
    const backend = new MemoryBackend();
    const newer = { ...v2, version: 7 };
    await backend.set(STATE_KEY, newer);
    const s = new StateStorage(backend, () => undefined);
    expect((await s.load()).refused).toMatch(/version 7/);
    await s.save(v2);
    expect(await backend.get(BACKUP_KEY)).toEqual(newer);
    expect(await backend.get(STATE_KEY)).toEqual(v2);
  });

  it('falls back to memory when the browser storage is unavailable, and says so once', async () => {
    const told: string[] = [];
    const s = new StateStorage(failing('get', new Error('The operation is insecure.')), (m) => told.push(m));
    expect(await s.load()).toEqual({ state: null, refused: null });
    expect(s.mode).toBe('memory');
    await s.save(v2);
    await s.save(v2);
    expect((await s.load()).state).toEqual(v2);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/unavailable: The operation is insecure.*in memory only/);
  });

  it('falls back to memory when the storage is full, keeping the session', async () => {
    const told: string[] = [];
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const s = new StateStorage(failing('set', quota), (m) => told.push(m));
    await s.save(v2);
    expect(s.mode).toBe('memory');
    expect(told[0]).toMatch(/storage is full/);
    expect((await s.load()).state).toEqual(v2);
  });
});

describe('a save on its way when the page goes (issue 17)', () => {
  /** A localStorage for Node, installed for one test. */
  function withLocalStorage<T>(fn: (items: Map<string, string>) => Promise<T>): Promise<T> {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    return fn(items).finally(() => delete (globalThis as { localStorage?: unknown }).localStorage);
  }

  /** A backend whose writes never finish (the browser dropped them with the page). */
  function stuck(): KeyValueBackend & { mem: MemoryBackend } {
    const mem = new MemoryBackend();
    return { mem, get: (k) => mem.get(k), set: () => new Promise<void>(() => {}), del: (k) => mem.del(k) };
  }

  it('keeps the state synchronously; the next load takes it once, ahead of the older stored one', () =>
    withLocalStorage(async (items) => {
      const backend = stuck();
      await backend.mem.set(STATE_KEY, { ...v2, clockHours: 20 });
      const storage = new StateStorage(backend, () => {});
      void storage.save(v2);
      expect(storage.saving).toBe(true);
      storage.keepOnExit(v2);
      const next = new StateStorage(backend, () => {});
      expect((await next.load()).state?.clockHours).toBe(31.5);
      // Used once: the load after that reads the stored state again.
      expect(items.size).toBe(0);
      expect((await new StateStorage(backend, () => {}).load()).state?.clockHours).toBe(20);
    }));

  it('drops the copy once every save landed (a page that came back), and keeps none in memory mode', () =>
    withLocalStorage(async (items) => {
      const storage = new StateStorage(new MemoryBackend(), () => {});
      storage.keepOnExit(v2);
      expect(items.size).toBe(1);
      await storage.save({ ...v2, clockHours: 40 });
      expect(items.size).toBe(0);
      expect((await storage.load()).state?.clockHours).toBe(40);
      const broken = new StateStorage(failing('get', new Error('blocked')), () => {});
      await broken.load();
      expect(broken.mode).toBe('memory');
      broken.keepOnExit(v2);
      expect(items.size).toBe(0);
    }));
});
