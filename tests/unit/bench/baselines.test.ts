/**
 * The bench's baselines compute the same model as the engine (else their ratios mean nothing):
 * the object-per-cell engine gives the engine's state after the same steps, and explicit Euler of the
 * same equations converges to the engine's trajectory when its step is small. Both compare states
 * and patch means computed in the test, so a baseline that drifts from src/engine/dynamics.ts fails.
 */
import { describe, expect, it } from 'vitest';
import { copyFields, injuredPatch } from '../../../bench/cases';
import { EulerEngine } from '../../../bench/euler';
import { NaiveEngine } from '../../../bench/naiveEngine';
import { Dynamics } from '../../../src/engine/dynamics';
import { patchMeans, SERIES } from '../../../src/engine/index';

describe('bench baselines', () => {
  const { sim, constants } = injuredPatch(32);
  // 1-h steps through the flare and the inflammation peak, 6-h and 24-h steps, then 96 h weeks later.
  const steps = [1 / 24, 1 / 24, 1 / 24, 0.25, 0.25, 1, 1, ...Array<number>(20).fill(1), 4, 4];

  it('the object-per-cell engine (kernelVsObjects) gives the kernel’s state after the same steps', () => {
    const kernel64 = new Dynamics(sim.grid, constants, 'float64');
    const kernel32 = new Dynamics(sim.grid, constants, 'float32');
    const f64 = copyFields(sim.fields, 'float64');
    const f32 = copyFields(sim.fields);
    const naive = new NaiveEngine(sim.grid, constants);
    naive.load(sim.fields);
    kernel64.wake();
    kernel32.wake();
    let diffused = 0;
    for (const h of steps) {
      kernel64.step(f64, h);
      kernel32.step(f32, h);
      if (kernel64.facts.diffused) diffused++;
      naive.step(h);
      // Both in doubles: the same operations up to their order.
      expect(naive.maxDifference(f64), `after a ${h * 24}-h step`).toBeLessThan(1e-9);
    }
    // The engine's storage is float32: differences at its rounding level, far below any model change.
    expect(naive.maxDifference(f32)).toBeLessThan(2e-5);
    // The state did move, the flare faded and diffusion both ran and was skipped (floor).
    expect(naive.maxDifference(sim.fields)).toBeGreaterThan(0.1);
    expect(Math.max(...naive.cells.map((c) => c.R))).toBe(0);
    expect(diffused).toBeGreaterThan(0);
    expect(diffused).toBeLessThan(steps.length);
  });

  it('explicit Euler (integratorVsEuler) at a small step follows the engine’s 1-h trajectory within 0.005 on every output', () => {
    const exact = copyFields(sim.fields);
    const kernel = new Dynamics(sim.grid, constants, 'float32');
    kernel.wake();
    const euler = copyFields(sim.fields);
    const eulerEngine = new EulerEngine(sim.grid, constants);
    let worst = 0;
    for (let day = 1; day <= 3; day++) {
      for (let h = 0; h < 24; h++) kernel.step(exact, 1 / 24);
      eulerEngine.run(euler, 1, 1 / 24 / 8);
      const a = patchMeans(exact, sim.params);
      const b = patchMeans(euler, sim.params);
      for (const name of SERIES) {
        const d = Math.abs(a[name] - b[name]);
        worst = Math.max(worst, d);
        expect(d, `${name} day ${day}`).toBeLessThan(0.005);
      }
    }
    // Euler's error shrinks with its step (first order): at 8× the step it is visibly larger.
    const coarse = copyFields(sim.fields);
    const coarseEngine = new EulerEngine(sim.grid, constants);
    coarseEngine.run(coarse, 3, 1 / 24);
    const a = patchMeans(exact, sim.params);
    const c = patchMeans(coarse, sim.params);
    const coarseWorst = Math.max(...SERIES.map((name) => Math.abs(a[name] - c[name])));
    expect(coarseWorst).toBeGreaterThan(2 * worst);
  });
});
