import { transfer } from 'comlink';
import { openEngineChannel } from '../tests/fixtures/openEngineChannel';
import type { Figure } from './figures';
import { referenceFrame, strokeShadeCase } from './shadingCases';
import { log, percentile, spread, timeMs } from './stats';

const SIZE = 640;

/**
 * `fullFrameShadeMs`: the reference 640² surface frame (bench/shadingCases.ts `referenceFrame`)
 * against the least any shader could cost: writing every pixel once as a packed 32-bit RGBA store,
 * interleaved run by run.
 */
export function fullFrameFigure(o: { repeats: number }): Figure {
  const frame = referenceFrame();
  const packed = new Uint32Array(frame.out.buffer);
  const floor = (): void => {
    // One 32-bit store per pixel (little-endian ABGR = opaque RGBA), the value varying so nothing is hoisted.
    for (let i = 0; i < packed.length; i++) packed[i] = 0xff000000 | ((i & 255) << 16) | 0x8040;
  };
  floor();
  const shadeTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let r = 0; r < 10 * o.repeats; r++) {
    shadeTimes.push(timeMs(frame.shade));
    floorTimes.push(timeMs(floor));
  }
  log(`full frame ${spread(shadeTimes).median.toFixed(1)} ms (32-bit write floor ${spread(floorTimes).median.toFixed(2)} ms)`);
  return {
    key: 'fullFrameShadeMs',
    label: `full-frame shade, ${SIZE}² surface from 160², ${frame.punctures} punctures logged`,
    unit: 'ms',
    value: spread(shadeTimes),
    baseline: { label: 'writing every pixel once as a packed 32-bit store', unit: 'ms', value: spread(floorTimes) },
  };
}

/**
 * `strokeDirtyRectP95Ms`: the worker's own share of a drag stroke without messaging — the engine's
 * stroke and the re-shade of its dirty rectangle only (bench/shadingCases.ts `strokeShadeCase`), the
 * path a dirty-rectangle frame protocol takes.
 */
export function strokeDirtyRectFigure(o: { repeats: number }): Figure {
  const c = strokeShadeCase(40 * o.repeats);
  log(`stroke + dirty-rect shade p95 ${c.strokeToPixels.p95Ms.toFixed(1)} ms (${(100 * c.meanAreaFraction).toFixed(1)} % of the frame per segment)`);
  return {
    key: 'strokeDirtyRectP95Ms',
    label: 'drag segment: engine stroke + re-shade of its dirty rectangle, no messaging (95th percentile)',
    unit: 'ms',
    value: { median: c.strokeToPixels.p95Ms, min: c.strokeToPixels.minMs, max: c.strokeToPixels.maxMs, runs: c.strokeToPixels.samples },
    note: `p50 ${c.strokeToPixels.medianMs.toFixed(1)} ms; the shade alone p95 ${c.shade.p95Ms.toFixed(1)} ms; ${(100 * c.meanAreaFraction).toFixed(1)} % of the frame re-shaded per segment`,
  };
}

/**
 * `strokeShadeP95Ms`: a drag through the worker API in Node (the same API object the Web Worker
 * exposes, over a MessageChannel with comlink): for each short stroke, from `applyStrokes` until the
 * shaded pixels are back (the changed rectangle, as the app asks for them), 95th percentile over the
 * drag. 160² patch, 640² texture, as the app uses.
 */
export async function strokeFigure(o: { repeats: number }): Promise<Figure> {
  const { api, close } = openEngineChannel();
  try {
    await api.init({ seed: 9, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 160, texturePx: SIZE });
    let pixels: Uint8Array = new Uint8Array(SIZE * SIZE * 4);
    // Like the app: tell the worker which frame the view holds, so after a stroke it sends only the
    // rectangle the stroke changed (workers/skinFrames.ts); the first frame is whole.
    let since: number | undefined;
    const strokes = 40 * o.repeats;
    const warmup = 10;
    const times: number[] = [];
    for (let k = 0; k < warmup + strokes; k++) {
      // A zig-zag drag across the patch in 3-mm segments, as pointer moves arrive while rolling.
      const y = 5 + ((k * 1.3) % 30);
      const x0 = 2 + ((k * 3) % 33);
      const stroke = { x0Mm: x0, y0Mm: y, x1Mm: x0 + 3, y1Mm: y + 0.5, needleMm: 1.5, pressure: 1 };
      const t0 = performance.now();
      await api.applyStrokes({ atHour: 0, strokes: [stroke] });
      const frame = await api.frame({ layer: 'surface', ...(since !== undefined ? { since } : {}) }, transfer(pixels, [pixels.buffer]));
      const ms = performance.now() - t0;
      pixels = frame.pixels;
      since = frame.seq;
      if (k >= warmup) times.push(ms);
    }
    const p95 = percentile(times, 0.95);
    log(`stroke → pixels p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    return {
      key: 'strokeShadeP95Ms',
      label: 'drag stroke → pixels ready, through the worker API (95th percentile)',
      unit: 'ms',
      value: { median: p95, min: Math.min(...times), max: Math.max(...times), runs: times.length },
      goal: '≤ 8 ms',
      note: `p50 ${percentile(times, 0.5).toFixed(1)} ms over ${times.length} strokes; min/max are of single strokes`,
    };
  } finally {
    close();
  }
}
