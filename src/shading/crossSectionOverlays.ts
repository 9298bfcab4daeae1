import { parseHex } from './colour';
import type { CrossSectionAnatomy, CrossSectionInput } from './crossSectionInput';
import { COL } from './crossSectionColumns';
import { blend } from './crossSectionScale';
import { BLEED_MIN, drawnBleeding, punctureSeed, punctureShare } from './punctureMarks';
import { hash01 } from './texture/noise';

/** Vessels and needle channels drawn over the layers of the cross-section (crossSection.ts). */

const VESSEL = parseHex('#c0392b');
const VESSEL_DILATED = parseHex('#8e1233');
const BLOOD = parseHex('#9f1a1a');
const CLOT = parseHex('#580f12');
const CHANNEL = parseHex('#fffaf2');

/** Channels close and fade within this many hours (Kalluri 2011: closed by 12–18 h; drawn to ≈ 1 day). */
export const CHANNEL_LIFE_H = 24;

/**
 * Capillary loops (schematic: one every 6 px; real papillae are 0.1–0.2 mm apart): hairpins about
 * 0.1 mm tall with their apex at capillaryLoopsMm; and the superficial plexus as a wavy band of vessels.
 */
export function drawVessels(out: Uint8Array, W: number, H: number, c: Float32Array[], a: CrossSectionAnatomy, y0: number, mmPerPy: number): void {
  const yCap = y0 + a.capillaryLoopsMm / mmPerPy;
  const yPlx = y0 + a.plexusMm / mmPerPy;
  const spacing = 6;
  for (let li = 0; li * spacing < W; li++) {
    const xc = li * spacing + 3;
    if (xc >= W) break;
    const V = c[COL.V]![xc]!;
    const T = c[COL.T]![xc]!;
    const exists = hash01(li * 2654435761 + 11);
    // Fewer loops where integrity is low; some of the rest are broken at the apex.
    if (exists > 0.15 + 0.85 * V) continue;
    const broken = hash01(li * 40503 + 7) > 0.2 + 0.8 * V;
    const dil = Math.min(1, T * 3);
    const hw = 1 + 1.2 * dil;
    const col = mix(VESSEL, VESSEL_DILATED, dil, TMP);
    const alpha = 0.85;
    const top = yCap + hw;
    const bottom = Math.min(yPlx, top + Math.max(4, 0.1 / mmPerPy));
    // Legs.
    for (let y = Math.floor(top); y < bottom && y < H; y++) {
      blend(out, W, H, Math.round(xc - hw), y, col, alpha);
      blend(out, W, H, Math.round(xc + hw), y, col, alpha);
    }
    // Apex: a half circle of radius hw.
    if (!broken) {
      for (let s = 0; s <= 8; s++) {
        const ang = Math.PI * (s / 8);
        blend(out, W, H, Math.round(xc - hw * Math.cos(ang)), Math.round(top - hw * Math.sin(ang)), col, alpha);
      }
    }
  }
  // Plexus: two wavy vessel lines, thicker and darker where T is high.
  for (let px = 0; px < W; px++) {
    const T = c[COL.T]![px]!;
    const V = c[COL.V]![px]!;
    const dil = Math.min(1, T * 3);
    const col = mix(VESSEL, VESSEL_DILATED, dil, TMP);
    for (let v = 0; v < 2; v++) {
      // Gaps where capillary integrity is low.
      if (hash01(Math.floor(px / 9) * 31 + v * 977) > 0.3 + 0.7 * V) continue;
      const y = yPlx + (v === 0 ? -1.5 : 1.5) + 1.2 * Math.sin(px * 0.09 + v * 2.1);
      const thick = 1 + dil * 1.5;
      for (let t = -thick / 2; t <= thick / 2; t += 1) blend(out, W, H, px, Math.round(y + t), col, 0.8);
    }
  }
}

/**
 * Needle channels from the surface down to each puncture's real depth, closing over CHANNEL_LIFE_H;
 * blood-filled where the surface draws the puncture's blood dot (drawnBleeding, the same rule).
 */
export function drawChannels(out: Uint8Array, W: number, H: number, c: Float32Array[], input: CrossSectionInput, xa: number, mmPerPx: number, y0: number, mmPerPy: number): void {
  const p = input.punctures;
  const capMm = input.anatomy.capillaryLoopsMm;
  const factor = input.bleedingFactor ?? 1;
  for (let k = 0; k < p.count; k++) {
    const age = input.hour - p.hour[k]!;
    if (age < 0 || age >= CHANNEL_LIFE_H) continue;
    const px = Math.floor((p.xMm[k]! - xa) / mmPerPx);
    if (px < 0 || px >= W) continue;
    const life = 1 - age / CHANNEL_LIFE_H;
    const depth = p.depthMm[k]!;
    const top = c[COL.top]![px]!;
    const bleeds = drawnBleeding(depth, capMm, factor, punctureShare(punctureSeed(p.xMm[k]!, p.yMm[k]!))) > BLEED_MIN;
    // Blood darkens as it clots; an empty channel is pale.
    const dark = Math.min(1, age / 6);
    const col = bleeds ? mix(BLOOD, CLOT, dark, TMP) : CHANNEL;
    const alpha = Math.min(1, 0.35 + 0.65 * life);
    // Width: 3 px when fresh, narrowing as the channel closes (1 px in its last hours).
    const half = life > 0.66 ? 1 : 0;
    for (let py = 0; py < H; py++) {
      const z = (py + 0.5 - y0) * mmPerPy;
      if (z < top) continue;
      if (z > depth) break;
      for (let dx = -half; dx <= half; dx++) blend(out, W, H, px + dx, py, col, dx === 0 ? alpha : alpha * 0.6);
    }
  }
}

/** a + (b − a)·t per channel, written to `out`. */
function mix(a: readonly number[], b: readonly number[], t: number, out: number[]): number[] {
  out[0] = a[0]! + (b[0]! - a[0]!) * t;
  out[1] = a[1]! + (b[1]! - a[1]!) * t;
  out[2] = a[2]! + (b[2]! - a[2]!) * t;
  return out;
}
const TMP = [0, 0, 0];

