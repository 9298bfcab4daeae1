import { WorkerFault } from '../../pool/workerSlot';
import type { LogOp, SetupInfo, SetupInput } from '../../session/index';
import type { Layer } from '../../shading/index';
import type { CrossRequest, EngineClient } from './EngineClient';
import { executeIntent, type IntentContext } from './executeIntent';
import { IntentQueue } from './IntentQueue';
import { mergeStrokes, type EngineFrame, type Intent, type TransportListener } from './intents';
import { LogMirror } from './logMirror';
import type { WorkerHost } from './WorkerHost';

/** A frame taking its turn in the intent queue (behind a drag's strokes): not an intent, never logged or retried. */
interface FrameTurn {
  kind: 'frame';
  shade(): Promise<void>;
}

type QueueItem = Intent | FrameTurn;

/**
 * The worker client of the session view: one ordered intent queue to the worker, the mirror of the
 * worker's operation log, crash and hang recovery, and frames. No DOM, no store, no user-facing text.
 * If the worker crashes or hangs, a new one is started and the state rebuilt from the mirrored log;
 * the intent that was running is applied again, once. What each intent asks of the worker is
 * executeIntent.ts; the log copy is logMirror.ts.
 */
export class EngineTransport {
  private readonly queue: IntentQueue<QueueItem>;
  /** Frames waiting in the queue (0 or 1): not counted as the user's pending intents. */
  private queuedFrames = 0;
  /** The worker's operation log as the app holds it, and the hour the worker last confirmed. */
  private readonly mirror: LogMirror;
  private readonly intentContext: IntentContext;
  private setupInput: SetupInput | null = null;
  private recovering: Promise<void> | null = null;
  /** Worker generation of the frame in flight (a frame lost with a crashed worker does not block the next). */
  private frameGeneration: number | null = null;
  /**
   * The frame the view's buffer holds (worker generation and frame number, from `shown`): sent as
   * `since`, so the worker may send only the rectangle that changed. A new worker starts from nothing.
   */
  private held: { generation: number; seq: number } | null = null;
  /** Faults the transport recovered from (the test hook reads it). */
  recoveries = 0;

  constructor(
    private readonly host: WorkerHost,
    private readonly listener: TransportListener,
    /** A replay may take much longer than an ordinary call (a long log): its deadline, ms. */
    private readonly replayDeadlineMs = 60_000,
  ) {
    this.mirror = new LogMirror((length) => listener.logLength(length));
    this.intentContext = {
      host,
      listener,
      mirror: this.mirror,
      replayDeadlineMs,
      adopt: (info) => this.adopt(info),
      setupTaken: (setup) => {
        this.setupInput = setup;
      },
    };
    this.queue = new IntentQueue<QueueItem>(
      (item) => (item.kind === 'frame' ? item.shade() : this.applyWithRecovery(item)),
      (tail, next) => (tail.kind === 'frame' || next.kind === 'frame' ? null : mergeStrokes(tail, next)),
    );
    host.onCrash((reason) => void this.recover(reason, host.generation));
  }

  /** The operation log as the worker holds it (mirrored from each answer). */
  get ops(): readonly LogOp[] {
    return this.mirror.ops;
  }

  get setup(): SetupInput | null {
    return this.setupInput;
  }

  get settled(): boolean {
    return this.queue.size === 0 && this.recovering === null && !this.frameInFlight;
  }

  private get frameInFlight(): boolean {
    return this.frameGeneration === this.host.generation;
  }

