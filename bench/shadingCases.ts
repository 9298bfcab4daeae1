import { SkinSimulation } from '../src/engine/index';
import { shadeFieldsFromEngine } from '../src/shading/fromEngine';
import { cellBoxForStrokes, pixelRectForCells } from '../src/shading/dirtyRect';
import { shadeSkin, shadeSkinRect } from '../src/shading/shadeSkin';
import { makeSkinTexture } from '../src/shading/skinTexture';
import { median, percentile } from './stats';

/**
 * Shading cases for the bench (bench/run.ts decides how to print them): what the worker pays to
 * shade one full 640² frame (`referenceFrame`, timed as `fullFrameShadeMs` by bench/shading.ts) and
 * to re-shade the dirty rectangle of each drag stroke (`strokeShadeCase`, its p95 is the issue's
 * `strokeShadeP95Ms`), measured the way the app calls them. Figures are wall-clock on a shared
 * machine: report them with the load average.
 */

export interface ShadeTiming {
  /** Median, 95th percentile, fastest and slowest call, ms. */
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samples: number;
}

/** `times` summarised with bench/stats.ts's median and (interpolating) percentile, as every figure is. */
export function summarise(times: readonly number[]): ShadeTiming {
  return { medianMs: median(times), p95Ms: percentile(times, 0.95), minMs: Math.min(...times), maxMs: Math.max(...times), samples: times.length };
}

/**
 * The reference frame: 640² from 160² cells, acne-scar cheek, 6 h after one 1.5 mm 15-pass session,
 * shaded with the options the worker passes (region texture, bleeding factor, anatomy). `shade()`
 * shades it once (warmed up already); `punctures` is the size of the puncture log it reads.
 */
export function referenceFrame(): { shade(): void; punctures: number; out: Uint8Array } {
  const sim = new SkinSimulation({ seed: 3, region: 'cheek', phototype: 3, conditions: ['acne-scars'] });
  sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
  sim.advanceTo(6);
  const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
  const texture = makeSkinTexture({ seed: 3, sizePx: 640, patchMm: sim.grid.patchMm, conditions: ['acne-scars'], region: 'cheek' });
  const out = new Uint8Array(640 * 640 * 4);
  const options = { layer: 'surface', phototype: 3, hour: sim.hour, bleedingFactor: sim.bleedingFactor, anatomy: sim.anatomy } as const;
  const shade = (): void => shadeSkin(texture, fields, sim.punctureLog, options, out);
  for (let w = 0; w < 3; w++) shade();
  return { shade, punctures: sim.punctureLog.size, out };
}

export interface StrokeShadeTiming {
  /** Dirty-rectangle shade alone, per drag segment. */
  readonly shade: ShadeTiming;
  /** Engine stroke + dirty-rectangle shade: the worker's stroke-to-pixels time (without messaging). */
  readonly strokeToPixels: ShadeTiming;
  /** Mean share of the frame re-shaded per segment. */
  readonly meanAreaFraction: number;
}

/**
 * Realistic drag strokes: a 1.5 mm roller dragged back and forth over a cheek patch in pointer-sized
 * segments (1–2.5 mm, gently curving, as StrokeTracker emits them at ≈ 60 events/s), each followed by a
 * re-shade of its dirty rectangle on the 640² frame, as the worker adapter does.
 */
export function strokeShadeCase(segments = 120): StrokeShadeTiming {
  const sim = new SkinSimulation({ seed: 5, region: 'cheek', phototype: 3, conditions: ['acne-scars'] });
  const size = 640;
  const texture = makeSkinTexture({ seed: 5, sizePx: size, patchMm: sim.grid.patchMm, conditions: ['acne-scars'] });
  const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
  const frame = new Uint8Array(size * size * 4);
  sim.applyPass({ needleMm: 1.5, pressure: 1 });
  const options = { layer: 'surface', phototype: 3, hour: sim.hour, anatomy: sim.anatomy, bleedingFactor: sim.bleedingFactor } as const;
  shadeSkin(texture, fields, sim.punctureLog, options, frame);
  const shadeTimes: number[] = [];
  const totalTimes: number[] = [];
  let area = 0;
  const patch = sim.grid.patchMm;
  let x = 4;
  let y = 8;
  let heading = 0;
  for (let k = 0; k < segments + 5; k++) {
    const step = 1 + 1.5 * ((k * 0.618) % 1);
    heading += 0.25 * Math.sin(k * 0.7);
    let nx = x + step * Math.cos(heading);
    let ny = y + step * Math.sin(heading);
    if (nx < 2 || nx > patch - 2 || ny < 2 || ny > patch - 2) {
      heading += Math.PI;
      nx = Math.min(patch - 2, Math.max(2, nx));
      ny = Math.min(patch - 2, Math.max(2, ny));
    }
    const stroke = { x0Mm: x, y0Mm: y, x1Mm: nx, y1Mm: ny, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 };
    x = nx;
    y = ny;
    const t0 = performance.now();
    sim.applyStroke(stroke);
    const t1 = performance.now();
    const box = cellBoxForStrokes([stroke], sim.grid.cells, sim.grid.pitchMm, sim.params);
    const rect = box === null ? null : pixelRectForCells(size, sim.grid.cells, box);
    if (rect !== null) shadeSkinRect(texture, fields, sim.punctureLog, options, frame, rect);
    const t2 = performance.now();
    // The first few segments warm the JIT.
    if (k < 5) continue;
    shadeTimes.push(t2 - t1);
    totalTimes.push(t2 - t0);
    if (rect !== null) area += ((rect.x1 - rect.x0) * (rect.y1 - rect.y0)) / (size * size);
  }
  return { shade: summarise(shadeTimes), strokeToPixels: summarise(totalTimes), meanAreaFraction: area / segments };
}
