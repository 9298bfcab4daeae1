import { formatIssues } from '../engine/bounded';
import { SCENARIO_MAX_BYTES, ScenarioSchema, type Scenario } from '../engine/scenario';
import { MAX_COURSES, courseName, type Workspace } from './workspace';

/**
 * Export JSON and Import of the Compare view. The export is the whole comparison in the public scenario
 * format: a JSON array of scenarios (docs/scenario-format.md), so each element also runs in the CLI.
 * Import takes such an array (it replaces the courses) or a single scenario file (it adds one course).
 * Nothing is changed unless the whole file is valid; errors name the course and the field.
 */

export function workspaceToJson(ws: Workspace): string {
  return `${JSON.stringify(ws.courses, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; mode: 'replace' | 'add'; courses: Scenario[] }
  | { ok: false; problems: string[] };

/** Reads an exported comparison or a single scenario; `current` is the workspace it would go into. */
export function importCourses(text: string, current: Workspace, readJson: (text: string) => unknown = defaultReadJson): ImportResult {
  let value: unknown;
  try {
    value = readJson(text);
  } catch (err) {
    return { ok: false, problems: [(err as Error).message] };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: false, problems: ['the file holds an empty list: no course to import'] };
    if (value.length > MAX_COURSES) return { ok: false, problems: [`the file holds ${value.length} courses; a comparison holds at most ${MAX_COURSES}`] };
    const problems: string[] = [];
    const courses: Scenario[] = [];
    value.forEach((item, k) => {
      const r = ScenarioSchema.safeParse(item);
      if (r.success) courses.push(r.data);
      else problems.push(...formatIssues(r.error, `course ${k + 1}`));
    });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, mode: 'replace', courses };
  }
  if (value !== null && typeof value === 'object') {
    const r = ScenarioSchema.safeParse(value);
    if (!r.success) return { ok: false, problems: formatIssues(r.error) };
    if (current.courses.length >= MAX_COURSES) {
      return { ok: false, problems: [`the comparison already holds ${MAX_COURSES} courses; remove one before adding "${courseName(r.data, current.courses.length)}"`] };
    }
    return { ok: true, mode: 'add', courses: [...current.courses, r.data] };
  }
  return { ok: false, problems: ['expected a scenario ({ "version": 1, ... }) or a list of scenarios ([ ... ])'] };
}

/** Size limit and JSON syntax; the shared bounded reader replaces this where one exists. */
function defaultReadJson(text: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > SCENARIO_MAX_BYTES) throw new Error(`the file is ${(bytes / 1e6).toFixed(1)} MB; at most ${SCENARIO_MAX_BYTES / 1e6} MB`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
}
