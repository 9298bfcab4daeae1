import type { z } from 'zod';
import { type Condition, type Region, type Scenario, ScenarioSchema, scenarioSessions } from '../engine/index';

/**
 * The course editor's values, one per control, and the two-way mapping to a scenario. The form is
 * what a user edits; the scenario (the public file format) is what runs, exports and shares. Values
 * come straight from the inputs (numbers may be NaN when a field is empty): the scenario schema is
 * the only validator, and its errors are mapped back onto the control that caused them.
 */
export interface CourseForm {
  name: string;
  seed: number;
  region: Region;
  phototype: number;
  conditions: Condition[];
  primed: boolean;
  needleMm: number;
  passes: number;
  pressure: number;
  /** 'regular': every `intervalDays` from `startDay`; 'explicit': the listed `sessionDays`. */
  mode: 'regular' | 'explicit';
  intervalDays: number;
  sessions: number;
  startDay: number;
  /** The explicit session days as typed, e.g. "0, 14, 28, 90". */
  sessionDays: string;
  /** Simulated days. */
  days: number;
  /** Virtual cohort size; 0 = one typical patient. */
  cohortPatients: number;
}

export type CourseFormField = keyof CourseForm;
export type CourseFormErrors = Partial<Record<CourseFormField | 'course', string>>;

/** The form showing a scenario. An explicit list whose sessions differ in needle or passes shows the first one's. */
export function formFromScenario(s: Scenario): CourseForm & { mixedSessions: boolean } {
  const sessions = scenarioSessions(s);
  const first = sessions[0];
  const mixed = s.sessions !== undefined && sessions.some((x) => x.needleMm !== first?.needleMm || x.passes !== first?.passes || x.pressure !== first?.pressure);
  return {
    name: s.name ?? '',
    seed: s.seed,
    region: s.skin.region,
    phototype: s.skin.phototype,
    conditions: [...s.skin.conditions],
    primed: s.skin.primed ?? false,
    needleMm: first?.needleMm ?? 1.5,
    passes: first?.passes ?? 15,
    pressure: first?.pressure ?? 1,
    mode: s.protocol ? 'regular' : 'explicit',
    intervalDays: s.protocol?.intervalDays ?? 30,
    sessions: s.protocol?.sessions ?? sessions.length,
    startDay: s.protocol?.startDay ?? 0,
    sessionDays: sessions.map((x) => formatDay(x.day)).join(', '),
    days: s.days,
    cohortPatients: s.cohort?.patients ?? 0,
    mixedSessions: mixed,
  };
}

function formatDay(day: number): string {
  return String(Number(day.toFixed(4)));
}

/** Parses "0, 14, 28" (commas, semicolons or spaces) into days; a token that is not a number is an error. */
export function parseSessionDays(text: string): { days: number[] } | { error: string } {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) return { error: 'list at least one session day, e.g. "0, 30, 60"' };
  const days: number[] = [];
  for (const t of tokens) {
    const d = Number(t);
    if (!Number.isFinite(d)) return { error: `"${t.slice(0, 20)}" is not a number of days` };
    days.push(d);
  }
  return { days };
}

/**
 * The scenario a form describes, or the errors keyed by the control that holds the bad value.
 * `base` supplies what the form does not edit (description, grid, sampling).
 */
export function scenarioFromForm(form: CourseForm, base?: Scenario): { ok: true; scenario: Scenario } | { ok: false; errors: CourseFormErrors } {
  const errors: CourseFormErrors = {};
  let sessions: unknown;
  let protocol: unknown;
  if (form.mode === 'explicit') {
    const parsed = parseSessionDays(form.sessionDays);
    if ('error' in parsed) errors.sessionDays = parsed.error;
    else sessions = parsed.days.map((day) => ({ day, needleMm: form.needleMm, passes: form.passes, pressure: form.pressure }));
  } else {
    protocol = {
      needleMm: form.needleMm,
      passes: form.passes,
      intervalDays: form.intervalDays,
      sessions: form.sessions,
      startDay: form.startDay,
      pressure: form.pressure,
    };
  }
  const name = form.name.trim();
  const candidate = {
    version: 1,
    seed: form.seed,
    ...(name ? { name } : {}),
    ...(base?.description !== undefined ? { description: base.description } : {}),
    skin: { region: form.region, phototype: form.phototype, conditions: form.conditions, ...(form.primed ? { primed: true } : {}) },
    ...(base?.grid !== undefined ? { grid: base.grid } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    ...(sessions !== undefined ? { sessions } : {}),
    days: form.days,
    sampleEveryDays: base?.sampleEveryDays ?? 1,
    ...(form.cohortPatients > 0 || Number.isNaN(form.cohortPatients) ? { cohort: { patients: form.cohortPatients } } : {}),
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const r = ScenarioSchema.safeParse(candidate);
  if (r.success) return { ok: true, scenario: r.data };
  for (const issue of r.error.issues) {
    const field = fieldOf(issue);
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The control a scenario error belongs to. */
function fieldOf(issue: z.core.$ZodIssue): CourseFormField | 'course' {
  const [head, second, third] = issue.path;
  if (head === 'protocol') {
    if (second === 'needleMm' || second === 'passes' || second === 'intervalDays' || second === 'sessions' || second === 'startDay' || second === 'pressure') return second;
    return 'course';
  }
  if (head === 'sessions') {
    if (third === 'needleMm' || third === 'passes' || third === 'pressure') return third;
    return 'sessionDays';
  }
  if (head === 'skin') {
    if (second === 'region' || second === 'phototype' || second === 'conditions' || second === 'primed') return second;
    return 'course';
  }
  if (head === 'cohort') return 'cohortPatients';
  if (head === 'days' || head === 'seed' || head === 'name') return head;
  if (head === 'sampleEveryDays') return 'days';
  return 'course';
}

/** A new course: the usual three monthly 1.5 mm sessions on the cheek, or a copy of `like` with a new name. */
export function newCourse(index: number, like?: Scenario): Scenario {
  if (like) return ScenarioSchema.parse({ ...like, name: `Course ${index + 1}` });
  return ScenarioSchema.parse({
    version: 1,
    seed: 42,
    name: `Course ${index + 1}`,
    skin: { region: 'cheek', phototype: 3, conditions: [] },
    protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 3, startDay: 0 },
    days: 240,
  });
}
