import fc from 'fast-check';
import { CONDITIONS } from '../../../src/engine/conditions';
import { REGIONS } from '../../../src/engine/params';
import { ScenarioSchema, type Scenario } from '../../../src/engine/scenario';
import { MAX_COURSES, TIME_UNITS, WorkspaceSchema, type Workspace } from '../../../src/compare/workspace';

/** Random valid courses (scenarios) and workspaces, as users could build them in the Compare view. */
const needle = fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 2.5, 3);
const unicodeName = fc.string({ unit: 'grapheme', maxLength: 40 });

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 4294967295 }),
    name: fc.option(unicodeName, { nil: undefined }),
    region: fc.constantFrom(...REGIONS),
    phototype: fc.integer({ min: 1, max: 6 }),
    conditions: fc.uniqueArray(fc.constantFrom(...CONDITIONS), { maxLength: 4 }),
    explicit: fc.boolean(),
    needleMm: needle,
    passes: fc.integer({ min: 1, max: 50 }),
    intervalDays: fc.integer({ min: 1, max: 90 }),
    sessions: fc.integer({ min: 1, max: 12 }),
    days: fc.integer({ min: 30, max: 720 }),
    patients: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    sessionDays: fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 8 }),
  })
  .map((r) =>
    ScenarioSchema.parse({
      version: 1,
      seed: r.seed,
      ...(r.name !== undefined ? { name: r.name } : {}),
      skin: { region: r.region, phototype: r.phototype, conditions: r.conditions },
      ...(r.explicit
        ? { sessions: r.sessionDays.map((day) => ({ day, needleMm: r.needleMm, passes: r.passes })) }
        : { protocol: { needleMm: r.needleMm, passes: r.passes, intervalDays: r.intervalDays, sessions: r.sessions } }),
      days: r.days,
      ...(r.patients !== undefined ? { cohort: { patients: r.patients } } : {}),
    }),
  );

export const workspaceArb: fc.Arbitrary<Workspace> = fc
  .record({
    courses: fc.array(scenarioArb, { maxLength: MAX_COURSES }),
    readoutDay: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: null }),
    timeUnit: fc.constantFrom(...TIME_UNITS),
    sessions: fc.integer({ min: 1, max: 20 }),
    passes: fc.integer({ min: 1, max: 50 }),
  })
  .map((r) =>
    WorkspaceSchema.parse({ version: 1, courses: r.courses, readoutDay: r.readoutDay, timeUnit: r.timeUnit, doseMap: { sessions: r.sessions, passes: r.passes } }),
  );
