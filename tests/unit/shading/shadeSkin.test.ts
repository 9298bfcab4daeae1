/**
 * shadeSkin: fields → RGBA. Small textures keep it fast: a 10 mm patch at 200 px (0.05 mm/px, so a
 * 0.1–0.3 mm bleeding dot covers whole pixels) over a 40-cell grid.
 */
import { describe, expect, it } from 'vitest';
import { SkinSimulation } from '../../../src/engine/index';
import { BASE_HEX, deltaE, parseHex } from '../../../src/shading/colour';
import { shadeFieldsFromEngine } from '../../../src/shading/fromEngine';
import { shadeSkin, type ShadeOptions } from '../../../src/shading/shadeSkin';
import { makeSkinTexture, type SkinTexture } from '../../../src/shading/skinTexture';
import type { PunctureView, ShadeFields } from '../../../src/shading/types';
import { fineContrast, lab, meanRgb, pixelAtMm, punctureView, sortedLightness, zeroFields, type MutableFields } from './helpers';

const PATCH = 10;
const SIZE = 200;
const CELLS = 40;
const MM = PATCH / SIZE;

function texture(conditions: string[] = [], seed = 5): SkinTexture {
  return makeSkinTexture({ seed, sizePx: SIZE, patchMm: PATCH, conditions });
}

function shade(tex: SkinTexture, fields: ShadeFields, p: PunctureView | null, o: Partial<ShadeOptions> = {}): Uint8Array {
  const out = new Uint8Array(tex.sizePx * tex.sizePx * 4);
  shadeSkin(tex, fields, p, { layer: 'surface', phototype: 3, hour: 0, ...o }, out);
  return out;
}

function withFields(set: (f: MutableFields) => void, cells = CELLS): MutableFields {
  const f = zeroFields(cells);
  set(f);
  return f;
}

/** The real resolution (16 px/mm) for the look tests: a 20 mm patch at 320 px over 80 cells. */
const MACRO = 320;
const MACRO_CELLS = 80;
function macro(conditions: string[], seed = 3): SkinTexture {
  return makeSkinTexture({ seed, sizePx: MACRO, patchMm: 20, conditions });
}
function shadeMacro(tex: SkinTexture, fields: ShadeFields): Uint8Array {
  const out = new Uint8Array(MACRO * MACRO * 4);
  shadeSkin(tex, fields, null, { layer: 'surface', phototype: 3, hour: 0 }, out);
  return out;
}

const TEX = texture();

