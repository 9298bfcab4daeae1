/**
 * The patch means come from one pass of sums over the fields (outputs.ts `patchSums`, split into loops
 * over fewer arrays for speed, with a shortcut that skips the inflammatory pools once none is left).
 * Whatever its loops, every series it gives must be the mean of the per-cell outputs (`cellOutputs`,
 * what the spot inspector shows), in an inflamed patch and in a settled one.
 */
import { describe, expect, it } from 'vitest';
import { cellOutputs, SERIES, SERIES_INFO, zeroSeries, type SeriesName, type SkinSimulation } from '../../../src/engine/index';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

/** The series that are means of a per-cell value: all but the grades, which are functions of the patch means (writeGrades). */
const MEAN_SERIES: readonly SeriesName[] = SERIES.filter((name) => SERIES_INFO[name].unit !== 'grade');

function meanOfCells(sim: SkinSimulation): Record<SeriesName, number> {
  const sums = zeroSeries();
  const cell = zeroSeries();
  const n = sim.grid.count;
  for (let i = 0; i < n; i++) {
    cellOutputs(sim.fields, i, sim.params, cell);
    for (const name of MEAN_SERIES) sums[name] += cell[name];
  }
  for (const name of MEAN_SERIES) sums[name] /= n;
  return sums;
}

function expectMeansOfCells(sim: SkinSimulation): void {
  const means = sim.means();
  const expected = meanOfCells(sim);
  for (const name of MEAN_SERIES) {
    expect({ name, value: means[name] }).toEqual({ name, value: expect.closeTo(expected[name], 12) });
  }
}

const anyNonZero = (a: ArrayLike<number>): boolean => Array.prototype.some.call(a, (v: number) => v !== 0);

describe('patch means', () => {
  it('are the means of the per-cell outputs of an inflamed patch (every pool moving)', () => {
    const sim = referenceSim({ grid: { cells: 40 } });
    sim.applySession(REFERENCE_SESSION);
    // Six hours on: the flare R has not faded yet, and every other pool holds something too.
    sim.advanceTo(6);
    const f = sim.fields;
    for (const pool of [f.W, f.D, f.I, f.E, f.R, f.G, f.F, f.Pu, f.T, f.Pg, f.C3, f.C1, f.Ep]) expect(anyNonZero(pool)).toBe(true);
    expectMeansOfCells(sim);
  });

  it('are the means of the per-cell outputs of a settled patch (no inflammatory pool left, collagen still building)', () => {
    const sim = referenceSim({ grid: { cells: 40 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceDays(25);
    const f = sim.fields;
    for (const pool of [f.W, f.D, f.I, f.E, f.R]) expect(anyNonZero(pool)).toBe(false);
    for (const pool of [f.G, f.F, f.C3, f.C1, f.Ep]) expect(anyNonZero(pool)).toBe(true);
    expectMeansOfCells(sim);
  });
});
