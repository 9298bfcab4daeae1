/**
 * Dirty-rectangle shading (issue 8): a rectangle re-shaded on top of an old frame gives exactly the
 * bytes of a full frame inside it and leaves the rest alone; the rectangle computed for a stroke covers
 * everything the stroke changed.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, SkinSimulation, type Stroke } from '../../../src/engine/index';
import { cellBoxForStrokes, copyRect, pixelRectForCells, unionRect, type PixelRect } from '../../../src/shading/dirtyRect';
import { shadeFieldsFromEngine } from '../../../src/shading/fromEngine';
import { shadeSkin, shadeSkinRect, type ShadeOptions } from '../../../src/shading/shadeSkin';
import { makeSkinTexture } from '../../../src/shading/skinTexture';
import type { Layer, ShadeFields } from '../../../src/shading/types';
import { punctureView, zeroFields, type MutableFields } from './helpers';

const SIZE = 200;
const CELLS = 40;
const PATCH = 10;
const TEX = makeSkinTexture({ seed: 7, sizePx: SIZE, patchMm: PATCH, conditions: ['acne-scars', 'wrinkles', 'rosacea'] });

/** Fields that vary from cell to cell, with treated and untreated halves (so flags differ by region). */
function busyFields(): MutableFields {
  const f = zeroFields(CELLS);
  for (let y = 0; y < CELLS; y++) {
    for (let x = 0; x < CELLS; x++) {
      const i = y * CELLS + x;
      if (x < CELLS / 2) continue;
      f.I[i] = ((x * 7 + y * 3) % 11) / 10;
      f.R[i] = ((x + y) % 5) / 8;
      f.E[i] = y > CELLS / 2 ? ((x * y) % 7) / 6 : 0;
      f.C3[i] = y < 10 ? 0.8 : 0.1;
      f.C1[i] = ((x + 2 * y) % 9) / 20;
      f.Ep[i] = 0.3;
      f.T[i] = y > 25 ? 0.6 : 0;
      f.W[i] = 0.4;
      f.Pg[i] = (y % 4) / 100;
      f.coverage[i] = (x + y) % 30;
    }
  }
  return f;
}

const PUNCTURES = punctureView(
  Array.from({ length: 60 }, (_, n) => ({ x: 5 + 4.5 * Math.sin(n), y: 5 + 4.5 * Math.cos(n * 1.3), depth: n % 3 === 0 ? 0.12 : 0.75, hour: 10 + n / 100 })),
  64,
);

function full(f: ShadeFields, o: ShadeOptions): Uint8Array {
  const out = new Uint8Array(SIZE * SIZE * 4);
  shadeSkin(TEX, f, o.layer === 'surface' ? PUNCTURES : null, o, out);
  return out;
}

/** Bytes of `a` and `b` inside / outside `r` equal? */
function compare(a: Uint8Array, b: Uint8Array, r: PixelRect, inside: boolean): boolean {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const inR = x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
      if (inR !== inside) continue;
      const o = 4 * (y * SIZE + x);
      for (let c = 0; c < 4; c++) if (a[o + c] !== b[o + c]) return false;
    }
  }
  return true;
}

const RECTS: PixelRect[] = [
  { x0: 0, y0: 0, x1: SIZE, y1: SIZE },
  { x0: 37, y0: 11, x1: 121, y1: 90 },
  { x0: 95, y0: 95, x1: 105, y1: 108 },
  { x0: 150, y0: 160, x1: 200, y1: 200 },
  { x0: 0, y0: 120, x1: 3, y1: 121 },
  { x0: 96, y0: 0, x1: 104, y1: 200 },
];

describe('shadeSkinRect', () => {
  it.each(['surface', 'erythema', 'collagen', 'coverage', 'edema'] as Layer[])('%s: equals the full frame inside the rectangle and leaves the rest untouched', (layer) => {
    const f = busyFields();
    const o: ShadeOptions = { layer, phototype: 4, hour: 11 };
    const want = full(f, o);
    // Start from another state's frame (as the view holds the last one).
    const old = full(zeroFields(CELLS), { layer, phototype: 4, hour: 11 });
    for (const r of RECTS) {
      const out = old.slice();
      shadeSkinRect(TEX, f, layer === 'surface' ? PUNCTURES : null, o, out, r);
      expect(compare(out, want, r, true)).toBe(true);
      expect(compare(out, old, r, false)).toBe(true);
    }
  });

  it('clips a rectangle that reaches past the frame and ignores an empty one', () => {
    const f = busyFields();
    const o: ShadeOptions = { layer: 'surface', phototype: 2, hour: 11 };
    const want = full(f, o);
    const out = new Uint8Array(SIZE * SIZE * 4);
    shadeSkinRect(TEX, f, PUNCTURES, o, out, { x0: -20, y0: 180, x1: 40, y1: 260 });
    expect(compare(out, want, { x0: 0, y0: 180, x1: 40, y1: 200 }, true)).toBe(true);
    const blank = new Uint8Array(SIZE * SIZE * 4);
    shadeSkinRect(TEX, f, PUNCTURES, o, blank, { x0: 50, y0: 50, x1: 50, y1: 90 });
    expect(blank.every((v) => v === 0)).toBe(true);
  });
});

