import { BASE_OD, EXP_NEG_LUT, HB, MEL, OD_LUT_SCALE, OD_LUT_SIZE } from './colour';
import { HALF_SLOPE, LIGHT_K, LOOK } from './look';
import type { ShadeScratch, StaticShading } from './shadeScratch';

/**
 * What does not change with the fields, precomputed once so the pixel loop only multiplies and adds.
 *
 * Colour (per phototype): OD_base(phototype) plus the texture's natural variation and condition tints,
 * as linear RGB triples (index 3·k). Fields then multiply it by their transmittance
 * exp(−(h·HB + m·MEL)): the same Beer–Lambert sum of optical densities, factored.
 *
 * Light (per texture): for each relief map, the change of diffuse light D = diff − 1 (exact Lambert of
 * a key light from the upper left with its cast shadows, an ambient share, cavity darkening) and the
 * glint lobe G, as pairs (index 2·k). A relief scaled by a factor f (flattened, filled) is then lit as
 * 1 + f·D with glints f²·G: linear in f instead of exact, which keeps the per-pixel cost to two
 * multiply-adds (the exact form cost 3.5 ms of a 10 ms frame at 640², measured) [D]. Fine relief
 * (pores, furrows) shades with a fraction of its slopes (subsurface scattering blurs it); mm-sized
 * scars and wrinkles with nearly all of theirs, so pits show a shadowed upper-left wall and a lit
 * lower-right one.
 */
export type { StaticShading } from './shadeScratch';

/** The static layers for a phototype, built on first use and cached in the scratch. */
export function staticShading(sc: ShadeScratch, phototypeIndex: number): StaticShading {
  if (sc.statics !== null && sc.staticPhototype === phototypeIndex) return sc.statics;
  const tex = sc.texture;
  const S = tex.sizePx;
  const mm = tex.mmPerPx;
  const light = sc.statics ?? {
    relief: lightOf(tex.relief, S, mm, { gain: LOOK.reliefGain, cavityPerMm: LOOK.cavityRelief, pale: null, centre: true }),
    scars: tex.scars === null ? null : lightOf(tex.scars, S, mm, { gain: LOOK.scarGain, cavityPerMm: LOOK.cavityScar, pale: tex.scarPale, centre: false }),
    wrinkles: tex.wrinkles === null ? null : lightOf(tex.wrinkles, S, mm, { gain: LOOK.scarGain, cavityPerMm: LOOK.cavityWrinkle, pale: null, centre: false }),
  };
  const colour = colourOf(sc, phototypeIndex, sc.statics?.colour ?? null);
  const luminance = luminanceOf(colour, phototypeIndex, sc.statics?.luminance ?? null);
  sc.statics = { colour, luminance, relief: light.relief, scars: light.scars, wrinkles: light.wrinkles };
  sc.staticPhototype = phototypeIndex;
  return sc.statics;
}

function colourOf(sc: ShadeScratch, phototypeIndex: number, reuse: Float32Array | null): Float32Array {
  const tex = sc.texture;
  const n = tex.sizePx * tex.sizePx;
  const out = reuse ?? new Float32Array(3 * n);
  const base = BASE_OD[phototypeIndex]!;
  const { blotch, grain, tint } = tex;
  const { blotchAlb, blotchH, blotchM, grainAlb } = LOOK;
  for (let k = 0; k < n; k++) {
    const b = blotch[k]!;
    let alb = blotchAlb * b + grainAlb * grain[k]!;
    let h = blotchH * b;
    let m = blotchM * b;
    if (tint !== null) {
      alb += tint.alb[k]!;
      h += tint.hb[k]!;
      m += tint.mel[k]!;
    }
    for (let c = 0; c < 3; c++) {
      let i = ((base[c]! * (1 + alb) + h * HB[c]! + m * MEL[c]!) * OD_LUT_SCALE + 0.5) | 0;
      i = i < 0 ? 0 : i > OD_LUT_SIZE ? OD_LUT_SIZE : i;
      out[3 * k + c] = EXP_NEG_LUT[i]!;
    }
  }
  return out;
}

