/**
 * Property tests of the engine over random valid scenarios (issue 9): tiny grids (32²), a few days and
 * a few sessions, so that 550 cases run in seconds. Seeds are fixed (arbitraries.ts): CI is reproducible
 * and a failure prints its counterexample.
 *  - no state is ever NaN, infinite or negative; capillary integrity V and telangiectasia T stay in [0, 1];
 *  - more passes never lower the injury (cell by cell, right after the session);
 *  - the same scenario and seed give the same bytes (result JSON and every field).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  runSinglePatient,
  simulationFor,
  scenarioSessions,
  SkinSimulation,
  STATE_FIELDS,
  type Scenario,
} from '../../../src/engine/index';
import { expectSameFields } from '../../fixtures/fields';
import { SEEDS, skinArb, tinyScenarioArb } from './arbitraries';

const HOURS_PER_DAY = 24;
/** Cases per property; the sum is the "500 engine cases in CI" of issue 9. */
const RUNS = { invariants: 300, monotone: 150, determinism: 100 } as const;

/** The engine's simulation of a scenario, on the scenario's grid or 32² (fast enough for hundreds of cases). */
function simulationOf(s: Scenario): SkinSimulation {
  return simulationFor(s, { gridCells: s.grid?.cells ?? 32 });
}

/** The first broken invariant of the state, or null: finite, non-negative, V and T at most 1. */
function brokenInvariant(sim: SkinSimulation): string | null {
  for (const name of STATE_FIELDS) {
    const field = sim.fields[name];
    const upper = name === 'V' || name === 'T' ? 1 : Number.POSITIVE_INFINITY;
    for (let i = 0; i < field.length; i++) {
      const v = field[i]!;
      if (!Number.isFinite(v) || v < 0 || v > upper) return `${name}[${i}] = ${v} at hour ${sim.hour}`;
    }
  }
  for (const [name, v] of Object.entries(sim.means())) if (!Number.isFinite(v)) return `patch mean ${name} = ${v} at hour ${sim.hour}`;
  return null;
}

/** Runs a scenario as runSinglePatient does (sessions at their hour, then to the end), checking the state after every session and every 12 h. */
function runChecked(s: Scenario): string | null {
  const sim = simulationOf(s);
  const endHour = Math.round(s.days * HOURS_PER_DAY);
  for (const session of scenarioSessions(s)) {
    const at = Math.round(session.day * HOURS_PER_DAY);
    if (at > endHour) break;
    sim.advanceTo(at);
    sim.applySession(session);
    const broken = brokenInvariant(sim);
    if (broken) return `after the session at hour ${at}: ${broken}`;
  }
  for (let hour = sim.hour; hour < endHour; ) {
    hour = Math.min(endHour, hour + 12);
    sim.advanceTo(hour);
    const broken = brokenInvariant(sim);
    if (broken) return broken;
  }
  return null;
}

describe('engine properties over random valid scenarios', () => {
  it(`every generated scenario is valid, and its state stays finite, non-negative, V and T in [0, 1] (${RUNS.invariants} cases)`, () => {
    fc.assert(
      fc.property(tinyScenarioArb, (input) => {
        const scenario = parseScenario(input);
        expect(runChecked(scenario)).toBeNull();
      }),
      { seed: SEEDS.engine, numRuns: RUNS.invariants },
    );
  });

  it(`more passes never lower the injury: W and D never lower, V never higher, cell by cell (${RUNS.monotone} cases)`, () => {
    const session = fc.record({
      skin: skinArb,
      seed: fc.integer({ min: 0, max: 4294967295 }),
      needleMm: fc.double({ min: 0.25, max: 3, noNaN: true }),
      pressure: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      passes: fc.integer({ min: 1, max: 6 }),
      extra: fc.integer({ min: 1, max: 4 }),
      /** A first session some hours earlier, so V⁻ and T are not at baseline. */
      earlierHours: fc.option(fc.integer({ min: 3, max: 96 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(session, ({ skin, seed, needleMm, pressure, passes, extra, earlierHours }) => {
        const scenario = parseScenario({
          version: 1,
          seed,
          skin,
          grid: { cells: 32 },
          protocol: { needleMm, passes, intervalDays: 1, sessions: 1, pressure },
          days: 5,
        });
        const fewer = simulationOf(scenario);
        const more = simulationOf(scenario);
        for (const sim of [fewer, more]) {
          if (earlierHours !== undefined) {
            sim.applySession({ needleMm, pressure, passes: 2 });
            sim.advanceTo(earlierHours);
          }
        }
        fewer.applySession({ needleMm, pressure, passes });
        more.applySession({ needleMm, pressure, passes: passes + extra });
        const a = fewer.fields;
        const b = more.fields;
        for (let i = 0; i < a.W.length; i++) {
          if (b.W[i]! < a.W[i]! || b.D[i]! < a.D[i]! || b.V[i]! > a.V[i]! || b.sessionDensity[i]! < a.sessionDensity[i]!) {
            expect.fail(`cell ${i}: ${passes + extra} passes gave W ${b.W[i]}, D ${b.D[i]}, V ${b.V[i]}; ${passes} gave W ${a.W[i]}, D ${a.D[i]}, V ${a.V[i]}`);
          }
        }
        // And more passes did reach the skin: some cell is strictly more injured.
        expect(b.sessionDensity.some((v, i) => v > a.sessionDensity[i]!)).toBe(true);
      }),
      { seed: SEEDS.monotone, numRuns: RUNS.monotone },
    );
  });

  it(`the same scenario and seed give the same bytes: result JSON and every state field (${RUNS.determinism} cases)`, () => {
    fc.assert(
      fc.property(tinyScenarioArb, (input) => {
        const scenario = parseScenario(input);
        const first = JSON.stringify(runSinglePatient(scenario).result);
        const second = JSON.stringify(runSinglePatient(parseScenario(input)).result);
        expect(second).toBe(first);
        const parsed = JSON.parse(first) as { series: Record<string, number[]> };
        for (const [name, values] of Object.entries(parsed.series)) {
          expect(values.every((v) => Number.isFinite(v)), name).toBe(true);
        }
        const one = simulationOf(scenario);
        const two = simulationOf(scenario);
        for (const sim of [one, two]) {
          for (const s of scenarioSessions(scenario)) {
            sim.advanceTo(Math.round(s.day * HOURS_PER_DAY));
            sim.applySession(s);
          }
          sim.advanceTo(Math.round(scenario.days * HOURS_PER_DAY) + 1);
        }
        expectSameFields(one, two);
      }),
      { seed: SEEDS.determinism, numRuns: RUNS.determinism },
    );
  });
});
