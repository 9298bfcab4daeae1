import type { Rng } from '../../engine/index';
import { MIN_RADIUS_PX } from './stamp';

/**
 * Telangiectases as arborising trees (docs/appearance.md §3): a trunk 2.5–6 mm long and 0.1–0.38 mm wide
 * (one tree in 33 0.45–0.8 mm; facial telangiectases are 0.2–2 mm [P], the finest lines ≈ 0.1 mm) that branches
 * again and again into finer, tortuous vessels (each child 60–80 % of its parent's width, Murray's law
 * for two equal children gives 79 % [S]), every branch tapering and fading toward its end. Tortuosity:
 * a random walk of the heading plus a meander of 0.5–1.2 mm wavelength [D].
 *
 * Each pixel carries an appearance threshold in T: the lowest among the vessels covering it. A tree's
 * root threshold is drawn from [minThreshold, minThreshold + spread]; along each branch it rises, and
 * each child starts higher than its parent's point, so as T rises more trees appear (density) and the
 * visible ones grow longer and branch further (length) [D]. Where a vessel first shows, only its axis
 * is drawn: it widens to its full width over ΔT = 0.1 (LOOK.vesselFadeIn), as a dilating vessel would.
 */
export interface VesselMaps {
  /** Appearance threshold in T per pixel; VESSEL_NONE where there is no vessel. */
  readonly threshold: Float32Array;
  /** Haemoglobin excess h on the vessel's axis at full visibility (0.8–1.5 for the widest, docs/appearance.md §3), 0 elsewhere. */
  readonly h: Float32Array;
  /** Position across the vessel: 1 on its axis, falling as 1 − (d/r)² to 0 at its wall. */
  readonly core: Float32Array;
}

export const VESSEL_NONE = 9;

