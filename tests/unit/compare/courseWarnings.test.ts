import { describe, expect, it } from 'vitest';
import { newCourse } from '../../../src/compare/courseForm';
import { courseWarnings } from '../../../src/compare/courseWarnings';
import type { ModelWarning, Scenario } from '../../../src/engine/index';

const withConditions = (conditions: Scenario['skin']['conditions']): Scenario => ({ ...newCourse(0), skin: { ...newCourse(0).skin, conditions } });

describe('a course card’s warnings', () => {
  it('lists the planned warnings before a run and the run’s own after it', () => {
    const daily: Scenario = { ...newCourse(0), protocol: { ...newCourse(0).protocol!, intervalDays: 1, sessions: 14 } };
    expect(courseWarnings(daily, null).map((w) => w.code)).toContain('interval-too-short');
    const found: ModelWarning[] = [{ code: 'prolonged-erythema', severity: 'warning', message: 'red for 16 days' }];
    expect(courseWarnings(daily, found)).toEqual(found);
  });

  it('adds Compare’s note when the session view would block the course, and only then', () => {
    const codes = (c: Scenario) => courseWarnings(c, []).map((w) => w.code);
    expect(codes(withConditions(['rosacea']))).toContain('simulated-override');
    expect(codes(withConditions(['acne-scars']))).not.toContain('simulated-override');
  });
});
