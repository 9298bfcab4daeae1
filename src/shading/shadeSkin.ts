import { DEFAULT_PARAMS, resolveAnatomy } from '../engine/index';
import { BASE_OD, EXP_NEG_LUT, GAMMA_LUT, GAMMA_LUT_SIZE, HB, HB_DEOXY, OD_LUT_SCALE, OD_LUT_SIZE, phototypeIndex } from './colour';
import { deriveCells } from './deriveCells';
import { LOOK } from './look';
import { drawPunctureMarks, updateTrainTracks } from './punctureMarks';
import { cellsReadBy, prepareRow, scratchFor, SLOT, type CellBox, type PixelRect, type ShadeScratch } from './shadeScratch';
import { shadeData } from './shadeData';
import type { SkinTexture } from './skinTexture';
import { staticShading } from './staticShading';
import type { Layer, PunctureView, ShadeFields } from './types';

/**
 * Engine fields → RGBA bytes (sizePx², row-major, top row at y = 0 mm, like iy = 0).
 *
 * Surface: the colour model of docs/appearance.md §1 (Tsumura 2003 style). The Beer–Lambert sum
 * OD_base + texture + h·HB + m·MEL is evaluated as a product of transmittances: static colour per pixel
 * (staticShading.ts) × field factor per cell (deriveCells.ts: erythema from I + R, i.e. inflammation
 * plus the flare, PIH, oedema, the waxy plastic look), bilinearly interpolated; then visible
 * telangiectases, train tracks, relief light from the upper left (static per relief map, scaled by
 * what the fields leave of that relief; shade is warmer than light, LOOK.redShade), the sheen of a
 * shiny film (an even waxy film on plastic skin; a broad highlight on wet or swollen skin where
 * texture/sheen.ts puts it) broken up by the pores and furrows, glints, and the puncture marks on top.
 * Data layers (shadeData.ts): the ramp of ramps.ts times the relative brightness of the surface.
 *
 * Whole frames (`shadeSkin`) or any rectangle of one (`shadeSkinRect`, same bytes inside it): a stroke
 * re-shades only the cells it touched (dirtyRect.ts).
 *
 * Budget: ≤ 12 ms for 640² px from 160² cells in Node on 2 cores (measured ≈ 10 ms for the surface
 * six hours after a session on an acne-scar texture, 11–11.6 ms with its 3600 puncture marks; 8–9 ms
 * for data layers; bench/shadingCases.ts). One 32-bit word is written per pixel. No allocation per
 * call (but a typed-array view of `out`): the scratch is built once per texture and grid, the static
 * colour once per phototype. Run it as ES modules (the app's worker bundle, vitest, tsx inside this
 * package): transpiled to CommonJS, every imported binding becomes a getter call and the same loop
 * runs ≈ 40 % slower.
 */
export interface ShadeOptions {
  readonly layer: Layer;
  /** Fitzpatrick phototype 1–6. */
  readonly phototype: number;
  /** Simulated hour now (puncture ages are hour − puncture hour). */
  readonly hour: number;
  /**
   * Anticoagulant multiplier on drawn bleeding (the engine's `bleedingFactor`; 1 none, 0 draws no
   * blood), clamped to [0, 3]. Default 1.
   */
  readonly bleedingFactor?: number;
  /**
   * Depths of the region (the engine's `anatomy`): punctures bleed only where they pass the capillary
   * loops (docs/appearance.md §2). Default: the cheek of the default parameters.
   */
  readonly anatomy?: ShadeAnatomy;
}

/** The anatomy the shader needs (a subset of the engine's `Anatomy`). */
export interface ShadeAnatomy {
  readonly capillaryLoopsMm: number;
}

const DEFAULT_ANATOMY: ShadeAnatomy = resolveAnatomy(DEFAULT_PARAMS, 'cheek');

/** Stand-in for absent optional maps: every map variable stays a Float32Array (one shape for the JIT). */
const EMPTY = new Float32Array(4);

