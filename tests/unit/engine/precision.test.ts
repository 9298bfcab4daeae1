/**
 * Float32 storage vs a Float64 reference (docs/model.md §8): slow pools (C1, T) accumulate small increments, so
 * check that the Float32 engine does not drift over a long course. 64-cell grid: precision drift is
 * per cell and does not depend on how many cells there are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runSinglePatient, SERIES, type ScenarioResult } from '../../../src/engine/index';
import { readRepoJson } from '../../fixtures/engine';

describe('Float32 fields vs the Float64 reference', () => {
  let single: ScenarioResult;
  let double: ScenarioResult;
  beforeAll(() => {
    // Five monthly 1.5 mm sessions, followed for 240 days.
    const scenario = parseScenario(readRepoJson('public/scenarios/lotfi-5-monthly.json'));
    expect(scenario.days).toBe(240);
    single = runSinglePatient(scenario, { gridCells: 64, precision: 'float32' }).result;
    double = runSinglePatient(scenario, { gridCells: 64, precision: 'float64' }).result;
  });

  it('both runs sample the same days', () => {
    expect(single.days).toEqual(double.days);
  });

  it.each(SERIES)('patch-mean %s stays within 1e-4 relative of Float64 over a 240-day, 5-session course', (name) => {
    const a = single.series[name];
    const b = double.series[name];
    let worst = { excess: 0, at: '' };
    b.forEach((ref, t) => {
      // Relative bound, with an absolute floor for values that decay towards zero (W, I after days).
      const allowed = 1e-4 * Math.abs(ref) + 1e-9;
      const excess = Math.abs(a[t]! - ref) / allowed;
      if (!(excess <= worst.excess)) worst = { excess, at: `day ${double.days[t]}: float32 ${a[t]} vs float64 ${ref}` };
    });
    expect(worst.excess, worst.at).toBeLessThanOrEqual(1);
  });
});
