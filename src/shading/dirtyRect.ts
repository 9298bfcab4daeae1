import type { CellBox, PixelRect } from './shadeScratch';

/**
 * Dirty rectangles for stroke-by-stroke shading (issue 8: strokes shade only what they touch). A stroke
 * changes the fields of the cells its punctures' injury kernels reach and the coverage of the cells the
 * drum swept; those cells change the pixels that read them. `shadeSkinRect` re-shades such a rectangle
 * with the same bytes a full frame would have there.
 */

export type { CellBox, PixelRect } from './shadeScratch';

/**
 * Cells of margin around changed cells: oedema's swelling rim reads the neighbouring cells' E (one
 * cell), and bilinear interpolation spreads a cell's value to the pixels up to the next cell centre
 * (one more).
 */
export const DIRTY_MARGIN_CELLS = 2;

/**
 * The cell-aligned pixel rectangle of a `sizePx`² frame that must be re-shaded after the cells of
 * `box` (inclusive, e.g. the engine's touched-cell bounding box) changed; null for an empty box.
 */
export function pixelRectForCells(sizePx: number, cells: number, box: Readonly<CellBox>): PixelRect | null {
  if (box.ix0 > box.ix1 || box.iy0 > box.iy1) return null;
  const m = DIRTY_MARGIN_CELLS;
  const ix0 = Math.max(0, box.ix0 - m);
  const iy0 = Math.max(0, box.iy0 - m);
  const ix1 = Math.min(cells - 1, box.ix1 + m);
  const iy1 = Math.min(cells - 1, box.iy1 + m);
  if (ix0 > ix1 || iy0 > iy1) return null;
  return {
    x0: Math.floor((ix0 * sizePx) / cells),
    y0: Math.floor((iy0 * sizePx) / cells),
    x1: Math.ceil(((ix1 + 1) * sizePx) / cells),
    y1: Math.ceil(((iy1 + 1) * sizePx) / cells),
  };
}

/** A straight roll of the drum (the engine's `Stroke`, only the fields that place it). */
export interface StrokeExtent {
  readonly x0Mm: number;
  readonly y0Mm: number;
  readonly x1Mm: number;
  readonly y1Mm: number;
  readonly trackOffsetMm: number;
}

/** Model parameters that bound where a stroke can act (the engine's `ModelParams` has them all). */
export interface StrokeReach {
  readonly drumWidthMm: number;
  /** σ of the injury kernel; it reaches 3σ (2.25 mm at σ = 0.75 mm). */
  readonly injurySigmaMm: number;
  /** Sideways scatter of punctures around their needle track (normal, σ). */
  readonly trackJitterMm: number;
}

/**
 * Inclusive box of the cells a batch of strokes can change (a superset: the drum's swept rectangle,
 * the drum axis across the direction of travel and shifted by the track offset, widened by 5σ of
 * puncture scatter, the injury kernel's 3σ and one cell of rounding, as the engine's deposit does),
 * clipped to the grid; null if none. Use it when the engine does not report its own touched-cell box;
 * feed the result to `pixelRectForCells`.
 */
export function cellBoxForStrokes(strokes: readonly StrokeExtent[], cells: number, pitchMm: number, reach: StrokeReach): CellBox | null {
  let xa = Infinity;
  let xb = -Infinity;
  let ya = Infinity;
  let yb = -Infinity;
  const half = reach.drumWidthMm / 2;
  const m = 5 * reach.trackJitterMm + 3 * reach.injurySigmaMm + pitchMm;
  for (const s of strokes) {
    const dx = s.x1Mm - s.x0Mm;
    const dy = s.y1Mm - s.y0Mm;
    const len = Math.hypot(dx, dy);
    // Lateral unit vector (the drum axis); a stroke that does not move has none (the engine skips it).
    if (!(len > 0)) continue;
    const lx = -dy / len;
    const ly = dx / len;
    for (const side of [s.trackOffsetMm - half, s.trackOffsetMm + half]) {
      for (const [x, y] of [
        [s.x0Mm, s.y0Mm],
        [s.x1Mm, s.y1Mm],
      ] as const) {
        const cx = x + lx * side;
        const cy = y + ly * side;
        if (cx - m < xa) xa = cx - m;
        if (cx + m > xb) xb = cx + m;
        if (cy - m < ya) ya = cy - m;
        if (cy + m > yb) yb = cy + m;
      }
    }
  }
  if (!(xa <= xb)) return null;
  const box = {
    ix0: Math.max(0, Math.floor(xa / pitchMm)),
    iy0: Math.max(0, Math.floor(ya / pitchMm)),
    ix1: Math.min(cells - 1, Math.floor(xb / pitchMm)),
    iy1: Math.min(cells - 1, Math.floor(yb / pitchMm)),
  };
  return box.ix0 <= box.ix1 && box.iy0 <= box.iy1 ? box : null;
}

/** The smallest rectangle holding both (either may be null). */
export function unionRect(a: PixelRect | null, b: PixelRect | null): PixelRect | null {
  if (a === null) return b;
  if (b === null) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/**
 * Copies the RGBA bytes of `rect` out of a `sizePx`² frame into a packed (x1 − x0)·(y1 − y0)·4 buffer,
 * rows top to bottom: what the view uploads into that region of its texture. `into` is reused when it
 * is large enough.
 */
export function copyRect(frame: Uint8Array, sizePx: number, rect: PixelRect, into?: Uint8Array): Uint8Array {
  const w = rect.x1 - rect.x0;
  const h = rect.y1 - rect.y0;
  const need = w * h * 4;
  const out = into !== undefined && into.length >= need ? into : new Uint8Array(need);
  for (let y = 0; y < h; y++) {
    const from = ((rect.y0 + y) * sizePx + rect.x0) * 4;
    out.set(frame.subarray(from, from + w * 4), y * w * 4);
  }
  return out;
}

/**
 * The inverse of `copyRect`: writes the packed rows of `rect` ((x1 − x0)·(y1 − y0)·4 bytes at the start
 * of `packed`) into their place in a `sizePx`² RGBA frame. What the view does with a frame that carries
 * only the rectangle a stroke re-shaded.
 */
export function pasteRect(frame: Uint8Array, sizePx: number, rect: PixelRect, packed: Uint8Array): void {
  const w = rect.x1 - rect.x0;
  const h = rect.y1 - rect.y0;
  if (w <= 0 || h <= 0) return;
  if (rect.x0 < 0 || rect.y0 < 0 || rect.x1 > sizePx || rect.y1 > sizePx) throw new RangeError(`rectangle ${rect.x0},${rect.y0}–${rect.x1},${rect.y1} is outside the ${sizePx}² frame`);
  if (packed.length < w * h * 4) throw new RangeError(`packed rows need ${w * h * 4} bytes, have ${packed.length}`);
  for (let y = 0; y < h; y++) {
    const to = ((rect.y0 + y) * sizePx + rect.x0) * 4;
    frame.set(packed.subarray(y * w * 4, (y + 1) * w * 4), to);
  }
}
