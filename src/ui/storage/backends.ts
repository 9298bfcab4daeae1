/** Where saved state goes: IndexedDB in the browser, a Map when that is unavailable (and in tests). */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export class MemoryBackend implements KeyValueBackend {
  private readonly map = new Map<string, unknown>();

  async get(key: string): Promise<unknown> {
    return this.map.get(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.map.set(key, structuredClone(value));
  }

  async del(key: string): Promise<void> {
    this.map.delete(key);
  }
}

/**
 * The one storage check of both views: a KeyValueBackend that uses the browser's storage until it
 * fails once (private mode, quota, blocked), then keeps everything in memory for the rest of the page's
 * life and calls `onFallback` with the error, once. The session's saved state (StateStorage) and the
 * comparison (ComparePersistence) each wrap their backend in one, with their own words for the user.
 */
export class FallbackBackend implements KeyValueBackend {
  private current: KeyValueBackend;
  private fellBack = false;

  constructor(
    primary: KeyValueBackend,
    private readonly onFallback: (err: unknown) => void,
  ) {
    this.current = primary;
  }

  /** 'memory' once the browser's storage failed. */
  get mode(): 'persistent' | 'memory' {
    return this.fellBack ? 'memory' : 'persistent';
  }

  get(key: string): Promise<unknown> {
    return this.attempt((b) => b.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    return this.attempt((b) => b.set(key, value));
  }

  del(key: string): Promise<void> {
    return this.attempt((b) => b.del(key));
  }

  private async attempt<T>(op: (b: KeyValueBackend) => Promise<T>): Promise<T> {
    try {
      return await op(this.current);
    } catch (err) {
      if (this.fellBack) throw err;
      this.fellBack = true;
      this.current = new MemoryBackend();
      this.onFallback(err);
      return op(this.current);
    }
  }
}

/** Why the browser's storage failed, in the user's words. */
export function storageFailureReason(err: unknown): string {
  const e = err as { name?: string; message?: string } | null;
  return e?.name === 'QuotaExceededError' ? 'the browser storage is full' : `the browser storage is unavailable: ${e?.message ?? String(err)}`;
}
