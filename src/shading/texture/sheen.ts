import type { Rng } from '../../engine/index';
import { HALF_SLOPE } from '../look';
import { addFbm } from './noise';

/** The pattern is smooth (nothing finer than ≈ 1.5 mm): computed on a grid this many times coarser. */
const COARSE = 4;

/**
 * Where a shiny film reflects the light, per pixel, mean 1 each. The cheek is a gently convex surface
 * (modelled as a dome of radius ≈ 1.0–1.3 patch widths) with low undulations (slopes ± 0.1 over
 * 1.5–6 mm) [D]. Two patterns share that geometry:
 * - `sheen`, a wet or swollen surface: the specular lobe of a smooth film around the mirror slope falls
 *   as a broad, irregular, soft highlight on part of the patch (no hard glare core: it read as a white
 *   blob on dark skin), with a floor of sheen elsewhere;
 * - `wax`, the over-treated "plastic" look: a waxy film scatters its specular light over a much wider
 *   lobe (rougher than water, smoother than skin), so it lies as an even sheen over the whole treated
 *   area, varying only gently (≈ ±30 %) with the undulations: no glare spot [D].
 * Both are multiplied by per-cell sheen amounts, so untreated skin (sheen 0) is unchanged.
 */
export function makeSheenMaps(sizePx: number, mmPerPx: number, rng: Rng): { sheen: Float32Array; wax: Float32Array } {
  const patchMm = sizePx * mmPerPx;
  // Coarse grid: node (i, j) at ((i − 0.5)·cMm, (j − 0.5)·cMm), one node beyond each edge.
  const nc = Math.ceil(sizePx / COARSE) + 2;
  const cMm = COARSE * mmPerPx;
  const ux = new Float32Array(nc * nc);
  const uy = new Float32Array(nc * nc);
  addFbm(ux, nc, 6 / cMm, 3, 0.6, 0.1, rng);
  addFbm(uy, nc, 6 / cMm, 3, 0.6, 0.1, rng);
  const R = (1 + 0.3 * rng.uniform()) * patchMm;
  // Dome centre chosen so the mirror point (where the slope equals HALF_SLOPE) lies in the upper-left
  // half of the patch, at 25–45 % of its width.
  const hx = (0.25 + 0.2 * rng.uniform()) * patchMm;
  const hy = (0.25 + 0.2 * rng.uniform()) * patchMm;
  const cx = hx + R * HALF_SLOPE;
  const cy = hy + R * HALF_SLOPE;
  // Wet film: a broad gloss (σ 0.15) and a faint sharper core of a smooth film (σ 0.05) in slope space.
  const invBroad = 1 / (2 * 0.15 * 0.15);
  const invCore = 1 / (2 * 0.05 * 0.05);
  // Waxy film: a wider lobe (σ 0.15) on a floor; the undulations (× 3) break it into soft patches.
  const invWax = 1 / (2 * 0.15 * 0.15);
  const coarse = new Float32Array(nc * nc);
  const coarseWax = new Float32Array(nc * nc);
  for (let j = 0; j < nc; j++) {
    const y = (j - 0.5) * cMm;
    for (let i = 0; i < nc; i++) {
      const k = j * nc + i;
      const x = (i - 0.5) * cMm;
      const sx = -(x - cx) / R + ux[k]! - HALF_SLOPE;
      const sy = -(y - cy) / R + uy[k]! - HALF_SLOPE;
      const d2 = sx * sx + sy * sy;
      coarse[k] = 0.25 + 0.9 * Math.exp(-d2 * invBroad) + 0.5 * Math.exp(-d2 * invCore);
      const wx = -(x - cx) / R + 3 * ux[k]! - HALF_SLOPE;
      const wy = -(y - cy) / R + 3 * uy[k]! - HALF_SLOPE;
      coarseWax[k] = 0.4 + 0.6 * Math.exp(-(wx * wx + wy * wy) * invWax);
    }
  }
  return { sheen: upsample(coarse, nc, sizePx), wax: upsample(coarseWax, nc, sizePx) };
}

/** Bilinear from the coarse grid up to pixels, normalised to mean 1. */
function upsample(coarse: Float32Array, nc: number, sizePx: number): Float32Array {
  const out = new Float32Array(sizePx * sizePx);
  let sum = 0;
  for (let py = 0; py < sizePx; py++) {
    const t = (py + 0.5) / COARSE + 0.5;
    const j = Math.floor(t);
    const fy = t - j;
    for (let px = 0; px < sizePx; px++) {
      const s = (px + 0.5) / COARSE + 0.5;
      const i = Math.floor(s);
      const fx = s - i;
      const k = j * nc + i;
      const a = coarse[k]! + (coarse[k + 1]! - coarse[k]!) * fx;
      const b = coarse[k + nc]! + (coarse[k + nc + 1]! - coarse[k + nc]!) * fx;
      const v = a + (b - a) * fy;
      out[py * sizePx + px] = v;
      sum += v;
    }
  }
  const norm = (sizePx * sizePx) / sum;
  for (let k = 0; k < out.length; k++) out[k]! *= norm;
  return out;
}
