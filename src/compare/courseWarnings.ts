import { plannedWarnings, sessionBlocked, type ModelWarning, type Scenario } from '../engine/index';

/**
 * The warnings a course card lists: before a run those the plan alone gives (conditions, phototype,
 * needle, interval, passes), after it everything the run found; plus one note of Compare's own that a
 * blocking contraindication is simulated as if overridden.
 */
export function courseWarnings(course: Scenario, runWarnings: readonly ModelWarning[] | null): ModelWarning[] {
  const list: ModelWarning[] = [...(runWarnings ?? plannedWarnings(course))];
  if (sessionBlocked(course.skin.conditions, false)) {
    list.push({ code: 'simulated-override', severity: 'warning', message: 'The session view would block this course; Compare simulates it as if the contraindication were overridden.' });
  }
  return list;
}
