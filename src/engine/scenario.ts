import { z } from 'zod';
import { bounded, formatIssues, oneOf, shortJson } from './bounded';
import { CONDITIONS } from './conditions';
import { JsonInputError, readJsonText } from './jsonInput';
import { GRID_CELLS_MAX, GRID_CELLS_MIN, MAX_DAYS, MAX_INPUT_BYTES, MAX_PASSES, MAX_SESSIONS } from './limits';
import { REGIONS } from './params';
import { NEEDLE_MM_MAX, NEEDLE_MM_MIN, PRESSURE_MAX, PRESSURE_MIN } from './roller';
import { HOURS_PER_DAY } from './units';

/**
 * The scenario file format, version 1 — a public contract (issue #3 §3): users write these files.
 * Keep every field's meaning; extend only with optional fields. Documented in docs/scenario-format.md.
 */

/** The limits live in limits.ts; these names stay exported here for existing importers. */
export { MAX_DAYS, MAX_PASSES, MAX_SESSIONS };
export const SCENARIO_MAX_BYTES = MAX_INPUT_BYTES;
export const MAX_PATIENTS = 1000;

const needleMm = bounded(NEEDLE_MM_MIN, NEEDLE_MM_MAX, 'mm');
const passes = bounded(1, MAX_PASSES, 'passes', { int: true });
const pressure = bounded(PRESSURE_MIN, PRESSURE_MAX, '(1 = normal hand pressure)');
const day = bounded(0, MAX_DAYS, 'days');

export const SkinSchema = z
  .object({
    region: oneOf(REGIONS),
    phototype: bounded(1, 6, '(Fitzpatrick I–VI)', { int: true }),
    conditions: z
      .array(oneOf(CONDITIONS), { error: (iss) => `must be a list of conditions, got ${shortJson(iss.input)}` })
      .max(CONDITIONS.length)
      .default([])
      .refine((list) => new Set(list).size === list.length, { error: 'lists a condition twice' }),
    /** Optional addition: vitamin A/C priming before the course (a hook of docs/model.md §9). */
    primed: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict();

export const ProtocolSchema = z
  .object({
    needleMm,
    passes,
    intervalDays: bounded(0.25, 365, 'days'),
    sessions: bounded(1, MAX_SESSIONS, 'sessions', { int: true }),
    startDay: day.default(0),
    /** Optional addition. */
    pressure: pressure.default(1),
  })
  .strict();

export const TreatmentSessionSpecSchema = z
  .object({
    day,
    needleMm,
    passes,
    pressure: pressure.default(1),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    version: z.literal(1, { error: (iss) => `${shortJson(iss.input)} is not supported; allowed: 1` }),
    seed: bounded(0, 4294967295, '(a whole number)', { int: true }),
    /** Optional additions: a title and a description for presets and exports. */
    name: z.string().max(200).optional(),
    description: z.string().max(2000).optional(),
    skin: SkinSchema,
    grid: z
      .object({ cells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }) })
      .strict()
      .optional(),
    protocol: ProtocolSchema.optional(),
    sessions: z
      .array(TreatmentSessionSpecSchema, { error: (iss) => `must be a list of sessions, got ${shortJson(iss.input)}` })
      .min(1, { error: 'lists no session; give at least 1' })
      .max(MAX_SESSIONS, { error: (iss) => `lists ${Array.isArray(iss.input) ? iss.input.length : 'too many'} sessions; the limit is ${MAX_SESSIONS} sessions per scenario` })
      .optional(),
    days: bounded(1, MAX_DAYS, 'days'),
    sampleEveryDays: bounded(1 / HOURS_PER_DAY, MAX_DAYS, 'days (a whole number of hours)').default(1),
    cohort: z
      .object({ patients: bounded(1, MAX_PATIENTS, 'patients', { int: true }) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.protocol === undefined) === (s.sessions === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: s.protocol === undefined ? [] : ['sessions'],
        message: 'give either "protocol" (a regular course) or "sessions" (an explicit list), not both and not neither',
      });
    }
    const hours = s.sampleEveryDays * HOURS_PER_DAY;
    if (Math.abs(hours - Math.round(hours)) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['sampleEveryDays'],
        message: `${s.sampleEveryDays} is not a whole number of hours; the clock ticks in hours (e.g. 1, 0.5, 0.25, 1/24)`,
      });
    }
    if (s.sampleEveryDays > s.days) {
      ctx.addIssue({ code: 'custom', path: ['sampleEveryDays'], message: `${s.sampleEveryDays} is longer than "days" (${s.days})` });
    }
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type TreatmentSessionSpec = z.infer<typeof TreatmentSessionSpecSchema>;

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    // A hostile file can have thousands of problems; the first 20 are enough to act on.
    const shown = problems.slice(0, 20).map((p) => `  - ${p}`);
    if (problems.length > 20) shown.push(`  - … and ${problems.length - 20} more problems`);
    super(`invalid scenario:\n${shown.join('\n')}`);
    this.name = 'ScenarioError';
  }
}

/** Validates a parsed JSON value; throws ScenarioError listing every problem with its field path. */
export function parseScenario(value: unknown): Scenario {
  const result = ScenarioSchema.safeParse(value);
  if (!result.success) throw new ScenarioError(formatIssues(result.error));
  return result.data;
}

/**
 * Validates scenario text (a file's contents, an Import): the bounded JSON reader (size, nesting depth,
 * reserved and duplicate keys, syntax; src/engine/jsonInput.ts), then the schema. Throws ScenarioError
 * and nothing else.
 */
export function parseScenarioText(text: string): Scenario {
  const value = readScenarioJson(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ScenarioError([`(document): expected a JSON object ({ "version": 1, ... }), got ${shortJson(value)}`]);
  }
  return parseScenario(value);
}

/** The bounded JSON reader (src/engine/jsonInput.ts) for scenario text: its problems become a ScenarioError. */
export function readScenarioJson(text: string, what = 'the file'): unknown {
  try {
    return readJsonText(text, { what });
  } catch (err) {
    if (err instanceof JsonInputError) throw new ScenarioError(err.problems);
    throw err;
  }
}

/** The sessions a scenario describes, in time order. */
export function scenarioSessions(s: Scenario): TreatmentSessionSpec[] {
  if (s.sessions !== undefined) return [...s.sessions].sort((a, b) => a.day - b.day);
  const p = s.protocol!;
  return Array.from({ length: p.sessions }, (_, k) => ({
    day: p.startDay + k * p.intervalDays,
    needleMm: p.needleMm,
    passes: p.passes,
    pressure: p.pressure,
  }));
}
