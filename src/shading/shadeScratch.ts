import type { SkinTexture } from './skinTexture';

/**
 * Per-texture working memory of shadeSkin, built once per (texture, cells) and reused by every call:
 * bilinear indices and weights per pixel column and row, per-cell derived quantities ("slots"), and one
 * grid row per slot after vertical interpolation. The pixel loop runs over "spans" (runs of pixels
 * between the same two cell centres): per span it reads each slot's value and slope once, per pixel
 * it only evaluates a + d·w. Separate interpolation passes at pixel resolution cost ≈ 2 ns per value
 * (11 ms for 13 quantities at 640², measured), so everything that can be is folded per cell into few
 * slots. Nothing is allocated per call (the train-track map is allocated the first time it is needed).
 */

/** Indices of the per-cell derived quantities (slots of `cell` and `vrow`). */
export const SLOT = {
  /**
   * Colour factor per channel applied to the static colour: the field transmittance
   * exp(−(h·HB + m·MEL)) (h = 0.5·I, m = k·Pg), with oedema's lightening and desaturation and the
   * shading of the swelling's rim folded in.
   */
  tr: 0,
  tg: 1,
  tb: 2,
  /** plasticLook = min(1, T + 0.5·max(0, C3 − C1)) [I]. */
  plastic: 3,
  /** Micro-relief factor: flattened by the plastic look and by oedema's puffiness. */
  relief: 4,
  /** Sheen (linear RGB added): waxy, swollen, wet skin, times the texture's highlight pattern (cellSheen). */
  sheen: 5,
  /** Remaining depth of scars and stretch marks: 1 − 0.77·(C3 + C1), clamped to [0, 1]. */
  scarFill: 6,
  /** Remaining depth of wrinkles: 1 − 0.77·C1, clamped. */
  wrinkleFill: 7,
  /** Telangiectasia T. */
  t: 8,
  /** Data-layer value and, for collagen, the collagen I share. */
  value: 9,
  share: 10,
} as const;
export const SLOTS = 11;

export interface ShadeScratch {
  readonly texture: SkinTexture;
  readonly cells: number;
  /** Left cell of each pixel column and the weight of the cell to its right. */
  readonly colCell: Int32Array;
  readonly colW: Float32Array;
  /** Spans: runs of pixel columns [spanFrom, spanTo) that share the left cell spanCell. */
  readonly spans: number;
  readonly spanCell: Int32Array;
  readonly spanFrom: Int32Array;
  readonly spanTo: Int32Array;
  /** Span of each pixel column (so a rectangle starts at the right span). */
  readonly colSpan: Int32Array;
  readonly rowCell: Int32Array;
  readonly rowW: Float32Array;
  /** Per-cell derived quantities, cells² each. */
  readonly cell: Float32Array[];
  /** One grid row after vertical interpolation, cells + 1 (last repeated, so no clamp in the loop). */
  readonly vrow: Float32Array[];
  /** Whether a slot holds anything but its neutral value in this call. */
  readonly active: Uint8Array;
  /** Whether each slot's row buffer currently holds the neutral value (so it needs no refresh). */
  readonly neutral: Uint8Array;
  /** Static colour and light (staticShading.ts), built on first use, and the phototype of the colour. */
  statics: StaticShading | null;
  staticPhototype: number;
  /** Coverage layer: which side of the target each pixel of the previous row was on. */
  readonly prevBand: Uint8Array;
  /**
   * The texture's sheen pattern sampled at cell centres (it is smooth, nothing finer than ≈ 1.5 mm), so
   * deriveCells folds it into the sheen slot and the pixel loop reads no extra map.
   */
  readonly cellSheen: Float32Array;
  /** The texture's waxy-film pattern (plastic look) sampled at cell centres, like cellSheen. */
  readonly cellWax: Float32Array;
  /** Train-track scars: faint dot map of punctures older than a week (null until needed). */
  track: Float32Array | null;
  /** Absolute puncture index (0 … total) up to which `track` holds dots; and a fingerprint of the last one. */
  trackUpTo: number;
  trackLastHour: number;
  trackLastX: number;
  trackHour: number;
  trackDots: number;
}

/** Neutral value of each slot (what untreated skin has). */
export const NEUTRAL: readonly number[] = [1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0];

const cache = new WeakMap<SkinTexture, ShadeScratch>();

