import { allocateFields, STATE_FIELDS, type SkinFields } from '../src/engine/fields';
import { makeGrid } from '../src/engine/grid';
import {
  DEFAULT_PARAMS,
  parseScenario,
  runSinglePatient,
  SERIES,
  SkinSimulation,
  type Scenario,
  type ScenarioResult,
} from '../src/engine/index';
import type { NaiveConstants } from './naiveEngine';

/**
 * The engine workloads of the bench, one definition each. (The engine helper's bench/engineCases.ts
 * offers the same three cases; until the two are reconciled these are the bench's own.)
 */

/** The course: 240 days, 5 monthly 1.5 mm sessions of 15 passes, cheek, phototype III, 160². */
export function courseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    ...parseScenario({
      version: 1,
      seed: 42,
      skin: { region: 'cheek', phototype: 3, conditions: [] },
      protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 5 },
      days: 240,
    }),
    ...overrides,
  };
}

export interface CourseCase {
  scenario: Scenario;
  run(): ScenarioResult;
}

/** `courseMs`: the 240-day course end to end through the engine API (runSinglePatient). */
export function courseCase(): CourseCase {
  const scenario = courseScenario();
  return { scenario, run: () => runSinglePatient(scenario).result };
}

/** `yearAt256Ms`: one year, 5 monthly sessions, 256² grid. */
export function yearAt256Case(): CourseCase {
  const scenario = courseScenario({ days: 365, grid: { cells: 256 } });
  return { scenario, run: () => runSinglePatient(scenario).result };
}

export interface FixedVsAdaptiveCase {
  adaptive(): ScenarioResult;
  /** The same course with every step 1 hour long (the reference stepping). */
  fixed(): ScenarioResult;
  /** Largest |adaptive − fixed| over every series and sampled day, and where. */
  maxDelta(adaptive: ScenarioResult, fixed: ScenarioResult): { value: number; series: string; day: number };
}

/** `adaptiveVsFixed`, `adaptiveMaxDelta`: production stepping against fixed 1-hour steps, same course. */
export function fixedVsAdaptiveCase(): FixedVsAdaptiveCase {
  const scenario = courseScenario();
  // Fine steps for ever: the step ladder never leaves 1 h (src/engine/simulation.ts stepCapHours).
  const fineForever = { ...DEFAULT_PARAMS, fineStepWindowHours: Number.MAX_SAFE_INTEGER, mediumStepWindowHours: Number.MAX_SAFE_INTEGER };
  return {
    adaptive: () => runSinglePatient(scenario).result,
    fixed: () => runSinglePatient(scenario, { params: fineForever }).result,
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

/** A patch right after the reference session (1.5 mm, 15 passes) on `cells`², and its step constants. */
export function injuredPatch(cells: number): { sim: SkinSimulation; constants: NaiveConstants } {
  const sim = new SkinSimulation({ seed: 1, region: 'cheek', phototype: 3, conditions: [], grid: { cells } });
  sim.applySession({ needleMm: 1.5, passes: 15, pressure: 1 });
  // As SkinSimulation builds its Dynamics for a typical patient without conditions.
  const constants: NaiveConstants = { params: sim.params, phi: sim.params.phiByPhototype[2] ?? 1, inflammationFactor: 1, s3Factor: 1 };
  return { sim, constants };
}

export function copyFields(from: SkinFields, precision: 'float32' | 'float64' = from.precision): SkinFields {
  const to = allocateFields(makeGrid({ cells: Math.round(Math.sqrt(from.W.length)) }), precision);
  for (const name of STATE_FIELDS) to[name].set(from[name]);
  return to;
}
