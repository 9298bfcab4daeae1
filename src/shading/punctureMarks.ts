import { hash01 } from './texture/noise';
import { MIN_RADIUS_PX, smoothstep, stampDome } from './texture/stamp';
import type { PixelRect, ShadeScratch } from './shadeScratch';
import type { PunctureView } from './types';
import { HOURS_PER_DAY } from '../engine/index';

/**
 * Marks at the exact puncture positions (docs/appearance.md §2: rendering keeps the real sites, not the kernel):
 * - pinpoint bleeding, only where the puncture passed the capillary loops (depth from the log against
 *   the region's capillaryLoopsMm, docs/model.md §2): dots 0.1–0.3 mm whose size and darkness grow with
 *   how far past the loops the needle went, full at BLEED_FULL_MM [D]; fresh dark red (#9f1a1a) with a
 *   wet highlight, a darker matte crust within hours, gone in about a day (colour sequence:
 *   oral-pathology atlas [P]; timing [D]). A 0.25 mm roller (real depth ≈ 0.125 mm against loops at
 *   0.13 mm on the cheek) leaves at most a rare faint speck where a needle grazed a loop's apex;
 * - a faint channel mark where a puncture did not bleed, fading over a few hours (channels close in
 *   2–18 h, Kalluri 2011 [V]);
 * - train-track scarring: faint pale dots along the rows of punctures older than a week, shown where
 *   telangiectasia says the course was overdone (rows of dots from the stroke log [S]).
 * Drawn onto the RGBA bytes in sRGB with alpha ("over"), after the skin.
 */

/** Punctures older than this (h) leave nothing but train tracks: bleeding has crusted and flaked off. */
export const MARK_MAX_AGE_H = 30;
/** Age (h) after which a puncture can leave a train-track dot. */
export const TRACK_MIN_AGE_H = 7 * HOURS_PER_DAY;
/**
 * Depth past the capillary loops (mm) at which a puncture bleeds a full dot: 1 mm needles (real depth
 * ≈ 0.5 mm, 0.37 mm past the cheek's loops) bleed fully, 0.5 mm needles (≈ 0.12 mm past) a small
 * faint dot (smoothstep over 0–BLEED_FULL_MM) [D, clinical descriptions: pinpoint bleeding is the end
 * point of 1.0–1.5 mm treatments, 0.25–0.5 mm rollers are "cosmetic", with no or minimal bleeding].
 */
export const BLEED_FULL_MM = 0.4;
/** Drawn bleeding below this (0–1) leaves only the channel mark. */
export const BLEED_MIN = 0.03;

const FRESH = [0x9f, 0x1a, 0x1a] as const;
const CRUST = [0x4a, 0x1b, 0x15] as const;
const CHANNEL = [0x7a, 0x48, 0x42] as const;

export interface BleedSpec {
  /** Depth of the capillary loops, mm (the region's anatomy). */
  readonly capillaryLoopsMm: number;
  /** Anticoagulant multiplier on the drawn bleeding (see drawnBleeding). */
  readonly factor: number;
  /** Only pixels inside this half-open rectangle are written. */
  readonly clip: PixelRect;
}

/** How strongly a puncture of real depth `depthMm` bleeds, 0–1 (before the anticoagulant factor). */
export function bleedAmount(depthMm: number, capillaryLoopsMm: number): number {
  return smoothstep(0, BLEED_FULL_MM, depthMm - capillaryLoopsMm);
}

/**
 * THE bleeding rule of every picture and text: how much a puncture bleeds as drawn, 0–1.5. bleedAmount
 * times the anticoagulant factor (0–3) and the needle's own share, 70–100 % (needles do not all hit a
 * vessel alike; `share` 0–1, per puncture from punctureShare). Above BLEED_MIN the surface draws a blood
 * dot and the depth view a blood-filled channel; the depth view's text speaks of the needle tip with share 1.
 */
