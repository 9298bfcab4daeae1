/**
 * Telangiectasia (issue 10): fine, arborising, tortuous vessels that fade toward their ends, more and
 * longer with T, none below the visible threshold 0.1, and rosacea's baseline vessels drawn at T₀ = 0.1.
 */
import { describe, expect, it } from 'vitest';
import { shadeSkin } from '../../../src/shading/shadeSkin';
import { deltaE } from '../../../src/shading/colour';
import { makeSkinTexture, VESSEL_NONE, type SkinTexture } from '../../../src/shading/skinTexture';
import { allocateVesselMaps } from '../../../src/shading/texture/vessels';
import { zeroFields } from './helpers';

const SIZE = 320;
const PATCH = 20;
const CELLS = 80;
const MM = PATCH / SIZE;

function texture(conditions: string[] = [], seed = 3): SkinTexture {
  return makeSkinTexture({ seed, sizePx: SIZE, patchMm: PATCH, conditions });
}

/** The same texture without any vessel (a new object, so the shader builds its own scratch). */
function withoutVessels(tex: SkinTexture): SkinTexture {
  return { ...tex, vessels: allocateVesselMaps(tex.sizePx), minVesselThreshold: VESSEL_NONE };
}

/**
 * Vessel pixels at telangiectasia T: pixels that differ visibly (ΔE*ab > 6, and redder: green falls
 * more than red) from the same skin and fields drawn without vessels.
 */
function vesselMask(tex: SkinTexture, T: number, phototype = 2): Uint8Array {
  const f = zeroFields(CELLS);
  f.T.fill(T);
  const a = new Uint8Array(SIZE * SIZE * 4);
  const b = new Uint8Array(SIZE * SIZE * 4);
  shadeSkin(tex, f, null, { layer: 'surface', phototype, hour: 0 }, a);
  shadeSkin(withoutVessels(tex), f, null, { layer: 'surface', phototype, hour: 0 }, b);
  const mask = new Uint8Array(SIZE * SIZE);
  for (let k = 0; k < SIZE * SIZE; k++) {
    const pa = [a[4 * k]!, a[4 * k + 1]!, a[4 * k + 2]!];
    const pb = [b[4 * k]!, b[4 * k + 1]!, b[4 * k + 2]!];
    mask[k] = deltaE(pa, pb) > 6 && pb[1]! - pa[1]! > pb[0]! - pa[0]! ? 1 : 0;
  }
  return mask;
}

const count = (m: Uint8Array): number => m.reduce((s, v) => s + v, 0);

describe('telangiectasia on the surface', () => {
  const tex = texture();

  it('draws no vessel below the visible threshold and more of them the higher T', () => {
    expect(count(vesselMask(tex, 0))).toBe(0);
    expect(count(vesselMask(tex, 0.09))).toBe(0);
    const n = [0.2, 0.4, 0.7, 1].map((T) => count(vesselMask(tex, T)));
    expect(n[0]!).toBeGreaterThan(0);
    for (let i = 1; i < n.length; i++) expect(n[i]!).toBeGreaterThan(n[i - 1]!);
  });

  it('draws fine lines: mean width 0.1–0.4 mm (area over half the outline)', () => {
    const m = vesselMask(tex, 1);
    let area = 0;
    let edge = 0;
    for (let y = 1; y < SIZE - 1; y++) {
      for (let x = 1; x < SIZE - 1; x++) {
        const k = y * SIZE + x;
        if (!m[k]) continue;
        area++;
        for (const j of [k - 1, k + 1, k - SIZE, k + SIZE]) if (!m[j]) edge++;
      }
    }
    const widthMm = ((2 * area) / edge) * MM;
    expect(area).toBeGreaterThan(800);
    expect(widthMm).toBeGreaterThan(0.08);
    expect(widthMm).toBeLessThan(0.4);
  });

  it('branches (arborising trees) and fades toward the ends: later-appearing parts are fainter', () => {
    expect(tex.counts.vessels! / Math.round((PATCH * PATCH) / 36)).toBeGreaterThan(5);
    // On the axes: mean h of the parts that appear last vs first.
    const axis: { thr: number; h: number }[] = [];
    for (let k = 0; k < SIZE * SIZE; k++) if (tex.vessels.threshold[k]! < VESSEL_NONE && tex.vessels.core[k]! > 0.8) axis.push({ thr: tex.vessels.threshold[k]!, h: tex.vessels.h[k]! });
    axis.sort((a, b) => a.thr - b.thr);
    const third = Math.floor(axis.length / 3);
    const mean = (xs: typeof axis): number => xs.reduce((s, v) => s + v.h, 0) / xs.length;
    expect(mean(axis.slice(-third))).toBeLessThan(0.9 * mean(axis.slice(0, third)));
  });

  it('is much less visible on dark skin', () => {
    expect(count(vesselMask(tex, 0.7, 6))).toBeLessThan(0.5 * count(vesselMask(tex, 0.7, 2)));
  });
});

describe('rosacea', () => {
  it('shows its baseline vessels at T₀ = 0.1, where the readout calls telangiectasia visible', () => {
    const rosacea = texture(['rosacea']);
    expect(count(vesselMask(rosacea, 0.1))).toBeGreaterThan(200);
    // Skin without rosacea at the same T shows none.
    expect(count(vesselMask(texture(), 0.1))).toBe(0);
  });
});
