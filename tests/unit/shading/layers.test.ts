/**
 * Data layers and their legends: perceptually ordered ramps, legends that show exactly the stops the
 * shader draws, and the coverage target line.
 */
import { describe, expect, it } from 'vitest';
import { parseHex } from '../../../src/shading/colour';
import { legendFor } from '../../../src/shading/legends';
import { buildRampLut, RAMPS, rampSrgb, TARGET_LINE_HEX, TARGET_PASSES, type DataLayer } from '../../../src/shading/ramps';
import { shadeSkin } from '../../../src/shading/shadeSkin';
import { makeSkinTexture } from '../../../src/shading/skinTexture';
import { LAYERS, type Layer } from '../../../src/shading/types';
import { lab, meanRgb, pixel, zeroFields, type MutableFields } from './helpers';

const DATA = LAYERS.filter((l): l is DataLayer => l !== 'surface');
const CELLS = 40;
const SIZE = 160;
const TEX = makeSkinTexture({ seed: 2, sizePx: SIZE, patchMm: 10, conditions: [] });

function shade(layer: Layer, f: MutableFields): Uint8Array {
  const out = new Uint8Array(SIZE * SIZE * 4);
  shadeSkin(TEX, f, null, { layer, phototype: 3, hour: 0 }, out);
  return out;
}

/** L* along a ramp's lookup table (linear RGB back to sRGB). */
function lightness(stops: (typeof RAMPS)[DataLayer]['stops']): number[] {
  const lut = buildRampLut(stops);
  const out: number[] = [];
  for (let i = 0; i < lut.rgb.length / 3; i++) {
    const c = [0, 1, 2].map((ch) => {
      const l = lut.rgb[i * 3 + ch]!;
      return 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
    });
    out.push(lab(c)[0]);
  }
  return out;
}

describe('ramps', () => {
  it.each(DATA)('%s: lightness changes monotonically along the ramp', (layer) => {
    const r = RAMPS[layer];
    for (const stops of [r.stops, ...(r.secondary ? [r.secondary.stops] : [])]) {
      const L = lightness(stops);
      const sign = Math.sign(L[L.length - 1]! - L[0]!);
      expect(sign).not.toBe(0);
      for (let i = 1; i < L.length; i++) expect(sign * (L[i]! - L[i - 1]!)).toBeGreaterThanOrEqual(-0.05);
      // Perceptible from end to end.
      expect(Math.abs(L[L.length - 1]! - L[0]!)).toBeGreaterThan(40);
    }
  });

  it.each(DATA)('%s: darker on screen as the value rises (or, for capillaries, as integrity falls)', (layer) => {
    const r = RAMPS[layer];
    const lo = r.stops[0]!.value;
    const hi = r.stops[r.stops.length - 1]!.value;
    const L = [0.1, 0.5, 0.9].map((t) => {
      const f = zeroFields(CELLS);
      const v = lo + (hi - lo) * t;
      const target = layer === 'erythema' ? f.I : layer === 'edema' ? f.E : layer === 'collagen' ? f.C1 : layer === 'capillaries' ? f.V : layer === 'pigment' ? f.Pg : f.coverage;
      target.fill(v);
      return lab(meanRgb(shade(layer, f)))[0];
    });
    const expectDown = layer !== 'capillaries';
    for (let i = 1; i < L.length; i++) {
      if (expectDown) expect(L[i]!).toBeLessThan(L[i - 1]!);
      else expect(L[i]!).toBeGreaterThan(L[i - 1]!);
    }
  });

  it('draws the legend colour on untextured-average skin (mean within a few units)', () => {
    const f = zeroFields(CELLS);
    f.I.fill(0.35);
    const m = meanRgb(shade('erythema', f));
    const expected = rampSrgb(RAMPS.erythema.stops, 0.35, [0, 0, 0]);
    for (let c = 0; c < 3; c++) expect(Math.abs(m[c]! - expected[c]!)).toBeLessThan(8);
  });

  it('tells collagen I from collagen III by hue (purple vs orange)', () => {
    const f1 = zeroFields(CELLS);
    f1.C1.fill(0.5);
    const f3 = zeroFields(CELLS);
    f3.C3.fill(0.5);
    const m1 = lab(meanRgb(shade('collagen', f1)));
    const m3 = lab(meanRgb(shade('collagen', f3)));
    // Collagen III orange: b* (yellow) high; collagen I purple: b* negative.
    expect(m3[2]).toBeGreaterThan(20);
    expect(m1[2]).toBeLessThan(-5);
  });

  it('marks the coverage target with a line where the passes cross 15', () => {
    const f = zeroFields(CELLS);
    for (let y = 0; y < CELLS; y++) for (let x = 0; x < CELLS; x++) f.coverage[y * CELLS + x] = x < CELLS / 2 ? 10 : 20;
    const out = shade('coverage', f);
    const line = parseHex(TARGET_LINE_HEX);
    // Find, on a middle row, the pixels drawn in the line colour.
    const row = SIZE / 2;
    const hits: number[] = [];
    for (let px = 0; px < SIZE; px++) {
      const c = pixel(out, SIZE, px, row);
      if (Math.abs(c[0] - line[0]) < 3 && Math.abs(c[1] - line[1]) < 3 && Math.abs(c[2] - line[2]) < 3) hits.push(px);
    }
    expect(hits.length).toBe(1);
    // Coverage crosses 15 halfway between the two central cell centres, i.e. at the patch centre.
    expect(Math.abs(hits[0]! - SIZE / 2)).toBeLessThanOrEqual(1);
  });
});

describe('legendFor', () => {
  it('has no legend for the surface', () => {
    expect(legendFor('surface')).toBeNull();
  });

  it.each(DATA)('%s: stops are the shader ramp in display units, increasing, with title, unit and note', (layer) => {
    const l = legendFor(layer)!;
    const r = RAMPS[layer];
    expect(l.layer).toBe(layer);
    expect(l.title.length).toBeGreaterThan(3);
    expect(l.unit.length).toBeGreaterThan(2);
    expect(l.note.length).toBeGreaterThan(10);
    expect(l.stops.map((s) => s.color)).toEqual(r.stops.map((s) => s.color));
    l.stops.forEach((s, i) => expect(s.value).toBeCloseTo(r.stops[i]!.value * r.scale, 9));
    for (let i = 1; i < l.stops.length; i++) expect(l.stops[i]!.value).toBeGreaterThan(l.stops[i - 1]!.value);
  });

  it('names units, visible thresholds, the coverage target and the hypothesis behind capillaries', () => {
    expect(legendFor('erythema')!.marks).toContainEqual({ value: 0.15, label: 'visible' });
    expect(legendFor('edema')!.marks).toContainEqual({ value: 0.1, label: 'visible' });
    expect(legendFor('pigment')!.marks).toContainEqual({ value: 0.028, label: 'visible' });
    expect(legendFor('coverage')!.marks).toContainEqual({ value: TARGET_PASSES, label: 'target' });
    expect(legendFor('coverage')!.unit).toBe('passes');
    expect(legendFor('collagen')!.unit).toBe('% of baseline');
    expect(legendFor('collagen')!.secondary?.stops.length).toBeGreaterThan(2);
    const cap = legendFor('capillaries')!;
    expect(cap.note).toContain('Hypothesis [I]');
    expect(cap.evidence).toBe('hypothesis');
    expect(cap.stops[cap.stops.length - 1]!.value).toBe(100);
  });
});