export interface VesselNetworkSpec {
  readonly sizePx: number;
  readonly mmPerPx: number;
  /** Trees per mm² of patch. */
  readonly rootsPerMm2: number;
  /** Root thresholds are minThreshold + spread·U^1.3; a negative value means always visible. */
  readonly minThreshold: number;
  readonly thresholdSpread: number;
  /** Where roots start: centre and radius in mm (defaults to the whole patch). */
  readonly centreMm?: readonly [number, number];
  readonly radiusMm?: number;
  /** Scales every width (rosacea's fine baseline vessels: < 1). */
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

/** Branches end below this width (mm): finer vessels are not seen through the epidermis. */
const MIN_WIDTH_MM = 0.07;
/** Deepest branching level (the trunk is 0). */
const MAX_LEVEL = 4;

export function allocateVesselMaps(sizePx: number): VesselMaps {
  const n = sizePx * sizePx;
  return { threshold: new Float32Array(n).fill(VESSEL_NONE), h: new Float32Array(n), core: new Float32Array(n) };
}

/** Adds trees to the maps; returns the number of branches drawn. */
export function addVesselNetwork(maps: VesselMaps, spec: VesselNetworkSpec, rng: Rng): number {
  const { sizePx, mmPerPx } = spec;
  const patchMm = sizePx * mmPerPx;
  const areaMm2 = spec.radiusMm === undefined ? patchMm * patchMm : Math.PI * spec.radiusMm ** 2;
  const roots = Math.max(1, Math.round(areaMm2 * spec.rootsPerMm2));
  const widthScale = spec.widthScale ?? 1;
  const alwaysVisible = spec.minThreshold < 0;
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
    const wide = rng.uniform() < 0.03;
    stack.push({
      x,
      y,
      heading: rng.uniform() * 2 * Math.PI,
      widthMm: (wide ? 0.45 + 0.35 * rng.uniform() : 0.1 + 0.28 * rng.uniform() ** 2) * widthScale,
      lengthMm: (wide ? 4 : 2.5) + 3.5 * rng.uniform(),
      threshold: spec.minThreshold + spec.thresholdSpread * rng.uniform() ** 1.3,
      level: 0,
    });
  }
  let branches = 0;
  // Step ≤ half a pixel so consecutive discs overlap into a continuous line.
  const ds = Math.min(0.04, 0.5 * mmPerPx);
  for (let b = stack.pop(); b !== undefined; b = stack.pop()) {
    branches++;
    let { x, y } = b;
    let base = b.heading;
    const wavelength = 0.5 + 0.7 * rng.uniform();
    const wiggle = 0.3 + 0.35 * rng.uniform();
    const phase = rng.uniform() * 2 * Math.PI;
    // Side branches every 0.5–1 mm on average; the finer the branch, the fewer.
    const branchEveryMm = (0.5 + 0.5 * rng.uniform()) * (1 + 0.5 * b.level);
    for (let s = 0; s < b.lengthMm; s += ds) {
      const along = s / b.lengthMm;
      // Taper to 55 % of the starting width; the last third fades out (the vessel dives under the
      // papillary dermis and is no longer seen).
      const widthMm = Math.max(MIN_WIDTH_MM * 0.8, b.widthMm * (1 - 0.45 * along));
      // The trunk also emerges gradually at its root (from a deeper feeding vessel).
      const fade = along > 0.65 ? 1 - 0.8 * ((along - 0.65) / 0.35) : b.level === 0 && along < 0.12 ? 0.4 + 5 * along : 1;
      const thr = alwaysVisible ? b.threshold : b.threshold + (1 - b.threshold) * 0.3 * along;
      const hv = (0.8 + 0.7 * Math.min(1, Math.max(0, (widthMm - 0.1) / 0.4))) * fade;
      stampVessel(maps, sizePx, x / mmPerPx, y / mmPerPx, (0.5 * widthMm) / mmPerPx, hv, thr);
      base += rng.normal() * 0.8 * Math.sqrt(ds);
      const heading = base + wiggle * Math.sin((2 * Math.PI * s) / wavelength + phase);
      x += Math.cos(heading) * ds;
      y += Math.sin(heading) * ds;
      if (b.level < MAX_LEVEL && along < 0.85 && rng.uniform() < ds / branchEveryMm) {
        const childWidth = widthMm * (0.6 + 0.2 * rng.uniform());
        if (childWidth >= MIN_WIDTH_MM * widthScale) {
          const side = rng.uniform() < 0.5 ? -1 : 1;
          stack.push({
            x,
            y,
            heading: heading + side * (0.4 + 0.7 * rng.uniform()),
            widthMm: childWidth,
            lengthMm: Math.max(0.6, (b.lengthMm - s) * (0.5 + 0.4 * rng.uniform())) + 0.4 * rng.uniform(),
            threshold: alwaysVisible ? thr : thr + (1 - thr) * (0.04 + 0.2 * rng.uniform()),
            level: b.level + 1,
          });
        }
      }
    }
    // The trunk of a tree forks at its end as well (the "spider" of arborising telangiectasia).
    if (b.level === 0) {
      for (const side of [-1, 1]) {
        stack.push({
          x,
          y,
          heading: base + side * (0.3 + 0.4 * rng.uniform()),
          widthMm: b.widthMm * 0.55 * (0.7 + 0.2 * rng.uniform()),
          lengthMm: b.lengthMm * (0.5 + 0.4 * rng.uniform()),
          threshold: alwaysVisible ? b.threshold : b.threshold + (1 - b.threshold) * (0.3 + 0.1 * rng.uniform()),
          level: 1,
        });
      }
    }
  }
  return branches;
}

/**
 * One disc of a vessel. h: the amplitude (the widest, strongest vessel wins); core: 1 − (d/r)², the
 * highest of the discs covering the pixel (its position across the nearest axis); the threshold the
 * lowest among discs that cover the pixel substantially (so a vessel's core decides, not the faint rim
 * of a crossing one). Sub-pixel vessels are widened to MIN_RADIUS_PX and weakened by the width ratio
 * (they keep their integrated haemoglobin).
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
  const { threshold, h, core } = maps;
  for (let py = y0; py <= y1; py++) {
    const dy = py + 0.5 - cy;
    for (let px = x0; px <= x1; px++) {
      const dx = px + 0.5 - cx;
      const q = 1 - (dx * dx + dy * dy) * inv;
      if (q <= 0) continue;
      const k = py * sizePx + px;
      if (a > h[k]!) h[k] = a;
      if (q > core[k]!) core[k] = q;
      if ((q > 0.3 || threshold[k] === VESSEL_NONE) && thr < threshold[k]!) threshold[k] = thr;
    }
  }
}
