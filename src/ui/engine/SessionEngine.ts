import { MAX_STROKES_PER_BATCH, type LogOp, type SessionSnapshot, type SetupInfo, type SetupInput } from '../../session/index';
import type { Stroke } from '../../engine/index';
import type { Layer } from '../../shading/types';
import type { FrameResult } from '../../../workers/engineApi';
import { bump, notify, type AppStore } from '../appStore';
import type { SimClock } from '../clock';
import { sessionAnnouncement } from '../format';
import { batch } from '../store';
import type { CrossRequest, EngineClient } from './EngineClient';
import { IntentQueue } from './IntentQueue';
import { WorkerFault, type WorkerHost } from './WorkerHost';

/** A frame as the session engine hands it to the view: the worker's answer and the worker it came from. */
export type EngineFrame = FrameResult & { generation: number };

/** What the user asks of the engine; each carries what it needs from the moment the user acted. */
export type Intent =
  | { kind: 'strokes'; atHour: number; strokes: Stroke[]; gesture: number }
  | { kind: 'pass'; atHour: number; needleMm: number; pressure: number }
  | { kind: 'advance'; toHour: number }
  | { kind: 'undo' }
  | { kind: 'start-over' }
  /**
   * A new setup: `keepHistory` replays the log on it up to `hour` (a new skin), else it starts fresh
   * (Reset).
   */
  | { kind: 'setup'; setup: SetupInput; keepHistory: boolean; hour: number };

/** Consecutive stroke batches of one drag at one hour travel as one message. */
function mergeStrokes(tail: Intent, next: Intent): Intent | null {
  if (tail.kind !== 'strokes' || next.kind !== 'strokes') return null;
  if (tail.gesture !== next.gesture || tail.atHour !== next.atHour) return null;
  if (tail.strokes.length + next.strokes.length > MAX_STROKES_PER_BATCH) return null;
  return { ...tail, strokes: [...tail.strokes, ...next.strokes] };
}

export interface SessionEngineOptions {
  store: AppStore;
  host: WorkerHost;
  clock: SimClock;
  /** A replay may take much longer than an ordinary call (a long log): its deadline, ms. */
  replayDeadlineMs?: number;
}

/**
 * The app's side of the engine: one ordered intent queue to the worker, the mirror of the worker's
 * operation log, crash recovery, and the snapshots that go into the store. No DOM; tested in Node
 * over a MessageChannel.
 *
 * Data flows one way: intent → queue → worker → session/engine → snapshot → store → views.
 * If the worker crashes or hangs, a new one is started and the state rebuilt from the mirrored log;
 * the intent that was running is applied again, once.
 */
export class SessionEngine {
  private readonly queue: IntentQueue<Intent>;
  private readonly mirror: LogOp[] = [];
  private setupInput: SetupInput | null = null;
  private recovering: Promise<void> | null = null;
  /** Worker generation of the frame in flight (a frame lost with a crashed worker does not block the next). */
  private frameGeneration: number | null = null;
  /**
   * The frame the view's buffer holds (worker generation and frame number, from `shown`): sent as
   * `since`, so the worker may send only the rectangle that changed. A new worker starts from nothing.
   */
  private held: { generation: number; seq: number } | null = null;
  private lastGesture = 0;
  /**
   * The engine hour the worker last confirmed: a recovery replays up to here (not to the clock, which
   * a queued Step may already have moved on; the Step itself then runs again and is logged).
   */
  private confirmedHour = 0;
  /** Faults the engine recovered from (the test hook reads it). */
  recoveries = 0;

  constructor(private readonly o: SessionEngineOptions) {
    this.queue = new IntentQueue<Intent>((intent) => this.applyWithRecovery(intent), mergeStrokes);
    o.host.onCrash((reason) => void this.recover(reason, o.host.generation));
  }

  /** The operation log as the worker holds it (mirrored from each answer): what a save or a recovery replays. */
  get ops(): readonly LogOp[] {
    return this.mirror;
  }

  get setup(): SetupInput | null {
    return this.setupInput;
  }

