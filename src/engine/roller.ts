import { z } from 'zod';
import { bounded } from './bounded';
import type { ModelParams } from './params';
import type { Sampler } from './rng';

/** Nominal needle lengths on sale: 0.25–3.0 mm (docs/model.md §1). */
export const NEEDLE_MM_MIN = 0.25;
export const NEEDLE_MM_MAX = 3.0;
/** Hand pressure as a multiplier on penetration (docs/model.md §3). */
export const PRESSURE_MIN = 0.5;
export const PRESSURE_MAX = 1.5;

const coordinate = bounded(-1000, 1000, 'mm');

/**
 * One straight roll of the drum from (x0, y0) to (x1, y1), patch coordinates in mm. The drum axis is
 * perpendicular to the direction of travel. `trackOffsetMm` shifts the needle discs sideways (a
 * therapist never puts the roller down at exactly the same place twice).
 */
export const StrokeSchema = z
  .object({
    x0Mm: coordinate,
    y0Mm: coordinate,
    x1Mm: coordinate,
    y1Mm: coordinate,
    needleMm: bounded(NEEDLE_MM_MIN, NEEDLE_MM_MAX, 'mm'),
    pressure: bounded(PRESSURE_MIN, PRESSURE_MAX).default(1),
    trackOffsetMm: bounded(-50, 50, 'mm').default(0),
  })
  .strict();
export type Stroke = z.infer<typeof StrokeSchema>;

/** Reusable struct-of-arrays buffer of sampled punctures (no object per puncture). */
export class PunctureBuffer {
  count = 0;
  xMm: Float64Array;
  yMm: Float64Array;
  depthMm: Float64Array;

  constructor(capacity = 1024) {
    this.xMm = new Float64Array(capacity);
    this.yMm = new Float64Array(capacity);
    this.depthMm = new Float64Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  push(x: number, y: number, depth: number): void {
    if (this.count === this.xMm.length) this.grow();
    this.xMm[this.count] = x;
    this.yMm[this.count] = y;
    this.depthMm[this.count] = depth;
    this.count++;
  }

  private grow(): void {
    // Growth by 1.5× as Pixi's ParticleBuffer does: amortised O(1) without large over-allocation.
    const capacity = Math.ceil(this.xMm.length * 1.5) + 16;
    const copy = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.xMm = copy(this.xMm);
    this.yMm = copy(this.yMm);
    this.depthMm = copy(this.depthMm);
  }
}

/** Punctures per cm² that one pass of the drum leaves: needles ÷ drum surface (≈ 15.3, docs/model.md §3). */
export function densityPerPassPerCm2(params: ModelParams): number {
  const surfaceCm2 = (Math.PI * params.drumDiameterMm * params.drumWidthMm) / 100;
  return (params.needleRows * params.needlesPerRow) / surfaceCm2;
}

/** Real penetration depth of one needle, mm (docs/model.md §3): δ = f_pen·L·pressure·(1 + σ·n), within [0, L]. */
export function penetrationMm(params: ModelParams, needleMm: number, pressure: number, fPenFactor: number, normal: number): number {
  const depth = params.fPen * fPenFactor * needleMm * pressure * (1 + params.penetrationJitter * normal);
  return depth < 0 ? 0 : depth > needleMm ? needleMm : depth;
}

/** Upper tail of the standard normal, P(n > z) (Abramowitz & Stegun 1964, 26.2.17; |error| < 7.5e-8). */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.exp(-0.5 * z * z) * 0.3989422804014327 * poly;
}

/**
 * Expected share of a stroke's punctures deeper than `depthMm`, from the depth distribution of
 * `penetrationMm` (normal jitter around f_pen·L·pressure, clamped to the needle length).
 */
export function shareDeeperThan(params: ModelParams, needleMm: number, pressure: number, fPenFactor: number, depthMm: number): number {
  if (needleMm <= depthMm) return 0;
  const meanMm = params.fPen * fPenFactor * needleMm * pressure;
  if (meanMm <= 0) return 0;
  const sigma = params.penetrationJitter;
  if (sigma <= 0) return meanMm > depthMm ? 1 : 0;
  return normalUpperTail((depthMm / meanMm - 1) / sigma);
}

/** Length and unit direction of travel of a stroke; null for a stroke that does not move. */
function strokeDirection(stroke: Stroke): { lengthMm: number; ux: number; uy: number } | null {
  const dx = stroke.x1Mm - stroke.x0Mm;
  const dy = stroke.y1Mm - stroke.y0Mm;
  const lengthMm = Math.hypot(dx, dy);
  if (lengthMm <= 0) return null;
  return { lengthMm, ux: dx / lengthMm, uy: dy / lengthMm };
}

/**
 * Where punctures can matter: the square [loMm, hiMm]² (the patch and the reach of its injury kernel).
 * A disc whose whole track lies farther outside it than 8 σ of the lateral jitter leaves no puncture
 * that could land inside (probability < 1e-15 per puncture), so it is not sampled at all.
 */
export interface PunctureReach {
  loMm: number;
  hiMm: number;
}