/** Shades the whole frame (sizePx² RGBA bytes in `out`). */
export function shadeSkin(texture: SkinTexture, fields: ShadeFields, punctures: PunctureView | null, options: ShadeOptions, out: Uint8Array): void {
  shadeSkinRect(texture, fields, punctures, options, out, { x0: 0, y0: 0, x1: texture.sizePx, y1: texture.sizePx });
}

/**
 * Shades only the pixels of `rect` (half-open, clipped to the frame) into the full-frame buffer `out`
 * (sizePx² RGBA); every other byte is left as it is. Inside the rectangle the bytes are identical to
 * those of a full `shadeSkin` with the same inputs (tests/unit/shading/dirtyRect.test.ts), so a stroke
 * can re-shade just what it touched (see dirtyRect.ts for the rectangle) on top of the last full frame.
 * Cost is proportional to the rectangle's area (plus a scan of the puncture log's last 30 h).
 */
export function shadeSkinRect(
  texture: SkinTexture,
  fields: ShadeFields,
  punctures: PunctureView | null,
  options: ShadeOptions,
  out: Uint8Array,
  rect: PixelRect,
): void {
  const S = texture.sizePx;
  const cells = fields.cells;
  if (out.length < S * S * 4) throw new RangeError(`out needs ${S * S * 4} bytes, has ${out.length}`);
  if (fields.I.length !== cells * cells) throw new RangeError(`fields hold ${fields.I.length} cells, expected ${cells}²`);
  const r = clipRect(rect, S);
  if (r === null) return;
  const sc = scratchFor(texture, cells);
  const pIndex = phototypeIndex(options.phototype);
  const isData = options.layer !== 'surface';
  // The coverage layer's target line compares each pixel with its left and upper neighbours: those
  // are computed (not written) too.
  const ext = options.layer === 'coverage' ? extendUpLeft(r, EXT) : r;
  const box = cellsReadBy(sc, ext, BOX);
  const maxT = deriveCells(sc, fields, options.layer, BASE_LIN[pIndex]!, box);
  // Vessels and train tracks can only show where T reaches their thresholds (pixel t ≤ max T of the
  // cells it reads): skipping them below is exact, so a rectangle and the full frame agree.
  const trackOn = punctures !== null && maxT > LOOK.trackT0 && updateTrainTracks(sc, punctures, options.hour) > 0;
  const vesselsOn = maxT >= texture.minVesselThreshold;
  // T is read per pixel only for visible vessels and train tracks.
  if (!vesselsOn && !trackOn) sc.active[SLOT.t] = 0;
  if (!isData) {
    // The pixel loop writes one 32-bit word per pixel; a byte buffer not on a 4-byte boundary gets a copy.
    const aligned = (out.byteOffset & 3) === 0;
    const words = aligned ? new Uint32Array(out.buffer, out.byteOffset, S * S) : new Uint32Array(S * S);
    if (!aligned) words.set(new Uint32Array(out.slice(0, S * S * 4).buffer));
    shadeSurface(sc, pIndex, vesselsOn, trackOn, words, r, box);
    if (!aligned) out.set(new Uint8Array(words.buffer, 0, S * S * 4));
    if (punctures !== null) {
      BLEED.capillaryLoopsMm = (options.anatomy ?? DEFAULT_ANATOMY).capillaryLoopsMm;
      BLEED.factor = options.bleedingFactor ?? 1;
      BLEED.clip = r;
      drawPunctureMarks(out, S, texture.mmPerPx, punctures, options.hour, BLEED);
    }
  } else shadeData(sc, pIndex, options.layer, out, r, ext, box);
}

/** Scratch boxes and specs (no allocation per call). */
const BOX: CellBox = { ix0: 0, iy0: 0, ix1: -1, iy1: -1 };
const BLEED: { capillaryLoopsMm: number; factor: number; clip: PixelRect } = { capillaryLoopsMm: 0, factor: 1, clip: { x0: 0, y0: 0, x1: 0, y1: 0 } };
const EXT = { x0: 0, y0: 0, x1: 0, y1: 0 };

