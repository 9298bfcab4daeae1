import { BASE_HEX, parseHex, phototypeIndex, skinColour } from './colour';
import { COL, sampleColumns, scratchFor } from './crossSectionColumns';
import { drawChannels, drawVessels } from './crossSectionOverlays';
import type { CrossSectionAnatomy, CrossSectionInput } from './crossSectionInput';
import { depthToY, drawDepthScale, SURFACE_FRACTION } from './crossSectionScale';
import { hash01 } from './texture/noise';

/**
 * A depth view along one row of the patch (a schematic histology section, not a micrograph): layers
 * from the anatomy of the region (docs/model.md §2), their state from the engine fields along the row,
 * and the needle channels of the punctures near the row. Depth runs down; the top SURFACE_FRACTION of
 * the picture is air, so swelling can raise the surface. A depth scale in mm runs down the right edge,
 * with the tip depth of the roller as set now (crossSectionScale.ts). Pure; per-size buffers are cached, so a call
 * allocates only a few small arrays (RGBA bytes, row-major).
 *
 * Drawn: epidermis (thickness e·(1 + Ep), tone by phototype, darker basal melanin line, undulating
 * rete ridges), papillary dermis (pink), reticular dermis (paler, fibrous), hypodermis (fat lobules),
 * capillary loops at their depth (fewer and broken where integrity V is low, dilated and darker where
 * telangiectasia T is high), the superficial plexus, inflammation (red tint ∝ I) and oedema (paler,
 * swollen ∝ E), new collagen (III: fine light-orange wavy fibres ∝ C3; I: denser pink-white bundles
 * ∝ C1), and needle channels down to each puncture's real depth (blood-filled when deeper than the
 * capillary loops, closing and fading over about a day).
 */

export type { CrossSectionAnatomy, CrossSectionInput } from './crossSectionInput';
export interface CrossSectionLabel {
  readonly text: string;
  /** Where the label sits, as a fraction of the height (spread so labels do not overlap). */
  readonly y: number;
  /** The depth the label refers to, as a fraction of the height (for a leader line). */
  readonly anchorY: number;
  readonly depthMm: number;
}

export { CHANNEL_LIFE_H } from './crossSectionOverlays';
export { SURFACE_FRACTION } from './crossSectionScale';
export { crossSectionScale, depthToY, type DepthScale, type DepthTick } from './crossSectionScale';

const AIR = parseHex('#eef3f7');
const CORNEUM = parseHex('#e8d6b0');
const PAPILLARY = parseHex('#f1c6c2');
const RETICULAR = parseHex('#f5e2d8');
const RETICULAR_FIBRE = parseHex('#e9cdbf');
const INFLAMED = parseHex('#e0584f');
const FAT = parseHex('#f8e9a8');
const FAT_EDGE = parseHex('#e3cf86');
const COLLAGEN_III = parseHex('#f6b27a');
const COLLAGEN_I = parseHex('#fbe4e8');
const COLLAGEN_I_EDGE = parseHex('#e6b8c0');

