/**
 * The shading module's public face: engine fields → pixels, pure TypeScript (no DOM, no Pixi).
 * Everything outside src/shading (session, workers, view, ui) imports from here; the boundary test
 * (tests/unit/architecture) enforces it. Tests and benchmarks may reach internals.
 */
export { BASE_HEX, deltaE, H_PER_INFLAMMATION, PIGMENT_K, skinColour, srgbToLab } from './colour';
export { CHANNEL_LIFE_H, crossSectionLabels, crossSectionScale, depthToY, shadeCrossSection, SURFACE_FRACTION, type CrossSectionAnatomy, type CrossSectionInput, type CrossSectionLabel, type DepthScale, type DepthTick } from './crossSection';
export { legendFor } from './legends';
export { RAMPS, TARGET_PASSES } from './ramps';
export { cellBoxForStrokes, copyRect, pasteRect, pixelRectForCells, unionRect, type CellBox, type PixelRect, type StrokeExtent, type StrokeReach } from './dirtyRect';
export { shadeFieldsFromEngine } from './fromEngine';
export { shadeSkin, shadeSkinRect, type ShadeAnatomy, type ShadeOptions } from './shadeSkin';
export { makeSkinTexture, type SkinTexture, type SkinTextureSpec } from './skinTexture';
export { LAYERS, type Layer, type Legend, type PunctureView, type ShadeFields } from './types';
export { tipDepthText } from './crossSectionScale';
export { BLEED_MIN, drawnBleeding, MARK_MAX_AGE_H } from './punctureMarks';
