import { mountAnnouncer } from './announcer';
import { clockOfStore, createAppStore, notify, type AppStore } from './appStore';
import { AppEngine } from './engine/AppEngine';
import { WorkerHost, type EngineWorker } from './engine/WorkerHost';
import { byId, setText } from './dom';
import { setupGuide } from './guide';
import { readQueryParameters } from './queryParameters';
import { GRID_CELLS, mountSessionView } from './session/sessionView';
import { createStagePictures, TEXTURE_PX } from './session/skinStage';
import { DEFAULT_SETTINGS, setupOf } from './settings';
import { startAutosave } from './storage/autosave';
import { idbBackend } from './storage/idbBackend';
import { StateStorage } from './storage/StateStorage';
import { installTestHook } from './testHook';

/**
 * The composition root: one store, one engine (worker host + intent queue), storage, and the views.
 * Data flows one way: UI intent → queue → worker → session/engine → snapshot → store → views.
 *
 * The Compare view (issue 7) is started by src/main.ts in its own tab panel next to #session-view,
 * runs its courses in its own worker pool, and receives "Repeat as a course" through
 * `store.courseRequests`; the session view stays as it is.
 */
export async function startApp(): Promise<{ store: AppStore }> {
  setupGuide();
  const { params, problems } = readQueryParameters(location.search);
  // The store needs the restored settings, so storage speaks before the store exists: hold its words.
  let storageNotice: (text: string) => void;
  const early: string[] = [];
  storageNotice = (text) => early.push(text);
  const storage = new StateStorage(idbBackend(), (text) => storageNotice(text));
  // The engine worker loads its code while the saved state is read (issue 17: the first skin waits for both).
  const host = new WorkerHost({
    create: () => new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' }) as EngineWorker,
    deadlineMs: params.deadlineMs,
  });
  const restored = await storage.load();
  const restoring = restored.state !== null && (restored.state.ops.length > 0 || restored.state.clockHours > 0);
  // Replaying a saved log takes a moment: the readouts say so instead of showing a day-0 skin's figures.
  const outcome = document.querySelector<HTMLElement>('.outcome');
  if (restoring) {
    setText(byId('day'), 'Restoring…');
    outcome?.setAttribute('aria-busy', 'true');
  }
  const store = createAppStore(restored.state?.settings ?? DEFAULT_SETTINGS);
  mountAnnouncer(store);
  storageNotice = (text) => notify(store, { key: 'storage', kind: 'warning', text });
  for (const text of early) storageNotice(text);
  for (const p of problems) notify(store, { key: `query-${p}`, kind: 'warning', text: p });
  if (restored.refused) notify(store, { key: 'restore', kind: 'warning', text: restored.refused });

  const clock = clockOfStore(store);
  const engine = new AppEngine({ store, host, clock });
  // The WebGL views start now, beside the worker's skin, rather than after it.
  const pictures = createStagePictures();
  const saved = restored.state ? { ops: restored.state.ops, clockHours: restored.state.clockHours } : null;
  const refused = await engine.start(setupOf(store.settings.get(), GRID_CELLS, TEXTURE_PX), saved);
  if (refused) notify(store, { key: 'restore', kind: 'warning', text: `The saved session could not be replayed (${refused}); starting fresh.` });
  if (restored.migratedFrom !== undefined) {
    notify(store, { key: 'restore', kind: 'info', text: `Your saved session was upgraded from format version ${restored.migratedFrom}.` }, false);
  }
  startAutosave(store, engine, storage);

  const ctx = { store, engine, clock };
  const view = await mountSessionView(ctx, pictures);
  outcome?.removeAttribute('aria-busy');
  installTestHook(store, engine, host, clock, { rendererName: view.skin.rendererName, stats: view.loop.stats, settled: view.loop.settled });
  document.body.dataset.ready = 'true';
  return { store };
}
