import { Rng } from '../../engine/index';
import { addValueNoise, hash01, noise1, subSeed } from './noise';
import type { RegionRelief } from './regions';
import { stampDome, MIN_RADIUS_PX } from './stamp';

/**
 * Normal skin micro-relief as a height map in mm (negative = below the mean surface), scaled per body
 * region by texture/regions.ts. Numbers below are the cheek's (the default), [S] unless noted:
 * - pores: follicular orifices ≈ 0.08–0.22 mm wide (cheek pores are among the widest of the face),
 *   ≈ 200/cm² on the face (Otberg 2004: forehead 292/cm², cheek fewer) [S]; each a narrow deep
 *   orifice 0.03–0.055 mm deep inside a shallow funnel about 2.5× wider [D];
 * - furrows: the primary lines, 20–100 µm deep, run in two main directions crossing at ≈ 60–80° and
 *   enclose rhomboid plateaus ≈ 0.5–1.5 mm across; finer secondary lines subdivide the plateaus into
 *   triangles and polygons ≈ 0.3–0.6 mm (skin-replica profilometry reviews) [S]. Primary drawn
 *   0.03–0.055 mm deep, secondary (a stretched Voronoi mesh) 0.008–0.022 mm [D];
 * - grain: a few µm of fine roughness [D].
 * Grooves and pores take the deeper of what is already there (a pore in a furrow is not the sum of
 * both), so nothing but a scar goes deeper than ≈ 0.06 mm.
 */
export interface ReliefSpec {
  readonly sizePx: number;
  readonly mmPerPx: number;
  /** The region's relief (texture/regions.ts). */
  readonly region: RegionRelief;
}

/** Adds pores, the furrow network and grain to `height` (mm); returns the number of pores. */
export function addMicroRelief(height: Float32Array, spec: ReliefSpec, seed: number): number {
  const { sizePx, mmPerPx } = spec;
  const rng = new Rng(seed, 'texture');
  const furrowRng = new Rng(subSeed(rng), 'texture');
  const poreRng = new Rng(subSeed(rng), 'texture');
  const grainRng = new Rng(subSeed(rng), 'texture');
  const meshRng = new Rng(subSeed(rng), 'texture');
  const n = sizePx * sizePx;
  const warpX = new Float32Array(n);
  const warpY = new Float32Array(n);
  const axis = addFurrows(height, spec, warpX, warpY, furrowRng);
  addMesh(height, spec, axis, warpX, warpY, meshRng);
  const pores = addPores(height, spec, poreRng);
  // Grain: a few µm of roughness at ≈ 0.15 mm.
  addValueNoise(height, sizePx, 0.15 / mmPerPx, 0.003, grainRng);
  return pores;
}

/**
 * Pores on a jittered grid (realistic spacing without clumps); sizes skewed (most small, a few
 * large, Otberg 2004 sizes), each a narrow orifice in a shallow funnel, so it reads as a small dark
 * dot with a soft shadow on its upper-left rim.
 */
function addPores(height: Float32Array, spec: ReliefSpec, rng: Rng): number {
  const { sizePx, mmPerPx, region } = spec;
  const spacingMm = 1 / Math.sqrt(region.poresPerMm2);
  const patchMm = sizePx * mmPerPx;
  const n = Math.ceil(patchMm / spacingMm);
  let count = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = (i + 0.1 + 0.8 * rng.uniform()) * spacingMm;
      const y = (j + 0.1 + 0.8 * rng.uniform()) * spacingMm;
      const u = rng.uniform();
      const diameterMm = (0.08 + 0.14 * u * u) * region.poreSize;
      const depthMm = (0.035 + 0.02 * rng.uniform()) * region.poreDepth;
      if (x >= patchMm || y >= patchMm) continue;
      const cx = x / mmPerPx;
      const cy = y / mmPerPx;
      const r = (0.5 * diameterMm) / mmPerPx;
      // Funnel: 2.5× the orifice, shallow; orifice: the deep centre.
      stampPit(height, sizePx, cx, cy, 2.5 * r, 0.25 * depthMm);
      stampPit(height, sizePx, cx, cy, r, depthMm);
      count++;
    }
  }
  return count;
}

