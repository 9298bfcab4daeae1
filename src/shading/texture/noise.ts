import type { Rng } from '../../engine/index';

/**
 * Value noise for the static skin texture: random lattice values (from the seeded Rng) blended with a
 * smoothstep, one octave at a time into a map of sizePx² (index py·sizePx + px). Lattice indices and
 * weights are precomputed per column, so one octave costs a few multiply-adds per pixel.
 */

/** Adds amplitude·noise(period) to `out`; lattice values uniform in [−1, 1). */
export function addValueNoise(out: Float32Array, sizePx: number, periodPx: number, amplitude: number, rng: Rng): void {
  const period = Math.max(1.5, periodPx);
  const n = Math.ceil(sizePx / period) + 2;
  const lattice = new Float32Array(n * n);
  for (let i = 0; i < lattice.length; i++) lattice[i] = 2 * rng.uniform() - 1;
  // A random sub-lattice offset so octaves do not share grid lines.
  const ox = rng.uniform() * period;
  const oy = rng.uniform() * period;
  const col = new Int32Array(sizePx);
  const colW = new Float32Array(sizePx);
  for (let px = 0; px < sizePx; px++) {
    const t = (px + ox) / period;
    const i = Math.floor(t);
    const f = t - i;
    col[px] = i;
    colW[px] = f * f * (3 - 2 * f);
  }
  // Per row: interpolate the two lattice rows once (n values), then only horizontally per pixel.
  const rowVals = new Float32Array(n);
  for (let py = 0; py < sizePx; py++) {
    const t = (py + oy) / period;
    const j = Math.floor(t);
    const f = t - j;
    const wy = f * f * (3 - 2 * f);
    const r0 = j * n;
    const r1 = r0 + n;
    for (let i = 0; i < n; i++) {
      const a = lattice[r0 + i]!;
      rowVals[i] = amplitude * (a + (lattice[r1 + i]! - a) * wy);
    }
    const row = py * sizePx;
    for (let px = 0; px < sizePx; px++) {
      const i = col[px]!;
      const a = rowVals[i]!;
      out[row + px]! += a + (rowVals[i + 1]! - a) * colW[px]!;
    }
  }
}

/** Fractal sum of `octaves` value-noise octaves, halving the period each time; result ≈ in [−amplitude, amplitude]. */
export function addFbm(
  out: Float32Array,
  sizePx: number,
  periodPx: number,
  octaves: number,
  gain: number,
  amplitude: number,
  rng: Rng,
): void {
  let norm = 0;
  let a = 1;
  for (let o = 0; o < octaves; o++) {
    norm += a;
    a *= gain;
  }
  a = amplitude / norm;
  let p = periodPx;
  for (let o = 0; o < octaves && p >= 1.5; o++) {
    addValueNoise(out, sizePx, p, a, rng);
    a *= gain;
    p *= 0.5;
  }
}

/** 32-bit integer hash (lowbias32, Chris Wellons) → [0, 1). Used where a lattice would be too large. */
export function hash01(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smooth 1-D value noise in [0, 1) along t, hashed from the integer lattice and a `salt`. */
export function noise1(t: number, salt: number): number {
  const i = Math.floor(t);
  const f = t - i;
  const w = f * f * (3 - 2 * f);
  const a = hash01(i * 374761393 + salt);
  const b = hash01((i + 1) * 374761393 + salt);
  return a + (b - a) * w;
}

/** A seed for a feature's own generator, drawn from the texture stream in a fixed order. */
export function subSeed(rng: Rng): number {
  return Math.floor(rng.uniform() * 4294967296);
}
