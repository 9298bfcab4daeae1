/**
 * The skin colour model of docs/appearance.md §1 (Tsumura 2003 style): Beer–Lambert in optical density of
 * linear sRGB. OD = −ln(rgbLinear); OD_total = OD_base(phototype) + h·HB + m·MEL; rgbLinear = exp(−OD).
 * Exact functions for tests and the legend; lookup tables for the pixel loop.
 */

/** Base colours per phototype I–VI (mid-class ITA°, Chardon 1991 classes) [D, not measured means]. */
export const BASE_HEX = ['#c2a596', '#b89783', '#ac8a73', '#9f7d65', '#86634d', '#63473a'] as const;

/** Oxy-haemoglobin absorption shape over R/G/B (red passes, 540–580 nm absorbed) [D]. */
export const HB: readonly [number, number, number] = [0.05, 1.0, 0.6];
/** Melanin absorption shape, µa ∝ λ^−3.48 at ≈ 610/550/465 nm (OMLC) [D]. */
export const MEL: readonly [number, number, number] = [0.39, 0.56, 1.0];
/**
 * Deoxygenated blood (venules of larger telangiectases, the "purple" end of red-to-purple lines):
 * relatively more red absorption than oxy-Hb (deoxy-Hb absorbs ≈ 10× more at 600–660 nm) [D].
 */
export const HB_DEOXY: readonly [number, number, number] = [0.3, 0.9, 0.55];

/** Erythema: h = 0.5·I (docs/appearance.md §1; I = 0.15 then gives Δa* ≈ 2.5, COLIPA minimal perceptible erythema). */
export const H_PER_INFLAMMATION = 0.5;
/**
 * PIH: m = PIGMENT_K·Pg. Chosen so that the visible threshold Pg = 0.028 (docs/model.md §7) gives ΔE*ab ≈ 2.3 on
 * phototype IV (the types at risk of PIH): the just-noticeable difference of Sharma's Digital Color
 * Imaging Handbook (ΔE ≈ 2.3, Mahy 1994) [D]. Checked in tests/unit/shading/colour.test.ts.
 */
export const PIGMENT_K = 5.2;

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** sRGB byte (0–255, may be fractional) → linear 0–1. */
export function srgbToLinear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Linear 0–1 → sRGB 0–255 (unrounded, clamped). */
export function linearToSrgb(l: number): number {
  if (!(l > 0)) return 0;
  if (l >= 1) return 255;
  return 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
}

/** Clamp a phototype to an index 0–5 (I–VI). */
export function phototypeIndex(phototype: number): number {
  const p = Math.round(phototype);
  return p < 1 ? 0 : p > 6 ? 5 : p - 1;
}

/** OD_base per phototype (index 0–5), R/G/B. */
export const BASE_OD: readonly Rgb[] = BASE_HEX.map((hex) => parseHex(hex).map((c) => -Math.log(srgbToLinear(c))) as Rgb);

/**
 * The pure colour function: sRGB (0–255, unrounded) of skin of `phototype` (1–6) with haemoglobin
 * excess h and melanin excess m, written to `out` and returned.
 */
export function skinColour<T extends number[] | Float64Array = number[]>(phototype: number, h: number, m: number, out?: T): T {
  const o = (out ?? [0, 0, 0]) as T;
  const base = BASE_OD[phototypeIndex(phototype)]!;
  for (let c = 0; c < 3; c++) {
    const od = base[c]! + h * HB[c]! + m * MEL[c]!;
    o[c] = linearToSrgb(Math.exp(-od));
  }
  return o;
}

/** CIE L*a*b* (D65) of an sRGB colour 0–255. */
export function srgbToLab(r: number, g: number, b: number): Rgb {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  const x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export function deltaE(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const la = srgbToLab(a[0]!, a[1]!, a[2]!);
  const lb = srgbToLab(b[0]!, b[1]!, b[2]!);
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

// ---- Lookup tables for the pixel loop -------------------------------------------------------------

/** exp(−OD) sampled every 1/OD_LUT_SCALE over OD ∈ [0, OD_LUT_MAX): error < 0.06 of an sRGB step. */
export const OD_LUT_SCALE = 1024;
export const OD_LUT_MAX = 10;
export const OD_LUT_SIZE = OD_LUT_MAX * OD_LUT_SCALE;
export const EXP_NEG_LUT: Float32Array = (() => {
  const t = new Float32Array(OD_LUT_SIZE + 1);
  for (let i = 0; i <= OD_LUT_SIZE; i++) t[i] = Math.exp(-i / OD_LUT_SCALE);
  return t;
})();

/**
 * Linear 0–1 → sRGB byte, index = round(linear·GAMMA_LUT_SIZE). 16384 entries (16 KB, stays in L1):
 * the steepest part (near black, 12.92·255 per unit) moves 0.2 of a byte per entry.
 */
export const GAMMA_LUT_SIZE = 16384;
export const GAMMA_LUT: Uint8Array = (() => {
  const t = new Uint8Array(GAMMA_LUT_SIZE + 1);
  for (let i = 0; i <= GAMMA_LUT_SIZE; i++) t[i] = Math.round(linearToSrgb(i / GAMMA_LUT_SIZE));
  return t;
})();

/** Hex colour → linear RGB triple. */
export function hexToLinear(hex: string): Rgb {
  const c = parseHex(hex);
  return [srgbToLinear(c[0]), srgbToLinear(c[1]), srgbToLinear(c[2])];
}
