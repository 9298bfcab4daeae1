/**
 * V2 (docs/model.md §14): after any single session the barrier loss W (barrierOpen) falls below 10 % of
 * its peak within 4–18 h (Kalluri 2011, Gupta 2011 [V]).
 * Patch means on a 64-cell grid: W decays cell by cell with no lateral coupling, so its patch mean
 * does not depend on the grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Region } from '../../src/engine/index';
import { referenceSim, sampleHourly } from '../fixtures/engine';

interface Case {
  region: Region;
  needleMm: number;
  passes: number;
  pressure: number;
}

const CASES: Case[] = [
  { region: 'cheek', needleMm: 0.25, passes: 8, pressure: 1 },
  { region: 'cheek', needleMm: 0.5, passes: 15, pressure: 1 },
  { region: 'cheek', needleMm: 1.5, passes: 15, pressure: 1 },
  { region: 'cheek', needleMm: 1.5, passes: 1, pressure: 0.5 },
  { region: 'cheek', needleMm: 3, passes: 50, pressure: 1.5 },
  { region: 'periorbital', needleMm: 0.5, passes: 10, pressure: 1 },
  { region: 'forehead', needleMm: 1, passes: 15, pressure: 1 },
  { region: 'body', needleMm: 2.5, passes: 20, pressure: 1 },
];

interface BarrierTrace {
  peak: number;
  peakHour: number;
  /** First sampled hour after the peak with W < 10 % of the peak; Infinity if never within 2 days. */
  closedHour: number;
}

function barrierAfter(c: Case): BarrierTrace {
  const sim = referenceSim({ region: c.region, grid: { cells: 64 } });
  sim.applySession({ needleMm: c.needleMm, passes: c.passes, pressure: c.pressure });
  const w: number[] = [];
  sampleHourly(sim, 0, 48, () => w.push(sim.means().barrierOpen));
  let peakHour = 0;
  for (let h = 1; h < w.length; h++) if (w[h]! > w[peakHour]!) peakHour = h;
  const peak = w[peakHour]!;
  let closedHour = Number.POSITIVE_INFINITY;
  for (let h = peakHour; h < w.length; h++) {
    if (w[h]! < 0.1 * peak) {
      closedHour = h;
      break;
    }
  }
  return { peak, peakHour, closedHour };
}

describe('V2: barrier recovery after a single session', () => {
  const traces = new Map<Case, BarrierTrace>();
  beforeAll(() => {
    for (const c of CASES) traces.set(c, barrierAfter(c));
  });

  it.each(CASES)('a $needleMm mm, $passes-pass session on the $region opens the barrier', (c) => {
    expect(traces.get(c)!.peak).toBeGreaterThan(0);
  });

  it.each(CASES)('after a $needleMm mm, $passes-pass session on the $region the barrier is below 10 % of its peak within 4–18 h', (c) => {
    const t = traces.get(c)!;
    const hoursToClose = t.closedHour - t.peakHour;
    expect(hoursToClose).toBeGreaterThanOrEqual(4);
    expect(hoursToClose).toBeLessThanOrEqual(18);
  });
});