/** `rect` clipped to the frame; null if empty. */
function clipRect(rect: PixelRect, S: number): PixelRect | null {
  const x0 = Math.max(0, Math.floor(rect.x0));
  const y0 = Math.max(0, Math.floor(rect.y0));
  const x1 = Math.min(S, Math.ceil(rect.x1));
  const y1 = Math.min(S, Math.ceil(rect.y1));
  if (!(x1 > x0 && y1 > y0)) return null;
  return x0 === rect.x0 && y0 === rect.y0 && x1 === rect.x1 && y1 === rect.y1 ? rect : { x0, y0, x1, y1 };
}

function extendUpLeft(r: PixelRect, into: { x0: number; y0: number; x1: number; y1: number }): PixelRect {
  into.x0 = r.x0 > 0 ? r.x0 - 1 : 0;
  into.y0 = r.y0 > 0 ? r.y0 - 1 : 0;
  into.x1 = r.x1;
  into.y1 = r.y1;
  return into;
}

/** Byte order of a 32-bit word in memory: shifts of R, G, B and the opaque alpha bits (RGBA bytes). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SHIFT_R = LITTLE_ENDIAN ? 0 : 24;
const SHIFT_G = LITTLE_ENDIAN ? 8 : 16;
const SHIFT_B = LITTLE_ENDIAN ? 16 : 8;
const ALPHA_BITS = LITTLE_ENDIAN ? 0xff000000 | 0 : 0xff;

/** Base colour per phototype in linear RGB, exp(−OD_base). */
const BASE_LIN: readonly (readonly number[])[] = BASE_OD.map((od) => od.map((x) => Math.exp(-x)));

/**
 * How much of a dermal vessel's absorption shows, per phototype: the vessel lies under the epidermis,
 * whose melanin absorbs light on the way in and out, so on darker skin a larger share of what the eye
 * gets never reached the vessel. exp(−κ·ΔOD_green), ΔOD the base OD above type I's, κ = 0.5: type III
 * keeps ≈ 80 %, type VI ≈ 40 % of the vessel's h [D]. (Erythema keeps h = 0.5·(I + R) of docs/appearance.md §1 unscaled: its
 * calibration to COLIPA's Δa* already holds for every type.)
 */
const VESSEL_VISIBILITY: readonly number[] = BASE_OD.map((od) => Math.exp(-0.5 * (od[1]! - BASE_OD[0]![1]!)));

