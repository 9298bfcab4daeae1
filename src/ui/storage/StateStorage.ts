import { readSavedState, type ReadOutcome, type SavedState } from './savedState';

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

/** The key of the first app; the value carries its own format version, so the key stays. */
export const STATE_KEY = 'skinsim/state/v1';
/** A refused state (newer, damaged) is moved here rather than overwritten by the next save. */
export const BACKUP_KEY = 'skinsim/state/refused';

/**
 * Saved state with a safety net (issue 9): reads are parsed and migrated (savedState.ts); a refused
 * value is kept as a backup; when the browser's storage fails (private mode, quota, blocked) the
 * session carries on in memory and `onFallback` tells the user once.
 */
export class StateStorage {
  private backend: KeyValueBackend;
  private fellBack = false;

  constructor(
    primary: KeyValueBackend,
    private readonly onFallback: (reason: string) => void,
  ) {
    this.backend = primary;
  }

  /** 'memory' once the browser's storage failed. */
  get mode(): 'persistent' | 'memory' {
    return this.fellBack ? 'memory' : 'persistent';
  }

  async load(): Promise<ReadOutcome> {
    let raw: unknown;
    try {
      raw = await this.backend.get(STATE_KEY);
    } catch (err) {
      this.fallBack(err);
      return { state: null, refused: null };
    }
    const outcome = readSavedState(raw);
    if (outcome.refused !== null) {
      try {
        await this.backend.set(BACKUP_KEY, raw);
      } catch (err) {
        this.fallBack(err);
      }
    }
    return outcome;
  }

  async save(state: SavedState): Promise<void> {
    try {
      await this.backend.set(STATE_KEY, state);
    } catch (err) {
      this.fallBack(err);
      await this.backend.set(STATE_KEY, state);
    }
  }

  async clear(): Promise<void> {
    try {
      await this.backend.del(STATE_KEY);
    } catch (err) {
      this.fallBack(err);
    }
  }

  private fallBack(err: unknown): void {
    if (this.fellBack) return;
    this.fellBack = true;
    this.backend = new MemoryBackend();
    const e = err as { name?: string; message?: string };
    const why = e?.name === 'QuotaExceededError' ? 'the browser storage is full' : `the browser storage is unavailable: ${e?.message ?? String(err)}`;
    this.onFallback(`Your session cannot be saved in this browser (${why}). It is kept in memory only and will be lost on reload.`);
  }
}