function luminanceOf(colour: Float32Array, phototypeIndex: number, reuse: Float32Array | null): Float32Array {
  const n = colour.length / 3;
  const out = reuse ?? new Float32Array(n);
  const base = BASE_OD[phototypeIndex]!;
  const inv = 1 / (0.2126 * Math.exp(-base[0]) + 0.7152 * Math.exp(-base[1]) + 0.0722 * Math.exp(-base[2]));
  for (let k = 0; k < n; k++) out[k] = (0.2126 * colour[3 * k]! + 0.7152 * colour[3 * k + 1]! + 0.0722 * colour[3 * k + 2]!) * inv;
  return out;
}

/** How one relief map is lit (see LOOK). */
interface LightSpec {
  /** Fraction of the true slopes that shades (subsurface scattering blurs shading of fine relief). */
  readonly gain: number;
  /** Darkening per mm of depth (cavity / ambient occlusion). */
  readonly cavityPerMm: number;
  /** Relative lightening that fills with the depth (atrophic floors), or null. */
  readonly pale: Float32Array | null;
  /** Subtract the mean change, so the relief does not shift the patch's mean brightness. */
  readonly centre: boolean;
}

/**
 * (D, G) pairs of a packed relief map (gx, gy, depth triples), see the module comment. D: Lambert
 * (exact, with the slope gain) of the key light, times its cast shadow, on top of an ambient share
 * that relief does not change; minus cavity darkening; plus `pale`.
 */
function lightOf(relief: Float32Array, sizePx: number, mmPerPx: number, spec: LightSpec): Float32Array {
  const n = relief.length / 3;
  const out = new Float32Array(2 * n);
  const shadow = castShadow(relief, sizePx, mmPerPx);
  const gain = spec.gain;
  const cavity = spec.cavityPerMm;
  const pale = spec.pale;
  const key = 1 - LOOK.ambient;
  const flatD2 = 2 * HALF_SLOPE * HALF_SLOPE;
  const w2 = LOOK.glintWidth * LOOK.glintWidth * flatD2;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const gx = gain * relief[3 * k]!;
    const gy = gain * relief[3 * k + 1]!;
    let lam = (1 + LIGHT_K * (gx + gy)) / Math.sqrt(1 + gx * gx + gy * gy);
    if (lam < 0) lam = 0;
    let d = key * (lam * (1 - shadow[k]!) - 1) - cavity * relief[3 * k + 2]!;
    if (pale !== null) d += pale[k]!;
    if (d < -0.8) d = -0.8;
    out[2 * k] = d;
    sum += d;
    // Glint lobe: compact, (1 − d²/w²)² around the mirror slope, zero on flat skin.
    const sx = gx + HALF_SLOPE;
    const sy = gy + HALF_SLOPE;
    const u = 1 - (sx * sx + sy * sy) / w2;
    out[2 * k + 1] = u > 0 ? u * u : 0;
  }
  if (spec.centre) {
    const mean = sum / n;
    for (let k = 0; k < n; k++) out[2 * k]! -= mean;
  }
  return out;
}

/**
 * Cast shadow of the key light (upper left, elevation LOOK.lightElevation) over the surface
 * h = −depth: one pass along each diagonal from the upper left, carrying the height of the shadow
 * ray; a soft penumbra of LOOK.shadowSoftMm (subsurface light fills shadow edges). 0 lit, 1 shadowed.
 */
function castShadow(relief: Float32Array, sizePx: number, mmPerPx: number): Float32Array {
  const s = sizePx;
  const out = new Float32Array(s * s);
  const drop = Math.SQRT2 * mmPerPx * Math.tan(LOOK.lightElevation);
  const invSoft = 1 / LOOK.shadowSoftMm;
  // Diagonals start on the top row (x0 ≥ 0, y0 = 0) and on the left column (x0 = 0, y0 > 0).
  for (let start = -(s - 1); start < s; start++) {
    let x = start > 0 ? start : 0;
    let y = start > 0 ? 0 : -start;
    let top = -Infinity;
    for (; x < s && y < s; x++, y++) {
      const k = y * s + x;
      const h = -relief[3 * k + 2]!;
      if (top > h) {
        const v = (top - h) * invSoft;
        out[k] = v < 1 ? v : 1;
      }
      top = (top > h ? top : h) - drop;
    }
  }
  return out;
}
