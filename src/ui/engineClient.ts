import { transfer, wrap, type Remote } from 'comlink';
import type { Stroke } from '../engine/roller';
import type { Layer } from '../shading/types';
import type { EngineApi, FrameResult, SetupInfo, StrokeResult } from '../../workers/engineApi';
import type { LogOp, SetupInput } from '../../workers/messages';

/**
 * The UI's handle on the worker: one frame request in flight at a time, pixel buffers ping-ponged as
 * Transferables (the displayed buffer comes back free when the next frame replaces it), strokes
 * queued and flushed once per animation frame.
 */
export class EngineClient {
  private readonly api: Remote<EngineApi>;
  private inFlight = false;
  private spare: Uint8Array | null = null;
  private crossSpare: Uint8Array | null = null;
  private queued: Stroke[] = [];
  private queuedAtHour = 0;
  texturePx = 0;

  constructor(worker: Worker) {
    this.api = wrap<EngineApi>(worker);
  }

  async init(setup: SetupInput): Promise<SetupInfo> {
    const info = await this.api.init(setup);
    this.allocate(info.texturePx);
    this.queued = [];
    return info;
  }

  async replay(setup: SetupInput, ops: LogOp[], hour: number): Promise<SetupInfo> {
    const info = await this.api.replay({ setup, ops, hour });
    this.allocate(info.texturePx);
    this.queued = [];
    return info;
  }

  async startOver(): Promise<SetupInfo> {
    this.queued = [];
    return this.api.startOver();
  }

  private allocate(texturePx: number): void {
    if (this.texturePx !== texturePx) {
      this.texturePx = texturePx;
      this.spare = new Uint8Array(texturePx * texturePx * 4);
    }
  }

  /** Gives back a buffer the view no longer shows, so the next frame can be shaded into it. */
  release(pixels: Uint8Array): void {
    if (pixels.length === this.texturePx * this.texturePx * 4) this.spare = pixels;
  }

  releaseCross(pixels: Uint8Array): void {
    this.crossSpare = pixels;
  }

  queueStroke(stroke: Stroke, atHour: number): void {
    this.queued.push(stroke);
    this.queuedAtHour = atHour;
  }

  /** Sends the queued strokes (one message); resolves with what the engine did. */
  async flushStrokes(): Promise<StrokeResult | null> {
    if (this.queued.length === 0) return null;
    const strokes = this.queued;
    this.queued = [];
    return this.api.applyStrokes({ atHour: this.queuedAtHour, strokes });
  }

  rollPass(atHour: number, needleMm: number, pressure: number, passIndex: number): Promise<StrokeResult> {
    return this.api.rollPass({ atHour, needleMm, pressure, passIndex });
  }

  advance(toHour: number, exact: boolean): Promise<number> {
    return this.api.advance({ toHour, exact });
  }

  get hasQueuedStrokes(): boolean {
    return this.queued.length > 0;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Requests a frame if none is in flight; null when one is (the caller just draws the last one).
   * The cross-section raster rides along when asked.
   */
  async frame(
    layer: Layer,
    toHour: number | undefined,
    cross: { row: number; widthPx: number; heightPx: number } | null,
  ): Promise<FrameResult | null> {
    if (this.inFlight || this.spare === null) return null;
    this.inFlight = true;
    const pixels = this.spare;
    this.spare = null;
    let crossPixels: Uint8Array | undefined;
    if (cross) {
      const need = cross.widthPx * cross.heightPx * 4;
      crossPixels = this.crossSpare !== null && this.crossSpare.length === need ? this.crossSpare : new Uint8Array(need);
      this.crossSpare = null;
    }
    try {
      const transfers: Transferable[] = [pixels.buffer as ArrayBuffer];
      if (crossPixels) transfers.push(crossPixels.buffer as ArrayBuffer);
      const request = { layer, ...(toHour !== undefined ? { toHour } : {}), ...(cross ? { crossSection: cross } : {}) };
      return await this.api.frame(request, transfer(pixels, transfers), crossPixels);
    } catch (err) {
      // The buffer was transferred away; allocate a fresh one so drawing can go on.
      this.spare = new Uint8Array(this.texturePx * this.texturePx * 4);
      throw err;
    } finally {
      this.inFlight = false;
    }
  }

  async baseline(): Promise<Uint8Array> {
    const pixels = new Uint8Array(this.texturePx * this.texturePx * 4);
    return this.api.baseline(transfer(pixels, [pixels.buffer as ArrayBuffer]));
  }

  inspect(ix: number, iy: number) {
    return this.api.inspect({ ix, iy });
  }

  getLog(): Promise<{ ops: LogOp[]; hour: number }> {
    return this.api.getLog();
  }
}