  /** Nothing queued, running, recovering, or being drawn. */
  get settled(): boolean {
    return this.queue.size === 0 && this.recovering === null && !this.frameInFlight;
  }

  private get frameInFlight(): boolean {
    return this.frameGeneration === this.o.host.generation;
  }

  get busy(): boolean {
    return this.queue.size > 0 || this.recovering !== null;
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Starts the engine: replays a saved log exactly, or begins fresh. A log the worker refuses (a
   * corrupt store) is not half-loaded: the skin starts fresh and the message is returned.
   */
  async start(setup: SetupInput, saved: { ops: readonly LogOp[]; clockHours: number } | null): Promise<string | null> {
    let refused: string | null = null;
    if (saved && (saved.ops.length > 0 || saved.clockHours > 0)) {
      this.o.clock.hours = saved.clockHours;
      this.o.store.clockHours.set(saved.clockHours);
      this.mirror.push(...saved.ops);
      this.o.store.logLength.set(this.mirror.length);
      try {
        await this.push({ kind: 'setup', setup, keepHistory: true, hour: Math.floor(saved.clockHours + 1e-9) });
        for (const op of this.mirror) if (op.op === 'strokes' && op.gesture !== undefined) this.lastGesture = Math.max(this.lastGesture, op.gesture);
        const lastInjury = [...this.mirror].reverse().find((op) => op.op !== 'advance');
        if (lastInjury) this.o.clock.lastInjuryHour = lastInjury.hour;
        return null;
      } catch (err) {
        refused = (err as Error).message;
        this.mirror.length = 0;
        this.resetClock();
      }
    }
    await this.push({ kind: 'setup', setup, keepHistory: false, hour: 0 });
    return refused;
  }

  // ── Intents (the only way the UI changes the engine) ─────────────────────────────────────

  /** A new drag gesture's id (Undo takes a whole drag back). */
  nextGesture(): number {
    return ++this.lastGesture;
  }

  strokes(strokes: Stroke[], gesture: number): Promise<void> {
    const at = this.o.clock.wholeHour();
    this.o.clock.lastInjuryHour = at;
    return this.push({ kind: 'strokes', atHour: at, strokes, gesture });
  }

  /** One pass with the needle and pressure set now. */
  pass(): Promise<void> {
    const s = this.o.store.settings.get();
    const at = this.o.clock.wholeHour();
    this.o.clock.lastInjuryHour = at;
    return this.push({ kind: 'pass', atHour: at, needleMm: s.needleMm, pressure: s.pressure });
  }

  /** Stops play and moves the clock by `hours`, exactly (Step hour/day/week). */
  step(hours: number): Promise<void> {
    const c = this.o.clock;
    c.playing = false;
    c.hours = c.wholeHour() + hours;
    // The clock first, then "stopped": whoever reacts to the stop (autosave saves at once) sees the final hour.
    this.o.store.clockHours.set(c.hours);
    this.o.store.playing.set(false);
    return this.push({ kind: 'advance', toHour: c.wholeHour() });
  }

  /** Stops play on a whole hour, exactly. */
  pause(): Promise<void> {
    return this.step(0);
  }

  undo(): Promise<void> {
    return this.push({ kind: 'undo' });
  }

  startOver(): Promise<void> {
    this.resetClock();
    return this.push({ kind: 'start-over' });
  }

  /** A new skin (region, phototype, conditions, seed, override): everything rolled so far is replayed on it. */
  changeSkin(setup: SetupInput): Promise<void> {
    return this.push({ kind: 'setup', setup, keepHistory: true, hour: this.o.clock.wholeHour() });
  }

  /** Reset: defaults and a fresh skin. */
  reset(setup: SetupInput): Promise<void> {
    this.resetClock();
    return this.push({ kind: 'setup', setup, keepHistory: false, hour: 0 });
  }

  // ── Frames and reads (not intents: they change nothing the log records) ──────────────────────

  /**
   * Shades a frame if none is in flight and no intent is waiting; puts its snapshot into the store
   * and returns the pixels (null when it did not run): the whole frame, or the rectangle that changed
   * since the frame the view said it holds (`shown`).
   */
  async frame(layer: Layer, toHour: number | undefined, cross: CrossRequest | null): Promise<EngineFrame | null> {
    if (this.frameInFlight || this.busy || this.setupInput === null) return null;
    const generation = this.o.host.generation;
    this.frameGeneration = generation;
    const since = this.held !== null && this.held.generation === generation ? this.held.seq : undefined;
    try {
      const f = await this.o.host.call((c) => c.frame(layer, toHour, cross, since));
      this.applySnapshot(f.snapshot);
      return { ...f, generation };
    } catch (err) {
      if (err instanceof WorkerFault) {
        void this.recover(err.message, generation);
        return null;
      }
      throw err;
    } finally {
      if (this.frameGeneration === generation) this.frameGeneration = null;
    }
  }

  /**
   * The view applied frame `f` (pasted its rectangle or took its whole picture): its buffer now holds
   * that frame, which the next request names as `since`. A frame of a replaced worker counts for nothing.
   */
  shown(f: EngineFrame): void {
    this.held = f.generation === this.o.host.generation ? { generation: f.generation, seq: f.seq } : null;
  }

  /** Hands a buffer back for the next frame (the one a full frame replaced, or a patch's own). */
  release(pixels: Uint8Array, cross: Uint8Array | null): void {
    this.o.host.client.release(pixels);
    if (cross) this.o.host.client.releaseCross(cross);
  }

  /** A read-only call (inspector, test hook); null while the engine is busy or recovering. */
  async read<T>(fn: (c: EngineClient) => Promise<T>): Promise<T | null> {
    if (this.recovering !== null || this.setupInput === null) return null;
    try {
      return await this.o.host.call(fn);
    } catch (err) {
      if (err instanceof WorkerFault) void this.recover(err.message, this.o.host.generation);
      return null;
    }
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private push(intent: Intent): Promise<void> {
    const p = this.queue.push(intent);
    this.o.store.pendingIntents.set(this.queue.size);
    return p.finally(() => this.o.store.pendingIntents.set(this.queue.size));
  }

  private resetClock(): void {
    const c = this.o.clock;
    c.hours = 0;
    c.playing = false;
    c.lastInjuryHour = Number.NEGATIVE_INFINITY;
    this.o.store.playing.set(false);
    this.o.store.clockHours.set(0);
  }

  /** Applies an intent; if the worker fails under it, recovers and applies it once more. */
  private async applyWithRecovery(intent: Intent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.recovering) await this.recovering;
      const generation = this.o.host.generation;
      try {
        await this.execute(intent);
        bump(this.o.store.engineVersion);
        return;
      } catch (err) {
        if (!(err instanceof WorkerFault) || attempt >= 1) throw err;
        await this.recover(err.message, generation);
      }
    }
  }