/** A round pit of profile (1 − (d/r)²)², depth `depthMm` at the centre; the deeper of it and the map wins. */
function stampPit(map: Float32Array, sizePx: number, cx: number, cy: number, rPx: number, depthMm: number): void {
  stampDome(map, sizePx, cx, cy, rPx, -depthMm, 2);
}

/**
 * Primary lines: two families of straight-ish lines (domain-warped, irregular spacing) crossing at
 * 60–80°, enclosing rhomboids. Depth varies along each line (1-D noise) and from line to line; some
 * lines fade out for a while. Fills the warp maps `warpX/Y` (mm, zero on entry). Returns the direction
 * (rad) bisecting the two families (the mesh stretches along it).
 */
function addFurrows(height: Float32Array, spec: ReliefSpec, warpX: Float32Array, warpY: Float32Array, rng: Rng): number {
  const { sizePx, mmPerPx, region } = spec;
  // Warp in mm: lines wander ≈ 0.1 mm over a few mm (straight-ish, as on replicas).
  addValueNoise(warpX, sizePx, 3 / mmPerPx, 0.16, rng);
  addValueNoise(warpY, sizePx, 3 / mmPerPx, 0.16, rng);
  addValueNoise(warpX, sizePx, 1 / mmPerPx, 0.06, rng);
  addValueNoise(warpY, sizePx, 1 / mmPerPx, 0.06, rng);
  const axis = rng.uniform() * Math.PI;
  const halfCross = (0.5 * (region.crossDeg + region.crossSpreadDeg * rng.uniform()) * Math.PI) / 180;
  for (let k = 0; k < 2; k++) {
    const theta = axis + (k === 0 ? -halfCross : halfCross) + (rng.uniform() - 0.5) * 0.1;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const spacing = region.furrowSpacingMm * (0.81 + 0.38 * rng.uniform());
    const depth = (0.035 + 0.02 * rng.uniform()) * region.furrowDepth * (k === 0 ? 1 : region.secondFamily);
    const halfWidth = region.furrowHalfWidthMm;
    const wEff = Math.max(halfWidth, MIN_RADIUS_PX * mmPerPx);
    const amp = (depth * halfWidth) / wEff;
    const segmentMm = 1 + rng.uniform();
    const salt = Math.floor(rng.uniform() * 1e9);
    const invW2 = 1 / (wEff * wEff);
    for (let py = 0; py < sizePx; py++) {
      const row = py * sizePx;
      const y = (py + 0.5) * mmPerPx;
      for (let px = 0; px < sizePx; px++) {
        const i = row + px;
        const X = (px + 0.5) * mmPerPx + warpX[i]!;
        const Y = y + warpY[i]!;
        const t = (Y * c - X * s) / spacing;
        const li = Math.floor(t);
        // Irregular spacing: each line sits somewhere in the middle of its slot.
        const o = 0.25 + 0.5 * hash01(li * 1103515245 + salt);
        const d = Math.abs(t - li - o) * spacing;
        if (d >= wEff) continue;
        // Depth varies along the line and from line to line (a hierarchy of lines); some parts fade out.
        const strength = noise1((X * c + Y * s) / segmentMm, salt + li * 7919);
        const str = strength < 0.3 ? 0 : strength > 0.6 ? 1 : (strength - 0.3) / 0.3;
        if (str === 0) continue;
        const lineDepth = 0.45 + 0.55 * hash01(li * 2654435761 + salt + 1);
        const q = 1 - d * d * invW2;
        const v = -amp * lineDepth * str * q * q;
        if (v < height[i]!) height[i] = v;
      }
    }
  }
  return axis;
}

/**
 * Secondary lines: edges of a Voronoi mesh of jittered sites, cells ≈ 0.42 mm stretched 1.4× along
 * the bisector of the primary lines, so the plateaus between primary lines split into triangles and
 * polygons. Each edge has its own depth (a few are missing), hashed from its two sites. `warpX/Y` (mm)
 * bend the edges a little (shared with the primary lines).
 */
