import { formatIssues, shortJson } from './bounded';
import { MAX_COURSES } from './limits';
import { parseScenario, readScenarioJson, ScenarioError, ScenarioSchema, type Scenario } from './scenario';

/**
 * The readers of a comparison (issue 7): Import takes a single scenario file or an array of up to
 * MAX_COURSES scenarios, the share link carries the same array compressed. Both go through the bounded
 * JSON reader and the scenario schema, and throw ScenarioError (problems as "path: message", the path
 * starting with the course's index, e.g. "[2].protocol.needleMm", as the JSON reader names paths) and nothing else, so the caller can
 * show the message and leave the workspace as it was. The share link carries a whole workspace
 * (src/compare/shareLink.ts) through the same bounded reader.
 */

/** Validates a parsed value: one scenario object, or an array of 1 … MAX_COURSES of them. */
export function parseScenarioList(value: unknown): Scenario[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return [parseScenario(value)];
  }
  if (!Array.isArray(value)) {
    throw new ScenarioError([`(document): expected a scenario object or an array of scenarios, got ${shortJson(value)}`]);
  }
  if (value.length === 0) throw new ScenarioError(['(document): the list of courses is empty; give 1 to 6 scenarios']);
  if (value.length > MAX_COURSES) {
    throw new ScenarioError([`(document): lists ${value.length} courses; the limit is ${MAX_COURSES} courses in a comparison`]);
  }
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  value.forEach((item: unknown, k) => {
    const parsed = ScenarioSchema.safeParse(item);
    if (parsed.success) scenarios.push(parsed.data);
    else problems.push(...formatIssues(parsed.error, `[${k}]`));
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return scenarios;
}

/** Import: the text of a file holding one scenario or an array of them. */
export function parseScenarioListText(text: string, what = 'the file'): Scenario[] {
  return parseScenarioList(readScenarioJson(text, what));
}