export function shadeCrossSection(input: CrossSectionInput, out: Uint8Array, widthPx: number, heightPx: number): void {
  const W = widthPx;
  const H = heightPx;
  if (!(W >= 1 && H >= 1) || out.length < W * H * 4) throw new RangeError(`out needs ${W}×${H} RGBA bytes`);
  const sc = scratchFor(W, H);
  const a = input.anatomy;
  const y0 = SURFACE_FRACTION * H;
  const mmPerPy = input.depthRangeMm / (H - y0);
  const [xa, xb] = input.xRangeMm ?? [0, input.patchMm];
  const mmPerPx = (xb - xa) / W;
  sampleColumns(sc, input, xa, mmPerPx);
  const c = sc.col;
  const pIdx = phototypeIndex(input.phototype);
  const epi = parseHex(BASE_HEX[pIdx]!);
  // Epidermis a little lighter than the surface colour; the basal layer carries the melanin.
  const epiTone = [epi[0] + (255 - epi[0]) * 0.25, epi[1] + (255 - epi[1]) * 0.25, epi[2] + (255 - epi[2]) * 0.25];
  const basal = skinColour(input.phototype, 0, 0.4 + 0.25 * pIdx, [0, 0, 0]);
  const dermisEnd = a.epidermisMm + a.dermisMm;
  const collagenEnd = a.epidermisMm + 0.6 * a.dermisMm;

  for (let py = 0; py < H; py++) {
    const z = (py + 0.5 - y0) * mmPerPy;
    let o = py * W * 4;
    for (let px = 0; px < W; px++, o += 4) {
      const top = c[COL.top]![px]!;
      let r: number;
      let g: number;
      let b: number;
      if (z < top) {
        r = AIR[0];
        g = AIR[1];
        b = AIR[2];
      } else {
        const epiEnd = c[COL.epi]![px]!;
        if (z < epiEnd) {
          const f = (z - top) / (epiEnd - top);
          // Stratum corneum ≈ 0.015 mm; basal melanin in the lowest quarter.
          if (z - top < 0.015) {
            r = CORNEUM[0];
            g = CORNEUM[1];
            b = CORNEUM[2];
          } else {
            const m = f > 0.75 ? (f - 0.75) / 0.25 : 0;
            r = epiTone[0]! + (basal[0]! - epiTone[0]!) * m;
            g = epiTone[1]! + (basal[1]! - epiTone[1]!) * m;
            b = epiTone[2]! + (basal[2]! - epiTone[2]!) * m;
          }
        } else if (z < dermisEnd) {
          // Dermis: papillary above the plexus, reticular (fibrous) below.
          if (z < a.plexusMm) {
            r = PAPILLARY[0];
            g = PAPILLARY[1];
            b = PAPILLARY[2];
          } else {
            const fib = ((py * 7 + ((c[COL.wave1]![px]! * 1.7) | 0)) & 7) === 0;
            const base = fib ? RETICULAR_FIBRE : RETICULAR;
            r = base[0];
            g = base[1];
            b = base[2];
          }
          // Inflammation: a red tint ∝ I, strongest under the epidermis.
          const depthW = 1 - (z - epiEnd) / (dermisEnd - epiEnd);
          const inf = Math.min(0.6, 0.45 * c[COL.I]![px]!) * depthW * depthW;
          r += (INFLAMED[0] - r) * inf;
          g += (INFLAMED[1] - g) * inf;
          b += (INFLAMED[2] - b) * inf;
          // Oedema: paler (fluid between the fibres) ∝ E.
          const pale = Math.min(0.45, 0.35 * c[COL.E]![px]!) * depthW;
          r += (255 - r) * pale;
          g += (255 - g) * pale;
          b += (255 - b) * pale;
          if (z < collagenEnd) {
            // New collagen fades out with depth through the upper reticular dermis.
            const fade = z < a.plexusMm ? 1 : 1 - (z - a.plexusMm) / (collagenEnd - a.plexusMm);
            // Collagen I: bundles 3 px thick every 7 px, in segments; density ∝ C1.
            const d1 = Math.min(0.95, c[COL.C1]![px]! * 3) * fade;
            if (d1 > 0) {
              const yy = py + c[COL.wave1]![px]!;
              const band = Math.floor(yy / 7);
              const fy = yy - band * 7;
              if (fy < 3 && hash01(band * 7919 + Math.floor((px + band * 13) / 24)) < d1) {
                const edge = fy < 0.8 || fy > 2.2;
                const col = edge ? COLLAGEN_I_EDGE : COLLAGEN_I;
                r = col[0];
                g = col[1];
                b = col[2];
              }
            }
            // Collagen III: fine wavy fibres 1 px thick every 3 px; density ∝ C3.
            const d3 = Math.min(0.95, c[COL.C3]![px]! * 3) * fade;
            if (d3 > 0) {
              const yy = py + c[COL.wave3]![px]!;
              const band = Math.floor(yy / 3);
              if (yy - band * 3 < 1 && hash01(band * 104729 + Math.floor((px + band * 5) / 12)) < d3) {
                r = COLLAGEN_III[0];
                g = COLLAGEN_III[1];
                b = COLLAGEN_III[2];
              }
            }
          }
        } else {
          // Hypodermis: fat lobules in offset rows.
          const ly = z / mmPerPy;
          const row = Math.floor(ly / 11);
          const lx = px + (row & 1) * 7;
          const edge = ly - row * 11 < 1 || lx % 14 < 1;
          const col = edge ? FAT_EDGE : FAT;
          r = col[0];
          g = col[1];
          b = col[2];
        }
      }
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
  drawVessels(out, W, H, c, a, y0, mmPerPy);
  drawChannels(out, W, H, c, input, xa, mmPerPx, y0, mmPerPy);
  if (input.depthScale !== false) drawDepthScale(out, W, H, input.depthRangeMm, input.needleTipMm);
}

/**
 * Labels for the layers, for accessible text beside the picture: the depth each refers to (`anchorY`)
 * and where to put it (`y`, pushed apart so neighbours do not overlap; fractions of the height).
 * Layers below the shown depth are left out.
 */
export function crossSectionLabels(anatomy: CrossSectionAnatomy, depthRangeMm: number, minGap = 0.07): CrossSectionLabel[] {
  const e = anatomy.epidermisMm;
  const end = e + anatomy.dermisMm;
  const items: { text: string; depthMm: number }[] = [
    { text: 'Epidermis', depthMm: e / 2 },
    { text: 'Capillary loops', depthMm: anatomy.capillaryLoopsMm },
    { text: 'Papillary dermis', depthMm: (e + anatomy.plexusMm) / 2 },
    { text: 'Superficial plexus', depthMm: anatomy.plexusMm },
    { text: 'Reticular dermis', depthMm: (anatomy.plexusMm + Math.min(end, depthRangeMm)) / 2 },
    { text: 'Hypodermis (fat)', depthMm: (end + depthRangeMm) / 2 },
  ];
  const toY = (d: number): number => depthToY(d, depthRangeMm);
  const labels: CrossSectionLabel[] = [];
  let last = -Infinity;
  for (const it of items) {
    if (it.text.startsWith('Hypodermis') && end >= depthRangeMm) continue;
    const anchorY = toY(it.depthMm);
    const y = Math.max(anchorY, last + minGap);
    last = y;
    labels.push({ text: it.text, y, anchorY, depthMm: it.depthMm });
  }
  return labels;
}