export function scratchFor(texture: SkinTexture, cells: number): ShadeScratch {
  const hit = cache.get(texture);
  if (hit !== undefined && hit.cells === cells) return hit;
  const s = texture.sizePx;
  const colCell = new Int32Array(s);
  const colW = new Float32Array(s);
  for (let p = 0; p < s; p++) {
    // Cell values sit at cell centres; pixel centres at (p + 0.5)/s of the patch.
    const u = ((p + 0.5) * cells) / s - 0.5;
    let i = Math.floor(u);
    let w = u - i;
    if (i < 0) {
      i = 0;
      w = 0;
    } else if (i >= cells - 1) {
      i = cells - 1;
      w = 0;
    }
    colCell[p] = i;
    colW[p] = w;
  }
  const spanCell = new Int32Array(s);
  const spanFrom = new Int32Array(s);
  const spanTo = new Int32Array(s);
  const colSpan = new Int32Array(s);
  let spans = 0;
  for (let p = 0; p < s; p++) {
    if (p === 0 || colCell[p] !== colCell[p - 1]) {
      spanCell[spans] = colCell[p]!;
      spanFrom[spans] = p;
      spans++;
    }
    spanTo[spans - 1] = p + 1;
    colSpan[p] = spans - 1;
  }
  const scratch: ShadeScratch = {
    texture,
    cells,
    colCell,
    colW,
    spans,
    spanCell,
    spanFrom,
    spanTo,
    colSpan,
    rowCell: colCell.slice(),
    rowW: colW.slice(),
    cell: NEUTRAL.map((v) => new Float32Array(cells * cells).fill(v)),
    vrow: NEUTRAL.map((v) => new Float32Array(cells + 1).fill(v)),
    active: new Uint8Array(SLOTS),
    neutral: new Uint8Array(SLOTS).fill(1),
    prevBand: new Uint8Array(s),
    cellSheen: sampleAtCells(texture.sheen, s, cells),
    cellWax: sampleAtCells(texture.wax, s, cells),
    statics: hit?.statics ?? null,
    staticPhototype: hit?.staticPhototype ?? -1,
    track: hit?.track ?? null,
    trackUpTo: hit?.trackUpTo ?? 0,
    trackLastHour: hit?.trackLastHour ?? Number.NaN,
    trackLastX: hit?.trackLastX ?? Number.NaN,
    trackHour: hit?.trackHour ?? Number.NEGATIVE_INFINITY,
    trackDots: hit?.trackDots ?? 0,
  };
  cache.set(texture, scratch);
  return scratch;
}

/** Nearest-pixel samples of a texture map at the cell centres (cells², index iy·cells + ix). */
function sampleAtCells(map: Float32Array, sizePx: number, cells: number): Float32Array {
  const out = new Float32Array(cells * cells);
  for (let iy = 0; iy < cells; iy++) {
    const py = Math.min(sizePx - 1, Math.floor(((iy + 0.5) * sizePx) / cells));
    for (let ix = 0; ix < cells; ix++) {
      const px = Math.min(sizePx - 1, Math.floor(((ix + 0.5) * sizePx) / cells));
      out[iy * cells + ix] = map[py * sizePx + px]!;
    }
  }
  return out;
}

/**
 * Interpolates slot `k` of the grid vertically to pixel row `py` (into vrow[k]), for the cell columns
 * c0 … c1 (inclusive; the pixel loop of a rectangle reads no others). Column `cells` repeats the last.
 */
function interpolateRow(sc: ShadeScratch, k: number, py: number, c0: number, c1: number): void {
  const cells = sc.cells;
  const src = sc.cell[k]!;
  const vrow = sc.vrow[k]!;
  const i0 = sc.rowCell[py]!;
  const r0 = i0 * cells;
  const r1 = (i0 < cells - 1 ? i0 + 1 : i0) * cells;
  const wy = sc.rowW[py]!;
  const hi = c1 < cells - 1 ? c1 : cells - 1;
  for (let i = c0; i <= hi; i++) {
    const a = src[r0 + i]!;
    vrow[i] = a + (src[r1 + i]! - a) * wy;
  }
  if (hi === cells - 1) vrow[cells] = vrow[cells - 1]!;
}

/**
 * Readies every slot's row buffer for pixel row `py` (columns c0 … c1, as interpolateRow): active
 * slots are interpolated; an inactive one holds its neutral value, filled once when it last changed.
 */
export function prepareRow(sc: ShadeScratch, py: number, c0: number, c1: number): void {
  const active = sc.active;
  const neutral = sc.neutral;
  for (let k = 0; k < SLOTS; k++) {
    if (active[k] === 1) {
      interpolateRow(sc, k, py, c0, c1);
      neutral[k] = 0;
    } else if (neutral[k] === 0) {
      sc.vrow[k]!.fill(NEUTRAL[k]!);
      neutral[k] = 1;
    }
  }
}

/** A pixel rectangle of the frame, half-open: columns x0 … x1 − 1, rows y0 … y1 − 1. */
export interface PixelRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Inclusive box of grid cells. */
export interface CellBox {
  ix0: number;
  iy0: number;
  ix1: number;
  iy1: number;
}

/**
 * The cells whose derived values the pixels of `rect` read (bilinear: the cell centres either side of
 * each pixel), written into `box`.
 */
export function cellsReadBy(sc: ShadeScratch, rect: PixelRect, box: CellBox): CellBox {
  const last = sc.cells - 1;
  const cx1 = sc.colCell[rect.x1 - 1]! + 1;
  const cy1 = sc.rowCell[rect.y1 - 1]! + 1;
  box.ix0 = sc.colCell[rect.x0]!;
  box.iy0 = sc.rowCell[rect.y0]!;
  box.ix1 = cx1 < last ? cx1 : last;
  box.iy1 = cy1 < last ? cy1 : last;
  return box;
}

/** The static layers of one phototype (staticShading.ts builds them; the scratch caches them). */
export interface StaticShading {
  readonly colour: Float32Array;
  /** Luminance of the static colour relative to the plain base colour (data layers' shading). */
  readonly luminance: Float32Array;
  readonly relief: Float32Array;
  readonly scars: Float32Array | null;
  readonly wrinkles: Float32Array | null;
}
