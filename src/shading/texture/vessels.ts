import type { Rng } from '../../engine/rng';
import { MIN_RADIUS_PX } from './stamp';

/**
 * A branching, tortuous network of superficial vessels for telangiectasia (§11): widths 0.1–0.5 mm
 * (facial telangiectases 0.2–2 mm [P]; we stay at the fine end), trunks 2.5–9.5 mm long with side
 * branches. Each point carries an appearance threshold in T: a vessel is drawn where T exceeds it, so
 * more and longer vessels show as T rises (roots first, then their tips and branches) [D].
 */
export interface VesselMaps {
  /** Appearance threshold in T per pixel; VESSEL_NONE where there is no vessel. */
  readonly threshold: Float32Array;
  /** Haemoglobin excess h of the vessel at full visibility (0.8–1.5 on the axis, §11), 0 elsewhere. */
  readonly h: Float32Array;
}

export const VESSEL_NONE = 9;

export interface VesselNetworkSpec {
  readonly sizePx: number;
  readonly mmPerPx: number;
  /** Trunks per mm² of patch. */
  readonly rootsPerMm2: number;
  /** Root thresholds are minThreshold + spread·U^1.3; a negative value means always visible. */
  readonly minThreshold: number;
  readonly thresholdSpread: number;
  /** Where roots start: centre and radius in mm (defaults to the whole patch). */
  readonly centreMm?: readonly [number, number];
  readonly radiusMm?: number;
  readonly widthScale?: number;
}

interface Branch {
  x: number;
  y: number;
  heading: number;
  widthMm: number;
  lengthMm: number;
  threshold: number;
  level: number;
}

export function allocateVesselMaps(sizePx: number): VesselMaps {
  const threshold = new Float32Array(sizePx * sizePx).fill(VESSEL_NONE);
  return { threshold, h: new Float32Array(sizePx * sizePx) };
}

export function addVesselNetwork(maps: VesselMaps, spec: VesselNetworkSpec, rng: Rng): number {
  const { sizePx, mmPerPx } = spec;
  const patchMm = sizePx * mmPerPx;
  const areaMm2 = spec.radiusMm === undefined ? patchMm * patchMm : Math.PI * spec.radiusMm ** 2;
  const roots = Math.max(1, Math.round(areaMm2 * spec.rootsPerMm2));
  const widthScale = spec.widthScale ?? 1;
  const stack: Branch[] = [];
  for (let r = 0; r < roots; r++) {
    let x: number;
    let y: number;
    if (spec.centreMm === undefined || spec.radiusMm === undefined) {
      x = rng.uniform() * patchMm;
      y = rng.uniform() * patchMm;
    } else {
      const a = rng.uniform() * 2 * Math.PI;
      const d = spec.radiusMm * Math.sqrt(rng.uniform());
      x = spec.centreMm[0] + d * Math.cos(a);
      y = spec.centreMm[1] + d * Math.sin(a);
    }
    stack.push({
      x,
      y,
      heading: rng.uniform() * 2 * Math.PI,
      widthMm: (0.1 + 0.35 * rng.uniform() ** 2.5) * widthScale,
      lengthMm: 2.5 + 7 * rng.uniform(),
      threshold: spec.minThreshold + spec.thresholdSpread * rng.uniform() ** 1.3,
      level: 0,
    });
  }
  let segments = 0;
  // Step ≤ half a pixel so consecutive discs overlap into a continuous line.
  const ds = Math.min(0.05, 0.5 * mmPerPx);
  for (let b = stack.pop(); b !== undefined; b = stack.pop()) {
    segments++;
    let { x, y } = b;
    let base = b.heading;
    const wavelength = 1 + 1.2 * rng.uniform();
    const wiggle = 0.2 + 0.3 * rng.uniform();
    const phase = rng.uniform() * 2 * Math.PI;
    const alwaysVisible = b.threshold < 0;
    for (let s = 0; s < b.lengthMm; s += ds) {
      const along = s / b.lengthMm;
      const widthMm = Math.max(0.1 * widthScale, b.widthMm * (1 - 0.4 * along));
      const thr = alwaysVisible ? b.threshold : b.threshold + (1 - b.threshold) * 0.35 * along;
      const hv = 0.8 + 0.7 * Math.min(1, Math.max(0, (widthMm - 0.1) / 0.4));
      stampVessel(maps, sizePx, x / mmPerPx, y / mmPerPx, (0.5 * widthMm) / mmPerPx, hv, thr);
      base += rng.normal() * 0.9 * Math.sqrt(ds);
      const heading = base + wiggle * Math.sin((2 * Math.PI * s) / wavelength + phase);
      x += Math.cos(heading) * ds;
      y += Math.sin(heading) * ds;
      if (b.level < 3 && rng.uniform() < ds / 2.2) {
        const side = rng.uniform() < 0.5 ? -1 : 1;
        stack.push({
          x,
          y,
          heading: heading + side * (0.5 + 0.7 * rng.uniform()),
          widthMm: Math.max(0.1 * widthScale, widthMm * (0.6 + 0.25 * rng.uniform())),
          lengthMm: b.lengthMm * (0.3 + 0.3 * rng.uniform()),
          threshold: alwaysVisible ? thr : thr + (1 - thr) * (0.05 + 0.25 * rng.uniform()),
          level: b.level + 1,
        });
      }
    }
  }
  return segments;
}

/**
 * One disc of a vessel. Profile 1 − (d/r)² (optical path through a round vessel, simplified); the
 * amplitude is the maximum of overlapping discs, the threshold the lowest among discs that cover the
 * pixel substantially (so a vessel's core decides, not the faint rim of a crossing one).
 */
function stampVessel(maps: VesselMaps, sizePx: number, cx: number, cy: number, rPx: number, hv: number, thr: number): void {
  let r = rPx;
  let a = hv;
  if (r < MIN_RADIUS_PX) {
    a *= r / MIN_RADIUS_PX;
    r = MIN_RADIUS_PX;
  }
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(sizePx - 1, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(sizePx - 1, Math.ceil(cy + r));
  const inv = 1 / (r * r);
  const { threshold, h } = maps;
  for (let py = y0; py <= y1; py++) {
    const dy = py + 0.5 - cy;
    for (let px = x0; px <= x1; px++) {
      const dx = px + 0.5 - cx;
      const q = 1 - (dx * dx + dy * dy) * inv;
      if (q <= 0) continue;
      const k = py * sizePx + px;
      const v = a * q;
      if (v > h[k]!) h[k] = v;
      if ((q > 0.3 || threshold[k] === VESSEL_NONE) && thr < threshold[k]!) threshold[k] = thr;
    }
  }
}