  private async execute(intent: Intent): Promise<void> {
    const { host, store } = this.o;
    switch (intent.kind) {
      case 'strokes': {
        const r = await host.call((c) => c.applyStrokes(intent.atHour, intent.strokes, intent.gesture));
        this.mirrorLog(r.log, r.hour);
        if (!r.accepted && r.reason) store.announce.emit(r.reason);
        return;
      }
      case 'pass': {
        const r = await host.call((c) => c.applyPass(intent.atHour, intent.needleMm, intent.pressure));
        this.mirrorLog(r.log, r.hour);
        store.announce.emit(r.accepted ? `Pass ${r.passesThisSession} rolled: ${r.punctures} punctures.` : (r.reason ?? 'Pass refused.'));
        return;
      }
      case 'advance': {
        const r = await host.call((c) => c.advance(intent.toHour, true));
        this.mirrorLog(r.log, r.hour);
        return;
      }
      case 'undo': {
        const r = await host.call((c) => c.undo());
        this.mirrorLog(r.log, r.hour);
        store.announce.emit(r.undone ? 'Undone: the last pass or stroke was taken back.' : (r.reason ?? 'Nothing to undo.'));
        return;
      }
      case 'start-over': {
        const info = await host.call((c) => c.startOver());
        this.confirmedHour = 0;
        this.mirror.length = 0;
        store.logLength.set(0);
        await this.adopt(info);
        store.announce.emit('Started over: fresh skin, same settings.');
        return;
      }
      case 'setup': {
        const info = intent.keepHistory
          ? await host.call((c) => c.replay(intent.setup, this.mirror, intent.hour), this.replayDeadline())
          : await host.call((c) => c.init(intent.setup));
        this.confirmedHour = intent.keepHistory ? intent.hour : 0;
        if (!intent.keepHistory) {
          this.mirror.length = 0;
          store.logLength.set(0);
        }
        this.setupInput = intent.setup;
        await this.adopt(info);
        return;
      }
    }
  }

