import { allocateFields, STATE_FIELDS, type SkinFields } from '../src/engine/fields';
import { makeGrid } from '../src/engine/grid';
import { patchSums, zeroSums } from '../src/engine/outputs';
import {
  parseParams,
  parseScenario,
  runSinglePatient,
  simulationFor,
  scenarioSessions,
  SERIES,
  SkinSimulation,
  type Scenario,
  type ScenarioResult,
} from '../src/engine/index';
import type { NaiveConstants } from './naiveEngine';

/**
 * The engine workloads of the bench (issue 8), one definition each: what is run, never how it is
 * timed (bench/engine.ts and bench/pool.ts time them, bench/run.ts prints them). The engine's own
 * tests reuse none of this; docs/model.md §8 quotes figures measured with these cases.
 */

/**
 * The course: 1.5 mm, 15 passes, monthly × `sessions`, cheek, phototype III, seed 42, sampled
 * daily; `cells` per side (160 = the app's grid). `overrides` replaces whole top-level fields.
 */
export function monthlyCourse(days = 240, cells = 160, sessions = 5, overrides: Partial<Scenario> = {}): Scenario {
  return {
    ...parseScenario({
      version: 1,
      seed: 42,
      skin: { region: 'cheek', phototype: 3, conditions: [] },
      protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions },
      days,
      grid: { cells },
    }),
    ...overrides,
  };
}

/** `courseScenario()` is the 240-day course at 160²; overrides as `monthlyCourse`. */
export function courseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return monthlyCourse(240, 160, 5, overrides);
}

/** A scenario and its run; its step count comes with its breakdown (`breakdownOf`). */
export interface CourseCase {
  scenario: Scenario;
  run(): ScenarioResult;
}

function scenarioCase(scenario: Scenario): CourseCase {
  return { scenario, run: () => runSinglePatient(scenario).result };
}

/** `courseMs`: the 240-day, 5-session course at 160², end to end through the engine API (runSinglePatient). */
export function courseCase(): CourseCase {
  return scenarioCase(courseScenario());
}

/** `yearAt256Ms`: one year, 5 monthly sessions, 256²; and an untreated year at 256², sampled daily, for comparison. */
export function yearAt256Case(): CourseCase & { untreatedYear(): void } {
  return {
    ...scenarioCase(monthlyCourse(365, 256)),
    untreatedYear: () => {
      const sim = new SkinSimulation({ seed: 42, region: 'cheek', phototype: 3, conditions: [], grid: { cells: 256 } });
      for (let day = 0; day <= 365; day++) sim.sampleMeans(day * 24);
    },
  };
}

export interface FixedVsAdaptiveCase {
  scenario: Scenario;
  adaptive(): ScenarioResult;
  /** The same course with every step 1 hour long (`fixedStepHours: 1`, the engine's reference stepping). */
  fixed(): ScenarioResult;
  /** Largest |adaptive − fixed| over every series and sampled day, and where. */
  maxDelta(adaptive: ScenarioResult, fixed: ScenarioResult): { value: number; series: string; day: number };
}

/** `adaptiveVsFixed`, `adaptiveMaxDelta`: production stepping against fixed 1-hour steps, same course. */
export function fixedVsAdaptiveCase(cells = 160): FixedVsAdaptiveCase {
  const scenario = monthlyCourse(240, cells);
  const fixedParams = parseParams({ fixedStepHours: 1 });
  return {
    scenario,
    adaptive: () => runSinglePatient(scenario).result,
    fixed: () => runSinglePatient(scenario, { params: fixedParams }).result,
    maxDelta: (a, f) => {
      let worst = { value: 0, series: 'collagenGain', day: 0 };
      for (const name of SERIES) {
        a.series[name].forEach((v, t) => {
          const d = Math.abs(v - f.series[name][t]!);
          if (d > worst.value) worst = { value: d, series: name, day: a.days[t]! };
        });
      }
      return worst;
    },
  };
}

/** `cohort200Ms`: the course's protocol over 180 days for a cohort of `patients` (default cohort grid). */
export function cohortScenario(patients: number): Scenario {
  const base = courseScenario({ days: 180, cohort: { patients } });
  // The cohort's own default grid (src/engine/cohort.ts), not the course's 160².
  const { grid: _grid, ...rest } = base;
  return rest;
}

/** A patch right after the reference session (1.5 mm, 15 passes) on `cells`², and its step constants. */
export function injuredPatch(cells: number): { sim: SkinSimulation; constants: NaiveConstants } {
  const sim = new SkinSimulation({ seed: 1, region: 'cheek', phototype: 3, conditions: [], grid: { cells } });
  sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
  // As SkinSimulation builds its Dynamics for a typical patient without conditions.
  const constants: NaiveConstants = { params: sim.params, phi: sim.params.phiByPhototype[2] ?? 1, inflammationFactor: 1, s3Factor: 1, oedemaGain: sim.anatomy.oedemaGain };
  return { sim, constants };
}

export function copyFields(from: SkinFields, precision: 'float32' | 'float64' = from.precision): SkinFields {
  const to = allocateFields(makeGrid({ cells: Math.round(Math.sqrt(from.W.length)) }), precision);
  for (const name of STATE_FIELDS) to[name].set(from[name]);
  return to;
}

/** Where one run of a scenario spends its time (the loop of runSinglePatient, timed piece by piece). */
export interface RunBreakdown {
  /** Rolling the sessions: sampling the punctures, depositing them, the jumps. */
  sessionsMs: number;
  /** Advancing the clock and sampling the patch means (integrator steps and the patch-mean passes). */
  advanceMs: number;
  /** Of which the patch-mean passes, timed apart on the same states. */
  meansMs: number;
  steps: number;
}

/**
 * `scenario` run as runSinglePatient runs it, with the sessions, the steps and the patch means timed
 * apart: the bench's one copy of runSinglePatient's schedule, also where a case's step count comes from.
 */
export function breakdownOf(scenario: Scenario): RunBreakdown {
  const sim = simulationFor(scenario);
  const sessions = scenarioSessions(scenario);
  const every = Math.round(scenario.sampleEveryDays * 24);
  const out = { sessionsMs: 0, advanceMs: 0, meansMs: 0, steps: 0 };
  const sums = zeroSums();
  let next = 0;
  for (let hour = 0; hour <= scenario.days * 24; hour += every) {
    while (next < sessions.length && Math.round(sessions[next]!.day * 24) <= hour) {
      const s = sessions[next++]!;
      let t = performance.now();
      sim.advanceTo(Math.round(s.day * 24));
      out.advanceMs += performance.now() - t;
      t = performance.now();
      sim.applySession({ needleMm: s.needleMm, passes: s.passes, pressure: s.pressure });
      out.sessionsMs += performance.now() - t;
    }
    let t = performance.now();
    sim.sampleMeans(hour);
    out.advanceMs += performance.now() - t;
    // A sample that stepped (not a closed-form one) took one patch-mean pass: time one on this state.
    if (sim.hour === hour) {
      t = performance.now();
      patchSums(sim.fields, sim.params, sums);
      out.meansMs += performance.now() - t;
    }
  }
  out.steps = sim.stepCount;
  return out;
}
