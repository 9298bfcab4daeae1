import { type Region, Rng } from '../engine/index';
import { addAcneScars, addStretchMarks, addWrinkles, type TintMaps } from './texture/atrophic';
import { addFbm, addValueNoise, subSeed } from './texture/noise';
import { REGION_RELIEF } from './texture/regions';
import { addMicroRelief } from './texture/relief';
import { makeSheenMaps } from './texture/sheen';
import { addActiveAcne, addMacules, addRash, addRosacea } from './texture/tint';
import { addVesselNetwork, allocateVesselMaps, VESSEL_NONE, type VesselMaps } from './texture/vessels';

export type { TintMaps } from './texture/atrophic';
export { VESSEL_NONE, type VesselMaps } from './texture/vessels';

export interface SkinTextureSpec {
  readonly seed: number;
  /** Texture side in pixels. */
  readonly sizePx: number;
  /** Patch side in mm. */
  readonly patchMm: number;
  /** Condition names (src/engine/conditions.ts); unknown names are ignored. */
  readonly conditions: readonly string[];
  /** Body region: pore density and furrow depth and spacing (texture/regions.ts). Default 'cheek'. */
  readonly region?: Region;
}

/**
 * Relief packed for the pixel loop: per pixel three floats (index 3·k): the gradient of the surface
 * height dH/dx, dH/dy (mm per mm) and the depth below the mean surface (mm, ≥ 0, for cavity shading).
 * Interleaved so one pixel's relief is one cache line, not three.
 */
export type PackedRelief = Float32Array;

/**
 * Static, seeded maps of one patch at texture resolution (index py·sizePx + px; pixel centre at
 * ((px + 0.5)·mmPerPx, (py + 0.5)·mmPerPx) mm). Built once per setup; shadeSkin only reads them.
 */