  get busy(): boolean {
    return this.queue.size > 0 || this.recovering !== null;
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Takes a saved log as the mirror before it is replayed (a restore). */
  preload(ops: readonly LogOp[]): void {
    this.mirror.preload(ops);
  }

  /** Forgets the mirrored log (a restore the worker refused). */
  dropLog(): void {
    this.mirror.drop();
  }

  push(intent: Intent): Promise<void> {
    const p = this.queue.push(intent);
    this.reportQueued();
    return p.finally(() => this.reportQueued());
  }

  private reportQueued(): void {
    this.listener.queued(this.queue.size - this.queuedFrames);
  }

  /**
   * Shades a frame if none is in flight (null when it did not run). With intents waiting, the frame
   * takes its turn behind them (not behind later ones): a drag keeps the queue busy for as long as the
   * hand moves, and the skin must show the strokes while they are rolled, not after the hand stops.
   */
  async frame(layer: Layer, toHour: number | undefined, cross: CrossRequest | null): Promise<EngineFrame | null> {
    if (this.frameInFlight || this.recovering !== null || this.setupInput === null) return null;
    const generation = this.host.generation;
    this.frameGeneration = generation;
    try {
      if (this.queue.size === 0) return await this.shade(layer, toHour, cross);
      let shown: EngineFrame | null = null;
      this.queuedFrames++;
      try {
        await this.queue.push({
          kind: 'frame',
          shade: async () => {
            // A recovery started behind it, or the setup it was asked for is gone: nothing to shade.
            if (this.recovering === null && this.setupInput !== null) shown = await this.shade(layer, toHour, cross);
          },
        });
      } finally {
        this.queuedFrames--;
      }
      return shown;
    } finally {
      if (this.frameGeneration === generation) this.frameGeneration = null;
    }
  }

  /** One frame from the current worker; a fault starts the recovery and gives null (a lost frame is not retried). */
  private async shade(layer: Layer, toHour: number | undefined, cross: CrossRequest | null): Promise<EngineFrame | null> {
    const generation = this.host.generation;
    const since = this.held !== null && this.held.generation === generation ? this.held.seq : undefined;
    try {
      const f = await this.host.call((c) => c.frame(layer, toHour, cross, since));
      this.mirror.confirmedHour = f.snapshot.hour;
      this.listener.snapshot(f.snapshot);
      return { ...f, generation };
    } catch (err) {
      if (err instanceof WorkerFault) {
        void this.recover(err.message, generation);
        return null;
      }
      throw err;
    }
  }

  /** The view's buffer now holds frame `f`; a frame of a replaced worker counts for nothing. */
  shown(f: EngineFrame): void {
    this.held = f.generation === this.host.generation ? { generation: f.generation, seq: f.seq } : null;
  }

  release(pixels: Uint8Array, cross: Uint8Array | null): void {
    this.host.client.release(pixels);
    if (cross) this.host.client.releaseCross(cross);
  }

  /** A read-only call; null while the engine is busy or recovering. */
  async read<T>(fn: (c: EngineClient) => Promise<T>): Promise<T | null> {
    if (this.recovering !== null || this.setupInput === null) return null;
    try {
      return await this.host.call(fn);
    } catch (err) {
      if (err instanceof WorkerFault) void this.recover(err.message, this.host.generation);
      return null;
    }
  }

  /** Applies an intent; if the worker fails under it, recovers and applies it once more. */
  private async applyWithRecovery(intent: Intent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.recovering) await this.recovering;
      const generation = this.host.generation;
      try {
        await executeIntent(intent, this.intentContext);
        this.listener.changed();
        return;
      } catch (err) {
        if (!(err instanceof WorkerFault) || attempt >= 1) throw err;
        await this.recover(err.message, generation);
      }
    }
  }

  private async adopt(info: SetupInfo): Promise<void> {
    const pixels = await this.host.call((c) => c.baseline());
    this.listener.adopted(info, pixels);
  }

  /**
   * A worker fault: starts a new worker and replays the mirrored log on it. Concurrent reports of
   * the same fault share one recovery; a fault of a worker already replaced is ignored.
   */
  private recover(reason: string, generation: number): Promise<void> {
    if (this.recovering) return this.recovering;
    if (generation !== this.host.generation) return Promise.resolve();
    const { host, listener } = this;
    this.recovering = (async () => {
      listener.recovering(reason);
      for (let attempt = 0; ; attempt++) {
        host.restart();
        try {
          if (this.setupInput !== null) {
            const info = await host.call((c) => c.replay(this.setupInput!, this.mirror.ops, this.mirror.confirmedHour), this.replayDeadlineMs);
            await this.adopt(info);
          }
          this.recoveries++;
          listener.recovered(reason, this.mirror.ops.length);
          listener.changed();
          return;
        } catch (err) {
          if (err instanceof WorkerFault && attempt < 1) continue;
          listener.failed((err as Error).message);
          return;
        }
      }
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }
}
