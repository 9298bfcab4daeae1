/**
 * The JIT warm-up (src/engine/warmUp.ts): its course passes through every regime of the engine — the
 * premise of warming up on it — and warming up changes no result.
 */
import { describe, expect, it } from 'vitest';
import { runSinglePatient, simulateScenario, simulationFor, scenarioSessions, SkinSimulation } from '../../../src/engine/index';
import type { FieldArray } from '../../../src/engine/fields';
import { HOURS_PER_DAY } from '../../../src/engine/units';
import { warmUpScenario } from '../../../src/engine/warmUp';
import { course, max as maxOf } from '../../fixtures/engine';

const max = (a: FieldArray): number => maxOf(Array.from(a));
const inflamedAnywhere = (sim: SkinSimulation): boolean => (['W', 'D', 'I', 'E', 'R'] as const).some((k) => max(sim.fields[k]) > 0);
const growingAnywhere = (sim: SkinSimulation): boolean => max(sim.fields.G) > 0 || max(sim.fields.F) > 0;

describe('the warm-up course', () => {
  it('passes through every regime: re-injury over the thresholds, below the dermis, settled, a session on a settled patch, quiet', () => {
    const scenario = warmUpScenario();
    const sim = simulationFor(scenario);
    const p = sim.params;
    const seen = { maxI: 0, purpura: 0, telangiectasia: 0, pigment: 0, settled: false, settledBeforeSession: false, quiet: false };
    const sessions = scenarioSessions(scenario);
    let next = 0;
    for (let hour = 0; hour <= scenario.days * HOURS_PER_DAY; hour += 6) {
      while (next < sessions.length && sessions[next]!.day * HOURS_PER_DAY <= hour) {
        const s = sessions[next]!;
        sim.advanceTo(s.day * HOURS_PER_DAY);
        if (next > 0 && !inflamedAnywhere(sim) && growingAnywhere(sim)) seen.settledBeforeSession = true;
        sim.applySession({ needleMm: s.needleMm, passes: s.passes, pressure: s.pressure });
        next++;
      }
      sim.sampleMeans(hour);
      seen.maxI = Math.max(seen.maxI, max(sim.fields.I));
      seen.purpura = Math.max(seen.purpura, max(sim.fields.Pu));
      seen.telangiectasia = Math.max(seen.telangiectasia, max(sim.fields.T));
      seen.pigment = Math.max(seen.pigment, max(sim.fields.Pg));
      if (!inflamedAnywhere(sim) && growingAnywhere(sim)) seen.settled = true;
    }
    seen.quiet = !inflamedAnywhere(sim) && !growingAnywhere(sim);
    // Inflammation over matrix breakdown's, telangiectasia's and pigment's thresholds.
    expect(seen.maxI).toBeGreaterThan(Math.max(p.iMmp, p.iCrit, p.iPih));
    expect(seen.purpura, 'channels below the dermis').toBeGreaterThan(0);
    expect(seen.telangiectasia).toBeGreaterThan(0);
    expect(seen.pigment).toBeGreaterThan(0);
    expect(seen.settled, 'a settled patch (inflammation flushed, fibroblasts still working)').toBe(true);
    expect(seen.settledBeforeSession, 'a session on a settled patch').toBe(true);
    expect(seen.quiet, 'a quiet patch at the end').toBe(true);
  });

  it('runs on the smallest grid, so it costs little next to the runs it warms up for', () => {
    expect(simulationFor(warmUpScenario()).grid.cells).toBe(32);
  });
});

describe('warming up', () => {
  it('changes no result: a course large enough to warm up for gives the same bytes before and after', () => {
    const scenario = course(7, 2, 20, 96);
    // This file's module instance has not warmed up yet: the first run is cold.
    const cold = JSON.stringify(runSinglePatient(scenario).result);
    // The CLI's entry warms the engine up first for a 96² grid (WARM_UP_FROM_CELLS).
    const warm = JSON.stringify(simulateScenario(scenario));
    expect(warm).toBe(cold);
  });
});
