import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, makeGrid, markCoverage } from '../../../src/engine/index';
import { arrowDirection, clampRollerMm, StrokeTracker } from '../../../src/view/strokeInput';

describe('pointer path → strokes', () => {
  it('emits no stroke until the pointer moved the minimum segment', () => {
    const t = new StrokeTracker(0.5);
    t.down(10, 10);
    expect(t.move(10.3, 10, 1.5, 1)).toBeNull();
    const s = t.move(10.6, 10, 1.5, 1);
    expect(s).toMatchObject({ x0Mm: 10, y0Mm: 10, x1Mm: 10.6, y1Mm: 10, needleMm: 1.5, pressure: 1 });
  });

  it('chains segments end to start and follows the heading', () => {
    const t = new StrokeTracker(0.5);
    t.down(0, 0);
    const a = t.move(0, 2, 1, 1)!;
    const b = t.move(2, 2, 1, 1)!;
    expect([b.x0Mm, b.y0Mm]).toEqual([a.x1Mm, a.y1Mm]);
    expect(t.heading).toBeCloseTo(0, 10);
  });

  it('emits nothing while the pointer is up', () => {
    const t = new StrokeTracker(0.5);
    expect(t.move(5, 5, 1, 1)).toBeNull();
    t.down(0, 0);
    t.up();
    expect(t.move(5, 5, 1, 1)).toBeNull();
  });

  it('a dragged path of many segments covers each cell it crosses exactly once (no double count at joints)', () => {
    const grid = makeGrid({ cells: 80 });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 60 }), fc.double({ min: 5, max: 35, noNaN: true }), (segments, yMm) => {
        const coverage = new Float32Array(grid.count);
        const t = new StrokeTracker(0.01);
        t.down(-12, yMm);
        for (let k = 1; k <= segments; k++) {
          const s = t.move(-12 + (64 * k) / segments, yMm, 1.5, 1);
          if (s) markCoverage(DEFAULT_PARAMS, s, grid.cells, grid.pitchMm, coverage);
        }
        for (let i = 0; i < coverage.length; i++) if (coverage[i]! > 1) return false;
        // The middle column of the path's row is covered.
        const iy = Math.floor(yMm / grid.pitchMm);
        return coverage[iy * grid.cells + 40] === 1;
      }),
      { numRuns: 60 },
    );
  });

  it('maps arrow keys to unit directions and ignores other keys', () => {
    expect(arrowDirection('ArrowLeft')).toEqual({ dx: -1, dy: 0 });
    expect(arrowDirection('ArrowDown')).toEqual({ dx: 0, dy: 1 });
    expect(arrowDirection('a')).toBeNull();
  });

  it('lets the roller reach half a drum beyond every edge and no further', () => {
    expect(clampRollerMm(-30, 40, 20)).toBe(-10);
    expect(clampRollerMm(70, 40, 20)).toBe(50);
    expect(clampRollerMm(12, 40, 20)).toBe(12);
  });
});
