/**
 * Public surface of the shading module: engine fields → pixels, pure TypeScript (no DOM, no Pixi),
 * used by the worker, tests and benchmarks.
 */
export { BASE_HEX, deltaE, H_PER_INFLAMMATION, PIGMENT_K, skinColour, srgbToLab } from './colour';
export { CHANNEL_LIFE_H, crossSectionLabels, crossSectionScale, depthToY, shadeCrossSection, SURFACE_FRACTION, type CrossSectionAnatomy, type CrossSectionInput, type CrossSectionLabel, type DepthScale, type DepthTick } from './crossSection';
export { legendFor } from './legends';
export { RAMPS, TARGET_PASSES } from './ramps';
export { cellBoxForStrokes, copyRect, pixelRectForCells, unionRect, type CellBox, type PixelRect, type StrokeExtent, type StrokeReach } from './dirtyRect';
export { shadeFieldsFromEngine } from './fromEngine';
export { shadeSkin, shadeSkinRect, type ShadeAnatomy, type ShadeOptions } from './shadeSkin';
export { makeSkinTexture, type SkinTexture, type SkinTextureSpec } from './skinTexture';
export { LAYERS, type Layer, type Legend, type PunctureView, type ShadeFields } from './types';