function addMesh(height: Float32Array, spec: ReliefSpec, axis: number, warpX: Float32Array, warpY: Float32Array, rng: Rng): void {
  const { sizePx, mmPerPx, region } = spec;
  const cellMm = region.meshCellMm;
  const stretch = 1.4;
  const c = Math.cos(axis);
  const s = Math.sin(axis);
  // Frame (u, v) in cell units: u along the axis (stretched), v across.
  const ku = 1 / (cellMm * stretch);
  const kv = 1 / cellMm;
  const patchMm = sizePx * mmPerPx;
  let uMin = Infinity;
  let uMax = -Infinity;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const [x, y] of [
    [0, 0],
    [patchMm, 0],
    [0, patchMm],
    [patchMm, patchMm],
  ] as const) {
    const u = (x * c + y * s) * ku;
    const v = (-x * s + y * c) * kv;
    uMin = Math.min(uMin, u);
    uMax = Math.max(uMax, u);
    vMin = Math.min(vMin, v);
    vMax = Math.max(vMax, v);
  }
  // Lattice origin two cells below the smallest (u, v) (warp ≤ 0.25 mm < one cell), so local
  // coordinates u − i0, v − j0 are ≥ 1 and a 3 × 3 search never leaves the table.
  const i0 = Math.floor(uMin) - 2;
  const j0 = Math.floor(vMin) - 2;
  const nu = Math.ceil(uMax) - i0 + 3;
  const nv = Math.ceil(vMax) - j0 + 3;
  // Site positions (local cell units) per lattice cell.
  const su = new Float64Array(nu * nv);
  const sv = new Float64Array(nu * nv);
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      su[j * nu + i] = i + 0.1 + 0.8 * rng.uniform();
      sv[j * nu + i] = j + 0.1 + 0.8 * rng.uniform();
    }
  }
  const salt = Math.floor(rng.uniform() * 1e9);
  // Edge half-width in mm, in cell units of the narrower (v) direction.
  const wMm = Math.max(0.03, MIN_RADIUS_PX * mmPerPx);
  const w = wMm * kv;
  const invW2 = 1 / (w * w);
  const amp = (0.022 * 0.03 * region.meshDepth) / wMm;
  // (u, v) per pixel: linear in the pixel position plus the warp.
  const uX = c * ku;
  const uY = s * ku;
  const vX = -s * kv;
  const vY = c * kv;
  for (let py = 0; py < sizePx; py++) {
    const row = py * sizePx;
    const y = (py + 0.5) * mmPerPx;
    for (let px = 0; px < sizePx; px++) {
      const k = row + px;
      const X = (px + 0.5) * mmPerPx + warpX[k]!;
      const Y = y + warpY[k]!;
      const u = X * uX + Y * uY - i0;
      const v = X * vX + Y * vY - j0;
      let d1 = 1e9;
      let d2 = 1e9;
      let a1 = 0;
      let a2 = 0;
      let r = ((v | 0) - 1) * nu + (u | 0) - 1;
      for (let dj = 0; dj < 3; dj++, r += nu) {
        for (let di = 0; di < 3; di++) {
          const idx = r + di;
          const du = su[idx]! - u;
          const dv = sv[idx]! - v;
          const d = du * du + dv * dv;
          if (d < d2) {
            if (d < d1) {
              d2 = d1;
              a2 = a1;
              d1 = d;
              a1 = idx;
            } else {
              d2 = d;
              a2 = idx;
            }
          }
        }
      }
      // Distance to the bisector of the two nearest sites.
      const eu = su[a2]! - su[a1]!;
      const ev = sv[a2]! - sv[a1]!;
      const e = (d2 - d1) / (2 * Math.sqrt(eu * eu + ev * ev));
      if (e >= w) continue;
      const lo = a1 < a2 ? a1 : a2;
      const hi = a1 < a2 ? a2 : a1;
      const hsh = hash01(Math.imul(lo, 2654435761) + hi * 40503 + salt);
      if (hsh < 0.12) continue;
      const q = 1 - e * e * invW2;
      const val = -amp * (0.35 + 0.65 * hsh) * q * q;
      if (val < height[k]!) height[k] = val;
    }
  }
}