/** The surface (what a mirror shows), over the pixels of `rect`; `box` holds the cells it reads. */
function shadeSurface(sc: ShadeScratch, pIndex: number, vesselsOn: boolean, trackOn: boolean, out32: Uint32Array, rect: PixelRect, box: CellBox): void {
  const tex = sc.texture;
  const S = tex.sizePx;
  const statics = staticShading(sc, pIndex);
  const stat = statics.colour;
  // Base colour: the plastic look evens the static colour toward it.
  const baseLin = BASE_LIN[pIndex]!;
  const pbR = baseLin[0]!;
  const pbG = baseLin[1]!;
  const pbB = baseLin[2]!;

  const active = sc.active;
  const vr = sc.vrow;
  const vTr = vr[SLOT.tr]!;
  const vTg = vr[SLOT.tg]!;
  const vTb = vr[SLOT.tb]!;
  const vPl = vr[SLOT.plastic]!;
  const vRf = vr[SLOT.relief]!;
  const vSheen = vr[SLOT.sheen]!;
  const vSf = vr[SLOT.scarFill]!;
  const vWf = vr[SLOT.wrinkleFill]!;
  const vT = vr[SLOT.t]!;
  const colW = sc.colW;
  const spanCell = sc.spanCell;
  const spanFrom = sc.spanFrom;
  const spanTo = sc.spanTo;
  const sFirst = sc.colSpan[rect.x0]!;
  const sLast = sc.colSpan[rect.x1 - 1]!;
  const x0 = rect.x0;
  const x1 = rect.x1;
  const c0 = box.ix0;
  const c1 = box.ix1;

  const none = EMPTY;
  const relief = statics.relief;
  const hasScars = statics.scars !== null;
  const hasWr = statics.wrinkles !== null;
  const hasT = vesselsOn || trackOn;
  const plOn = active[SLOT.plastic] === 1;
  const sR = SHIFT_R;
  const sG = SHIFT_G;
  const sB = SHIFT_B;
  const alpha = ALPHA_BITS;
  const scars = statics.scars ?? none;
  const wr = statics.wrinkles ?? none;
  const track = sc.track ?? none;
  const vesselThr = tex.vessels.threshold;
  const vesselH = tex.vessels.h;
  const vesselCore = tex.vessels.core;
  const vesselVis = VESSEL_VISIBILITY[pIndex]!;

  // Module bindings into locals once (see look.ts).
  const L = LOOK;
  const plasticEven = L.plasticEven;
  const glint = L.glint;
  const glintPlastic = L.glintPlastic;
  const sheenTexture = L.sheenTexture;
  const redShade = L.redShade;
  const fadeIn = L.vesselFadeIn;
  const axisShare = L.vesselAxisShare;
  const purple = L.vesselPurple;
  const trackPale = L.trackPale;
  const trackT0 = L.trackT0;
  const trackInv = 1 / (L.trackT1 - L.trackT0);
  const expLut = EXP_NEG_LUT;
  const odScale = OD_LUT_SCALE;
  const odMax = OD_LUT_SIZE;
  const gammaLut = GAMMA_LUT;
  const gMax = GAMMA_LUT_SIZE;
  const hb0 = HB[0];
  const hb1 = HB[1];
  const hb2 = HB[2];
  const dx0 = HB_DEOXY[0];
  const dx1 = HB_DEOXY[1];
  const dx2 = HB_DEOXY[2];

  for (let py = rect.y0; py < rect.y1; py++) {
    prepareRow(sc, py, c0, c1);
    const row = py * S;
    for (let s = sFirst; s <= sLast; s++) {
      // Per span: each slot's value at the left cell centre and its change to the right one.
      const i = spanCell[s]!;
      const aTr = vTr[i]!;
      const dTr = vTr[i + 1]! - aTr;
      const aTg = vTg[i]!;
      const dTg = vTg[i + 1]! - aTg;
      const aTb = vTb[i]!;
      const dTb = vTb[i + 1]! - aTb;
      const aPl = vPl[i]!;
      const dPl = vPl[i + 1]! - aPl;
      const aRf = vRf[i]!;
      const dRf = vRf[i + 1]! - aRf;
      const aSh = vSheen[i]!;
      const dSh = vSheen[i + 1]! - aSh;
      const aSf = vSf[i]!;
      const dSf = vSf[i + 1]! - aSf;
      const aWf = vWf[i]!;
      const dWf = vWf[i + 1]! - aWf;
      const aT = vT[i]!;
      const dT = vT[i + 1]! - aT;
      const from = spanFrom[s]!;
      const to = spanTo[s]!;
      const end = to < x1 ? to : x1;
      for (let px = from > x0 ? from : x0; px < end; px++) {
        const w = colW[px]!;
        const k = row + px;
        const k3 = 3 * k;
        const fr = aRf + dRf * w;
        // Colour: static colour evened toward the base by the plastic look, times the cell factors.
        let pl = 0;
        let lr = stat[k3]!;
        let lg = stat[k3 + 1]!;
        let lb = stat[k3 + 2]!;
        if (plOn) {
          // Written so that pl = 0 leaves the colour bit for bit (a rectangle may skip this branch).
          pl = aPl + dPl * w;
          const even = plasticEven * pl;
          lr += (pbR - lr) * even;
          lg += (pbG - lg) * even;
          lb += (pbB - lb) * even;
        }
        lr *= aTr + dTr * w;
        lg *= aTg + dTg * w;
        lb *= aTb + dTb * w;
        if (hasT) {
          const t = aT + dT * w;
          const thr = vesselThr[k]!;
          // A visible telangiectasis: local blood h up to 0.8–1.5 on the axis (docs/appearance.md §3), wider vessels
          // more venous (purple). Just above its threshold only the axis shows, faint; over ΔT = 0.1
          // it widens to its full width and strength (texture/vessels.ts).
          let q = 0;
          let vis = 0;
          if (vesselsOn && t >= thr) {
            vis = (t - thr) * fadeIn;
            vis = vis < 1 ? vis : 1;
            const drawn = axisShare + (1 - axisShare) * vis;
            q = (vesselCore[k]! - 1 + drawn) / drawn;
          }
          if (q > 0) {
            const amp = vesselH[k]!;
            // Profile 1 − (d/r)² across the vessel: soft walls (light scattered in the dermis blurs them).
            const vh = amp * vesselVis * (0.5 + 0.5 * vis) * q;
            const pf = amp > 0.8 ? (amp - 0.8) * purple : 0;
            const ho = vh * (1 - pf);
            const hd = vh * pf;
            let j = ((ho * hb0 + hd * dx0) * odScale) | 0;
            lr *= expLut[j < odMax ? j : odMax]!;
            j = ((ho * hb1 + hd * dx1) * odScale) | 0;
            lg *= expLut[j < odMax ? j : odMax]!;
            j = ((ho * hb2 + hd * dx2) * odScale) | 0;
            lb *= expLut[j < odMax ? j : odMax]!;
          }
          if (trackOn && t > trackT0) {
            // Train tracks: faint pale dots where the course was overdone.
            const g = (t - trackT0) * trackInv;
            const pale = 1 + trackPale * track[k]! * (g < 1 ? g : 1);
            lr *= pale;
            lg *= pale;
            lb *= pale;
          }
        }
        // Light: static diffuse change D and glint G per relief map, scaled by what the fields leave of
        // each relief (staticShading.ts): micro-relief × its factor, scars and wrinkles × unfilled depth.
        const k2 = 2 * k;
        const dRelief = relief[k2]!;
        const gRelief = relief[k2 + 1]!;
        let diff = 1 + fr * dRelief;
        let glints = fr * fr * gRelief;
        if (hasScars) {
          const sf = aSf + dSf * w;
          diff += sf * scars[k2]!;
          glints += sf * sf * scars[k2 + 1]!;
        }
        if (hasWr) {
          const wf = aWf + dWf * w;
          diff += wf * wr[k2]!;
          glints += wf * wf * wr[k2 + 1]!;
        }
        if (diff < 0.2) diff = 0.2;
        // Sheen: the broad highlight of a shiny film, broken up by the relief it lies on: pores and
        // furrows, however flattened, stay dull specks in it (the film does not bridge them).
        let film = diff + sheenTexture * dRelief;
        film = film > 0 ? film : 0;
        // Glints: facets of the relief tilted toward the mirror direction. A waxy film is smoother than
        // skin (a narrower, brighter lobe): it still mirrors the light where it follows the furrow walls
        // and pore rims, however flat they now shade, so plastic skin sparkles finely (pl = 0 adds 0).
        const spec = (aSh + dSh * w) * film + glint * glints + glintPlastic * pl * gRelief;
        // Light scattered under the skin reaches shade mostly as red: red changes less than G and B.
        lr = lr * (1 + redShade * (diff - 1)) + spec;
        lg = lg * diff + spec;
        lb = lb * diff + spec;
        let gr = (lr * gMax + 0.5) | 0;
        let gg = (lg * gMax + 0.5) | 0;
        let gb = (lb * gMax + 0.5) | 0;
        // Every term is ≥ 0 (transmittances, diff ≥ 0.2, sheen and glints), so only the top needs a clamp.
        gr = gr > gMax ? gMax : gr;
        gg = gg > gMax ? gMax : gg;
        gb = gb > gMax ? gMax : gb;
        out32[k] = (gammaLut[gr]! << sR) | (gammaLut[gg]! << sG) | (gammaLut[gb]! << sB) | alpha;
      }
    }
  }
}
