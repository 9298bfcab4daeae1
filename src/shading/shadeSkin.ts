import { BASE_OD, EXP_NEG_LUT, GAMMA_LUT, GAMMA_LUT_SIZE, HB, HB_DEOXY, OD_LUT_SCALE, OD_LUT_SIZE, phototypeIndex } from './colour';
import { deriveCells } from './deriveCells';
import { LOOK } from './look';
import { drawPunctureMarks, updateTrainTracks } from './punctureMarks';
import { interpolateRow, NEUTRAL, scratchFor, SLOT, SLOTS, type ShadeScratch } from './shadeScratch';
import { shadeData } from './shadeData';
import type { SkinTexture } from './skinTexture';
import { staticShading } from './staticShading';
import type { Layer, PunctureView, ShadeFields } from './types';

/**
 * Engine fields → RGBA bytes (sizePx², row-major, top row at y = 0 mm, like iy = 0).
 *
 * Surface: the colour model of science.md §11. The Beer–Lambert sum OD_base + texture + h·HB + m·MEL
 * is evaluated as a product of transmittances: static colour per pixel (staticShading.ts) × field
 * factor per cell (deriveCells.ts: erythema, PIH, oedema), bilinearly interpolated; then visible
 * telangiectases, train tracks, relief light from the upper left (static per relief map, scaled by
 * what the fields leave of that relief; shade is warmer than light, LOOK.redShade), the sheen of a
 * shiny film (waxy, swollen or wet skin: a broad highlight where texture/sheen.ts puts it, folded into
 * the per-cell sheen, and broken up by the pores and furrows) and glints, and the puncture marks on top.
 * Data layers (shadeData.ts): the ramp of ramps.ts times the relative brightness of the surface.
 *
 * Budget: ≤ 12 ms for 640² px from 160² cells in Node on 2 cores (measured ≈ 10 ms for the surface
 * six hours after a session on an acne-scar texture, 11–11.6 ms with its 3600 puncture marks; 8–9 ms
 * for data layers). One 32-bit word is written per pixel. No allocation per call (but a typed-array
 * view of `out`): the scratch is built once per texture and grid, the static colour once per
 * phototype. Run it as ES modules (the app's
 * worker bundle, vitest, tsx inside this package): transpiled to CommonJS, every imported binding
 * becomes a getter call and the same loop runs ≈ 40 % slower.
 */
export interface ShadeOptions {
  readonly layer: Layer;
  /** Fitzpatrick phototype 1–6. */
  readonly phototype: number;
  /** Simulated hour now (puncture ages are hour − puncture hour). */
  readonly hour: number;
  /** Extra scale on drawn bleeding, clamped to [0, 1] (the log already holds the anticoagulant factor). */
  readonly bleedingFactor?: number;
}

/** Stand-in for absent optional maps: every map variable stays a Float32Array (one shape for the JIT). */
const EMPTY = new Float32Array(4);

export function shadeSkin(texture: SkinTexture, fields: ShadeFields, punctures: PunctureView | null, options: ShadeOptions, out: Uint8Array): void {
  const S = texture.sizePx;
  const cells = fields.cells;
  if (out.length < S * S * 4) throw new RangeError(`out needs ${S * S * 4} bytes, has ${out.length}`);
  if (fields.I.length !== cells * cells) throw new RangeError(`fields hold ${fields.I.length} cells, expected ${cells}²`);
  const sc = scratchFor(texture, cells);
  const pIndex = phototypeIndex(options.phototype);
  const maxT = deriveCells(sc, fields, options.layer, BASE_LIN[pIndex]!);
  const trackOn = punctures !== null && maxT > LOOK.trackT0 && updateTrainTracks(sc, punctures, options.hour) > 0;
  const vesselsOn = maxT > texture.minVesselThreshold;
  // T is read per pixel only for visible vessels and train tracks.
  if (!vesselsOn && !trackOn) sc.active[SLOT.t] = 0;
  if (options.layer === 'surface') {
    // The pixel loop writes one 32-bit word per pixel; a byte buffer not on a 4-byte boundary gets a copy.
    const aligned = (out.byteOffset & 3) === 0;
    const words = aligned ? new Uint32Array(out.buffer, out.byteOffset, S * S) : new Uint32Array(S * S);
    shadeSurface(sc, pIndex, vesselsOn, trackOn, words);
    if (!aligned) out.set(new Uint8Array(words.buffer, 0, S * S * 4));
  }
  else shadeData(sc, pIndex, options.layer, out);
  if (options.layer === 'surface' && punctures !== null) {
    const bf = Math.min(1, Math.max(0, options.bleedingFactor ?? 1));
    drawPunctureMarks(out, S, texture.mmPerPx, punctures, options.hour, bf);
  }
}

/** Byte order of a 32-bit word in memory: shifts of R, G, B and the opaque alpha bits (RGBA bytes). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SHIFT_R = LITTLE_ENDIAN ? 0 : 24;
const SHIFT_G = LITTLE_ENDIAN ? 8 : 16;
const SHIFT_B = LITTLE_ENDIAN ? 16 : 8;
const ALPHA_BITS = LITTLE_ENDIAN ? 0xff000000 | 0 : 0xff;

/** Base colour per phototype in linear RGB, exp(−OD_base). */
const BASE_LIN: readonly (readonly number[])[] = BASE_OD.map((od) => od.map((x) => Math.exp(-x)));

/** The surface: what a mirror shows. */
function shadeSurface(sc: ShadeScratch, pIndex: number, vesselsOn: boolean, trackOn: boolean, out32: Uint32Array): void {
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
  const neutral = sc.neutral;
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
  const spans = sc.spans;
  const spanCell = sc.spanCell;
  const spanFrom = sc.spanFrom;
  const spanTo = sc.spanTo;

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


  // Module bindings into locals once (see look.ts).
  const L = LOOK;
  const plasticEven = L.plasticEven;
  const glint = L.glint;
  const glintPlastic = L.glintPlastic;
  const sheenTexture = L.sheenTexture;
  const redShade = L.redShade;
  const fadeIn = L.vesselFadeIn;
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

  for (let py = 0; py < S; py++) {
    for (let k = 0; k < SLOTS; k++) {
      if (active[k] === 1) {
        interpolateRow(sc, k, py);
        neutral[k] = 0;
      } else if (neutral[k] === 0) {
        vr[k]!.fill(NEUTRAL[k]!);
        neutral[k] = 1;
      }
    }
    const row = py * S;
    for (let s = 0; s < spans; s++) {
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
      const end = spanTo[s]!;
      for (let px = spanFrom[s]!; px < end; px++) {
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
          pl = aPl + dPl * w;
          const even = 1 - plasticEven * pl;
          lr = pbR + (lr - pbR) * even;
          lg = pbG + (lg - pbG) * even;
          lb = pbB + (lb - pbB) * even;
        }
        lr *= aTr + dTr * w;
        lg *= aTg + dTg * w;
        lb *= aTb + dTb * w;
        if (hasT) {
          const t = aT + dT * w;
          if (vesselsOn && t > vesselThr[k]!) {
            // A visible telangiectasis: local blood h 0.8–1.5, wider vessels more venous (purple).
            const vis = (t - vesselThr[k]!) * fadeIn;
            const amp = vesselH[k]!;
            const vh = amp * (vis < 1 ? vis : 1);
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
        let diff = 1 + fr * dRelief;
        let glints = fr * fr * relief[k2 + 1]!;
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
        const spec = (aSh + dSh * w) * film + (glint + glintPlastic * pl) * glints;
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
