/**
 * Roller geometry (docs/model.md §3): a pass tiles the patch exactly once, a session of n passes covers every cell
 * n times, and each pass leaves ≈ 15.3 punctures/cm² (192 needles ÷ π·2 cm·2 cm, Schwarz & Laaff 2011).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, densityPerPassPerCm2, type TreatmentSession } from '../../../src/engine/index';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

function endedSessions(sim: ReturnType<typeof referenceSim>): TreatmentSession[] {
  return sim.drainEvents().flatMap((e) => (e.type === 'session-end' ? [e.summary] : []));
}

describe('coverage of the patch by the drum', () => {
  const grids = [
    { cells: 160, patchMm: 40 },
    { cells: 64, patchMm: 40 },
    { cells: 37, patchMm: 23 },
    { cells: 32, patchMm: 10 },
  ];

  it.each(grids)('one pass in each of the four directions covers every cell of a $cells-cell, $patchMm mm patch exactly once', (grid) => {
    for (let direction = 0; direction < 4; direction++) {
      const sim = referenceSim({ seed: 100 + direction, grid });
      sim.applyPass(REFERENCE_SESSION, direction);
      const counts = new Map<number, number>();
      for (const c of sim.fields.coverage) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect([...counts.entries()], `direction ${direction}`).toEqual([[1, grid.cells * grid.cells]]);
    }
  });

  it('a 15-pass session covers every cell 15 times and reports 15 mean passes', () => {
    const sim = referenceSim({ grid: { cells: 64 } });
    sim.applySession(REFERENCE_SESSION);
    expect(sim.fields.coverage.every((c) => c === 15)).toBe(true);
    expect(sim.currentSession()?.meanPasses).toBe(15);
    sim.advanceTo(DEFAULT_PARAMS.sessionGapHours);
    const [summary] = endedSessions(sim);
    expect(summary?.meanPasses).toBe(15);
    expect(summary?.index).toBe(1);
  });

  it('strokes within the session gap belong to one session; after it a new session starts with fresh coverage', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession({ ...REFERENCE_SESSION, passes: 5 });
    sim.advanceTo(1);
    sim.applySession({ ...REFERENCE_SESSION, passes: 5 });
    expect(sim.currentSession()?.meanPasses).toBe(10);
    sim.advanceTo(1 + DEFAULT_PARAMS.sessionGapHours);
    sim.applySession({ ...REFERENCE_SESSION, passes: 3 });
    expect(sim.sessionsStarted).toBe(2);
    expect(sim.fields.coverage.every((c) => c === 3)).toBe(true);
    expect(endedSessions(sim).map((s) => s.meanPasses)).toEqual([10]);
  });
});

describe('puncture density per pass', () => {
  it('the standard 192-needle, 2 × 2 cm drum leaves 15.28 punctures/cm² per pass', () => {
    expect(densityPerPassPerCm2(DEFAULT_PARAMS)).toBeCloseTo(192 / (Math.PI * 2 * 2), 10);
    expect(densityPerPassPerCm2(DEFAULT_PARAMS)).toBeCloseTo(15.28, 2);
  });

  it('sessions deliver 15.3 punctures/cm² per pass within Poisson error', () => {
    const perPass = densityPerPassPerCm2(DEFAULT_PARAMS);
    let punctures = 0;
    let passes = 0;
    let kernelDensity = 0;
    let areaCm2 = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const sim = referenceSim({ seed, grid: { cells: 32 } });
      sim.applySession(REFERENCE_SESSION);
      const s = sim.currentSession()!;
      const patchCm2 = (sim.grid.patchMm / 10) ** 2;
      punctures += s.densityPerCm2 * patchCm2;
      areaCm2 += patchCm2;
      passes += REFERENCE_SESSION.passes;
      let sum = 0;
      for (const d of sim.fields.sessionDensity) sum += d;
      kernelDensity += (sum / sim.grid.count) * patchCm2;
    }
    const expected = perPass * (passes / 10) * areaCm2;
    // Poisson: the count's standard deviation is √expected; allow 4 of them.
    expect(Math.abs(punctures - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // The kernel density N over the patch carries the same dose (the stroke margin feeds the edges).
    expect(Math.abs(kernelDensity / punctures - 1)).toBeLessThan(0.02);
  });
});