export function drawnBleeding(depthMm: number, capillaryLoopsMm: number, factor: number, share: number): number {
  const f = factor > 0 ? (factor < 3 ? factor : 3) : 0;
  const b = bleedAmount(depthMm, capillaryLoopsMm) * f * (0.7 + 0.3 * share);
  return b < 1.5 ? b : 1.5;
}

/** A puncture's seed, from its position: its share of the bleeding and the size of its dot vary with it. */
export function punctureSeed(xMm: number, yMm: number): number {
  return Math.round(xMm * 4096) * 73856093 + Math.round(yMm * 4096) * 19349663;
}

/** The share (0–1) of drawnBleeding of the puncture with `seed`. */
export function punctureShare(seed: number): number {
  return hash01(seed ^ 0x5bd1e995);
}

/** Draws bleeding dots and channel marks of punctures younger than MARK_MAX_AGE_H; returns how many. */
export function drawPunctureMarks(out: Uint8Array, sizePx: number, mmPerPx: number, p: PunctureView, hour: number, spec: BleedSpec): number {
  const size = Math.min(p.total, p.capacity);
  const cap = p.capacity;
  const clip = spec.clip;
  // A mark reaches at most ≈ 0.3 mm (a 1.5× anticoagulant dot) plus a pixel from its centre.
  const reach = 0.3 / mmPerPx + 2;
  const xLo = clip.x0 - reach;
  const xHi = clip.x1 + reach;
  const yLo = clip.y0 - reach;
  const yHi = clip.y1 + reach;
  let drawn = 0;
  // Newest first; the log is in time order, so stop at the first puncture that is too old.
  for (let k = 0; k < size; k++) {
    const idx = (p.total - 1 - k + 2 * cap) % cap;
    const age = hour - p.hour[idx]!;
    if (age > MARK_MAX_AGE_H) break;
    if (age < 0) continue;
    const cx = p.xMm[idx]! / mmPerPx;
    const cy = p.yMm[idx]! / mmPerPx;
    if (cx < xLo || cx > xHi || cy < yLo || cy > yHi) continue;
    const seed = punctureSeed(p.xMm[idx]!, p.yMm[idx]!);
    const b = drawnBleeding(p.depthMm[idx]!, spec.capillaryLoopsMm, spec.factor, punctureShare(seed));
    // Channel mark: strongest where the puncture did not bleed.
    const channel = (1 - (b < 1 ? b : 1)) * 0.32 * (1 - smoothstep(0, 6, age));
    if (channel > 0.01) disc(out, sizePx, clip, cx, cy, 0.045 / mmPerPx, CHANNEL[0], CHANNEL[1], CHANNEL[2], channel);
    if (b > BLEED_MIN) {
      const jitter = hash01(seed);
      const crust = smoothstep(0.5, 5, age);
      // Diameter 0.1–0.3 mm (docs/appearance.md §2; up to 0.4 mm with anticoagulants): larger where more blood came,
      // varying from drop to drop; a faint graze (b < 0.3) is smaller and light.
      const rMm = (0.05 * (b < 0.3 ? b / 0.3 : 1) + 0.1 * b * (0.25 + 0.75 * jitter)) * (1 - 0.25 * crust);
      const alpha = Math.min(1, 2.2 * b) * (1 - smoothstep(10, 26, age));
      if (alpha > 0.01) {
        const r = FRESH[0] + (CRUST[0] - FRESH[0]) * crust;
        const g = FRESH[1] + (CRUST[1] - FRESH[1]) * crust;
        const bl = FRESH[2] + (CRUST[2] - FRESH[2]) * crust;
        disc(out, sizePx, clip, cx, cy, rMm / mmPerPx, r, g, bl, alpha);
        // Wet highlight: a small reflection toward the light (upper left), gone as the blood dries.
        const wet = 1 - smoothstep(0.25, 2.5, age);
        if (wet > 0.01) {
          const off = (0.35 * rMm) / mmPerPx;
          disc(out, sizePx, clip, cx - off, cy - off, (0.3 * rMm) / mmPerPx, 255, 236, 230, 0.45 * wet * alpha);
        }
      }
    }
    drawn++;
  }
  return drawn;
}

