import type { Region } from '../../engine/index';

/**
 * The micro-relief of each body region (texture/relief.ts draws it). Pore densities are follicle
 * densities where they were counted (Otberg 2004, J Invest Dermatol 122:14, cyanoacrylate biopsies:
 * forehead 292/cm², back 29, thorax 22, upper arm 32 [S]); the cheek, perioral and neck values and all
 * furrow figures are our reading of skin-replica profilometry reviews and clinical photographs [D]:
 * - forehead: the densest, smaller pores; a regular, moderately deep furrow net;
 * - cheek (the default; the medial cheek next to the nose has the widest facial pores): dense wide pores;
 * - perioral: dense pores, slightly deeper net;
 * - periorbital: thin skin with few small pores and a dense net of fine shallow lines crossing at a
 *   narrow angle ("crepey" skin, fine lines);
 * - neck: fewer pores, furrows that run mostly one way (horizontal folds) and a bit deeper;
 * - body (stretch-mark sites: abdomen, thighs): sparse pores and a coarser, deeper net with larger plateaus.
 */
export interface RegionRelief {
  /** Visible pores per mm². */
  readonly poresPerMm2: number;
  /** Scale on pore diameter (cheek 1: 0.08–0.22 mm orifices) and depth (cheek 1: 0.035–0.055 mm). */
  readonly poreSize: number;
  readonly poreDepth: number;
  /** Primary furrows: mean spacing (mm), depth scale (cheek 1: 0.035–0.055 mm), half-width (mm). */
  readonly furrowSpacingMm: number;
  readonly furrowDepth: number;
  readonly furrowHalfWidthMm: number;
  /** Crossing angle of the two primary families, degrees (range: min, min + spread). */
  readonly crossDeg: number;
  readonly crossSpreadDeg: number;
  /** Relative depth of the second family (1 both alike; < 1 one direction dominates, as on the neck). */
  readonly secondFamily: number;
  /** Secondary mesh: cell size (mm) and depth scale (cheek 1: 0.008–0.022 mm). */
  readonly meshCellMm: number;
  readonly meshDepth: number;
}

export const REGION_RELIEF: Readonly<Record<Region, RegionRelief>> = Object.freeze({
  forehead: { poresPerMm2: 2.9, poreSize: 0.85, poreDepth: 0.9, furrowSpacingMm: 0.85, furrowDepth: 0.9, furrowHalfWidthMm: 0.05, crossDeg: 55, crossSpreadDeg: 20, secondFamily: 1, meshCellMm: 0.4, meshDepth: 1 },
  cheek: { poresPerMm2: 2.0, poreSize: 1, poreDepth: 1, furrowSpacingMm: 0.93, furrowDepth: 1, furrowHalfWidthMm: 0.05, crossDeg: 55, crossSpreadDeg: 20, secondFamily: 1, meshCellMm: 0.42, meshDepth: 1 },
  perioral: { poresPerMm2: 1.8, poreSize: 0.9, poreDepth: 1, furrowSpacingMm: 0.8, furrowDepth: 1.15, furrowHalfWidthMm: 0.05, crossDeg: 50, crossSpreadDeg: 20, secondFamily: 1, meshCellMm: 0.38, meshDepth: 1.1 },
  periorbital: { poresPerMm2: 0.5, poreSize: 0.6, poreDepth: 0.6, furrowSpacingMm: 0.5, furrowDepth: 0.9, furrowHalfWidthMm: 0.04, crossDeg: 25, crossSpreadDeg: 15, secondFamily: 0.7, meshCellMm: 0.28, meshDepth: 0.8 },
  neck: { poresPerMm2: 0.7, poreSize: 0.8, poreDepth: 0.8, furrowSpacingMm: 1.0, furrowDepth: 1.25, furrowHalfWidthMm: 0.055, crossDeg: 40, crossSpreadDeg: 15, secondFamily: 0.45, meshCellMm: 0.5, meshDepth: 1 },
  body: { poresPerMm2: 0.3, poreSize: 0.75, poreDepth: 0.8, furrowSpacingMm: 1.35, furrowDepth: 1.4, furrowHalfWidthMm: 0.065, crossDeg: 60, crossSpreadDeg: 25, secondFamily: 0.9, meshCellMm: 0.6, meshDepth: 1.3 },
});
