/** Small builders shared by the shading tests: fields, a puncture log view, pixel statistics. */
import { srgbToLab } from '../../../src/shading/colour';
import type { PunctureView, ShadeFields } from '../../../src/shading/types';

export type MutableFields = { -readonly [K in keyof ShadeFields]: ShadeFields[K] };

/** Untreated skin: everything 0 except intact capillaries (V = 1). */
export function zeroFields(cells: number): MutableFields {
  const z = (): Float32Array => new Float32Array(cells * cells);
  return { cells, I: z(), E: z(), C3: z(), C1: z(), Ep: z(), W: z(), V: z().fill(1), T: z(), Pg: z(), coverage: z() };
}

export interface Puncture {
  x: number;
  y: number;
  depth: number;
  bleeding: number;
  hour: number;
}

/** A log view holding `list` in time order (oldest first), like src/engine/punctureLog.ts. */
export function punctureView(list: readonly Puncture[], capacity = 64): PunctureView {
  const v = {
    xMm: new Float32Array(capacity),
    yMm: new Float32Array(capacity),
    depthMm: new Float32Array(capacity),
    bleeding: new Float32Array(capacity),
    hour: new Float64Array(capacity),
    total: list.length,
    capacity,
  };
  list.forEach((p, n) => {
    const i = n % capacity;
    v.xMm[i] = p.x;
    v.yMm[i] = p.y;
    v.depthMm[i] = p.depth;
    v.bleeding[i] = p.bleeding;
    v.hour[i] = p.hour;
  });
  return v;
}

export function pixel(out: Uint8Array, sizePx: number, px: number, py: number): [number, number, number] {
  const o = (py * sizePx + px) * 4;
  return [out[o]!, out[o + 1]!, out[o + 2]!];
}

/** Pixel at a position in mm. */
export function pixelAtMm(out: Uint8Array, sizePx: number, mmPerPx: number, x: number, y: number): [number, number, number] {
  return pixel(out, sizePx, Math.floor(x / mmPerPx), Math.floor(y / mmPerPx));
}

/** Mean sRGB over the whole image. */
export function meanRgb(out: Uint8Array): [number, number, number] {
  const s = [0, 0, 0];
  const n = out.length / 4;
  for (let k = 0; k < n; k++) for (let c = 0; c < 3; c++) s[c]! += out[4 * k + c]!;
  return [s[0]! / n, s[1]! / n, s[2]! / n];
}

export function lab(c: ArrayLike<number>): [number, number, number] {
  return srgbToLab(c[0]!, c[1]!, c[2]!);
}

/** Standard deviation of the luminance-ish green channel (relief contrast). */
export function greenStd(out: Uint8Array): number {
  const n = out.length / 4;
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const g = out[4 * k + 1]!;
    s += g;
    s2 += g * g;
  }
  const m = s / n;
  return Math.sqrt(s2 / n - m * m);
}
