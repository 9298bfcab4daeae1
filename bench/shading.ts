import { expose, transfer, wrap } from 'comlink';
import { SkinSimulation } from '../src/engine/index';
import { shadeFieldsFromEngine } from '../src/shading/fromEngine';
import { shadeSkin } from '../src/shading/shadeSkin';
import { makeSkinTexture } from '../src/shading/skinTexture';
import { createEngineApi, type EngineApi } from '../workers/engineApi';
import type { Figure } from './figures';
import { log, percentile, spread, timeMs } from './stats';

const SIZE = 640;

/**
 * `fullFrameShadeMs`: one 640² surface frame shaded from a 160² patch an hour after a session,
 * against the least any shader could cost: writing every pixel once as a packed 32-bit RGBA store.
 */
export function fullFrameFigure(o: { repeats: number }): Figure {
  const sim = new SkinSimulation({ seed: 3, region: 'cheek', phototype: 3, conditions: ['acne-scars'] });
  sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
  sim.advanceTo(1);
  const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
  const texture = makeSkinTexture({ seed: 3, sizePx: SIZE, patchMm: 40, conditions: ['acne-scars'] });
  const out = new Uint8Array(SIZE * SIZE * 4);
  const packed = new Uint32Array(out.buffer);
  const shade = (): void => {
    shadeSkin(texture, fields, sim.punctureLog, { layer: 'surface', phototype: 3, hour: sim.hour }, out);
  };
  const floor = (): void => {
    // One 32-bit store per pixel (little-endian ABGR = opaque RGBA), the value varying so nothing is hoisted.
    for (let i = 0; i < packed.length; i++) packed[i] = 0xff000000 | ((i & 255) << 16) | 0x8040;
  };
  shade();
  floor();
  const shadeTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let r = 0; r < 10 * o.repeats; r++) {
    shadeTimes.push(timeMs(shade));
    floorTimes.push(timeMs(floor));
  }
  log(`full frame ${spread(shadeTimes).median.toFixed(1)} ms (32-bit write floor ${spread(floorTimes).median.toFixed(2)} ms)`);
  return {
    key: 'fullFrameShadeMs',
    label: `full-frame shade, ${SIZE}² surface from 160², ${sim.punctureLog.size} punctures logged`,
    unit: 'ms',
    value: spread(shadeTimes),
    baseline: { label: 'writing every pixel once as a packed 32-bit store', unit: 'ms', value: spread(floorTimes) },
  };
}

/**
 * `strokeShadeP95Ms`: a drag through the worker API in Node (the same API object the Web Worker
 * exposes, over a MessageChannel with comlink): for each short stroke, from `applyStrokes` until the
 * shaded frame is back, 95th percentile over the drag. 160² patch, 640² texture, as the app uses.
 */
export async function strokeFigure(o: { repeats: number }): Promise<Figure> {
  const channel = new MessageChannel();
  expose(createEngineApi(), channel.port1);
  const api = wrap<EngineApi>(channel.port2);
  try {
    await api.init({ seed: 9, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 160, texturePx: SIZE });
    let pixels: Uint8Array = new Uint8Array(SIZE * SIZE * 4);
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
      const frame = await api.frame({ layer: 'surface' }, transfer(pixels, [pixels.buffer]));
      const ms = performance.now() - t0;
      pixels = frame.pixels;
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
    channel.port1.close();
    channel.port2.close();
  }
}
