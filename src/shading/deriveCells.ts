import { EXP_NEG_LUT, H_PER_INFLAMMATION, HB, MEL, OD_LUT_SCALE, OD_LUT_SIZE, PIGMENT_K } from './colour';
import { LIGHT_K, LOOK } from './look';
import { SLOT, type CellBox, type ShadeScratch } from './shadeScratch';
import type { Layer, ShadeFields } from './types';
import { plasticLookOf } from '../engine/index';

/**
 * Per-cell quantities the pixel loop interpolates (SLOT), computed once per call at grid resolution
 * for the cells of `box` (the cells a pixel rectangle reads), and which of them differ from untreated
 * skin there (inactive slots are not interpolated: their row buffers hold the neutral value, which
 * gives the same pixels bit for bit). `baseLin` is the phototype's base colour in linear RGB (oedema's
 * desaturation acts on it). Returns max T over the box.
 */
export function deriveCells(sc: ShadeScratch, f: ShadeFields, layer: Layer, baseLin: readonly number[], box: CellBox): number {
  const cells = sc.cells;
  const c = sc.cell;
  const tr = c[SLOT.tr]!;
  const tg = c[SLOT.tg]!;
  const tb = c[SLOT.tb]!;
  const pl = c[SLOT.plastic]!;
  const rf = c[SLOT.relief]!;
  const sheen = c[SLOT.sheen]!;
  const sf = c[SLOT.scarFill]!;
  const wf = c[SLOT.wrinkleFill]!;
  const t = c[SLOT.t]!;
  const cellSheen = sc.cellSheen;
  const cellWax = sc.cellWax;
  const hPerI = H_PER_INFLAMMATION;
  const k = PIGMENT_K;
  const hb0 = HB[0];
  const hb1 = HB[1];
  const hb2 = HB[2];
  const mel0 = MEL[0];
  const mel1 = MEL[1];
  const mel2 = MEL[2];
  const lut = EXP_NEG_LUT;
  const scale = OD_LUT_SCALE;
  const max = OD_LUT_SIZE;
  const { sheenPlastic, sheenEdema, sheenWet, plasticFlatten, edemaPuff, edemaDesat, edemaLighten, plasticDesat, plasticLighten, swellMm, reliefGain } = LOOK;
  const { reliefPerC1, reliefPerEp, reliefMinGain, scarFillPerC1, wrinkleGradeC1 } = LOOK;
  const invWrinkleC1 = 1 / wrinkleGradeC1;
  const pbR = baseLin[0]!;
  const pbG = baseLin[1]!;
  const pbB = baseLin[2]!;
  // Swelling rim: height swellMm·E, slope by central differences over cells, Lambert to first order.
  const swellK = (LIGHT_K * reliefGain * swellMm * cells) / (2 * sc.texture.patchMm);
  const { I: fI, R: fR, E, C3, C1, Ep: fEp, T: fT, Pg, W: fW } = f;
  let maxT = 0;
  let anyColour = 0;
  let anyPl = 0;
  let anyRelief = 0;
  let anySheen = 0;
  let anyC1 = 0;
  for (let y = box.iy0; y <= box.iy1; y++) {
    for (let x = box.ix0, i = y * cells + box.ix0; x <= box.ix1; x++, i++) {
      // Redness seen = inflammation + flare (the fast pool of the wheal-and-flare response; docs/appearance.md §1).
      const I = fI[i]! + fR[i]!;
      const Ei = E[i]!;
      const c3 = C3[i]!;
      const c1 = C1[i]!;
      const ep = fEp[i]!;
      const T = fT[i]!;
      const P = Pg[i]!;
      const W = fW[i]!;
      // Erythema h = 0.5·I; PIH m = k·Pg (docs/appearance.md §1); as transmittance per channel (OD → exp(−OD) by table).
      const h = I > 0 ? hPerI * I : 0;
      const m = P > 0 ? k * P : 0;
      let r = 1;
      let g = 1;
      let b = 1;
      if (h + m > 0) {
        let j = ((h * hb0 + m * mel0) * scale + 0.5) | 0;
        r = lut[j > max ? max : j]!;
        j = ((h * hb1 + m * mel1) * scale + 0.5) | 0;
        g = lut[j > max ? max : j]!;
        j = ((h * hb2 + m * mel2) * scale + 0.5) | 0;
        b = lut[j > max ? max : j]!;
      }
      const e = Ei > 0 ? (Ei < 1 ? Ei : 1) : 0;
      const p = plasticLookOf(T, c3, c1);
      const pli = p > 0 ? p : 0;
      if (e > 0 || pli > 0) {
        // Oedema and the waxy plastic look: the cell's mean colour desaturated toward its luminance and
        // lightened (a swollen or waxy, translucent surface).
        const lr = pbR * r;
        const lg = pbG * g;
        const lb = pbB * b;
        const lum = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
        const kd = edemaDesat * e + plasticDesat * pli;
        const kl = 1 + edemaLighten * e + plasticLighten * pli;
        r = ((lr + (lum - lr) * kd) * kl) / pbR;
        g = ((lg + (lum - lg) * kd) * kl) / pbG;
        b = ((lb + (lum - lb) * kd) * kl) / pbB;
        if (e > 0) {
          // Raised relief: the rim of a swollen zone catches or loses light.
          const sx = E[x < cells - 1 ? i + 1 : i]! - E[x > 0 ? i - 1 : i]!;
          const sy = E[y < cells - 1 ? i + cells : i]! - E[y > 0 ? i - cells : i]!;
          const lit = 1 + swellK * (sx + sy);
          r *= lit;
          g *= lit;
          b *= lit;
        }
      }
      if (r !== 1 || g !== 1 || b !== 1) anyColour++;
      tr[i] = r;
      tg[i] = g;
      tb[i] = b;
      const wi = W > 0 ? (W < 1 ? W : 1) : 0;
      // Scar depth × (1 − g·C1), g = 1.1 (Dogra 2014 [V]); wrinkles × e^(−C1/c_w), the wrinkle grade's share (LOOK).
      const s = c1 > 0 ? 1 - scarFillPerC1 * c1 : 1;
      const w = c1 > 0 ? Math.exp(-c1 * invWrinkleC1) : 1;
      pl[i] = pli;
      // Micro-relief: the gain of a course (mature collagen I and a thicker epidermis) makes it finer
      // (LOOK.reliefPerC1, [I] mapping, [D] constants); the plastic look flattens it, oedema puffs it up.
      let fine = 1 - reliefPerC1 * (c1 > 0 ? c1 : 0) - reliefPerEp * (ep > 0 ? ep : 0);
      fine = fine > reliefMinGain ? fine : reliefMinGain;
      const fr = fine * (1 - plasticFlatten * pli) * (1 - edemaPuff * e);
      rf[i] = fr;
      // Sheen of a shiny film: the waxy plastic look as an even film over the treated skin (gentle
      // variation with the surface's undulation, texture/sheen.ts wax); a wet or swollen surface where
      // the texture's broad highlight pattern puts it.
      const sh = sheenPlastic * pli * cellWax[i]! + (sheenEdema * e + sheenWet * wi) * cellSheen[i]!;
      sheen[i] = sh;
      sf[i] = s < 0 ? 0 : s > 1 ? 1 : s;
      wf[i] = w < 0 ? 0 : w > 1 ? 1 : w;
      t[i] = T > 0 ? T : 0;
      if (T > maxT) maxT = T;
      anyPl += pli;
      if (fr !== 1) anyRelief++;
      anySheen += sh;
      if (c1 !== 0) anyC1++;
    }
  }
  const a = sc.active;
  const tex = sc.texture;
  const colour = anyColour > 0 ? 1 : 0;
  a[SLOT.tr] = colour;
  a[SLOT.tg] = colour;
  a[SLOT.tb] = colour;
  a[SLOT.plastic] = anyPl > 0 ? 1 : 0;
  a[SLOT.relief] = anyRelief > 0 ? 1 : 0;
  a[SLOT.sheen] = anySheen > 0 ? 1 : 0;
  a[SLOT.scarFill] = tex.scars !== null && anyC1 > 0 ? 1 : 0;
  a[SLOT.wrinkleFill] = tex.wrinkles !== null && anyC1 > 0 ? 1 : 0;
  a[SLOT.t] = maxT > 0 ? 1 : 0;
  a[SLOT.value] = 0;
  a[SLOT.share] = 0;
  if (layer !== 'surface') {
    layerValues(f, layer, c[SLOT.value]!, c[SLOT.share]!, box, cells);
    a[SLOT.value] = 1;
    a[SLOT.share] = layer === 'collagen' ? 1 : 0;
    // A data layer reads only the relief factors and its value: skip interpolating the rest.
    a[SLOT.tr] = 0;
    a[SLOT.tg] = 0;
    a[SLOT.tb] = 0;
    a[SLOT.plastic] = 0;
    a[SLOT.sheen] = 0;
    a[SLOT.t] = 0;
  }
  return maxT;
}

/**
 * The data layer's value per cell of the box: erythema I + R (the readout's definition), the collagen
 * gain C3 + C1 with the collagen I share, or the field itself.
 */
function layerValues(f: ShadeFields, layer: Layer, value: Float32Array, share: Float32Array, box: CellBox, cells: number): void {
  const src = layer === 'edema' ? f.E : layer === 'capillaries' ? f.V : layer === 'pigment' ? f.Pg : layer === 'coverage' ? f.coverage : null;
  for (let y = box.iy0; y <= box.iy1; y++) {
    const from = y * cells + box.ix0;
    const to = y * cells + box.ix1 + 1;
    if (src !== null) {
      for (let i = from; i < to; i++) value[i] = src[i]!;
    } else if (layer === 'erythema') {
      for (let i = from; i < to; i++) value[i] = f.I[i]! + f.R[i]!;
    } else {
      for (let i = from; i < to; i++) {
        const c3 = f.C3[i]!;
        const c1 = f.C1[i]!;
        const g = c3 + c1;
        value[i] = g;
        share[i] = g > 1e-6 ? c1 / g : 0.5;
      }
    }
  }
}
