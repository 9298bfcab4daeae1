import { describe, expect, it } from 'vitest';
import { newCourse } from '../../../src/compare/courseForm';
import { quickCourse } from '../../../src/compare/quickCourse';
import { COHORT_DEFAULT_CELLS } from '../../../src/engine/cohort';
import { runSinglePatient } from '../../../src/engine/runScenario';

describe('the quick run of a course (issue 17)', () => {
  it('is the same course at the cohort grid, for a course at the default or a finer grid', () => {
    const course = newCourse(0);
    expect(quickCourse(course)).toEqual({ ...course, grid: { cells: COHORT_DEFAULT_CELLS } });
    expect(quickCourse({ ...course, grid: { cells: 96 } })?.grid).toEqual({ cells: COHORT_DEFAULT_CELLS });
  });

  it('is not there when nothing is quicker: a cohort, or a course already at the cohort grid or coarser', () => {
    const course = newCourse(0);
    expect(quickCourse({ ...course, cohort: { patients: 20 } })).toBeNull();
    expect(quickCourse({ ...course, grid: { cells: COHORT_DEFAULT_CELLS } })).toBeNull();
    expect(quickCourse({ ...course, grid: { cells: 16 } })).toBeNull();
  });

  it('draws the curves of the full run: every collagen point within 1 % (or 0.005) of it', () => {
    const course = { ...newCourse(0), days: 120 };
    const full = runSinglePatient(course).result.series.collagenGain;
    const quick = runSinglePatient(quickCourse(course)!).result.series.collagenGain;
    expect(quick.length).toBe(full.length);
    for (let k = 0; k < full.length; k++) expect(Math.abs(quick[k]! - full[k]!)).toBeLessThanOrEqual(Math.max(0.005, 0.01 * Math.abs(full[k]!)));
  });
});
