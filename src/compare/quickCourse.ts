import { COHORT_DEFAULT_CELLS, runGridCells, type Scenario } from '../engine/index';

/**
 * The quick run of a course (issue 17): the same course at the cohort grid (32², patch means within
 * 1 % or 0.005 of 160², tests/unit/engine/cohort.test.ts), about 25 × less work, so an edited course
 * redraws within a fraction of a second. The run at the course's own grid follows and replaces it,
 * so what is exported and what settles equals the command line's bytes.
 *
 * Null when there is nothing quicker to run: a cohort (its patients already run at the cohort grid
 * unless the file names one) or a course whose grid is no finer than the cohort grid.
 */
export function quickCourse(course: Scenario): Scenario | null {
  if (course.cohort !== undefined) return null;
  const cells = runGridCells(course);
  if (cells <= COHORT_DEFAULT_CELLS) return null;
  return { ...course, grid: { cells: COHORT_DEFAULT_CELLS } };
}
