import { z } from 'zod';
import {
  bounded,
  formatIssues,
  MAX_COURSES,
  MAX_DAYS,
  MAX_PASSES,
  oneOf,
  type Scenario,
  ScenarioSchema,
  scenarioSessions,
} from '../engine/index';

/**
 * The Compare view's workspace: up to six courses, each a scenario in the public scenario format
 * (docs/scenario-format.md), plus how they are read. It is what Export JSON, Import, the share link and
 * the saved state carry; one zod schema validates all of them.
 */

export { MAX_COURSES } from '../engine/index';

export const TIME_UNITS = ['days', 'weeks', 'months'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Default read-out: 8 weeks after the last session, when Lotfi 2013 and most trials read their results. */
export const READOUT_WEEKS_AFTER_LAST_SESSION = 8;

/** Most sessions of a dose map's courses. */
export const DOSE_MAP_MAX_SESSIONS = 20;

export const DoseMapSettingsSchema = z
  .object({
    /** Sessions of every course on the map. */
    sessions: bounded(1, DOSE_MAP_MAX_SESSIONS, 'sessions', { int: true }),
    /** Passes per session. */
    passes: bounded(1, MAX_PASSES, 'passes', { int: true }),
  })
  .strict();
export type DoseMapSettings = z.infer<typeof DoseMapSettingsSchema>;

export const WorkspaceSchema = z
  .object({
    version: z.literal(1, { error: 'must be 1' }),
    courses: z
      .array(ScenarioSchema, { error: 'must be a list of scenarios' })
      .max(MAX_COURSES, { error: (iss) => `${Array.isArray(iss.input) ? iss.input.length : 'too many'} courses; a comparison holds at most ${MAX_COURSES}` }),
    /** A day at which every course is read; null = 8 weeks after each course's last session. */
    readoutDay: bounded(0, MAX_DAYS, 'days').nullable().default(null),
    timeUnit: oneOf(TIME_UNITS).default('days'),
    doseMap: DoseMapSettingsSchema.default({ sessions: 3, passes: 15 }),
  })
  .strict();
export type Workspace = z.infer<typeof WorkspaceSchema>;
export type WorkspaceInput = z.input<typeof WorkspaceSchema>;

export class WorkspaceError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'WorkspaceError';
  }
}

export function parseWorkspace(value: unknown): Workspace {
  const r = WorkspaceSchema.safeParse(value);
  if (!r.success) throw new WorkspaceError(formatIssues(r.error));
  return r.data;
}

export function emptyWorkspace(): Workspace {
  return WorkspaceSchema.parse({ version: 1, courses: [] });
}

/** A name for display: the scenario's own, or "Course k" by position. */
export function courseName(course: Scenario, index: number): string {
  const name = course.name?.trim();
  return name ? name : `Course ${index + 1}`;
}

/** Day of a course's last session (0 if none fall inside the simulated days). */
export function lastSessionDay(course: Scenario): number {
  let last = 0;
  for (const s of scenarioSessions(course)) if (s.day <= course.days && s.day > last) last = s.day;
  return last;
}

/** The default read-out day of a course whose last session is on `lastSession`: 8 weeks later. */
export function readoutAfter(lastSession: number): number {
  return lastSession + READOUT_WEEKS_AFTER_LAST_SESSION * 7;
}

/** The read-out day of one course: the workspace's chosen day, or 8 weeks after its last session, within its days. */
export function readoutDayOf(course: Scenario, workspaceReadoutDay: number | null): number {
  const day = workspaceReadoutDay ?? readoutAfter(lastSessionDay(course));
  return Math.min(course.days, Math.max(0, day));
}

const courseKeys = new WeakMap<Scenario, string>();

/**
 * A stable identity of a course's content: two courses with the same key give the same result, so an
 * edit re-runs only the course it changed (and undoing it finds the old result again). Cached per
 * object: scenarios are never changed in place (every edit, import or load builds new ones), and the
 * key is asked for several times per change of the workspace or of a run.
 */
export function courseKey(course: Scenario): string {
  let key = courseKeys.get(course);
  if (key === undefined) {
    key = stableStringify(course);
    courseKeys.set(course, key);
  }
  return key;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
