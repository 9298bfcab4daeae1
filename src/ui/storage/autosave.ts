import type { AppStore } from '../appStore';
import type { AppEngine } from '../engine/AppEngine';
import { SAVED_STATE_VERSION, type SavedState } from './savedState';
import type { StateStorage } from './StateStorage';

/** Quiet time before a save, ms (a drag sends many batches; one save after it is enough). */
const DEBOUNCE_MS = 300;
/** While playing, the clock is saved at most this often, ms. */
const PLAYING_EVERY_MS = 1000;

/**
 * Saves the session whenever what a reload must restore changed: the log (mirrored from the worker),
 * the settings, the clock. Start it only once the saved session was restored, so an empty start can
 * never overwrite it. Saves run one after another, never overlapping.
 */
export function startAutosave(store: AppStore, engine: AppEngine, storage: StateStorage): { flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let lastClockSave = 0;
  const current = (): SavedState => ({ version: SAVED_STATE_VERSION, settings: store.settings.get(), ops: [...engine.ops], clockHours: store.clockHours.get() });
  const save = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const state = current();
    chain = chain.then(() => storage.save(state)).catch((err: unknown) => console.error(err));
    return chain;
  };
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void save(), DEBOUNCE_MS);
  };
  store.logLength.subscribe(schedule);
  store.settings.subscribe(schedule);
  // Pause (and Step) save at once: while playing, the clock is saved only once a second, so a reload
  // within the debounce after Pause used to bring back the clock of up to a second of play earlier
  // (two simulated hours at 1 day/s, issue 17).
  store.playing.subscribe((playing) => (playing ? schedule() : void save()));
  store.clockHours.subscribe(() => {
    const now = performance.now();
    // A stopped clock moves only by a discrete act (Step, Reset): saved at once, like Pause.
    if (!store.playing.get()) {
      lastClockSave = now;
      void save();
    } else if (now - lastClockSave > PLAYING_EVERY_MS) {
      lastClockSave = now;
      schedule();
    }
  });
  addEventListener('pagehide', () => {
    const unsaved = timer !== null || storage.saving;
    const state = current();
    // A save still waiting or on its way may be dropped with the page: keep this one synchronously too.
    if (unsaved) storage.keepOnExit(state);
    void save();
  });
  return { flush: save };
}