/**
 * Samples the punctures of one stroke into `out` (appending). Each disc of needles leaves a
 * Poisson number of punctures along its track, uniformly placed along the path (the drum slips and
 * the skin deforms, so spacing is not rigid), scattered sideways by `trackJitterMm`. With `reach`,
 * discs whose track cannot reach it are skipped (docs/model.md §3): the lanes of a pass overhang the
 * patch by up to a drum width, and a third of their needles land where no kernel reaches the patch.
 */
export function sampleStrokePunctures(
  params: ModelParams,
  stroke: Stroke,
  fPenFactor: number,
  rng: Sampler,
  out: PunctureBuffer,
  reach?: PunctureReach,
): void {
  const dir = strokeDirection(stroke);
  if (dir === null) return;
  const { lengthMm, ux, uy } = dir;
  // Lateral unit vector (drum axis), rotated +90°.
  const lx = -uy;
  const ly = ux;
  const spacingMm = params.drumWidthMm / params.needleRows;
  const perRowMean = (lengthMm * params.needlesPerRow) / (Math.PI * params.drumDiameterMm);
  const slack = 8 * params.trackJitterMm;
  const lo = reach === undefined ? Number.NEGATIVE_INFINITY : reach.loMm - slack;
  const hi = reach === undefined ? Number.POSITIVE_INFINITY : reach.hiMm + slack;
  for (let row = 0; row < params.needleRows; row++) {
    const track = (row + 0.5) * spacingMm - params.drumWidthMm / 2 + stroke.trackOffsetMm;
    // The track runs from a to b; it cannot reach the square if both ends are beyond one of its sides.
    const ax = stroke.x0Mm + lx * track;
    const ay = stroke.y0Mm + ly * track;
    const bx = stroke.x1Mm + lx * track;
    const by = stroke.y1Mm + ly * track;
    if ((ax < lo && bx < lo) || (ax > hi && bx > hi) || (ay < lo && by < lo) || (ay > hi && by > hi)) continue;
    const n = rng.poisson(perRowMean);
    for (let k = 0; k < n; k++) {
      const along = rng.uniform() * lengthMm;
      const side = track + params.trackJitterMm * rng.normal();
      const depth = penetrationMm(params, stroke.needleMm, stroke.pressure, fPenFactor, rng.normal());
      out.push(stroke.x0Mm + ux * along + lx * side, stroke.y0Mm + uy * along + ly * side, depth);
    }
  }
}

/**
 * Adds 1 to `coverage` for every cell whose centre the drum swept: along ∈ [0, length),
 * across ∈ [−width/2, width/2) around the (offset) axis. Half-open so that consecutive segments of
 * a dragged path and adjacent strokes of a pass never count a cell twice.
 */
export function markCoverage(
  params: ModelParams,
  stroke: Stroke,
  cells: number,
  pitchMm: number,
  coverage: Float32Array,
): void {
  const dir = strokeDirection(stroke);
  if (dir === null) return;
  const { lengthMm, ux, uy } = dir;
  const half = params.drumWidthMm / 2;
  const off = stroke.trackOffsetMm;
  // Bounding box of the swept rectangle, in cells.
  const xs = [stroke.x0Mm, stroke.x1Mm];
  const ys = [stroke.y0Mm, stroke.y1Mm];
  const reach = half + Math.abs(off);
  const ix0 = Math.max(0, Math.floor((Math.min(...xs) - reach) / pitchMm));
  const ix1 = Math.min(cells - 1, Math.ceil((Math.max(...xs) + reach) / pitchMm));
  const iy0 = Math.max(0, Math.floor((Math.min(...ys) - reach) / pitchMm));
  const iy1 = Math.min(cells - 1, Math.ceil((Math.max(...ys) + reach) / pitchMm));
  if (ux === 0 || uy === 0) {
    // An axis-aligned stroke (every pass): the test separates into a column test and a row test, with
    // the same arithmetic (the zero products add nothing), so the cells are exactly those of the general case.
    const colAlong = uy === 0;
    let firstX = -1;
    let lastX = -2;
    for (let ix = ix0; ix <= ix1; ix++) {
      const cx = (ix + 0.5) * pitchMm - stroke.x0Mm;
      const ok = colAlong ? inRange(cx * ux, 0, lengthMm) : inRange(-cx * uy - off, -half, half);
      if (ok) {
        if (firstX < 0) firstX = ix;
        lastX = ix;
      }
    }
    for (let iy = iy0; iy <= iy1; iy++) {
      const cy = (iy + 0.5) * pitchMm - stroke.y0Mm;
      const ok = colAlong ? inRange(cy * ux - off, -half, half) : inRange(cy * uy, 0, lengthMm);
      if (!ok) continue;
      const row = iy * cells;
      for (let ix = firstX; ix <= lastX; ix++) coverage[row + ix]! += 1;
    }
    return;
  }
  for (let iy = iy0; iy <= iy1; iy++) {
    const cy = (iy + 0.5) * pitchMm - stroke.y0Mm;
    for (let ix = ix0; ix <= ix1; ix++) {
      const cx = (ix + 0.5) * pitchMm - stroke.x0Mm;
      const along = cx * ux + cy * uy;
      const across = -cx * uy + cy * ux - off;
      if (along >= 0 && along < lengthMm && across >= -half && across < half) coverage[iy * cells + ix]! += 1;
    }
  }
}

/** lo ≤ x < hi. */
function inRange(x: number, lo: number, hi: number): boolean {
  return x >= lo && x < hi;
}
