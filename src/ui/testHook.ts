import type { SeriesValues, TreatmentSession } from '../engine/index';
import type { AppStore, WorkerStatus } from './appStore';
import type { SimClock } from './clock';
import type { AppEngine } from './engine/AppEngine';
import type { WorkerHost } from './engine/WorkerHost';
import type { FrameStats } from './session/frameLoop';
import type { Settings } from './settings';

/** What end-to-end tests and benchmarks read instead of pixels (tldraw's habit): model state, not screenshots. */
export interface TestHook {
  ready: boolean;
  rendererName: string;
  /** The engine hour the view shows. */
  hour(): number;
  clockHours(): number;
  means(): SeriesValues | null;
  session(): TreatmentSession | null;
  sessions(): TreatmentSession[];
  sessionsStarted(): number;
  passesThisSession(): number;
  settings(): Settings;
  framesDrawn(): number;
  /** Renders of the skin's WebGL stage so far. */
  skinRenders(): number;
  /** How frames reached the skin texture: whole, as a changed rectangle (and its texels), or unchanged. */
  uploads(): { fullFrames: number; rectFrames: number; rectTexels: number; lastRect: { x0: number; y0: number; x1: number; y1: number } | null; emptyFrames: number };
  /** The depth view's needle tip as drawn (needle, pressure, depth in mm), null before the first. */
  crossTip(): { needleMm: number; pressure: number; tipMm: number } | null;
  /** True when the view shows the current state: nothing queued, nothing in flight, nothing new to draw. */
  settled(): boolean;
  /** Mean ms per animation frame spent in the app loop, and per frame in the worker (benchmarks). */
  timings(): { loopMs: number; workerMs: number; renderMs: number };
  /** Hash of the engine's state (equal hashes: the same skin, bit for bit). */
  stateHash(): Promise<string | null>;
  logLength(): number;
  workerStatus(): WorkerStatus;
  recoveries(): number;
  /** Kills the engine worker without warning, as a crash would (issue 9 fault injection). */
  crashWorker(): void;
}

declare global {
  interface Window {
    __skinsim?: TestHook;
  }
}

export function installTestHook(
  store: AppStore,
  engine: AppEngine,
  host: WorkerHost,
  clock: SimClock,
  view: { rendererName: string; stats: FrameStats; settled(): boolean },
): void {
  window.__skinsim = {
    ready: true,
    rendererName: view.rendererName,
    hour: () => store.snapshot.get()?.hour ?? 0,
    clockHours: () => clock.hours,
    means: () => store.snapshot.get()?.means ?? null,
    session: () => store.snapshot.get()?.current ?? null,
    sessions: () => store.sessions.get(),
    sessionsStarted: () => store.snapshot.get()?.sessionsStarted ?? 0,
    passesThisSession: () => store.snapshot.get()?.passesThisSession ?? 0,
    settings: () => store.settings.get(),
    framesDrawn: () => view.stats.framesDrawn,
    skinRenders: () => view.stats.skinRenders,
    uploads: () => ({ ...view.stats.uploads }),
    crossTip: () => store.crossTip.get(),
    settled: () => view.settled(),
    timings: () => ({ loopMs: view.stats.loopMs, workerMs: view.stats.workerMs, renderMs: view.stats.renderMs }),
    stateHash: async () => {
      await engine.idle();
      return (await engine.read((c) => c.stateHash()))?.hash ?? null;
    },
    logLength: () => engine.ops.length,
    workerStatus: () => store.workerStatus.get(),
    recoveries: () => engine.recoveries,
    crashWorker: () => host.kill(),
  };
}