describe('surface colour', () => {
  it('averages to the phototype base colour on untreated skin (texture variation is centred)', () => {
    for (const p of [1, 3, 6]) {
      const m = meanRgb(shade(TEX, zeroFields(CELLS), null, { phototype: p }));
      const hex = parseHex(BASE_HEX[p - 1]!);
      for (let c = 0; c < 3; c++) expect(Math.abs(m[c]! - hex[c]!)).toBeLessThan(5);
    }
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const f = withFields((g) => g.I.fill(0.4));
    const a = shade(texture([], 9), f, null);
    const b = shade(texture([], 9), f, null);
    const c = shade(texture([], 10), f, null);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('gives the same bytes whatever was shaded before (cached scratch and static colour)', () => {
    const tex = texture(['acne-scars', 'wrinkles'], 12);
    const f = withFields((g) => {
      g.I.fill(0.3);
      g.E.fill(0.2);
      g.C1.fill(0.2);
      g.T.fill(0.4);
    });
    const first = shade(tex, f, null, { phototype: 3 });
    shade(tex, zeroFields(CELLS), null, { phototype: 6 });
    shade(tex, f, null, { phototype: 2, layer: 'collagen' });
    shade(tex, withFields((g) => g.Pg.fill(0.05)), null, { phototype: 3 });
    const again = shade(tex, f, null, { phototype: 3 });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const fresh = shade(texture(['acne-scars', 'wrinkles'], 12), f, null, { phototype: 3 });
    expect(Buffer.from(fresh).equals(Buffer.from(first))).toBe(true);
  });

  it('turns redder with erythema, and the same erythema changes type VI less than type I', () => {
    const f = withFields((g) => g.I.fill(0.15));
    for (const p of [1, 6]) {
      const base = meanRgb(shade(TEX, zeroFields(CELLS), null, { phototype: p }));
      const red = meanRgb(shade(TEX, f, null, { phototype: p }));
      expect(lab(red)[1]).toBeGreaterThan(lab(base)[1]);
      expect(red[0] / red[1]).toBeGreaterThan(base[0] / base[1]);
    }
    const d1 = deltaE(meanRgb(shade(TEX, zeroFields(CELLS), null, { phototype: 1 })), meanRgb(shade(TEX, f, null, { phototype: 1 })));
    const d6 = deltaE(meanRgb(shade(TEX, zeroFields(CELLS), null, { phototype: 6 })), meanRgb(shade(TEX, f, null, { phototype: 6 })));
    expect(d6).toBeLessThan(0.75 * d1);
  });

  it('adds brown with pigment without raising redness', () => {
    const base = lab(meanRgb(shade(TEX, zeroFields(CELLS), null, { phototype: 4 })));
    const pig = lab(meanRgb(shade(TEX, withFields((g) => g.Pg.fill(0.1)), null, { phototype: 4 })));
    expect(pig[0]).toBeLessThan(base[0] - 2);
    expect(pig[2]).toBeGreaterThan(base[2]);
    expect(pig[1] - base[1]).toBeLessThan(0.5);
  });

  it('samples fields bilinearly: a one-cell step becomes a ramp, not a block edge', () => {
    const f = withFields((g) => {
      for (let y = 0; y < CELLS; y++) for (let x = CELLS / 2; x < CELLS; x++) g.I[y * CELLS + x] = 1;
    });
    const out = shade(texture(), f, null);
    // Pixel columns across the step (cell pitch 0.25 mm = 5 px): redness rises over several columns.
    const redness = (px: number): number => {
      let s = 0;
      for (let py = 0; py < SIZE; py++) s += lab(pixelAtMm(out, SIZE, MM, (px + 0.5) * MM, (py + 0.5) * MM))[1];
      return s / SIZE;
    };
    const cols = [92, 95, 98, 100, 102, 105, 108].map(redness);
    for (let i = 1; i < cols.length; i++) expect(cols[i]!).toBeGreaterThanOrEqual(cols[i - 1]! - 0.2);
    const steps = cols.slice(1).map((v, i) => v - cols[i]!);
    // No single step carries the whole change.
    expect(Math.max(...steps)).toBeLessThan(0.6 * (cols[cols.length - 1]! - cols[0]!));
  });

  it('shows the micro-relief on untreated skin: visible but subtle, pores as darker dots', () => {
    const tex = macro([]);
    const out = shadeMacro(tex, zeroFields(MACRO_CELLS));
    // Neighbouring pixels differ by ≈ 1–2 sRGB steps on average: a textured surface, not a swatch (a
    // flat swatch with grain only gives < 0.5), and not a crackle glaze.
    const c = fineContrast(out, MACRO);
    expect(c).toBeGreaterThan(1);
    expect(c).toBeLessThan(4);
    // The deepest relief (pores and the deepest furrows) is darker than the patch.
    let mean = 0;
    for (let k = 0; k < MACRO * MACRO; k++) mean += out[4 * k + 1]!;
    mean /= MACRO * MACRO;
    let rel = 0;
    let n = 0;
    for (let k = 0; k < MACRO * MACRO; k++) {
      if (tex.relief[3 * k + 2]! > 0.04) {
        rel += out[4 * k + 1]! / mean - 1;
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(rel / n).toBeLessThan(-0.04);
  });

  it('flattens the micro-relief with the plastic look (less fine texture contrast)', () => {
    const tex = macro([]);
    const plain = fineContrast(shadeMacro(tex, zeroFields(MACRO_CELLS)), MACRO);
    // plasticLook = 0.5·(C3 − C1), here without telangiectasia (whose vessels would add contrast).
    const at = (pl: number): number => fineContrast(shadeMacro(tex, withFields((g) => g.C3.fill(2 * pl), MACRO_CELLS)), MACRO);
    expect(at(0.6)).toBeLessThan(0.7 * plain);
    expect(at(1)).toBeLessThan(0.35 * plain);
  });

  it('makes over-treated skin waxy: an even sheen over the whole treated area, not a glare spot', () => {
    const tex = macro([]);
    const plain = shadeMacro(tex, zeroFields(MACRO_CELLS));
    const waxy = shadeMacro(tex, withFields((g) => g.C3.fill(2), MACRO_CELLS));
    // Lightness change per 1 mm block (16 × 16 px).
    const B = 16;
    const n = MACRO / B;
    const gain: number[] = [];
    for (let by = 0; by < n; by++) {
      for (let bx = 0; bx < n; bx++) {
        let d = 0;
        for (let y = by * B; y < (by + 1) * B; y++) for (let x = bx * B; x < (bx + 1) * B; x++) {
          const k = 4 * (y * MACRO + x);
          d += lab([waxy[k]!, waxy[k + 1]!, waxy[k + 2]!])[0] - lab([plain[k]!, plain[k + 1]!, plain[k + 2]!])[0];
        }
        gain.push(d / (B * B));
      }
    }
    const mean = gain.reduce((a, b) => a + b, 0) / gain.length;
    expect(mean).toBeGreaterThan(2);
    // Every millimetre of the treated skin carries the sheen, and none carries a glare spot.
    expect(gain.filter((g) => g > 0.35 * mean).length / gain.length).toBeGreaterThan(0.95);
    expect(Math.max(...gain)).toBeLessThan(2.2 * mean);
    // Untreated skin has no sheen at all (the pattern only shows through a film).
    expect(Buffer.from(shadeMacro(tex, zeroFields(MACRO_CELLS))).equals(Buffer.from(plain))).toBe(true);
  });

  it('evens the surface more the higher plasticLook: less lightness spread, far less fine texture', () => {
    const tex = macro([]);
    const ls = (out: Uint8Array): number[] => Array.from({ length: MACRO * MACRO }, (_, k) => lab([out[4 * k]!, out[4 * k + 1]!, out[4 * k + 2]!])[0]);
    const spread = (l: number[]): number => {
      const s = [...l].sort((a, b) => a - b);
      return s[Math.floor(0.95 * s.length)]! - s[Math.floor(0.05 * s.length)]!;
    };
    // Mean standard deviation of L* inside 0.5 mm blocks: pores, furrows and grain, not the sheen's swell.
    const local = (l: number[]): number => {
      const B = 8;
      let sum = 0;
      let blocks = 0;
      for (let by = 0; by < MACRO; by += B) {
        for (let bx = 0; bx < MACRO; bx += B) {
          let m = 0;
          let m2 = 0;
          for (let y = by; y < by + B; y++) for (let x = bx; x < bx + B; x++) {
            const v = l[y * MACRO + x]!;
            m += v;
            m2 += v * v;
          }
          m /= B * B;
          sum += Math.sqrt(Math.max(0, m2 / (B * B) - m * m));
          blocks++;
        }
      }
      return sum / blocks;
    };
    const at = (pl: number): number[] => ls(shadeMacro(tex, withFields((g) => g.C3.fill(2 * pl), MACRO_CELLS)));
    const l = [0, 0.3, 0.6, 1].map(at);
    const spreads = l.map(spread);
    const locals = l.map(local);
    for (let i = 1; i < l.length; i++) {
      expect(spreads[i]!).toBeLessThan(spreads[i - 1]!);
      expect(locals[i]!).toBeLessThan(locals[i - 1]!);
    }
    expect(spreads[3]!).toBeLessThan(0.8 * spreads[0]!);
    expect(locals[3]!).toBeLessThan(0.5 * locals[0]!);
  });

  it('shows atrophic acne scars as pits lit from the upper left: shadowed upper-left walls, lit lower-right walls', () => {
    const scarred = macro(['acne-scars']);
    const smooth = macro([]);
    const a = shadeMacro(scarred, zeroFields(MACRO_CELLS));
    const b = shadeMacro(smooth, zeroFields(MACRO_CELLS));
    let upperLeft = 0;
    let nUl = 0;
    let lowerRight = 0;
    let nLr = 0;
    for (let k = 0; k < MACRO * MACRO; k++) {
      if (scarred.scars![3 * k + 2]! < 0.02) continue;
      // Packed gradient of the surface height: negative where the wall descends toward the lower right.
      const s = scarred.scars![3 * k]! + scarred.scars![3 * k + 1]!;
      const rel = a[4 * k + 1]! / b[4 * k + 1]! - 1;
      if (s < -0.3) {
        upperLeft += rel;
        nUl++;
      } else if (s > 0.3) {
        lowerRight += rel;
        nLr++;
      }
    }
    expect(nUl).toBeGreaterThan(50);
    expect(nLr).toBeGreaterThan(50);
    expect(upperLeft / nUl).toBeLessThan(-0.2);
    expect(lowerRight / nLr).toBeGreaterThan(0);
  });

  it('fills acne scars with mature collagen only: depth × (1 − 1.1·C1), so C1 = 0.5 leaves ≈ 45 % of the contrast and collagen III none', () => {
    const scarred = macro(['acne-scars']);
    const smooth = macro([]);
    const contrast = (f: ShadeFields): number => {
      const a = shadeMacro(scarred, f);
      const b = shadeMacro(smooth, f);
      let s = 0;
      for (let k = 0; k < MACRO * MACRO; k++) if (scarred.scars![3 * k + 2]! > 0.02) s += Math.abs(a[4 * k + 1]! - b[4 * k + 1]!);
      return s;
    };
    const before = contrast(zeroFields(MACRO_CELLS));
    const quarter = contrast(withFields((g) => g.C1.fill(0.25), MACRO_CELLS));
    const half = contrast(withFields((g) => g.C1.fill(0.5), MACRO_CELLS));
    // Immature collagen III does not fill the scar (docs/model.md §7: scarSeverity = −g·C1).
    const immature = contrast(withFields((g) => g.C3.fill(0.5), MACRO_CELLS));
    expect(quarter / before).toBeGreaterThan(0.6);
    expect(quarter / before).toBeLessThan(0.85);
    expect(half / before).toBeGreaterThan(0.3);
    expect(half / before).toBeLessThan(0.6);
    expect(immature / before).toBeGreaterThan(0.97);
  });

  it('fills acne scars with new collagen (the pits get shallower, so less dark)', () => {
    const tex = texture(['acne-scars'], 3);
    expect(tex.scars).not.toBeNull();
    // The deepest scar pixel.
    let best = 0;
    for (let k = 0; k < SIZE * SIZE; k++) if (tex.scars![3 * k + 2]! > tex.scars![3 * best + 2]!) best = k;
    expect(tex.scars![3 * best + 2]!).toBeGreaterThan(0.05);
    const at = (out: Uint8Array): number => out[4 * best + 1]!;
    const before = at(shade(tex, zeroFields(CELLS), null));
    const filled = at(shade(tex, withFields((g) => g.C1.fill(0.8)), null));
    const flat = at(shade(texture([], 3), zeroFields(CELLS), null));
    expect(Math.abs(filled - flat)).toBeLessThan(Math.abs(before - flat));
  });

  it('fills stretch marks with mature collagen (paler, shaded bands fade) and makes wrinkles shallower with collagen I only', () => {
    const marked = macro(['stretch-marks', 'wrinkles']);
    const smooth = macro([]);
    // Over the pixels of one map only (wrinkles where they do not cross a stretch mark).
    const diff = (f: ShadeFields, map: Float32Array, other: Float32Array): number => {
      const a = shadeMacro(marked, f);
      const b = shadeMacro(smooth, f);
      let s = 0;
      for (let k = 0; k < MACRO * MACRO; k++) if (map[3 * k + 2]! > 0.01 && other[3 * k + 2]! === 0) s += Math.abs(a[4 * k + 1]! - b[4 * k + 1]!);
      return s;
    };
    // Stretch marks fill like scars, by mature collagen I only (depth × (1 − g·C1), docs/model.md §7).
    const gain = withFields((g) => {
      g.C3.fill(0.25);
      g.C1.fill(0.4);
    }, MACRO_CELLS);
    const striae = marked.scars!;
    const wrinkles = marked.wrinkles!;
    const striae0 = diff(zeroFields(MACRO_CELLS), striae, wrinkles);
    expect(diff(gain, striae, wrinkles) / striae0).toBeLessThan(0.85);
    const wr0 = diff(zeroFields(MACRO_CELLS), wrinkles, striae);
    const wrC1 = diff(withFields((g) => g.C1.fill(0.5), MACRO_CELLS), wrinkles, striae) / wr0;
    expect(wrC1).toBeLessThan(0.8);
    // The same amount of collagen III changes wrinkles much less (they respond to mature collagen I;
    // what changes is the plastic look's flattening of the micro-relief around them).
    const wrC3 = diff(withFields((g) => g.C3.fill(0.5), MACRO_CELLS), wrinkles, striae) / wr0;
    expect(wrC3).toBeGreaterThan(wrC1 + 0.15);
  });

  it('shows telangiectasia as more red vessel pixels when T rises, less visible on type VI', () => {
    const count = (out: Uint8Array, ref: Uint8Array): number => {
      let n = 0;
      for (let k = 0; k < SIZE * SIZE; k++) if (ref[4 * k + 1]! - out[4 * k + 1]! > 12) n++;
      return n;
    };
    const ref = shade(TEX, zeroFields(CELLS), null);
    const low = count(shade(TEX, withFields((g) => g.T.fill(0.3)), null), ref);
    const high = count(shade(TEX, withFields((g) => g.T.fill(1)), null), ref);
    expect(high).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(50);
    const ref6 = shade(TEX, zeroFields(CELLS), null, { phototype: 6 });
    const high6 = count(shade(TEX, withFields((g) => g.T.fill(1)), null, { phototype: 6 }), ref6);
    expect(high6).toBeLessThan(high);
  });

  it('handles any grid and texture size pairing (fewer or more cells than pixels) with opaque output', () => {
    for (const [cells, size] of [
      [32, 100],
      [160, 64],
      [512, 96],
    ] as const) {
      const tex = makeSkinTexture({ seed: 1, sizePx: size, patchMm: 40, conditions: ['acne-scars', 'wrinkles', 'rosacea'] });
      const f = zeroFields(cells);
      for (let i = 0; i < cells * cells; i++) {
        f.I[i] = (i % 7) / 5;
        f.E[i] = (i % 5) / 4;
        f.T[i] = (i % 11) / 10;
        f.C3[i] = (i % 3) / 2;
        f.Pg[i] = (i % 13) / 100;
        f.coverage[i] = i % 31;
      }
      for (const layer of ['surface', 'collagen', 'coverage'] as const) {
        const out = new Uint8Array(size * size * 4);
        shadeSkin(tex, f, null, { layer, phototype: 4, hour: 0 }, out);
        for (let k = 3; k < out.length; k += 4) expect(out[k]).toBe(255);
      }
    }
  });

  it('checks its arguments', () => {
    expect(() => shadeSkin(TEX, zeroFields(CELLS), null, { layer: 'surface', phototype: 3, hour: 0 }, new Uint8Array(10))).toThrow(RangeError);
    const bad = { ...zeroFields(CELLS), cells: 41 };
    expect(() => shade(TEX, bad, null)).toThrow(RangeError);
  });
});

describe('puncture marks', () => {
  const at = { x: 5.02, y: 4.98 };
  const bleeding = punctureView([{ ...at, depth: 0.75, hour: 10 }]);
  const plain = shade(TEX, zeroFields(CELLS), null, { hour: 10.2 });

  it('draws a dark red dot at the exact puncture position and leaves skin 2 mm away unchanged', () => {
    const out = shade(TEX, zeroFields(CELLS), bleeding, { hour: 10.2 });
    const [r, g, b] = pixelAtMm(out, SIZE, MM, at.x, at.y);
    expect(r).toBeGreaterThan(110);
    expect(r).toBeGreaterThan(2.5 * g);
    expect(r).toBeGreaterThan(2.5 * b);
    expect(pixelAtMm(out, SIZE, MM, at.x + 2, at.y)).toEqual(pixelAtMm(plain, SIZE, MM, at.x + 2, at.y));
    expect(pixelAtMm(out, SIZE, MM, at.x, at.y - 2)).toEqual(pixelAtMm(plain, SIZE, MM, at.x, at.y - 2));
  });

  it('turns into a darker crust within hours and is gone after 2 days', () => {
    const fresh = pixelAtMm(shade(TEX, zeroFields(CELLS), bleeding, { hour: 10.2 }), SIZE, MM, at.x, at.y);
    const crust = pixelAtMm(shade(TEX, zeroFields(CELLS), bleeding, { hour: 16 }), SIZE, MM, at.x, at.y);
    expect(lab(crust)[0]).toBeLessThan(lab(fresh)[0]);
    const later = shade(TEX, zeroFields(CELLS), bleeding, { hour: 58 });
    expect(pixelAtMm(later, SIZE, MM, at.x, at.y)).toEqual(pixelAtMm(shade(TEX, zeroFields(CELLS), null, { hour: 58 }), SIZE, MM, at.x, at.y));
  });

  it('scales bleeding by bleedingFactor (0 draws no blood)', () => {
    const out = shade(TEX, zeroFields(CELLS), bleeding, { hour: 10.2, bleedingFactor: 0 });
    const [r, g] = pixelAtMm(out, SIZE, MM, at.x, at.y);
    expect(r).toBeLessThan(2 * g);
  });

  it('leaves a faint channel mark where a puncture did not bleed, fading within hours', () => {
    const dry = punctureView([{ ...at, depth: 0.12, hour: 10 }]);
    const mark = pixelAtMm(shade(TEX, zeroFields(CELLS), dry, { hour: 10.5 }), SIZE, MM, at.x, at.y);
    const skin = pixelAtMm(plain, SIZE, MM, at.x, at.y);
    const d = deltaE(mark, skin);
    expect(d).toBeGreaterThan(1);
    expect(d).toBeLessThan(15);
    const gone = pixelAtMm(shade(TEX, zeroFields(CELLS), dry, { hour: 20 }), SIZE, MM, at.x, at.y);
    expect(gone).toEqual(pixelAtMm(shade(TEX, zeroFields(CELLS), null, { hour: 20 }), SIZE, MM, at.x, at.y));
  });

  it('leaves faint pale train-track dots of week-old deep punctures only where the course was overdone', () => {
    const old = punctureView([{ ...at, depth: 1, hour: 0 }]);
    const hour = 24 * 10;
    const overdone = withFields((g) => g.T.fill(0.6));
    const texA = texture();
    const withTracks = pixelAtMm(shade(texA, overdone, old, { hour }), SIZE, MM, at.x, at.y);
    const without = pixelAtMm(shade(texture(), overdone, null, { hour }), SIZE, MM, at.x, at.y);
    const dL = lab(withTracks)[0] - lab(without)[0];
    expect(dL).toBeGreaterThan(0.5);
    expect(dL).toBeLessThan(8);
    // No overdoing (T = 0): nothing.
    const calm = pixelAtMm(shade(texture(), zeroFields(CELLS), old, { hour }), SIZE, MM, at.x, at.y);
    expect(calm).toEqual(pixelAtMm(shade(texture(), zeroFields(CELLS), null, { hour }), SIZE, MM, at.x, at.y));
  });
});

describe('pinpoint bleeding follows the depth (issue 10)', () => {
  /** 15 passes of a roller on a 16 mm cheek patch, shaded at 16 px/mm 12 minutes later. */
  function session(needleMm: number): { out: Uint8Array; plain: Uint8Array; sim: SkinSimulation; size: number } {
    const sim = new SkinSimulation({ seed: 21, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 64 } });
    sim.applySession({ needleMm, passes: 15, pressure: 1 });
    const size = 256;
    const tex = makeSkinTexture({ seed: 21, sizePx: size, patchMm: sim.grid.patchMm, conditions: [] });
    const o: ShadeOptions = { layer: 'surface', phototype: 3, hour: sim.hour + 0.2, anatomy: sim.anatomy, bleedingFactor: sim.bleedingFactor };
    const fields = shadeFieldsFromEngine(sim.fields, 64);
    const out = new Uint8Array(size * size * 4);
    const plain = new Uint8Array(size * size * 4);
    shadeSkin(tex, fields, sim.punctureLog, o, out);
    shadeSkin(tex, fields, null, o, plain);
    return { out, plain, sim, size };
  }
  /** Pixels that read as a blood dot: clearly red against the same skin without marks. */
  function bloodPixels(s: { out: Uint8Array; plain: Uint8Array; size: number }): number[] {
    const hits: number[] = [];
    for (let k = 0; k < s.size * s.size; k++) {
      const a: [number, number, number] = [s.out[4 * k]!, s.out[4 * k + 1]!, s.out[4 * k + 2]!];
      const b: [number, number, number] = [s.plain[4 * k]!, s.plain[4 * k + 1]!, s.plain[4 * k + 2]!];
      if (a[0] > 2 * a[1] && deltaE(a, b) > 20) hits.push(k);
    }
    return hits;
  }

  it('leaves no blood dots after a 0.25 mm roller (the needles stop at the capillary loops) and many after 1.5 mm', () => {
    const home = session(0.25);
    expect(home.sim.punctureLog.size).toBeGreaterThan(500);
    expect(bloodPixels(home)).toHaveLength(0);
    // …but the channels still leave faint marks.
    let marked = 0;
    for (let k = 0; k < home.size * home.size; k++) if (home.out[4 * k + 1] !== home.plain[4 * k + 1]) marked++;
    expect(marked).toBeGreaterThan(500);
    const clinic = session(1.5);
    const dots = bloodPixels(clinic);
    expect(dots.length).toBeGreaterThan(0.5 * clinic.sim.punctureLog.size);
    // Every blood pixel lies on a puncture (within 0.3 mm).
    const log = clinic.sim.punctureLog;
    const mm = clinic.sim.grid.patchMm / clinic.size;
    for (const k of dots.filter((_, n) => n % 25 === 0)) {
      const x = ((k % clinic.size) + 0.5) * mm;
      const y = (Math.floor(k / clinic.size) + 0.5) * mm;
      let near = Infinity;
      for (let i = 0; i < log.size; i++) near = Math.min(near, Math.hypot(log.xMm[i]! - x, log.yMm[i]! - y));
      expect(near).toBeLessThan(0.3);
    }
  });

  /** Dark-red pixels and the darkest L* of one puncture at `depth`. */
  function dot(depth: number, o: Partial<ShadeOptions> = {}): { pixels: number; darkest: number } {
    const at = { x: 5.02, y: 4.98 };
    const out = shade(TEX, zeroFields(CELLS), punctureView([{ ...at, depth, hour: 10 }]), { hour: 10.2, ...o });
    const plain = shade(TEX, zeroFields(CELLS), null, { hour: 10.2, ...o });
    let pixels = 0;
    let darkest = 100;
    for (let k = 0; k < SIZE * SIZE; k++) {
      const a = [out[4 * k]!, out[4 * k + 1]!, out[4 * k + 2]!];
      const b = [plain[4 * k]!, plain[4 * k + 1]!, plain[4 * k + 2]!];
      if (deltaE(a, b) < 3) continue;
      if (a[0]! > 1.8 * a[1]!) pixels++;
      darkest = Math.min(darkest, lab(a)[0]);
    }
    return { pixels, darkest };
  }

  it('draws bigger, darker dots the further the needle went past the capillary loops', () => {
    const graze = dot(0.16);
    const mid = dot(0.3);
    const deep = dot(0.6);
    expect(graze.pixels).toBeLessThan(mid.pixels);
    expect(mid.pixels).toBeLessThan(deep.pixels);
    expect(deep.darkest).toBeLessThan(mid.darkest);
    expect(mid.darkest).toBeLessThan(graze.darkest);
  });

  it('takes the depth of the capillary loops from the anatomy it is given, and anticoagulants enlarge the dots', () => {
    expect(dot(0.3).pixels).toBeGreaterThan(0);
    expect(dot(0.3, { anatomy: { capillaryLoopsMm: 0.35 } }).pixels).toBe(0);
    expect(dot(0.3, { bleedingFactor: 2 }).pixels).toBeGreaterThan(dot(0.3).pixels);
  });
});

describe('flare: redness seen is I + R (issue 10)', () => {
  it('draws the flare pool exactly like inflammation of the same size', () => {
    const a = shade(TEX, withFields((g) => g.I.fill(0.3)), null);
    const b = shade(TEX, withFields((g) => g.R.fill(0.3)), null);
    const c = shade(TEX, withFields((g) => {
      g.I.fill(0.1);
      g.R.fill(0.2);
    }), null);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(deltaE(meanRgb(a), meanRgb(c))).toBeLessThan(0.3);
    expect(lab(meanRgb(b))[1]).toBeGreaterThan(lab(meanRgb(shade(TEX, zeroFields(CELLS), null)))[1] + 2);
  });

  it('shows redness along the path the roller has covered so far, and the erythema layer reads I + R', () => {
    // A flare band where the drum has passed (rows 10–19 of 40 cells), nothing elsewhere yet.
    const f = withFields((g) => {
      for (let y = 10; y < 20; y++) for (let x = 0; x < CELLS; x++) g.R[y * CELLS + x] = 0.5;
    });
    const out = shade(TEX, f, null);
    const rowRedness = (mmY: number): number => {
      let s = 0;
      for (let px = 0; px < SIZE; px++) s += lab(pixelAtMm(out, SIZE, MM, (px + 0.5) * MM, mmY))[1];
      return s / SIZE;
    };
    const inside = rowRedness(3.7);
    const outside = rowRedness(7.5);
    expect(inside - outside).toBeGreaterThan(4);
    const layer = shade(TEX, f, null, { layer: 'erythema' });
    const plainLayer = shade(TEX, zeroFields(CELLS), null, { layer: 'erythema' });
    expect(deltaE(pixelAtMm(layer, SIZE, MM, 5, 3.7), pixelAtMm(plainLayer, SIZE, MM, 5, 3.7))).toBeGreaterThan(10);
    expect(pixelAtMm(layer, SIZE, MM, 5, 8)).toEqual(pixelAtMm(plainLayer, SIZE, MM, 5, 8));
  });
});

describe('the gain of a course shows on the surface (issue 10: before/after split)', () => {
  it('makes the fine relief finer with mature collagen I and a thicker epidermis, not with collagen III', () => {
    const tex = macro([]);
    const c = (set: (g: MutableFields) => void): number => fineContrast(shadeMacro(tex, withFields(set, MACRO_CELLS)), MACRO);
    const before = c(() => undefined);
    const some = c((g) => {
      g.C1.fill(0.15);
      g.Ep.fill(0.25);
    });
    const lotfi = c((g) => {
      g.C1.fill(0.3);
      g.Ep.fill(0.5);
    });
    expect(some).toBeLessThan(before);
    expect(lotfi).toBeLessThan(some);
    expect(lotfi).toBeLessThan(0.85 * before);
    // Still skin: the relief is finer, not gone.
    expect(lotfi).toBeGreaterThan(0.5 * before);
    // Immature collagen III alone (below the plastic range) does not refine the texture.
    expect(c((g) => g.C3.fill(0.1))).toBeGreaterThan(0.93 * before);
  });

  it('after a monthly course the after half has finer texture and shallower scars than day 0 (less fine contrast)', () => {
    const sim = new SkinSimulation({ seed: 4, region: 'cheek', phototype: 3, conditions: ['acne-scars'], grid: { cells: 40 } });
    for (let s = 0; s < 4; s++) {
      sim.advanceTo(s * 30 * 24);
      sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
    }
    sim.advanceTo(150 * 24);
    const size = 160;
    const tex = makeSkinTexture({ seed: 4, sizePx: size, patchMm: sim.grid.patchMm, conditions: ['acne-scars'] });
    const after = new Uint8Array(size * size * 4);
    const before = new Uint8Array(size * size * 4);
    shadeSkin(tex, shadeFieldsFromEngine(sim.fields, 40), null, { layer: 'surface', phototype: 3, hour: sim.hour }, after);
    shadeSkin(tex, zeroFields(40), null, { layer: 'surface', phototype: 3, hour: 0 }, before);
    expect(fineContrast(after, size)).toBeLessThan(0.9 * fineContrast(before, size));
  });
});
