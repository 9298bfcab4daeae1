import type { Rng } from '../../engine/index';
import { noise1 } from './noise';
import { smoothstep } from './stamp';

/**
 * Depressions that new collagen fills: atrophic acne scars and stretch marks (a depth map in mm,
 * ≥ 0), and wrinkles (their own depth map: they respond to mature collagen I, not to the total).
 */

export interface TintMaps {
  /** Relative change of the base optical density (−0.1 = 10 % lighter in every channel). */
  readonly alb: Float32Array;
  /** Haemoglobin excess h. */
  readonly hb: Float32Array;
  /** Melanin excess m. */
  readonly mel: Float32Array;
}

interface Frame {
  readonly sizePx: number;
  readonly mmPerPx: number;
}

/**
 * Atrophic acne scars: 21–39 on a 4 × 4 cm cheek patch (≈ 1.75 per cm², moderate scarring), with the
 * mix of Jacob 2001 shifted toward the wider types that carry the look (icepick 45 %, boxcar 35 %,
 * rolling 20 %; Jacob: 60–70 / 20–30 / 15–25 %) [S]; diameters 0.5–3 mm as issue 10 asks (rolling scars
 * are often wider in life, 4–5 mm). Profiles: icepick a narrow deep funnel, boxcar a flat floor with
 * steep walls, rolling a smooth shallow bowl with soft shoulders. Scars do not overlap. Depths [D].
 * The flat floor of a boxcar scar is slightly paler and pinker (thin, less pigmented scar tissue over
 * dermal vessels) [D]; rolling scars keep the colour of the skin. The tint is static, the depth fills
 * with collagen.
 */
export function addAcneScars(depth: Float32Array, tint: TintMaps | null, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const mean = 0.0175 * patchMm * patchMm;
  const drawn = rng.poisson(mean);
  const target = Math.round(Math.min(1.4 * mean, Math.max(0.75 * mean, drawn)));
  const placed: { x: number; y: number; r: number }[] = [];
  for (let n = 0; n < target; n++) {
    const kind = rng.uniform();
    // 0 icepick, 1 boxcar, 2 rolling
    const type = kind < 0.45 ? 0 : kind < 0.8 ? 1 : 2;
    const diameter = type === 0 ? 0.5 + 0.5 * rng.uniform() : type === 1 ? 1.3 + 1.7 * rng.uniform() : 2 + rng.uniform();
    const d0 = type === 0 ? 0.3 + 0.2 * rng.uniform() : type === 1 ? 0.15 + 0.15 * rng.uniform() : 0.2 + 0.12 * rng.uniform();
    const a3 = 0.1 * rng.uniform();
    const a5 = 0.06 * rng.uniform();
    const p3 = rng.uniform() * 6.283;
    const p5 = rng.uniform() * 6.283;
    const R = diameter / 2;
    const rMax = R * 1.2;
    // Position: a few tries for a free spot (scars keep ≈ 0.4 mm of skin between them).
    let cx = 0;
    let cy = 0;
    let free = false;
    for (let t = 0; t < 40 && !free; t++) {
      cx = rng.uniform() * patchMm;
      cy = rng.uniform() * patchMm;
      free = placed.every((p) => Math.hypot(p.x - cx, p.y - cy) > p.r + rMax + 0.4);
    }
    if (!free) continue;
    placed.push({ x: cx, y: cy, r: rMax });
    const x0 = Math.max(0, Math.floor((cx - rMax) / f.mmPerPx));
    const x1 = Math.min(f.sizePx - 1, Math.ceil((cx + rMax) / f.mmPerPx));
    const y0 = Math.max(0, Math.floor((cy - rMax) / f.mmPerPx));
    const y1 = Math.min(f.sizePx - 1, Math.ceil((cy + rMax) / f.mmPerPx));
    for (let py = y0; py <= y1; py++) {
      const dy = (py + 0.5) * f.mmPerPx - cy;
      for (let px = x0; px <= x1; px++) {
        const dx = (px + 0.5) * f.mmPerPx - cx;
        const ang = Math.atan2(dy, dx);
        const edge = R * (1 + a3 * Math.sin(3 * ang + p3) + a5 * Math.sin(5 * ang + p5));
        const r = Math.sqrt(dx * dx + dy * dy) / edge;
        if (r >= 1) continue;
        let v: number;
        if (type === 0) v = (1 - r) ** 1.6;
        else if (type === 1) v = 1 - smoothstep(0.75, 1, r);
        else v = 1 - smoothstep(0.2, 1, r);
        const k = py * f.sizePx + px;
        if (v * d0 > depth[k]!) depth[k] = v * d0;
        if (tint !== null && type === 1) {
          // Floor tint, fading up the walls: paler and pinker.
          const p = v * v;
          tint.alb[k]! -= 0.03 * p;
          tint.mel[k]! -= 0.04 * p;
          tint.hb[k]! += 0.06 * p;
        }
      }
    }
  }
  return placed.length;
}

/**
 * Stretch marks (striae alba): 4–7 long, roughly parallel pale atrophic bands 1–5 mm wide, spindle
 * shaped, with fine transverse wrinkling on the floor; lighter and less pigmented than the skin around
 * them [S: clinical descriptions]. Depths 0.04–0.09 mm [D]. The paleness of the atrophic dermis (`pale`,
 * up to 15 % lighter) fills with the depth as collagen is laid down; the melanin loss stays [D].
 */
