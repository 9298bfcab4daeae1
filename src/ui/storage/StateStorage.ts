import { FallbackBackend, storageFailureReason, type KeyValueBackend } from './backends';
import { readSavedState, type ReadOutcome, type SavedState } from './savedState';

/** The key of the first app; the value carries its own format version, so the key stays. */
export const STATE_KEY = 'skinsim/state/v1';
/** A refused state (newer, damaged) is moved here rather than overwritten by the next save. */
export const BACKUP_KEY = 'skinsim/state/refused';
/**
 * localStorage key of the state a page left while its IndexedDB save was still on its way (issue 17):
 * a reload at once after Pause used to lose that save. Written synchronously on the way out, read and
 * removed by the next load; a state larger than EXIT_COPY_MAX_CHARS is not copied.
 */
export const EXIT_KEY = 'skinsim/state/on-exit';
const EXIT_COPY_MAX_CHARS = 1_000_000;

/** The page's localStorage, or null where it is unavailable (Node tests, some private modes). */
function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Saved state with a safety net (issue 9): reads are parsed and migrated (savedState.ts); a refused
 * value is kept as a backup; when the browser's storage fails (private mode, quota, blocked) the
 * session carries on in memory (FallbackBackend, the check Compare's storage shares) and `onFallback`
 * tells the user once.
 */
export class StateStorage {
  private readonly backend: FallbackBackend;

  constructor(primary: KeyValueBackend, onFallback: (reason: string) => void) {
    this.backend = new FallbackBackend(primary, (err) =>
      onFallback(`Your session cannot be saved in this browser (${storageFailureReason(err)}). It is kept in memory only and will be lost on reload.`),
    );
  }

  /** 'memory' once the browser's storage failed. */
  get mode(): 'persistent' | 'memory' {
    return this.backend.mode;
  }

  /** Saves started and not finished. */
  private inFlight = 0;

  /** True while a save is on its way: the state on screen may not be stored yet. */
  get saving(): boolean {
    return this.inFlight > 0;
  }

  /**
   * The page is going away with a save on its way: keeps `state` synchronously (localStorage), so the
   * next load finds it even if the browser drops the unfinished IndexedDB save with the page.
   */
  keepOnExit(state: SavedState): void {
    if (this.mode !== 'persistent') return;
    const store = local();
    try {
      const text = JSON.stringify(state);
      if (text.length <= EXIT_COPY_MAX_CHARS) store?.setItem(EXIT_KEY, text);
    } catch {
      // Full or unavailable: the IndexedDB save may still land.
    }
  }

  async load(): Promise<ReadOutcome> {
    const exitCopy = this.takeExitCopy();
    if (exitCopy !== undefined) {
      const outcome = readSavedState(exitCopy);
      if (outcome.state !== null) return outcome;
    }
    // A storage that fails falls back to memory (empty): then there is nothing to restore.
    const raw = await this.backend.get(STATE_KEY);
    const outcome = readSavedState(raw);
    if (outcome.refused !== null) await this.backend.set(BACKUP_KEY, raw);
    return outcome;
  }

  async save(state: SavedState): Promise<void> {
    this.inFlight++;
    try {
      await this.backend.set(STATE_KEY, state);
    } finally {
      this.inFlight--;
      // Everything asked for is stored: a copy kept on the way out (the page came back) is older now.
      if (this.inFlight === 0) {
        try {
          local()?.removeItem(EXIT_KEY);
        } catch {
          // Unavailable: nothing was kept there either.
        }
      }
    }
  }

  /** The state a page left on its way out (removed: it is used once), undefined when there is none. */
  private takeExitCopy(): unknown {
    const store = local();
    try {
      const text = store?.getItem(EXIT_KEY) ?? null;
      if (text === null) return undefined;
      store?.removeItem(EXIT_KEY);
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  async clear(): Promise<void> {
    await this.backend.del(STATE_KEY);
  }
}
