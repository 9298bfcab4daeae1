import { SkinSimulation } from '../src/engine/index';
import { shadeSkin } from '../src/shading/shadeSkin';
import { makeSkinTexture } from '../src/shading/skinTexture';
import { shadeFieldsFromEngine } from '../src/shading/fromEngine';
import { median, timeIt, type BenchRow } from './timing';

/**
 * Shading cost in Node (what the worker pays per frame), against the same run's baseline of merely
 * writing every RGBA byte of the texture once (Uint8Array.fill + one pass).
 */
export function shadingBenchmarks(): BenchRow[] {
  const sim = new SkinSimulation({ seed: 3, region: 'cheek', phototype: 3, conditions: ['acne-scars'] });
  sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
  sim.advanceTo(6);
  const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
  const rows: BenchRow[] = [];
  const size = 640;
  const out = new Uint8Array(size * size * 4);
  const textureMs = median(timeIt(3, () => makeSkinTexture({ seed: 3, sizePx: size, patchMm: 40, conditions: ['acne-scars'] })));
  const texture = makeSkinTexture({ seed: 3, sizePx: size, patchMm: 40, conditions: ['acne-scars'] });
  const floor = median(
    timeIt(20, () => {
      for (let i = 0; i < out.length; i += 4) {
        out[i] = i & 255;
        out[i + 1] = 128;
        out[i + 2] = 64;
        out[i + 3] = 255;
      }
    }),
  );
  for (const layer of ['surface', 'erythema', 'coverage'] as const) {
    const ms = median(
      timeIt(20, () => shadeSkin(texture, fields, sim.punctureLog, { layer, phototype: 3, hour: sim.hour }, out)),
    );
    rows.push({
      name: `shadeSkin ${size}² from 160², layer ${layer}, ${sim.punctureLog.size} punctures logged`,
      value: ms,
      unit: 'ms / frame',
      baseline: 'writing every RGBA byte once',
      baselineValue: floor,
      ratio: ms / floor,
    });
  }
  rows.push({
    name: `makeSkinTexture ${size}² (once per setup)`,
    value: textureMs,
    unit: 'ms',
    baseline: 'writing every RGBA byte once',
    baselineValue: floor,
    ratio: textureMs / floor,
  });
  return rows;
}
