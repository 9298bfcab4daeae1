/**
 * Discs whose track cannot reach the patch are not sampled (src/engine/roller.ts `PunctureReach`,
 * docs/model.md §3): that must change where the needles of the other discs land by chance only,
 * never what reaches the patch. The reach itself must not depend on the grid, so a seed gives the
 * same punctures on a cohort's 32² as on the app's 160².
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  FastRng,
  makeGrid,
  PunctureBuffer,
  punctureReach,
  sampleStrokePunctures,
  SkinSimulation,
  type Stroke,
} from '../../../src/engine/index';
import { passStrokes } from '../../../src/engine/session';

const PATCH = 40;
const reach = punctureReach(DEFAULT_PARAMS, PATCH);

function inside(buf: PunctureBuffer): number {
  let n = 0;
  for (let k = 0; k < buf.count; k++) {
    const x = buf.xMm[k]!;
    const y = buf.yMm[k]!;
    if (x >= reach.loMm && x <= reach.hiMm && y >= reach.loMm && y <= reach.hiMm) n++;
  }
  return n;
}

describe('puncture reach', () => {
  it('reaches farther than any grid’s kernel window (3σ_inj plus a pitch of the coarsest grid)', () => {
    for (const cells of [32, 48, 160, 512]) {
      const sim = new SkinSimulation({ seed: 1, region: 'cheek', phototype: 3, conditions: [], grid: { cells } });
      const windowMm = (sim as unknown as { scratch: { radiusCells(): number } }).scratch.radiusCells() * makeGrid({ cells }).pitchMm;
      expect(-reach.loMm, `${cells}²`).toBeGreaterThanOrEqual(windowMm);
      expect(reach.hiMm - PATCH).toBeGreaterThanOrEqual(windowMm);
    }
  });

  it('skipping the discs beyond it leaves the count of punctures within it unchanged, and spares a third of the draws', () => {
    const strokes: Stroke[] = [];
    for (let pass = 0; pass < 40; pass++) {
      strokes.push(...passStrokes(makeGrid({ cells: 32 }), DEFAULT_PARAMS, { needleMm: 1.5, pressure: 1 }, pass, (pass * 0.37) % 1));
    }
    // A few diagonal drags across an edge, as the app sends them.
    for (let k = 0; k < 40; k++) {
      strokes.push({ x0Mm: -12 + k, y0Mm: 30 - k / 2, x1Mm: 10 + k, y1Mm: 52 - k, needleMm: 1.5, pressure: 1, trackOffsetMm: 0 });
    }
    const all = new PunctureBuffer();
    const some = new PunctureBuffer();
    const a = new FastRng(3, 'all');
    const b = new FastRng(3, 'some');
    for (const s of strokes) {
      sampleStrokePunctures(DEFAULT_PARAMS, s, 1, a, all);
      sampleStrokePunctures(DEFAULT_PARAMS, s, 1, b, some, reach);
    }
    const nAll = inside(all);
    const nSome = inside(some);
    // Two independent Poisson counts of the same mean: their difference has σ = √(2·mean).
    expect(Math.abs(nAll - nSome)).toBeLessThan(4 * Math.sqrt(2 * nAll));
    expect(nAll).toBeGreaterThan(10_000);
    // Punctures sampled outside the reach: a third of all without it, none of a skipped disc with it.
    expect(all.count - nAll).toBeGreaterThan(0.25 * all.count);
    expect(some.count).toBeLessThan(0.8 * all.count);
  });

  it('gives the same punctures on every grid: the same session density on 32² and 160²', () => {
    const density = (cells: number): number | undefined => {
      const sim = new SkinSimulation({ seed: 11, region: 'cheek', phototype: 3, conditions: [], grid: { cells } });
      sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
      return sim.currentSession()?.punctures;
    };
    expect(density(32)).toBe(density(160));
  });
});
