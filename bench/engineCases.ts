import { parseParams, parseScenario, runSinglePatient, scenarioSessions, SERIES, SkinSimulation, type Scenario } from '../src/engine/index';

/**
 * Timing cases of the engine's numerics (issue 8, "fewer, cheaper steps"), for the bench runner to
 * call. Each returns its figures with the work done, measured in this process; wall-clock times on a
 * shared machine are indicative, so every case reports CPU time as well and repeats its runs.
 */

export interface CaseTiming {
  /** Median wall-clock time of one run, ms. */
  ms: number;
  /** Median CPU time (user + system) of one run, ms: less disturbed by other processes. */
  cpuMs: number;
  /** Every run's wall-clock time, ms, for the spread. */
  runsMs: number[];
}

function timeRuns(runs: number, fn: () => void): CaseTiming {
  fn(); // warm-up: JIT and the step-weight cache
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), runsMs: wall };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** 1.5 mm, 15 passes, monthly × `sessions`, cheek, phototype III (the course). */
export function monthlyCourse(days: number, cells: number, sessions = 5): Scenario {
  return parseScenario({
    version: 1,
    seed: 42,
    skin: { region: 'cheek', phototype: 3, conditions: [] },
    protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions },
    days,
    grid: { cells },
  });
}

/** The 240-day, 5-session course at 160², end to end through runSinglePatient (goal ≤ 300 ms). */
export function courseCase(runs = 5): CaseTiming & { steps: number } {
  const scenario = monthlyCourse(240, 160);
  return { ...timeRuns(runs, () => runSinglePatient(scenario)), steps: stepsOf(scenario) };
}

/** One year, 5 monthly sessions, 256² (goal ≤ 1.5 s); and an untreated year at 256², sampled daily, for comparison. */
export function yearAt256Case(runs = 3): CaseTiming & { steps: number; untreatedMs: number } {
  const scenario = monthlyCourse(365, 256);
  const untreatedYear = (): void => {
    const sim = new SkinSimulation({ seed: 42, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 256 } });
    for (let day = 0; day <= 365; day++) sim.sampleMeans(day * 24);
  };
  return { ...timeRuns(runs, () => runSinglePatient(scenario)), steps: stepsOf(scenario), untreatedMs: timeRuns(runs, untreatedYear).ms };
}

/**
 * Production stepping against fixed 1-hour steps on the same course in the same process (goal:
 * ≥ 20× faster, every output series within 0.005). `cells` defaults to the course's 160².
 */
export function fixedVsAdaptiveCase(cells = 160): {
  ms: number;
  fixedMs: number;
  speedup: number;
  cpuSpeedup: number;
  maxDelta: number;
  maxDeltaSeries: string;
} {
  const scenario = monthlyCourse(240, cells);
  const fixedParams = parseParams({ fixedStepHours: 1 });
  const adaptive = timeRuns(3, () => runSinglePatient(scenario));
  const fixed = timeRuns(1, () => runSinglePatient(scenario, { params: fixedParams }));
  const a = runSinglePatient(scenario).result;
  const f = runSinglePatient(scenario, { params: fixedParams }).result;
  let maxDelta = 0;
  let maxDeltaSeries = '';
  for (const name of SERIES) {
    f.series[name].forEach((v, t) => {
      const d = Math.abs(v - a.series[name][t]!);
      if (d > maxDelta) {
        maxDelta = d;
        maxDeltaSeries = name;
      }
    });
  }
  return {
    ms: adaptive.ms,
    fixedMs: fixed.ms,
    speedup: fixed.ms / adaptive.ms,
    cpuSpeedup: fixed.cpuMs / adaptive.cpuMs,
    maxDelta,
    maxDeltaSeries,
  };
}

/** Integrator steps the course takes, sampled daily and with its sessions, as the runner does. */
function stepsOf(scenario: Scenario): number {
  const sim = new SkinSimulation({ seed: scenario.seed, region: scenario.skin.region, phototype: scenario.skin.phototype, conditions: scenario.skin.conditions, grid: { cells: scenario.grid?.cells ?? 160 } });
  const sessions = scenarioSessions(scenario);
  let next = 0;
  for (let day = 0; day <= scenario.days; day++) {
    while (next < sessions.length && sessions[next]!.day <= day) {
      const s = sessions[next++]!;
      sim.advanceTo(Math.round(s.day * 24));
      sim.applySession({ needleMm: s.needleMm, passes: s.passes, pressure: s.pressure });
    }
    sim.sampleMeans(day * 24);
  }
  return sim.stepCount;
}
