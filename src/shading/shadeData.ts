import { GAMMA_LUT, GAMMA_LUT_SIZE, hexToLinear } from './colour';
import { LOOK } from './look';
import { buildRampLut, RAMP_LUT_SIZE, RAMPS, TARGET_LINE_HEX, TARGET_PASSES, type DataLayer, type RampLut } from './ramps';
import { prepareRow, SLOT, type CellBox, type PixelRect, type ShadeScratch } from './shadeScratch';
import { staticShading } from './staticShading';

/** Stand-in for absent optional maps (see shadeSkin.ts). */
const EMPTY = new Float32Array(4);
const TARGET_LINE = hexToLinear(TARGET_LINE_HEX);

/**
 * Ramp tables per data layer. A layer with a secondary ramp (collagen) gets a 2-D table instead:
 * value × share of the primary (collagen I) in SHARE_STEPS steps, mixed in linear RGB.
 */
const SHARE_STEPS = 16;
const LUTS = new Map<DataLayer, { a: RampLut; mix: Float32Array | null }>();
function rampLuts(layer: DataLayer): { a: RampLut; mix: Float32Array | null } {
  let l = LUTS.get(layer);
  if (l === undefined) {
    const r = RAMPS[layer];
    const a = buildRampLut(r.stops);
    let mix: Float32Array | null = null;
    if (r.secondary !== undefined) {
      const b = buildRampLut(r.secondary.stops);
      mix = new Float32Array(RAMP_LUT_SIZE * (SHARE_STEPS + 1) * 3);
      for (let i = 0; i < RAMP_LUT_SIZE; i++) {
        for (let q = 0; q <= SHARE_STEPS; q++) {
          for (let c = 0; c < 3; c++) {
            const pa = a.rgb[i * 3 + c]!;
            const pb = b.rgb[i * 3 + c]!;
            mix[(i * (SHARE_STEPS + 1) + q) * 3 + c] = pb + ((pa - pb) * q) / SHARE_STEPS;
          }
        }
      }
    }
    l = { a, mix };
    LUTS.set(layer, l);
  }
  return l;
}
/**
 * A data layer: the ramp colour × the relative brightness of the surface (static luminance × relief
 * light), a desaturated copy of the skin that keeps pores, scars and texture recognisable. Flat
 * untextured skin gives a factor of 1, so the pixel shows the legend colour exactly.
 */