/** Alpha-blends an anti-aliased disc of colour (r, g, b) 0–255 onto RGBA bytes (1-px soft edge), inside `clip`. */
function disc(out: Uint8Array, sizePx: number, clip: PixelRect, cx: number, cy: number, rPx: number, r: number, g: number, b: number, alpha: number): void {
  let rad = rPx;
  let a = alpha;
  if (rad < MIN_RADIUS_PX) {
    a *= (rad * rad) / (MIN_RADIUS_PX * MIN_RADIUS_PX);
    rad = MIN_RADIUS_PX;
  }
  const x0 = Math.max(clip.x0, Math.floor(cx - rad - 0.5));
  const x1 = Math.min(clip.x1 - 1, Math.ceil(cx + rad + 0.5), sizePx - 1);
  const y0 = Math.max(clip.y0, Math.floor(cy - rad - 0.5));
  const y1 = Math.min(clip.y1 - 1, Math.ceil(cy + rad + 0.5), sizePx - 1);
  // Fully covered inside (rad − 0.5)², untouched outside (rad + 0.5)²; the square root only on the rim.
  const inner = rad > 0.5 ? (rad - 0.5) * (rad - 0.5) : -1;
  const outer = (rad + 0.5) * (rad + 0.5);
  for (let py = y0; py <= y1; py++) {
    const dy = py + 0.5 - cy;
    const dy2 = dy * dy;
    let o = (py * sizePx + x0) * 4;
    for (let px = x0; px <= x1; px++, o += 4) {
      const dx = px + 0.5 - cx;
      const d2 = dx * dx + dy2;
      if (d2 >= outer) continue;
      const w = d2 <= inner ? a : (rad + 0.5 - Math.sqrt(d2)) * a;
      out[o] = out[o]! + (r - out[o]!) * w + 0.5;
      out[o + 1] = out[o + 1]! + (g - out[o + 1]!) * w + 0.5;
      out[o + 2] = out[o + 2]! + (b - out[o + 2]!) * w + 0.5;
    }
  }
}

/**
 * Brings the train-track dot map up to date: adds a dot for every logged puncture that turned a week
 * old since the last call (incremental; rebuilt when the log was cleared or time went backwards).
 * Dot strength grows with real depth (0.4 → 1 mm: long needles) [D]. Returns the number of dots.
 */
export function updateTrainTracks(sc: ShadeScratch, p: PunctureView, hour: number): number {
  const size = Math.min(p.total, p.capacity);
  const cap = p.capacity;
  const oldest = p.total - size;
  const sizePx = sc.texture.sizePx;
  const mmPerPx = sc.texture.mmPerPx;
  // Is the map still a prefix of this log? (Start over / reset, or a rewind, invalidates it.)
  let valid = sc.track !== null && hour >= sc.trackHour && sc.trackUpTo <= p.total;
  if (valid && sc.trackUpTo > oldest && sc.trackUpTo > 0) {
    const last = (sc.trackUpTo - 1) % cap;
    valid = p.hour[last] === sc.trackLastHour && p.xMm[last] === sc.trackLastX;
  }
  if (!valid) {
    if (sc.track === null) sc.track = new Float32Array(sizePx * sizePx);
    else sc.track.fill(0);
    sc.trackUpTo = oldest;
    sc.trackDots = 0;
  }
  const track = sc.track!;
  sc.trackHour = hour;
  let a = Math.max(sc.trackUpTo, oldest);
  const limit = hour - TRACK_MIN_AGE_H;
  for (; a < p.total; a++) {
    const idx = a % cap;
    if (p.hour[idx]! > limit) break;
    const w = smoothstep(0.4, 1, p.depthMm[idx]!);
    if (w > 0) {
      stampDome(track, sizePx, p.xMm[idx]! / mmPerPx, p.yMm[idx]! / mmPerPx, 0.11 / mmPerPx, w, 1);
      sc.trackDots++;
    }
    sc.trackLastHour = p.hour[idx]!;
    sc.trackLastX = p.xMm[idx]!;
  }
  sc.trackUpTo = a;
  return sc.trackDots;
}
