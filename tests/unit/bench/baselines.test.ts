/**
 * The bench's baselines compute the same model as the engine (else their ratios mean nothing):
 * the object-per-cell engine gives the engine's state after the same steps, and explicit Euler of the
 * same equations converges to the engine's trajectory when its step is small.
 */
import { describe, expect, it } from 'vitest';
import { copyFields, injuredPatch } from '../../../bench/cases';
import { EulerEngine } from '../../../bench/euler';
import { NaiveEngine } from '../../../bench/naiveEngine';
import { Dynamics } from '../../../src/engine/dynamics';
import { patchMeans, SERIES } from '../../../src/engine/index';

describe('bench baselines', () => {
  const { sim, constants } = injuredPatch(32);

  it('the object-per-cell engine (kernelVsObjects) gives the kernel’s state after 1-h and 24-h steps', () => {
    const fields = copyFields(sim.fields);
    const kernel = new Dynamics(sim.grid, constants, 'float32');
    const naive = new NaiveEngine(sim.grid, constants);
    naive.load(sim.fields);
    for (const h of [1 / 24, 1 / 24, 1 / 24, 1, 1]) {
      kernel.step(fields, h);
      naive.step(h);
    }
    // Float32 storage against doubles: differences at the 1e-6 level, far below any model change.
    expect(naive.maxDifference(fields)).toBeLessThan(1e-5);
    expect(naive.maxDifference(sim.fields)).toBeGreaterThan(1e-3); // the state did move
  });

  it('explicit Euler (integratorVsEuler) at a small step follows the engine’s 1-h trajectory within 0.005 on every output', () => {
    const exact = copyFields(sim.fields);
    const kernel = new Dynamics(sim.grid, constants, 'float32');
    const euler = copyFields(sim.fields);
    const eulerEngine = new EulerEngine(sim.grid, constants);
    for (let day = 1; day <= 3; day++) {
      for (let h = 0; h < 24; h++) kernel.step(exact, 1 / 24);
      eulerEngine.run(euler, 1, 1 / 24 / 8);
      const a = patchMeans(exact, sim.params);
      const b = patchMeans(euler, sim.params);
      for (const name of SERIES) expect(Math.abs(a[name] - b[name]), `${name} day ${day}`).toBeLessThan(0.005);
    }
  });
});
