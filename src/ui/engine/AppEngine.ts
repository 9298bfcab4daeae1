import type { LogOp, SetupInput } from '../../session/index';
import type { Stroke } from '../../engine/index';
import type { Layer } from '../../shading/index';
import type { AppStore } from '../appStore';
import { wholeHourOf, type SimClock } from '../clock';
import type { CrossRequest, EngineClient } from './EngineClient';
import type { EngineFrame, Intent } from './intents';
import { EngineTransport } from './EngineTransport';
import { storeAdapter } from './storeAdapter';
import type { WorkerHost } from './WorkerHost';

export interface AppEngineOptions {
  store: AppStore;
  host: WorkerHost;
  clock: SimClock;
  /** A replay may take much longer than an ordinary call (a long log): its deadline, ms. */
  replayDeadlineMs?: number;
}

/**
 * The app's side of the engine: the intents the UI may send, stamped with the clock at the moment
 * the user acted. It joins two parts: the transport (EngineTransport: the worker client with its
 * intent queue, log mirror and crash recovery) and the store adapter (storeAdapter: atoms,
 * announcements, notices). No DOM; tested in Node over a MessageChannel.
 *
 * Data flows one way: intent → queue → worker → session/engine → snapshot → store → views.
 */
export class AppEngine {
  private readonly transport: EngineTransport;
  private lastGesture = 0;

  constructor(private readonly o: AppEngineOptions) {
    this.transport = new EngineTransport(o.host, storeAdapter(o.store), o.replayDeadlineMs);
  }

  /** The operation log as the worker holds it (mirrored from each answer): what a save or a recovery replays. */
  get ops(): readonly LogOp[] {
    return this.transport.ops;
  }

  get setup(): SetupInput | null {
    return this.transport.setup;
  }

  /** Nothing queued, running, recovering, or being drawn. */
  get settled(): boolean {
    return this.transport.settled;
  }

  get busy(): boolean {
    return this.transport.busy;
  }

  /** Faults the engine recovered from (the test hook reads it). */
  get recoveries(): number {
    return this.transport.recoveries;
  }

  idle(): Promise<void> {
    return this.transport.idle();
  }

  /**
   * Starts the engine: replays a saved log exactly, or begins fresh. A log the worker refuses (a
   * corrupt store) is not half-loaded: the skin starts fresh and the message is returned.
   */
  async start(setup: SetupInput, saved: { ops: readonly LogOp[]; clockHours: number } | null): Promise<string | null> {
    let refused: string | null = null;
    if (saved && (saved.ops.length > 0 || saved.clockHours > 0)) {
      this.o.clock.hours = saved.clockHours;
      this.transport.preload(saved.ops);
      try {
        await this.push({ kind: 'setup', setup, keepHistory: true, hour: wholeHourOf(saved.clockHours) });
        for (const op of this.ops) if (op.op === 'strokes' && op.gesture !== undefined) this.lastGesture = Math.max(this.lastGesture, op.gesture);
        const lastInjury = [...this.ops].reverse().find((op) => op.op !== 'advance');
        if (lastInjury) this.o.clock.lastInjuryHour = lastInjury.hour;
        return null;
      } catch (err) {
        refused = (err as Error).message;
        this.transport.dropLog();
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
    // The hour first, then "stopped": whoever reacts to the stop (autosave saves at once) sees the final hour.
    c.hours = c.wholeHour() + hours;
    c.playing = false;
    return this.push({ kind: 'advance', toHour: c.wholeHour() });
  }

  /** Starts the clock (not an intent: the frames carry the engine along as the hours pass). */
  play(): void {
    this.o.clock.playing = true;
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
  frame(layer: Layer, toHour: number | undefined, cross: CrossRequest | null): Promise<EngineFrame | null> {
    return this.transport.frame(layer, toHour, cross);
  }

  /**
   * The view applied frame `f` (pasted its rectangle or took its whole picture): its buffer now holds
   * that frame, which the next request names as `since`. A frame of a replaced worker counts for nothing.
   */
  shown(f: EngineFrame): void {
    this.transport.shown(f);
  }

  /** Hands a buffer back for the next frame (the one a full frame replaced, or a patch's own). */
  release(pixels: Uint8Array, cross: Uint8Array | null): void {
    this.transport.release(pixels, cross);
  }

  /** A read-only call (inspector, test hook); null while the engine is busy or recovering. */
  read<T>(fn: (c: EngineClient) => Promise<T>): Promise<T | null> {
    return this.transport.read(fn);
  }

  private push(intent: Intent): Promise<void> {
    return this.transport.push(intent);
  }

  private resetClock(): void {
    const c = this.o.clock;
    c.hours = 0;
    c.playing = false;
    c.lastInjuryHour = Number.NEGATIVE_INFINITY;
  }
}
