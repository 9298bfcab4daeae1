import type { CellReport, ModelWarning, Scenario, TreatmentSession } from '../engine/index';
import { HOURS_PER_DAY } from '../engine/index';
import type { SessionSnapshot, SetupInfo } from '../session/index';
import { ChartColumns } from './chartColumns';
import { SimClock } from './clock';
import { dismissNoticeIn, showNotice, type Notice } from './notices';
import type { Settings } from './settings';
import { atom, computed, emitter, sameData, type Atom } from './store';

export type WorkerStatus = 'starting' | 'ready' | 'recovering' | 'failed';

export interface RollerState {
  xMm: number;
  yMm: number;
  /** Direction of travel, radians (0 = +x). */
  heading: number;
  rolling: boolean;
  visible: boolean;
}

/** How play is going: the chosen speed, the speed reached (null while unknown) and why they differ. */
export interface PlayRate {
  chosenHoursPerSecond: number;
  reachedHoursPerSecond: number | null;
  /** Play is slowed on purpose during the first day after a session. */
  slowed: boolean;
  /** The engine cannot keep up with the chosen speed. */
  behind: boolean;
}

/** The needle tip the depth view on screen draws (from the worker that drew it). */
export interface CrossTip {
  needleMm: number;
  pressure: number;
  /** The dashed line's depth, mm (the engine's penetrationMm). */
  tipMm: number;
}

/** "Repeat as a course": a scenario built from the session, for Compare to take (issue 7). */
export interface CourseRequest {
  id: number;
  scenario: Scenario;
}

/**
 * The UI's state, in small named atoms the views subscribe to. Written by the app engine (AppEngine: what
 * the worker answered), the clock loop and the controls; read by the views. Nothing here touches the
 * DOM or the worker.
 */
export function createAppStore(initial: Settings) {
  const snapshot = atom<SessionSnapshot | null>(null);
  const sessions = atom<TreatmentSession[]>([], sameData);
  /** Hour the session in progress began, null when none is open (changes only when one opens or closes). */
  const currentStart = computed([snapshot], (snap) => snap?.current?.startHour ?? null);
  const store = {
    settings: atom<Settings>(initial, sameData),
    /** The simulated clock, hours (moves every animation frame while playing). */
    clockHours: atom(0),
    playing: atom(false),
    rate: atom<PlayRate>({ chosenHoursPerSecond: 24, reachedHoursPerSecond: null, slowed: false, behind: false }, sameData),
    setup: atom<SetupInfo | null>(null),
    /** Day-0 pixels of the current skin (the before half of the split). */
    baselinePixels: atom<Uint8Array | null>(null),
    snapshot,
    sessions,
    warnings: atom<ModelWarning[]>([], sameData),
    /** The chart's history (mutated in place by the app engine); `chartVersion` says it changed. */
    chart: new ChartColumns(),
    chartVersion: atom(0),
    /** Days on which sessions began, the one in progress included (chart markers, the course). */
    sessionDays: computed([sessions, currentStart], (list, start) => {
      const days = list.map((s) => s.startHour / HOURS_PER_DAY);
      if (start !== null && !days.includes(start / HOURS_PER_DAY)) days.push(start / HOURS_PER_DAY);
      return days;
    }, sameData),
    canUndo: computed([snapshot], (s) => s?.canUndo ?? false),
    /** The operation log's length, mirrored from the worker (saving follows it). */
    logLength: atom(0),
    /** Bumped whenever the engine's state changed other than by the clock (a frame is due). */
    engineVersion: atom(0),
    notices: atom<readonly Notice[]>([], sameData),
    workerStatus: atom<WorkerStatus>('starting'),
    roller: atom<RollerState>({ xMm: 20, yMm: 20, heading: 0, rolling: false, visible: false }, sameData),
    hoverCell: atom<{ ix: number; iy: number } | null>(null, sameData),
    inspection: atom<CellReport | null>(null),
    /** Intents waiting or running in the queue. */
    pendingIntents: atom(0),
    /** What the depth view on screen shows of the needle: the one number its tip line and its description use. */
    crossTip: atom<CrossTip | null>(null, sameData),
    courseRequests: atom<CourseRequest | null>(null),
    /** Lines for the polite live region. */
    announce: emitter<string>(),
  };
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** Shows a notice (replacing one with the same key) and says it in the live region. */
export function notify(store: AppStore, notice: Notice, announce = true): void {
  showNotice(store.notices, notice, 'one-per-key');
  if (announce) store.announce.emit(notice.text);
}

export function dismissNotice(store: AppStore, key: string): void {
  dismissNoticeIn(store.notices, key);
}

/**
 * The app's one clock: its hours and play state are the store's atoms and its speed is the settings',
 * so setting the clock is setting what the views show (nothing to keep in step by hand).
 */
export function clockOfStore(store: AppStore): SimClock {
  return new SimClock({ hours: store.clockHours, playing: store.playing, speed: computed([store.settings], (s) => s.speed) });
}

/** Adds one to a counter atom. */
export function bump(a: Atom<number>): void {
  a.update((v) => v + 1);
}
