/** Small builders shared by the shading tests: fields, a puncture log view, pixel statistics. */
import { srgbToLab } from '../../../src/shading/colour';
import type { PunctureView, ShadeFields } from '../../../src/shading/types';

export type MutableFields = { -readonly [K in keyof ShadeFields]: ShadeFields[K] };

/** Untreated skin: everything 0 except intact capillaries (V = 1). */
export function zeroFields(cells: number): MutableFields {
  const z = (): Float32Array => new Float32Array(cells * cells);
  return { cells, I: z(), E: z(), C3: z(), C1: z(), Ep: z(), W: z(), V: z().fill(1), T: z(), Pg: z(), R: z(), coverage: z() };
}

export interface Puncture {
  x: number;
  y: number;
  depth: number;
  hour: number;
}

/** A log view holding `list` in time order (oldest first), like src/engine/punctureLog.ts. */
export function punctureView(list: readonly Puncture[], capacity = 64): PunctureView {
  const v = {
    xMm: new Float32Array(capacity),
    yMm: new Float32Array(capacity),
    depthMm: new Float32Array(capacity),
    hour: new Float64Array(capacity),
    total: list.length,
    capacity,
  };
  list.forEach((p, n) => {
    const i = n % capacity;
    v.xMm[i] = p.x;
    v.yMm[i] = p.y;
    v.depthMm[i] = p.depth;
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

/**
 * Fine texture contrast: mean absolute green difference between neighbouring pixels (right and
 * below). Micro-relief (pores, furrows) dominates it; broad features (blotches, a highlight) hardly count.
 */
export function fineContrast(out: Uint8Array, sizePx: number): number {
  let s = 0;
  let n = 0;
  for (let y = 0; y < sizePx - 1; y++) {
    for (let x = 0; x < sizePx - 1; x++) {
      const k = y * sizePx + x;
      const g = out[4 * k + 1]!;
      s += Math.abs(g - out[4 * (k + 1) + 1]!) + Math.abs(g - out[4 * (k + sizePx) + 1]!);
      n += 2;
    }
  }
  return s / n;
}

/** Sorted L* of every pixel. */
export function sortedLightness(out: Uint8Array): number[] {
  const n = out.length / 4;
  const l: number[] = new Array(n);
  for (let k = 0; k < n; k++) l[k] = srgbToLab(out[4 * k]!, out[4 * k + 1]!, out[4 * k + 2]!)[0];
  return l.sort((a, b) => a - b);
}
