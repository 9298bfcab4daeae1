/**
 * fast-check arbitraries shared by the property tests: tiny valid scenarios (32² grid, a few days, a few
 * sessions) that the engine runs in milliseconds, and the seeds that make every CI run the same.
 */
import fc from 'fast-check';
import { CONDITIONS, NEEDLE_MM_MAX, NEEDLE_MM_MIN, PRESSURE_MAX, PRESSURE_MIN, REGIONS, type ScenarioInput } from '../../../src/engine/index';

/** Fixed seeds: a failure in CI reproduces locally with the same counterexample. */
export const SEEDS = { engine: 20260901, monotone: 20260902, determinism: 20260903, scenarioText: 20260904, messages: 20260905, saved: 20260906, garbage: 20260907 } as const;

const needleMm = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((k) => k * 0.25),
  fc.double({ min: NEEDLE_MM_MIN, max: NEEDLE_MM_MAX, noNaN: true }),
);
const pressure = fc.oneof(fc.constant(1), fc.double({ min: PRESSURE_MIN, max: PRESSURE_MAX, noNaN: true }));
const passes = fc.integer({ min: 1, max: 5 });

export const skinArb = fc.record({
  region: fc.constantFrom(...REGIONS),
  phototype: fc.integer({ min: 1, max: 6 }),
  conditions: fc.subarray([...CONDITIONS]),
  primed: fc.boolean(),
});

const protocolArb = fc.record({
  needleMm,
  passes,
  intervalDays: fc.double({ min: 0.25, max: 3, noNaN: true }),
  sessions: fc.integer({ min: 1, max: 3 }),
  startDay: fc.integer({ min: 0, max: 2 }),
  pressure,
});

const sessionListArb = fc.array(fc.record({ day: fc.double({ min: 0, max: 4, noNaN: true }), needleMm, passes, pressure }), {
  minLength: 1,
  maxLength: 3,
});

/** A valid scenario the engine runs in a few milliseconds: 32 cells per side, 1–5 days, 1–3 sessions of 1–5 passes. */
export const tinyScenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    seed: fc.integer({ min: 0, max: 4294967295 }),
    skin: skinArb,
    days: fc.integer({ min: 1, max: 5 }),
    sampleEveryDays: fc.constantFrom(1, 0.5, 0.25),
    course: fc.oneof(
      protocolArb.map((protocol) => ({ protocol })),
      sessionListArb.map((sessions) => ({ sessions })),
    ),
  })
  .map(({ course, ...rest }) => ({ version: 1 as const, grid: { cells: 32 }, ...rest, ...course }));
