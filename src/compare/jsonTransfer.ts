import { courseName, type Workspace } from './workspace';
import { MAX_COURSES, parseScenarioListText, type Scenario, ScenarioError } from '../engine/index';

/**
 * Export JSON and Import of the Compare view. The export is the whole comparison in the public scenario
 * format: a JSON array of scenarios (docs/scenario-format.md), so each element also runs in the CLI.
 * Import reads such a file with the engine's bounded reader (size, depth, reserved keys, the schema) and
 * either replaces the courses (an array) or adds one (a single scenario file). Nothing changes unless
 * the whole file is valid; errors name the course and the field ("[1].protocol.needleMm: …", the
 * second course, indexed as in the JSON file).
 */

export function workspaceToJson(ws: Workspace): string {
  return `${JSON.stringify(ws.courses, null, 2)}\n`;
}

export type ImportResult = { ok: true; mode: 'replace' | 'add'; courses: Scenario[] } | { ok: false; problems: string[] };

/** Reads an exported comparison or a single scenario; `current` is the workspace it would go into. */
export function importCourses(text: string, current: Workspace): ImportResult {
  let courses: Scenario[];
  try {
    courses = parseScenarioListText(text);
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, problems: err.problems };
    throw err;
  }
  // A file holding one object is a single scenario: it joins the comparison; a list replaces it.
  if (!text.trimStart().startsWith('[')) {
    const added = courses[0]!;
    if (current.courses.length >= MAX_COURSES) {
      return { ok: false, problems: [`the comparison already holds ${MAX_COURSES} courses; remove one before adding "${courseName(added, current.courses.length)}"`] };
    }
    return { ok: true, mode: 'add', courses: [...current.courses, added] };
  }
  return { ok: true, mode: 'replace', courses };
}