export function addStretchMarks(depth: Float32Array, pale: Float32Array, tint: TintMaps, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const count = 4 + Math.floor(rng.uniform() * 4);
  const theta = rng.uniform() * Math.PI;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const half = patchMm / 2;
  const diag = patchMm * 0.75;
  const bendA = 0.5 + rng.uniform();
  const bendL = 40 + 40 * rng.uniform();
  const bendP = rng.uniform() * 6.283;
  const bands: { v: number; w: number; u0: number; u1: number; d: number; slope: number }[] = [];
  let v = -diag * 0.6 + rng.uniform() * 4;
  for (let i = 0; i < count; i++) {
    const w = 1 + 4 * rng.uniform() ** 1.5;
    const len = 15 + 20 * rng.uniform();
    const u0 = -diag + rng.uniform() * (2 * diag - len);
    bands.push({ v, w, u0, u1: u0 + len, d: 0.04 + 0.05 * rng.uniform(), slope: (rng.uniform() - 0.5) * 0.08 });
    v += w + 2 + 5 * rng.uniform();
  }
  // Centre the family on the patch.
  const shift = (bands[0]!.v + bands[bands.length - 1]!.v) / 2;
  for (const b of bands) b.v -= shift;
  const salt = Math.floor(rng.uniform() * 1e9);
  for (let py = 0; py < f.sizePx; py++) {
    const y = (py + 0.5) * f.mmPerPx - half;
    for (let px = 0; px < f.sizePx; px++) {
      const x = (px + 0.5) * f.mmPerPx - half;
      const u = x * c + y * s;
      const vv = -x * s + y * c - bendA * Math.sin((2 * Math.PI * u) / bendL + bendP);
      let best = 0;
      for (const b of bands) {
        if (u <= b.u0 || u >= b.u1) continue;
        const along = (u - b.u0) / (b.u1 - b.u0);
        const spindle = Math.sqrt(Math.sin(Math.PI * along));
        const hw = 0.5 * b.w * spindle;
        const dv = Math.abs(vv - b.v - b.slope * u);
        if (dv >= hw) continue;
        const p = (1 - smoothstep(0.55, 1, dv / hw)) * spindle;
        if (p * b.d > best) best = p * b.d;
      }
      if (best === 0) continue;
      const k = py * f.sizePx + px;
      const p = best / 0.09;
      // Fine transverse wrinkling of the atrophic floor (irregular, ≈ 0.3 mm).
      const dep = best * (0.8 + 0.2 * noise1(u / 0.3, salt));
      if (dep > depth[k]!) depth[k] = dep;
      if (0.15 * p > pale[k]!) pale[k] = 0.15 * p;
      tint.alb[k]! -= 0.03 * p;
      tint.mel[k]! -= 0.12 * p;
    }
  }
  return count;
}

/**
 * Wrinkles: 3–5 long shallow furrows, roughly parallel (expression lines), 0.5–1 mm wide and
 * 0.05–0.12 mm deep [D], each with its own gentle meander and tapered ends.
 */
export function addWrinkles(depth: Float32Array, f: Frame, rng: Rng): number {
  const patchMm = f.sizePx * f.mmPerPx;
  const half = patchMm / 2;
  const count = 3 + Math.floor(rng.uniform() * 3);
  const theta = rng.uniform() * Math.PI;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const lines: { v: number; slope: number; a: number; l: number; p: number; u0: number; u1: number; hw: number; d: number }[] = [];
  const spacing = patchMm / (count + 1);
  for (let i = 0; i < count; i++) {
    const len = 0.45 * patchMm + 0.5 * patchMm * rng.uniform();
    const u0 = -0.7 * patchMm + rng.uniform() * (1.4 * patchMm - len);
    lines.push({
      v: -half + spacing * (i + 1) + (rng.uniform() - 0.5) * spacing * 0.5,
      slope: (rng.uniform() - 0.5) * 0.15,
      a: 0.4 + 0.8 * rng.uniform(),
      l: 15 + 20 * rng.uniform(),
      p: rng.uniform() * 6.283,
      u0,
      u1: u0 + len,
      hw: 0.25 + 0.25 * rng.uniform(),
      d: 0.05 + 0.07 * rng.uniform(),
    });
  }
  for (let py = 0; py < f.sizePx; py++) {
    const y = (py + 0.5) * f.mmPerPx - half;
    for (let px = 0; px < f.sizePx; px++) {
      const x = (px + 0.5) * f.mmPerPx - half;
      const u = x * c + y * s;
      const v = -x * s + y * c;
      let best = 0;
      for (const w of lines) {
        if (u <= w.u0 || u >= w.u1) continue;
        const reach = 2.5 * w.hw;
        const straight = v - w.v - w.slope * u;
        // Cheap reject before the sine: the meander never exceeds its amplitude.
        if (Math.abs(straight) >= reach + w.a) continue;
        const dv = Math.abs(straight - w.a * Math.sin((6.283 * u) / w.l + w.p));
        if (dv >= reach) continue;
        const along = (u - w.u0) / (w.u1 - w.u0);
        const taper = Math.sin(Math.PI * along);
        const q = 1 - dv / reach;
        const val = w.d * taper * q * q * q;
        if (val > best) best = val;
      }
      if (best > 0) depth[py * f.sizePx + px] = best;
    }
  }
  return count;
}
