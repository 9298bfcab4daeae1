import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { CellReport, Stroke } from '../../engine/index';
import type { Layer } from '../../shading/index';
import type { EngineApi, FrameResult, OpResult, SetupInfo, UndoResult } from '../../../workers/engineApi';
import type { LogOp, SetupInput } from '../../../workers/messages';

export interface CrossRequest {
  row: number;
  widthPx: number;
  heightPx: number;
  /** The needle and pressure chosen now: the depth view draws their tip. */
  needleMm?: number;
  pressure?: number;
}

/**
 * The UI's handle on one engine worker (comlink over any endpoint: a Worker in the browser, a
 * MessagePort in Node tests). Pixel buffers are ping-ponged as Transferables: a full frame's buffer
 * becomes the one on screen and the old one comes back free; a frame that carries only a changed
 * rectangle is pasted into the buffer on screen and its own buffer comes back free at once. Knows
 * nothing of order or faults: the intent queue and the worker host take care of those.
 */
export class EngineClient {
  private readonly api: Remote<EngineApi>;
  private spare: Uint8Array | null = null;
  private crossSpare: Uint8Array | null = null;
  private texturePx = 0;

  constructor(endpoint: Endpoint) {
    this.api = wrap<EngineApi>(endpoint);
  }

  /** Lets go of the comlink proxy (the worker is being replaced). */
  dispose(): void {
    this.api[releaseProxy]();
  }

  async init(setup: SetupInput): Promise<SetupInfo> {
    return this.allocate(await this.api.init(setup));
  }

  async replay(setup: SetupInput, ops: readonly LogOp[], hour: number): Promise<SetupInfo> {
    return this.allocate(await this.api.replay({ setup, ops, hour }));
  }

  async startOver(): Promise<SetupInfo> {
    return this.allocate(await this.api.startOver());
  }

  applyStrokes(atHour: number, strokes: readonly Stroke[], gesture?: number): Promise<OpResult> {
    return this.api.applyStrokes({ atHour, strokes, ...(gesture !== undefined ? { gesture } : {}) });
  }

  applyPass(atHour: number, needleMm: number, pressure: number): Promise<OpResult> {
    return this.api.applyPass({ atHour, needleMm, pressure });
  }

  advance(toHour: number, exact: boolean): Promise<OpResult> {
    return this.api.advance({ toHour, exact });
  }

  undo(): Promise<UndoResult> {
    return this.api.undo();
  }

  /**
   * Shades a frame (advancing, not exact, to `toHour` first); the depth view rides along when asked.
   * `since`: the frame whose picture the caller holds (the worker may then send only what changed).
   */
  async frame(layer: Layer, toHour: number | undefined, cross: CrossRequest | null, since?: number): Promise<FrameResult> {
    const pixels = this.spare ?? new Uint8Array(this.texturePx * this.texturePx * 4);
    this.spare = null;
    let crossPixels: Uint8Array | undefined;
    if (cross) {
      const need = cross.widthPx * cross.heightPx * 4;
      crossPixels = this.crossSpare !== null && this.crossSpare.length === need ? this.crossSpare : new Uint8Array(need);
      this.crossSpare = null;
    }
    const transfers: Transferable[] = [pixels.buffer as ArrayBuffer];
    if (crossPixels) transfers.push(crossPixels.buffer as ArrayBuffer);
    const request = { layer, ...(toHour !== undefined ? { toHour } : {}), ...(cross ? { crossSection: cross } : {}), ...(since !== undefined ? { since } : {}) };
    return this.api.frame(request, transfer(pixels, transfers), crossPixels);
  }

  /** Gives back a buffer the view no longer shows, so the next frame can be shaded into it. */
  release(pixels: Uint8Array): void {
    if (pixels.length === this.texturePx * this.texturePx * 4) this.spare = pixels;
  }

  releaseCross(pixels: Uint8Array): void {
    this.crossSpare = pixels;
  }

  async baseline(): Promise<Uint8Array> {
    const pixels = new Uint8Array(this.texturePx * this.texturePx * 4);
    return this.api.baseline(transfer(pixels, [pixels.buffer as ArrayBuffer]));
  }

  inspect(ix: number, iy: number): Promise<CellReport> {
    return this.api.inspect({ ix, iy });
  }

  getLog(): Promise<{ ops: LogOp[]; hour: number }> {
    return this.api.getLog();
  }

  stateHash(): Promise<{ hash: string; hour: number }> {
    return this.api.stateHash();
  }

  private allocate(info: SetupInfo): SetupInfo {
    if (this.texturePx !== info.texturePx) {
      this.texturePx = info.texturePx;
      this.spare = null;
    }
    return info;
  }
}
