import type { Grid } from './grid';
import type { ModelParams } from './params';
import type { Stroke } from './roller';

export interface PassSpec {
  needleMm: number;
  pressure: number;
}

/** Margin around the patch that strokes also cover, so edge cells get the kernels of outside punctures. */
export function strokeMarginMm(params: ModelParams): number {
  return 3 * params.injurySigmaMm + 3 * params.trackJitterMm;
}

/**
 * The strokes of one pass over the whole patch: parallel rolls that tile the patch (plus a margin)
 * exactly once, in one of four directions that alternate pass by pass (→, ↓, ←, ↑), the way a
 * therapist crosses horizontal and vertical passes. The tiling starts at a sideways offset
 * (`offsetFraction` of the drum width, in [0, 1)) that callers vary so the needle tracks of
 * successive passes do not coincide.
 */
export function passStrokes(grid: Grid, params: ModelParams, spec: PassSpec, passIndex: number, offsetFraction: number): Stroke[] {
  const margin = strokeMarginMm(params);
  const lo = -margin;
  const hi = grid.patchMm + margin;
  const width = params.drumWidthMm;
  const start = lo - offsetFraction * width;
  const direction = passIndex % 4;
  const strokes: Stroke[] = [];
  for (let lane = start; lane < hi; lane += width) {
    const centre = lane + width / 2;
    const forward = direction < 2;
    const a = forward ? lo : hi;
    const b = forward ? hi : lo;
    const horizontal = direction % 2 === 0;
    // Lateral axis is the +90° rotation of travel: for → it is +y, for ← it is −y (and likewise ↓/↑),
    // so a lane's centre maps to the same place for either sense of travel.
    strokes.push(
      horizontal
        ? { x0Mm: a, y0Mm: centre, x1Mm: b, y1Mm: centre, needleMm: spec.needleMm, pressure: spec.pressure, trackOffsetMm: 0 }
        : { x0Mm: centre, y0Mm: a, x1Mm: centre, y1Mm: b, needleMm: spec.needleMm, pressure: spec.pressure, trackOffsetMm: 0 },
    );
  }
  return strokes;
}
