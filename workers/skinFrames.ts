import type { Stroke } from '../src/engine/index';
import { quantiseStroke, type InteractiveSession } from '../src/session/index';
import {
  cellBoxForStrokes,
  copyRect,
  type Layer,
  MARK_MAX_AGE_H,
  type PixelRect,
  pixelRectForCells,
  shadeFieldsFromEngine,
  type ShadeOptions,
  shadeSkin,
  shadeSkinRect,
  type SkinTexture,
  unionRect,
} from '../src/shading/index';

/** What a frame carries of the skin: the whole picture, or the rectangle that changed since frame `seq − 1`. */
export interface SkinPatch {
  /** This frame's number (per worker); the caller sends it back as `since` once it has applied the frame. */
  seq: number;
  /** The whole frame (`rect` covers it) or only `rect`, packed row by row at the start of the buffer. */
  full: boolean;
  /** Pixels written, half-open; empty (x0 = x1) when nothing changed. */
  rect: PixelRect;
}

/** What the persistent frame shows. */
interface Shown {
  hour: number;
  layer: Layer;
  /** The puncture log's `total` when it was last shaded (a wrapped ring buffer drops marks). */
  punctureTotal: number;
}

const NOTHING: PixelRect = { x0: 0, y0: 0, x1: 0, y1: 0 };

/**
 * The worker's persistent skin frame (issue 8: strokes shade only what they touch). A full frame is
 * shaded when the hour, the layer, the skin or the log (a pass, undo, replay, start over) changed, or
 * when the caller does not hold the previous frame; after strokes at the same hour only the union of
 * their dirty rectangles (dirtyRect.ts) is re-shaded, with the same bytes a full frame has there
 * (shadeSkinRect), and only those rows travel. The caller says which frame its buffer holds
 * (`since`), so a lost or unapplied frame can never leave a stale patch on screen.
 */
export class SkinFrames {
  private frame: Uint8Array | null = null;
  private seq = 0;
  private shown: Shown | null = null;
  private dirty: PixelRect | null = null;

  /** Anything but strokes at the same hour changed the picture: the next frame is a full one. */
  invalidate(): void {
    this.shown = null;
    this.dirty = null;
  }

  /** Strokes were applied (as the session quantises them): what they can change joins the dirty rectangle. */
  touched(session: InteractiveSession, strokes: readonly Stroke[]): void {
    if (this.shown === null) return;
    const sim = session.simulation;
    const cells = sim.grid.cells;
    const box = cellBoxForStrokes(strokes.map(quantiseStroke), cells, sim.grid.pitchMm, sim.params);
    if (box !== null) this.dirty = unionRect(this.dirty, pixelRectForCells(session.setup.texturePx, cells, box));
  }

  /**
   * Shades what changed into the persistent frame and copies it into `out` (a sizePx² RGBA buffer that
   * travels back as a Transferable): the whole frame, or the dirty rectangle's rows packed at its start.
   */
  shade(session: InteractiveSession, texture: SkinTexture, layer: Layer, since: number | undefined, out: Uint8Array): SkinPatch {
    const S = texture.sizePx;
    if (this.frame === null || this.frame.length !== S * S * 4) {
      this.frame = new Uint8Array(S * S * 4);
      this.invalidate();
    }
    const frame = this.frame;
    const sim = session.simulation;
    const log = sim.punctureLog;
    const options: ShadeOptions = {
      layer,
      phototype: session.setup.skin.phototype,
      hour: sim.hour,
      bleedingFactor: sim.bleedingFactor,
      anatomy: sim.anatomy,
    };
    const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
    const s = this.shown;
    const patch = s !== null && since === this.seq && s.hour === sim.hour && s.layer === layer && !this.marksDropped(session, s);
    const dirty = this.dirty;
    this.seq++;
    this.shown = { hour: sim.hour, layer, punctureTotal: log.total };
    this.dirty = null;
    if (!patch) {
      shadeSkin(texture, fields, log, options, frame);
      out.set(frame);
      return { seq: this.seq, full: true, rect: { x0: 0, y0: 0, x1: S, y1: S } };
    }
    if (dirty === null) return { seq: this.seq, full: false, rect: NOTHING };
    shadeSkinRect(texture, fields, log, options, frame, dirty);
    copyRect(frame, S, dirty, out);
    return { seq: this.seq, full: false, rect: dirty };
  }

  /**
   * Whether the puncture ring buffer overwrote, since the last shade, a puncture whose mark may still
   * show (younger than MARK_MAX_AGE_H): its mark vanishes wherever it was, not only where strokes went.
   * The log is in time order, so the dropped punctures are no younger than the oldest one left.
   */
  private marksDropped(session: InteractiveSession, s: Shown): boolean {
    const log = session.simulation.punctureLog;
    const dropped = Math.max(0, log.total - log.capacity) - Math.max(0, s.punctureTotal - log.capacity);
    if (dropped <= 0) return false;
    const oldestHour = log.hour[log.recent(log.size - 1)]!;
    return session.hour - oldestHour <= MARK_MAX_AGE_H;
  }
}