describe('dirty rectangles of strokes', () => {
  it('pixelRectForCells widens the box by the interpolation margin and aligns it to cells', () => {
    expect(pixelRectForCells(640, 160, { ix0: 10, iy0: 20, ix1: 12, iy1: 20 })).toEqual({ x0: 32, y0: 72, x1: 60, y1: 92 });
    expect(pixelRectForCells(640, 160, { ix0: 0, iy0: 158, ix1: 1, iy1: 159 })).toEqual({ x0: 0, y0: 624, x1: 16, y1: 640 });
    expect(pixelRectForCells(640, 160, { ix0: 5, iy0: 0, ix1: 4, iy1: 3 })).toBeNull();
  });

  it('re-shading the rectangle of each drag stroke gives the same frame as shading it whole', () => {
    const sim = new SkinSimulation({ seed: 11, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 160 } });
    const size = 320;
    const tex = makeSkinTexture({ seed: 11, sizePx: size, patchMm: sim.grid.patchMm, conditions: [] });
    const fields = shadeFieldsFromEngine(sim.fields, sim.grid.cells);
    const options = (): ShadeOptions => ({ layer: 'surface', phototype: 3, hour: sim.hour, anatomy: sim.anatomy, bleedingFactor: sim.bleedingFactor });
    const frame = new Uint8Array(size * size * 4);
    sim.applyPass({ needleMm: 1.5, pressure: 1 });
    sim.advanceTo(2);
    shadeSkin(tex, fields, sim.punctureLog, options(), frame);
    // A drag: short segments along a curve, as the pointer sends them.
    let x = 8;
    let y = 30;
    let covered: PixelRect | null = null;
    for (let k = 0; k < 12; k++) {
      const nx = x + 2.2;
      const ny = y - 1.1 + Math.sin(k) * 0.8;
      const stroke: Stroke = { x0Mm: x, y0Mm: y, x1Mm: nx, y1Mm: ny, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 };
      sim.applyStroke(stroke);
      const box = cellBoxForStrokes([stroke], sim.grid.cells, sim.grid.pitchMm, sim.params);
      const rect = pixelRectForCells(size, sim.grid.cells, box!)!;
      // The drum is 20 mm wide: a 2.5 mm step touches well under half of this 40 mm patch.
      expect((rect.x1 - rect.x0) * (rect.y1 - rect.y0)).toBeLessThan(0.4 * size * size);
      shadeSkinRect(tex, fields, sim.punctureLog, options(), frame, rect);
      covered = unionRect(covered, rect);
      x = nx;
      y = ny;
    }
    const whole = new Uint8Array(size * size * 4);
    shadeSkin(tex, fields, sim.punctureLog, options(), whole);
    expect(Buffer.from(frame).equals(Buffer.from(whole))).toBe(true);
    // …and the strokes did change the frame (the test can fail).
    const before = new Uint8Array(size * size * 4);
    const fresh = new SkinSimulation({ seed: 11, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 160 } });
    fresh.applyPass({ needleMm: 1.5, pressure: 1 });
    fresh.advanceTo(2);
    shadeSkin(tex, shadeFieldsFromEngine(fresh.fields, 160), fresh.punctureLog, { ...options(), hour: fresh.hour }, before);
    expect(Buffer.from(before).equals(Buffer.from(whole))).toBe(false);
    expect(covered).not.toBeNull();
  });

  it('cellBoxForStrokes reaches as far as the drum, the scatter and the kernel', () => {
    const reach = { drumWidthMm: DEFAULT_PARAMS.drumWidthMm, injurySigmaMm: 0.75, trackJitterMm: 0.1 };
    const box = cellBoxForStrokes([{ x0Mm: 20, y0Mm: 20, x1Mm: 22, y1Mm: 20, trackOffsetMm: 0 }], 160, 0.25, reach)!;
    // Across the travel: half the drum plus the margin (5σ scatter, 3σ kernel, a cell); along it: the margin.
    const m = 0.5 + 2.25 + 0.25;
    const r = reach.drumWidthMm / 2 + m;
    expect(box.iy0).toBe(Math.floor((20 - r) / 0.25));
    expect(box.iy1).toBe(Math.floor((20 + r) / 0.25));
    expect(box.ix0).toBe(Math.floor((20 - m) / 0.25));
    expect(box.ix1).toBe(Math.floor((22 + m) / 0.25));
    expect(cellBoxForStrokes([], 160, 0.25, reach)).toBeNull();
    expect(cellBoxForStrokes([{ x0Mm: -200, y0Mm: -200, x1Mm: -190, y1Mm: -200, trackOffsetMm: 0 }], 160, 0.25, reach)).toBeNull();
  });

  it('copyRect packs the rectangle rows for upload', () => {
    const frame = new Uint8Array(4 * 4 * 4).map((_, i) => i);
    const out = copyRect(frame, 4, { x0: 1, y0: 2, x1: 3, y1: 4 });
    expect(Array.from(out)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 52, 53, 54, 55, 56, 57, 58, 59]);
  });
});
