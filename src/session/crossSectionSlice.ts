import type { SkinSimulation } from '../engine/index';
import type { CrossSectionInput } from '../shading/index';

/** Punctures drawn in the depth view: within this distance of the cut, mm ... */
const CUT_HALF_WIDTH_MM = 0.5;
/** ... and from the last three days (channels close within about a day: docs/model.md §1, and τ_W in §11). */
const CHANNEL_WINDOW_HOURS = 72;

/** The depth view reaches 0.5 mm below the dermis, so a 3 mm needle's 1.5 mm channel still fits on the cheek. */
export function crossDepthMm(a: { epidermisMm: number; dermisMm: number }): number {
  return Math.round((a.epidermisMm + a.dermisMm + 0.5) * 100) / 100;
}

/**
 * The fields along one row of the patch and the punctures near it, for the cross-section shader.
 * Copies one row per field (a few hundred floats), so the shader never sees the live fields.
 */
export function crossSectionSlice(sim: SkinSimulation, row: number, phototype: number): CrossSectionInput {
  const n = sim.grid.cells;
  const r = Math.max(0, Math.min(n - 1, Math.floor(row)));
  const slice = (a: ArrayLike<number>): Float32Array => {
    const out = new Float32Array(n);
    for (let x = 0; x < n; x++) out[x] = a[r * n + x]!;
    return out;
  };
  const f = sim.fields;
  const yMm = (r + 0.5) * sim.grid.pitchMm;
  const log = sim.punctureLog;
  const xs: number[] = [];
  const ys: number[] = [];
  const depths: number[] = [];
  const hours: number[] = [];
  // Newest first; the log is in time order, so the first puncture too old ends the search.
  for (let k = 0; k < log.size; k++) {
    const i = log.recent(k);
    if (sim.hour - log.hour[i]! > CHANNEL_WINDOW_HOURS) break;
    if (Math.abs(log.yMm[i]! - yMm) > CUT_HALF_WIDTH_MM) continue;
    xs.push(log.xMm[i]!);
    ys.push(log.yMm[i]!);
    depths.push(log.depthMm[i]!);
    hours.push(log.hour[i]!);
  }
  return {
    anatomy: sim.anatomy,
    phototype,
    hour: sim.hour,
    depthRangeMm: crossDepthMm(sim.anatomy),
    patchMm: sim.grid.patchMm,
    columns: { C3: slice(f.C3), C1: slice(f.C1), Ep: slice(f.Ep), I: slice(f.I), E: slice(f.E), V: slice(f.V), T: slice(f.T), W: slice(f.W) },
    punctures: {
      xMm: Float32Array.from(xs),
      yMm: Float32Array.from(ys),
      depthMm: Float32Array.from(depths),
      hour: Float64Array.from(hours),
      count: xs.length,
    },
    bleedingFactor: sim.bleedingFactor,
  };
}