export interface SkinTexture {
  readonly seed: number;
  readonly sizePx: number;
  readonly patchMm: number;
  readonly mmPerPx: number;
  readonly conditions: readonly string[];
  readonly region: Region;
  /** Natural blotchiness, ≈ −1…1 over 3–10 mm (blood and melanin vary together) [D]. */
  readonly blotch: Float32Array;
  /** Fine albedo grain, ≈ −1…1 at ≈ 0.2 mm. */
  readonly grain: Float32Array;
  /** Micro-relief: pores, furrows, grain, raised papules. */
  readonly relief: PackedRelief;
  /** Acne scars and stretch marks (filled by total collagen gain); null if neither condition. */
  readonly scars: PackedRelief | null;
  /** Relative lightening of atrophic floors (stretch marks) that fills with the scars; null without scars. */
  readonly scarPale: Float32Array | null;
  /** Wrinkles (made shallower by collagen I); null unless `wrinkles`. */
  readonly wrinkles: PackedRelief | null;
  /** Condition colours; null if no condition adds colour. */
  readonly tint: TintMaps | null;
  /** Broad specular pattern of a shiny film (plastic look, oedema, wet skin), mean 1 (texture/sheen.ts). */
  readonly sheen: Float32Array;
  /** Even waxy-film pattern of the plastic look, mean 1, varying gently (texture/sheen.ts). */
  readonly wax: Float32Array;
  /** Telangiectasia network (and the always-visible vessels of rosacea). */
  readonly vessels: VesselMaps;
  /** Lowest vessel threshold in the texture (below it no vessel can show). */
  readonly minVesselThreshold: number;
  /** Counts of generated features, for tests and the UI's description. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Sub-streams are drawn in this fixed order, so toggling one condition never moves another's features. */
const STREAMS = ['blotch', 'grain', 'relief', 'vessels', 'edge', 'acne-scars', 'stretch-marks', 'wrinkles', 'pigmentation', 'active-acne', 'rosacea', 'rash', 'sheen'] as const;

export function makeSkinTexture(spec: SkinTextureSpec): SkinTexture {
  const { seed, sizePx, patchMm } = spec;
  if (!(Number.isInteger(sizePx) && sizePx >= 8 && sizePx <= 4096)) throw new RangeError(`sizePx must be an integer in 8–4096, got ${sizePx}`);
  if (!(patchMm > 0)) throw new RangeError(`patchMm must be positive, got ${patchMm}`);
  const mmPerPx = patchMm / sizePx;
  const n = sizePx * sizePx;
  const has = (c: string): boolean => spec.conditions.includes(c);
  // All randomness from the texture stream: one sub-seed per feature, always drawn in the same order.
  const main = new Rng(seed, 'texture');
  const seeds = {} as Record<(typeof STREAMS)[number], number>;
  for (const s of STREAMS) seeds[s] = subSeed(main);
  const rng = (s: (typeof STREAMS)[number]): Rng => new Rng(seeds[s], 'texture');
  const frame = { sizePx, mmPerPx };
  const counts: Record<string, number> = {};

  const blotch = new Float32Array(n);
  addFbm(blotch, sizePx, 9 / mmPerPx, 3, 0.5, 1.6, rng('blotch'));
  const grain = new Float32Array(n);
  addFbm(grain, sizePx, 0.35 / mmPerPx, 2, 0.6, 1.4, rng('grain'));

  const height = new Float32Array(n);
  const region = spec.region ?? 'cheek';
  const regionRelief = REGION_RELIEF[region];
  if (regionRelief === undefined) throw new RangeError(`region must be one of ${Object.keys(REGION_RELIEF).join(', ')}, got ${String(region)}`);
  counts.pores = addMicroRelief(height, { ...frame, region: regionRelief }, seeds.relief);

  const vessels = allocateVesselMaps(sizePx);
  counts.vessels = addVesselNetwork(vessels, { sizePx, mmPerPx, rootsPerMm2: 1 / 36, minThreshold: 0.1, thresholdSpread: 0.55 }, rng('vessels'));

  const needsEdge = has('pigmentation') || has('active-acne') || has('rosacea') || has('rash');
  const edge = needsEdge ? new Float32Array(n) : null;
  if (edge !== null) addFbm(edge, sizePx, 1.5 / mmPerPx, 2, 0.5, 1, rng('edge'));

  const needsTint = has('pigmentation') || has('acne-scars') || has('stretch-marks') || has('active-acne') || has('rosacea') || has('rash');
  const tint: TintMaps | null = needsTint ? { alb: new Float32Array(n), hb: new Float32Array(n), mel: new Float32Array(n) } : null;

  let scars: PackedRelief | null = null;
  let scarPale: Float32Array | null = null;
  if (has('acne-scars') || has('stretch-marks')) {
    const depth = new Float32Array(n);
    scarPale = new Float32Array(n);
    if (has('acne-scars')) counts.acneScars = addAcneScars(depth, tint, frame, rng('acne-scars'));
    if (has('stretch-marks') && tint !== null) counts.stretchMarks = addStretchMarks(depth, scarPale, tint, frame, rng('stretch-marks'));
    scars = pack(depth, -1, sizePx, mmPerPx);
  }
  let wrinkles: PackedRelief | null = null;
  if (has('wrinkles')) {
    const depth = new Float32Array(n);
    counts.wrinkles = addWrinkles(depth, frame, rng('wrinkles'));
    wrinkles = pack(depth, -1, sizePx, mmPerPx);
  }
  if (tint !== null && edge !== null) {
    if (has('pigmentation')) counts.macules = addMacules(tint, edge, frame, rng('pigmentation'));
    if (has('active-acne')) counts.papules = addActiveAcne(tint, height, edge, frame, rng('active-acne'));
    if (has('rosacea')) counts.rosaceaVessels = addRosacea(tint, vessels, edge, frame, rng('rosacea'));
    if (has('rash')) {
      const patches = new Float32Array(n);
      const rashRng = rng('rash');
      addFbm(patches, sizePx, 7 / mmPerPx, 3, 0.55, 1, rashRng);
      addValueNoise(patches, sizePx, 1 / mmPerPx, 0.1, rashRng);
      addRash(tint, height, patches, frame);
    }
  }

  const packed = pack(height, 1, sizePx, mmPerPx);
  const { sheen, wax } = makeSheenMaps(sizePx, mmPerPx, rng('sheen'));

  let minVesselThreshold = VESSEL_NONE;
  for (let k = 0; k < n; k++) if (vessels.threshold[k]! < minVesselThreshold) minVesselThreshold = vessels.threshold[k]!;

  return {
    seed,
    sizePx,
    patchMm,
    mmPerPx,
    conditions: [...spec.conditions],
    region,
    blotch,
    grain,
    relief: packed,
    scars,
    scarPale,
    wrinkles,
    sheen,
    wax,
    tint,
    vessels,
    minVesselThreshold,
    counts,
  };
}

/** Packs a height (sign 1) or depth (sign −1) map in mm into gradient + depth triples (central differences). */
function pack(map: Float32Array, sign: 1 | -1, sizePx: number, mmPerPx: number): PackedRelief {
  const s = sizePx;
  const out = new Float32Array(3 * s * s);
  const k = sign / (2 * mmPerPx);
  for (let py = 0; py < s; py++) {
    const row = py * s;
    const up = (py > 0 ? py - 1 : 0) * s;
    const down = (py < s - 1 ? py + 1 : s - 1) * s;
    for (let px = 0; px < s; px++) {
      const l = px > 0 ? px - 1 : 0;
      const r = px < s - 1 ? px + 1 : s - 1;
      const o = 3 * (row + px);
      const depth = -sign * map[row + px]!;
      out[o] = (map[row + r]! - map[row + l]!) * k;
      out[o + 1] = (map[down + px]! - map[up + px]!) * k;
      out[o + 2] = depth > 0 ? depth : 0;
    }
  }
  return out;
}
