/**
 * Reproducibility (docs/model.md §8, Determinism): the same scenario and seed give the same bytes, another seed
 * gives other punctures, and how often a caller advances the clock never changes the state — also
 * with the adaptive steps of docs/model.md §8 (6 h to 768 h, quiet stretches in closed form).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, simulateScenario, type ScenarioInput, type SkinSimulation } from '../../../src/engine/index';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';
import { expectSameFields } from '../../fixtures/fields';

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
  /** `scenario(1234)` run once, for both tests that need it. */
  let seed1234: ReturnType<typeof simulateScenario>;
  beforeAll(() => {
    seed1234 = simulateScenario(scenario(1234));
  });

  it('a single-patient run serialises to identical JSON twice', () => {
    const a = JSON.stringify(seed1234);
    const b = JSON.stringify(simulateScenario(scenario(1234)));
    expect(a.length).toBeGreaterThan(1000);
    expect(a === b).toBe(true);
  });

  it('a cohort run serialises to identical JSON twice', () => {
    const cohort = scenario(77, { cohort: { patients: 3 }, grid: { cells: 32 }, days: 12, sampleEveryDays: 1 });
    expect(JSON.stringify(simulateScenario(cohort)) === JSON.stringify(simulateScenario(cohort))).toBe(true);
  });

  it('a different seed gives a different run', () => {
    const b = simulateScenario(scenario(1235));
    expect(JSON.stringify(seed1234.series) === JSON.stringify(b.series)).toBe(false);
  });
});

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
    expectSameFields(inChunks(hourly), inOneGo(), { hour: true });
  });

  it('a non-exact advance never lands past its target and stops at most one step short', () => {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    // The first day (6 h steps), three weeks of daily steps, then up to 96 h, and long quiet steps;
    // `lands` is the hour this patch reaches (read off a run: the step policy of docs/model.md §8).
    for (const [exactTo, target, lands] of [
      [0, 5.9, 0],
      [100, 105.9, 102],
      [20 * 24, 20 * 24 + 23, 20 * 24],
      [30 * 24, 35 * 24 + 5, 32 * 24],
      [70 * 24, 120 * 24, 96 * 24],
    ] as const) {
      sim.advanceTo(exactTo);
      sim.advanceTo(target, false);
      expect(sim.hour).toBeLessThanOrEqual(target);
      expect(sim.hour + sim.stepCapHours()).toBeGreaterThan(Math.floor(target));
      expect(sim.hour, `advancing to ${target} without landing exactly`).toBe(lands);
    }
  });

  it('any frame schedule of fractional targets gives bit-identical fields', () => {
    const reference = inOneGo();
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: END, noNaN: true }), { minLength: 1, maxLength: 60 }), (raw) => {
        const targets = [...raw].sort((a, b) => a - b);
        expectSameFields(inChunks(targets), reference, { hour: true });
      }),
      { seed: 4711, numRuns: 15 },
    );
  });
});

describe('months of frames with long quiet steps do not change a bit', () => {
  const END = 200 * 24;
  const SECOND = 40 * 24 + 7;

  function run(targets: readonly number[] | null): SkinSimulation {
    const sim = referenceSim({ grid: { cells: 32 } });
    sim.applySession(REFERENCE_SESSION);
    for (const t of (targets ?? []).filter((t) => t < SECOND)) sim.advanceTo(t, false);
    sim.advanceTo(SECOND);
    sim.applySession({ ...REFERENCE_SESSION, passes: 5 });
    for (const t of (targets ?? []).filter((t) => t > SECOND && t < END)) {
      // Frames read the patch as they go; reading never moves the state.
      sim.advanceTo(t, false);
      sim.means();
    }
    sim.advanceTo(END);
    return sim;
  }

  it('a frame loop over 200 days (every simulated day, 3 times) ends on the same bits as advancing from event to event', () => {
    const frames = Array.from({ length: 600 }, (_, k) => (k + 1) * 8 + 0.4);
    expectSameFields(run(frames), run(null), { hour: true });
  });

  it('samples in closed form between events leave the same bits as no samples', () => {
    const sampled = referenceSim({ grid: { cells: 32 } });
    const plain = referenceSim({ grid: { cells: 32 } });
    for (const sim of [sampled, plain]) sim.applySession(REFERENCE_SESSION);
    // From day 60 on the patch is quiet: daily samples are closed-form and split no step.
    for (const sim of [sampled, plain]) sim.advanceTo(60 * 24);
    for (let day = 61; day <= 180; day++) sampled.sampleMeans(day * 24);
    sampled.advanceTo(180 * 24);
    plain.advanceTo(180 * 24);
    expectSameFields(sampled, plain, { hour: true });
  });
});
