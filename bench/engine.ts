import { DEFAULT_PARAMS, parseScenario, runCohort, runSinglePatient, SkinSimulation, type Scenario } from '../src/engine/index';
import { median, timeIt, type BenchRow } from './timing';

/**
 * Engine benchmarks. Every figure comes with a baseline measured in the same run on the same data,
 * so the ratio survives a slower or busier machine:
 *  - the scenario run against a "memory floor": one read-modify-write pass over all 12 fields per
 *    step, the least any per-cell integrator could cost;
 *  - the exponential integrator against explicit Euler at the step the stiffness forces (Δt = 0.005 d, §7).
 */
export function engineBenchmarks(): BenchRow[] {
  const rows: BenchRow[] = [];
  const lotfi: Scenario = parseScenario({
    version: 1,
    seed: 42,
    skin: { region: 'cheek', phototype: 3, conditions: [] },
    protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 5 },
    days: 240,
  });

  // 1. The target: 240 days, 5 sessions, default 160² grid.
  let steps = 0;
  const scenarioMs = median(
    timeIt(3, () => {
      runSinglePatient(lotfi);
    }),
  );
  {
    // The steps the engine takes for the same course, sampled daily like the runner.
    const sim = new SkinSimulation({ seed: 42, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 32 } });
    for (let day = 0; day <= 240; day++) {
      sim.advanceTo(day * 24);
      if (day % 30 === 0 && day <= 120) sim.applySession({ needleMm: 1.5, passes: 1, pressure: 1 });
    }
    steps = sim.stepCount;
  }
  const floorMs = median(timeIt(3, () => memoryFloor(160 * 160, steps)));
  rows.push({
    name: 'scenario 240 d, 5 sessions, 160² (runSinglePatient)',
    value: scenarioMs,
    unit: 'ms',
    baseline: 'memory floor: 1 RMW pass over 12 fields per step',
    baselineValue: floorMs,
    ratio: scenarioMs / floorMs,
    note: `${steps} steps`,
  });

  // 2. Integrator: cost per simulated day, exponential (engine) vs explicit Euler at its stable Δt.
  const expMsPerDay = median(
    timeIt(3, () => {
      const sim = new SkinSimulation({ seed: 1, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 160 } });
      sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
      sim.advanceTo(10 * 24);
    }),
  ) / 10;
  const eulerMsPerDay = median(timeIt(3, () => explicitEuler(160 * 160, 2, 0.005))) / 2;
  rows.push({
    name: 'integrator, first 10 days after a session (160²)',
    value: expMsPerDay,
    unit: 'ms / simulated day',
    baseline: 'explicit Euler, Δt = 0.005 d (stability limit)',
    baselineValue: eulerMsPerDay,
    ratio: expMsPerDay / eulerMsPerDay,
  });

  // 3. A 30-patient cohort (64² default cohort grid) against 30 single runs on the default grid.
  const cohortMs = median(timeIt(1, () => runCohort(lotfi, 30)));
  rows.push({
    name: 'cohort 30 patients, 240 d, 5 sessions (64²)',
    value: cohortMs,
    unit: 'ms',
    baseline: '30 × the single 160² run',
    baselineValue: 30 * scenarioMs,
    ratio: cohortMs / (30 * scenarioMs),
  });
  return rows;
}

/** The least a per-cell integrator can cost: read and write every field once per step. */
function memoryFloor(cells: number, steps: number): void {
  const fields = Array.from({ length: 12 }, () => new Float32Array(cells));
  for (let s = 0; s < steps; s++) {
    for (const f of fields) {
      for (let i = 0; i < cells; i++) f[i] = f[i]! * 0.999 + 1e-6;
    }
  }
}

/** The §4 system by explicit Euler at Δt (what the stiffness would force without the exponential integrator). */
function explicitEuler(cells: number, days: number, dt: number): void {
  const p = DEFAULT_PARAMS;
  const W = new Float32Array(cells).fill(2);
  const D = new Float32Array(cells).fill(1);
  const I = new Float32Array(cells);
  const E = new Float32Array(cells);
  const G = new Float32Array(cells);
  const F = new Float32Array(cells);
  const C3 = new Float32Array(cells);
  const C1 = new Float32Array(cells);
  const Ep = new Float32Array(cells);
  const V = new Float32Array(cells).fill(0.7);
  const T = new Float32Array(cells);
  const Pg = new Float32Array(cells);
  const steps = Math.round(days / dt);
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < cells; i++) {
      const w = W[i]!;
      const d = D[i]!;
      const inf = I[i]!;
      const g = G[i]!;
      const f = F[i]!;
      const c3 = C3[i]!;
      const c1 = C1[i]!;
      const v = V[i]!;
      const t = T[i]!;
      const j = c3 / p.tau31 / (1 + (inf / p.iCrit) ** 2);
      W[i] = w - (dt * w) / p.tauW;
      D[i] = d - (dt * d) / p.tauD;
      I[i] = inf + dt * (p.kI * (p.aW * w + d) - inf / p.tauI);
      E[i] = E[i]! + dt * (p.kE * inf - E[i]! / p.tauE);
      G[i] = g + dt * (p.kG * d - g / p.tauG);
      F[i] = f + dt * (p.kF * g * (1 - f / p.fMax) - f / p.tauF);
      C3[i] = c3 + dt * (p.s3 * f * (1 - (c3 + c1) / p.cMax) - j - c3 / p.tau3d);
      C1[i] = c1 + dt * (j - c1 / p.tauNeo);
      Ep[i] = Ep[i]! + (dt * (p.kappaEp * (c3 + c1) - Ep[i]!)) / p.tauEpi;
      V[i] = v + (dt * (1 - v)) / p.tauV;
      T[i] = t + dt * (p.kT * Math.max(0, inf - p.iCrit) * (1 - v) * (1 - t) - t / p.tauT);
      Pg[i] = Pg[i]! + dt * (p.kP * Math.max(0, inf - p.iPih) - Pg[i]! / p.tauP);
    }
  }
}
