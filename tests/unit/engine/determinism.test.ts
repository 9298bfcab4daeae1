/**
 * Reproducibility (§7, style habit 5): the same scenario and seed give the same bytes, another seed
 * gives other punctures, and how often a caller advances the clock never changes the state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateScenario, STATE_FIELDS, type ScenarioInput, type SkinSimulation } from '../../../src/engine/index';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

const scenario = (seed: number, extra: Partial<ScenarioInput> = {}) =>
  parseScenario({
    version: 1,
    seed,
    skin: { region: 'cheek', phototype: 4, conditions: ['acne-scars'] },
    grid: { cells: 48 },
    sessions: [
      { day: 0, needleMm: 1.5, passes: 15 },
      { day: 9.5, needleMm: 1, passes: 10, pressure: 1.2 },
    ],
    days: 30,
    sampleEveryDays: 0.5,
    ...extra,
  });

describe('same scenario and seed, same bytes', () => {
  it('a single-patient run serialises to identical JSON twice', () => {
    const a = JSON.stringify(simulateScenario(scenario(1234)));
    const b = JSON.stringify(simulateScenario(scenario(1234)));
    expect(a.length).toBeGreaterThan(1000);
    expect(a === b).toBe(true);
  });

  it('a cohort run serialises to identical JSON twice', () => {
    const cohort = scenario(77, { cohort: { patients: 3 }, grid: { cells: 32 }, days: 12, sampleEveryDays: 1 });
    expect(JSON.stringify(simulateScenario(cohort)) === JSON.stringify(simulateScenario(cohort))).toBe(true);
  });

  it('a different seed gives a different run', () => {
    const a = simulateScenario(scenario(1234));
    const b = simulateScenario(scenario(1235));
    expect(JSON.stringify(a.series) === JSON.stringify(b.series)).toBe(false);
  });
});

function expectSameFields(a: SkinSimulation, b: SkinSimulation): void {
  expect(a.hour).toBe(b.hour);
  for (const name of STATE_FIELDS) {
    const x = a.fields[name];
    const y = b.fields[name];
    let firstDiff = -1;
    for (let i = 0; i < x.length && firstDiff < 0; i++) if (!Object.is(x[i], y[i])) firstDiff = i;
    expect(firstDiff, `${name}[${firstDiff}] = ${x[firstDiff]} vs ${y[firstDiff]}`).toBe(-1);
  }
}

describe('advancing in chunks does not change a bit', () => {
  const END = 20 * 24;
  const SECOND_SESSION = 7 * 24 + 5;

  /** Reference: one exact advance to each event. */
  function inOneGo(): SkinSimulation {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceTo(SECOND_SESSION);
    sim.applySession({ ...REFERENCE_SESSION, passes: 8 });
    sim.advanceTo(END);
    return sim;
  }

  /** A frame loop: non-exact advances to the given (fractional) targets, exact only at events. */
  function inChunks(targets: readonly number[]): SkinSimulation {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    for (const t of targets.filter((t) => t < SECOND_SESSION)) sim.advanceTo(t, false);
    sim.advanceTo(SECOND_SESSION);
    sim.applySession({ ...REFERENCE_SESSION, passes: 8 });
    for (const t of targets.filter((t) => t > SECOND_SESSION && t < END)) sim.advanceTo(t, false);
    sim.advanceTo(END);
    return sim;
  }

  it('advancing hour by hour without landing exactly, then exactly to the end, gives bit-identical fields', () => {
    const hourly = Array.from({ length: END }, (_, h) => h + 1);
    expectSameFields(inChunks(hourly), inOneGo());
  });

  it('a non-exact advance never lands past its target and stops at most one step short', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceTo(100); // steps are 6 h from hour 72 on
    sim.advanceTo(105.9, false);
    expect(sim.hour).toBe(102);
    sim.advanceTo(20 * 24); // 24 h steps after two weeks
    sim.advanceTo(20 * 24 + 23, false);
    expect(sim.hour).toBe(20 * 24);
  });

  it('any frame schedule of fractional targets gives bit-identical fields', () => {
    const reference = inOneGo();
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: END, noNaN: true }), { minLength: 1, maxLength: 60 }), (raw) => {
        const targets = [...raw].sort((a, b) => a - b);
        expectSameFields(inChunks(targets), reference);
      }),
      { seed: 4711, numRuns: 15 },
    );
  });
});
