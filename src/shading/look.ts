import { DEFAULT_PARAMS } from '../engine/index';

/**
 * Look constants of the surface shader [D]: tuned by eye against clinical photographs at 16 px/mm;
 * none is measured. The shader copies them into locals once per call: imported bindings read in a hot
 * loop are live bindings (a getter call each when transpiled to CommonJS: that loop ran 7× slower).
 */
export const LOOK = Object.freeze({
  /** Natural blotchiness as relative OD, haemoglobin h and melanin m per unit of the blotch map. */
  blotchAlb: 0.04,
  blotchH: 0.08,
  blotchM: 0.07,
  /** Fine grain as relative OD. */
  grainAlb: 0.018,
  /** plasticLook evens the albedo by up to 80 % and flattens micro-relief by up to 90 % (docs/appearance.md §4: 50–90 %). */
  plasticEven: 0.8,
  plasticFlatten: 0.9,
  /** …and makes it waxy: up to 20 % less saturated and 4 % lighter (a translucent, doll-like surface). */
  plasticDesat: 0.1,
  plasticLighten: 0.04,
  /**
   * What a course's gain does to the relief (docs/appearance.md §6; docs/model.md §7). Scars and stretch
   * marks keep depth × (1 − g·C1), the readout's rule (scarSeverity = −g·C1, g = 1.1, Dogra 2014 [V]):
   * only mature collagen I fills them, so a scar does not deepen again while collagen III turns over.
   * Wrinkles keep depth × e^(−C1/c_w), the share of the baseline grade the wrinkle readout leaves
   * (−G0·(1 − e^(−C1/c_w)), calibrated to Ablon 2018 [V]). The fine micro-relief (pores, furrows) gets
   * finer with mature collagen I and a thicker epidermis: depth × max(reliefMinGain, 1 − reliefPerC1·C1
   * − reliefPerEp·Ep) [I mapping; D constants, chosen so that Lotfi 2013's endpoint (C1 ≈ 0.3, Ep ≈ 0.5)
   * leaves ≈ 70 % of the relief: finer, not gone]. g and c_w are the model's own, not copies.
   */
  scarFillPerC1: DEFAULT_PARAMS.gScar,
  wrinkleGradeC1: DEFAULT_PARAMS.cWrinkleGrade,
  reliefPerC1: 0.6,
  reliefPerEp: 0.2,
  reliefMinGain: 0.55,
  /** Oedema at E ≥ 1: 12 % lighter, 30 % less saturated, pores and furrows 35 % shallower. */
  edemaLighten: 0.12,
  edemaDesat: 0.3,
  edemaPuff: 0.35,
  /** Swelling height per unit E (mm): shades the rim of a swollen zone. */
  swellMm: 0.15,
  /**
   * Subsurface scattering (mean free path ≈ 0.2–0.5 mm) blurs the shading of fine relief: the slopes of
   * pores and furrows count at this fraction; mm-sized scars and wrinkles at scarGain.
   */
  reliefGain: 0.5,
  scarGain: 0.9,
  /** Light from the upper left at this elevation (rad); the viewer looks straight down. */
  lightElevation: (45 * Math.PI) / 180,
  /**
   * Red light diffuses further under the skin (mm vs a fraction of a mm for blue-green), so shade on
   * skin is warmer: the red channel takes this share of the relief's light change [D].
   */
  redShade: 0.75,
  /** Share of the light that relief does not change (fill light, light scattered under the skin). */
  ambient: 0.3,
  /** Cast shadows: penumbra width in mm of height (scattered light softens shadow edges). */
  shadowSoftMm: 0.03,
  /** Cavity darkening per mm of depth: pores and furrows; scar floors; wrinkles (shadowed grooves). */
  cavityRelief: 4,
  cavityScar: 0.3,
  cavityWrinkle: 1.2,
  /**
   * Specular (white, added to linear RGB): the sheen of a film where skin is waxy, swollen or wet (per
   * unit, times the texture's highlight pattern of mean 1, texture/sheen.ts: a broad irregular
   * highlight with a brighter core, and a low floor elsewhere), and glints on micro-facets tilted toward
   * the mirror direction. The glint lobe is compact, (1 − d²/w²)² in slope space around the mirror
   * slope, narrower than the distance of a flat surface from it, so a flat patch keeps exactly its base
   * colour. Plastic skin: a strong broad sheen and brighter glints (lower roughness) on a flatter relief.
   */
  sheenPlastic: 0.06,
  sheenEdema: 0.01,
  sheenWet: 0.01,
  /** Extra weight of the micro-relief's light change in the sheen (pores break up a highlight). */
  sheenTexture: 0.8,
  glint: 0.06,
  glintPlastic: 0.1,
  /** Lobe radius as a fraction of the flat surface's distance from the mirror slope. */
  glintWidth: 0.8,
  /**
   * Telangiectasia: a vessel fades in over ΔT = 0.1 above its threshold, from its axis (this share of
   * its width, at half strength) to its full width and strength.
   */
  vesselFadeIn: 10,
  vesselAxisShare: 0.35,
  /** Wider vessels look purple (venous blood): deoxy share per unit h above 0.8. */
  vesselPurple: 0.85,
  /** Train tracks: relative lightening of a full-strength dot, gated by T from 0.15 to 0.5. */
  trackPale: 0.12,
  trackT0: 0.15,
  trackT1: 0.5,
  /** Data layers: the ramp is multiplied by the surface's relative brightness, clamped to this range. */
  layerShadeMin: 0.55,
  layerShadeMax: 1.25,
});

/** Diffuse factor per unit of (gx + gy): 1 + k·(gx + gy) for small slopes, light from the upper left. */
export const LIGHT_K = (Math.cos(LOOK.lightElevation) * Math.SQRT1_2) / Math.sin(LOOK.lightElevation);
/** Slope (in x and in y) at which a facet mirrors the light to the viewer (half-vector tilt). */
export const HALF_SLOPE = (Math.cos(LOOK.lightElevation) * Math.SQRT1_2) / (1 + Math.sin(LOOK.lightElevation));
