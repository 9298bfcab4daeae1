import type { Rng } from '../../engine/index';
import type { TintMaps } from './atrophic';
import { hash01 } from './noise';
import { stampDome } from './stamp';
import { addVesselNetwork, type VesselMaps } from './vessels';

/**
 * Condition colours (static): brown macules, active acne, rosacea and rash. Amounts are in the units of
 * the colour model (h, m, relative OD) [D]; `edge` is a mid-frequency noise map in [−1, 1] that makes
 * boundaries irregular.
 */

interface Frame {
  readonly sizePx: number;
  readonly mmPerPx: number;
}

/**
 * Pigmentation (the indication "dark spots"): 5–9 irregular brown macules 2–8 mm plus 10–20 small
 * lentigo-like spots 0.5–2 mm; melanin excess m 0.25–0.6 (about ten times the just-visible PIH) [D].
 */
export function addMacules(tint: TintMaps, edge: Float32Array, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const big = 5 + Math.floor(rng.uniform() * 5);
  const small = 10 + Math.floor(rng.uniform() * 11);
  for (let n = 0; n < big + small; n++) {
    const isBig = n < big;
    const R = (isBig ? 1 + 3 * rng.uniform() : 0.25 + 0.75 * rng.uniform()) * (patchMm / 40);
    const m = isBig ? 0.25 + 0.35 * rng.uniform() : 0.3 + 0.3 * rng.uniform();
    blob(tint.mel, edge, f, rng.uniform() * patchMm, rng.uniform() * patchMm, R, m, isBig ? 0.3 : 0.12);
  }
  return big + small;
}

/**
 * Active acne (contraindication): 8–15 inflamed papules 1–4 mm, raised (0.1–0.25 mm domes, added to the
 * relief), h up to 0.5–0.9 in the centre; about a third are pustules with a pale yellow-white head.
 */
export function addActiveAcne(tint: TintMaps, reliefHeight: Float32Array, edge: Float32Array, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const count = 8 + Math.floor(rng.uniform() * 8);
  for (let n = 0; n < count; n++) {
    const cx = rng.uniform() * patchMm;
    const cy = rng.uniform() * patchMm;
    const R = 0.5 + 1.5 * rng.uniform();
    blob(tint.hb, edge, f, cx, cy, R * 1.6, 0.5 + 0.4 * rng.uniform(), 0.25);
    stampDome(reliefHeight, f.sizePx, cx / f.mmPerPx, cy / f.mmPerPx, R / f.mmPerPx, 0.1 + 0.15 * rng.uniform(), 0);
    if (rng.uniform() < 0.35) {
      const head = (0.15 + 0.25 * rng.uniform()) / f.mmPerPx;
      stampDome(tint.alb, f.sizePx, cx / f.mmPerPx, cy / f.mmPerPx, head, -0.35, 0);
      stampDome(tint.hb, f.sizePx, cx / f.mmPerPx, cy / f.mmPerPx, head, -0.5, 0);
      stampDome(tint.mel, f.sizePx, cx / f.mmPerPx, cy / f.mmPerPx, head, 0.12, 0);
    }
  }
  return count;
}

/**
 * Rosacea (contraindication): diffuse central redness (h ≈ 0.3 at the centre, σ ≈ 35 % of the patch,
 * blotchy) plus seven always-visible trees of fine vessels near the centre: the engine starts rosacea
 * at T₀ = 0.1, the visible threshold, so the picture shows the vessels the readout reports.
 */
export function addRosacea(tint: TintMaps, vessels: VesselMaps, edge: Float32Array, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const cx = patchMm * (0.4 + 0.2 * rng.uniform());
  const cy = patchMm * (0.4 + 0.2 * rng.uniform());
  const inv = 1 / (2 * (0.35 * patchMm) ** 2);
  for (let py = 0; py < f.sizePx; py++) {
    const dy = (py + 0.5) * f.mmPerPx - cy;
    for (let px = 0; px < f.sizePx; px++) {
      const dx = (px + 0.5) * f.mmPerPx - cx;
      const k = py * f.sizePx + px;
      tint.hb[k]! += 0.3 * Math.exp(-(dx * dx + dy * dy) * inv) * (0.8 + 0.25 * edge[k]!);
    }
  }
  return addVesselNetwork(
    vessels,
    {
      sizePx: f.sizePx,
      mmPerPx: f.mmPerPx,
      // Seven trees over the central redness (a disc of a quarter of the patch width in radius).
      rootsPerMm2: 7 / (Math.PI * (0.25 * patchMm) ** 2),
      minThreshold: -1,
      thresholdSpread: 0,
      centreMm: [cx, cy],
      radiusMm: 0.25 * patchMm,
      widthScale: 0.8,
    },
    rng,
  );
}

/** Rash / eczema (contraindication): irregular red patches (h ≈ 0.3–0.45) with slightly rough, scaly relief. */
export function addRash(tint: TintMaps, reliefHeight: Float32Array, patches: Float32Array, f: Frame): void {
  const n = f.sizePx * f.sizePx;
  for (let k = 0; k < n; k++) {
    const t = (patches[k]! - 0.05) / 0.3;
    if (t <= 0) continue;
    const p = t >= 1 ? 1 : t * t * (3 - 2 * t);
    tint.hb[k]! += 0.42 * p;
    tint.alb[k]! -= 0.02 * p;
    // Scaling: fine bumps where the rash is (grain of the patch map itself).
    reliefHeight[k]! += 0.006 * p * (hash01(k * 2246822519 + 17) - 0.5);
  }
}

/** A soft irregular spot: value·smooth falloff with its edge pushed in and out by `edge` noise. */
function blob(map: Float32Array, edge: Float32Array, f: Frame, cx: number, cy: number, R: number, value: number, rough: number): void {
  const rMax = R * (1 + rough);
  const x0 = Math.max(0, Math.floor((cx - rMax) / f.mmPerPx));
  const x1 = Math.min(f.sizePx - 1, Math.ceil((cx + rMax) / f.mmPerPx));
  const y0 = Math.max(0, Math.floor((cy - rMax) / f.mmPerPx));
  const y1 = Math.min(f.sizePx - 1, Math.ceil((cy + rMax) / f.mmPerPx));
  for (let py = y0; py <= y1; py++) {
    const dy = (py + 0.5) * f.mmPerPx - cy;
    for (let px = x0; px <= x1; px++) {
      const dx = (px + 0.5) * f.mmPerPx - cx;
      const k = py * f.sizePx + px;
      const r = Math.sqrt(dx * dx + dy * dy) / R + rough * edge[k]!;
      if (r >= 1) continue;
      // Soft edge over the outer half of the radius.
      const t = (1 - r) * 2;
      const p = t >= 1 ? 1 : t * t * (3 - 2 * t);
      map[k]! += value * p;
    }
  }
}