  private mirrorLog(delta: { length: number; appended: LogOp[] }, hour: number): void {
    this.confirmedHour = hour;
    const base = delta.length - delta.appended.length;
    if (base > this.mirror.length) throw new Error(`log mirror out of step: the worker holds ${delta.length} operations, the app ${this.mirror.length}`);
    this.mirror.length = base;
    this.mirror.push(...delta.appended);
    this.o.store.logLength.set(this.mirror.length);
  }

  private async adopt(info: SetupInfo): Promise<void> {
    const pixels = await this.o.host.call((c) => c.baseline());
    batch(() => {
      this.o.store.setup.set(info);
      this.o.store.baselinePixels.set(pixels);
    });
  }

  private replayDeadline(): number {
    // Replaying costs about as much as living through it: give long logs room (2-core CI machines).
    return this.o.replayDeadlineMs ?? 60_000;
  }

  /**
   * A worker fault: starts a new worker and replays the mirrored log on it. Concurrent reports of
   * the same fault share one recovery; a fault of a worker already replaced is ignored.
   */
  private recover(reason: string, generation: number): Promise<void> {
    if (this.recovering) return this.recovering;
    if (generation !== this.o.host.generation) return Promise.resolve();
    const { store, host } = this.o;
    this.recovering = (async () => {
      store.workerStatus.set('recovering');
      notify(store, { key: 'worker', kind: 'warning', text: `The simulation engine stopped (${reason}). Restarting it and rebuilding your session…` });
      for (let attempt = 0; ; attempt++) {
        host.restart();
        try {
          if (this.setupInput !== null) {
            const info = await host.call((c) => c.replay(this.setupInput!, this.mirror, this.confirmedHour), this.replayDeadline());
            await this.adopt(info);
          }
          this.recoveries++;
          store.workerStatus.set('ready');
          notify(store, {
            key: 'worker',
            kind: 'info',
            text: `The simulation engine stopped (${reason}) and was restarted; your session was rebuilt from its ${this.mirror.length} recorded steps. Nothing was lost.`,
          });
          bump(store.engineVersion);
          return;
        } catch (err) {
          if (err instanceof WorkerFault && attempt < 1) continue;
          store.workerStatus.set('failed');
          notify(store, { key: 'worker', kind: 'error', text: `The simulation engine could not be restarted (${(err as Error).message}). Reload the page: your session is saved.` });
          return;
        }
      }
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  /** Puts a snapshot into the store, in one batch, and announces what happened since the last one. */
  private applySnapshot(snap: SessionSnapshot): void {
    const store = this.o.store;
    this.confirmedHour = snap.hour;
    batch(() => {
      store.snapshot.set(snap);
      if (snap.listsChanged) {
        store.sessions.set(snap.sessions);
        store.warnings.set(snap.warnings);
      }
      if (store.chart.append(snap.samples)) bump(store.chartVersion);
      if (store.workerStatus.get() === 'starting') store.workerStatus.set('ready');
    });
    for (const ev of snap.events) if (ev.type === 'session-end') store.announce.emit(sessionAnnouncement(ev.summary));
    for (const w of snap.newWarnings) store.announce.emit(w.message);
  }
}