export function shadeData(sc: ShadeScratch, pIndex: number, layer: DataLayer, out: Uint8Array, rect: PixelRect, ext: PixelRect, box: CellBox): void {
  const S = sc.texture.sizePx;
  const statics = staticShading(sc, pIndex);
  const lum = statics.luminance;
  const vr = sc.vrow;
  const vRf = vr[SLOT.relief]!;
  const vSf = vr[SLOT.scarFill]!;
  const vWf = vr[SLOT.wrinkleFill]!;
  const vV = vr[SLOT.value]!;
  const vShare = vr[SLOT.share]!;
  const colW = sc.colW;
  const spanCell = sc.spanCell;
  const spanFrom = sc.spanFrom;
  const spanTo = sc.spanTo;
  // `ext` may start a pixel left of and above `rect` (coverage: its neighbours are computed, not written).
  const sFirst = sc.colSpan[ext.x0]!;
  const sLast = sc.colSpan[ext.x1 - 1]!;
  const x0 = ext.x0;
  const x1 = ext.x1;
  const wx0 = rect.x0;
  const wy0 = rect.y0;
  const c0 = box.ix0;
  const c1 = box.ix1;
  const none = EMPTY;
  const relief = statics.relief;
  const hasScars = statics.scars !== null;
  const hasWr = statics.wrinkles !== null;
  const scars = statics.scars ?? none;
  const wr = statics.wrinkles ?? none;
  const luts = rampLuts(layer);
  const lutA = luts.a.rgb;
  const lutMix = luts.mix ?? none;
  const shareSteps = SHARE_STEPS;
  const lutMin = luts.a.min;
  const lutInv = luts.a.invStep;
  const lutTop = RAMP_LUT_SIZE - 1;
  const isCollagen = layer === 'collagen';
  const isCoverage = layer === 'coverage';
  const prevBand = sc.prevBand;
  const line = TARGET_LINE;
  const targetPasses = TARGET_PASSES;
  const shadeMin = LOOK.layerShadeMin;
  const shadeMax = LOOK.layerShadeMax;
  const gammaLut = GAMMA_LUT;
  const gMax = GAMMA_LUT_SIZE;

  for (let py = ext.y0; py < ext.y1; py++) {
    prepareRow(sc, py, c0, c1);
    const row = py * S;
    let bandLeft = 0;
    for (let s = sFirst; s <= sLast; s++) {
      const i = spanCell[s]!;
      const aRf = vRf[i]!;
      const dRf = vRf[i + 1]! - aRf;
      const aSf = vSf[i]!;
      const dSf = vSf[i + 1]! - aSf;
      const aWf = vWf[i]!;
      const dWf = vWf[i + 1]! - aWf;
      const aV = vV[i]!;
      const dV = vV[i + 1]! - aV;
      const aShare = vShare[i]!;
      const dShare = vShare[i + 1]! - aShare;
      const from = spanFrom[s]!;
      const to = spanTo[s]!;
      const end = to < x1 ? to : x1;
      for (let px = from > x0 ? from : x0; px < end; px++) {
        const w = colW[px]!;
        const k = row + px;
        const k2 = 2 * k;
        let diff = 1 + (aRf + dRf * w) * relief[k2]!;
        if (hasScars) diff += (aSf + dSf * w) * scars[k2]!;
        if (hasWr) diff += (aWf + dWf * w) * wr[k2]!;
        let ratio = lum[k]! * (diff < 0.2 ? 0.2 : diff);
        ratio = ratio < shadeMin ? shadeMin : ratio > shadeMax ? shadeMax : ratio;
        const v = aV + dV * w;
        let li = ((v - lutMin) * lutInv + 0.5) | 0;
        li = li < 0 ? 0 : li > lutTop ? lutTop : li;
        let cr: number;
        let cg: number;
        let cb: number;
        if (isCollagen) {
          // Share of collagen I: 1 → primary (purple) ramp, 0 → secondary (orange).
          const j = (li * (shareSteps + 1) + (((aShare + dShare * w) * shareSteps + 0.5) | 0)) * 3;
          cr = lutMix[j]!;
          cg = lutMix[j + 1]!;
          cb = lutMix[j + 2]!;
        } else {
          const j = li * 3;
          cr = lutA[j]!;
          cg = lutA[j + 1]!;
          cb = lutA[j + 2]!;
        }
        if (isCoverage) {
          // A one-pixel line where coverage crosses the target (against the left and the upper pixel).
          const band = v >= targetPasses ? 1 : 0;
          const edge = (px > 0 && band !== bandLeft) || (py > 0 && band !== prevBand[px]);
          prevBand[px] = band;
          bandLeft = band;
          if (edge) {
            cr = line[0];
            cg = line[1];
            cb = line[2];
            ratio = 1;
          }
          if (px < wx0 || py < wy0) continue;
        }
        let gr = (cr * ratio * gMax + 0.5) | 0;
        let gg = (cg * ratio * gMax + 0.5) | 0;
        let gb = (cb * ratio * gMax + 0.5) | 0;
        gr = gr > gMax ? gMax : gr;
        gg = gg > gMax ? gMax : gg;
        gb = gb > gMax ? gMax : gb;
        const o4 = 4 * k;
        out[o4] = gammaLut[gr]!;
        out[o4 + 1] = gammaLut[gg]!;
        out[o4 + 2] = gammaLut[gb]!;
        out[o4 + 3] = 255;
      }
    }
  }
}
