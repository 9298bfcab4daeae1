import { describe, expect, it } from 'vitest';
import { formFromScenario, newCourse, parseSessionDays, scenarioFromForm } from '../../../src/compare/courseForm';
import { scenarioSessions } from '../../../src/engine/scenario';

describe('course form ↔ scenario', () => {
  it('a regular course gives its session list: every interval from the start day', () => {
    const form = { ...formFromScenario(newCourse(0)), intervalDays: 7, sessions: 12, startDay: 3, needleMm: 1, passes: 10 };
    const r = scenarioFromForm(form);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const sessions = scenarioSessions(r.scenario);
    expect(sessions.map((s) => s.day)).toEqual([3, 10, 17, 24, 31, 38, 45, 52, 59, 66, 73, 80]);
    expect(new Set(sessions.map((s) => `${s.needleMm}/${s.passes}`))).toEqual(new Set(['1/10']));
  });

  it('an explicit list gives those days, sorted, with the form needle and passes', () => {
    const form = { ...formFromScenario(newCourse(0)), mode: 'explicit' as const, sessionDays: '60; 0, 14  28', needleMm: 2, passes: 12 };
    const r = scenarioFromForm(form);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(scenarioSessions(r.scenario).map((s) => [s.day, s.needleMm, s.passes])).toEqual([
      [0, 2, 12],
      [14, 2, 12],
      [28, 2, 12],
      [60, 2, 12],
    ]);
  });

  it('maps each bad value to the control that holds it, with the allowed range', () => {
    const base = formFromScenario(newCourse(0));
    const r = scenarioFromForm({ ...base, needleMm: 7, intervalDays: Number.NaN, cohortPatients: 5000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.needleMm).toMatch(/7 is above the maximum; allowed 0\.25–3 mm/);
    expect(r.errors.intervalDays).toMatch(/finite number/);
    expect(r.errors.cohortPatients).toMatch(/5000 is above the maximum/);
    expect(r.errors.passes).toBeUndefined();
  });

  it('reports an unreadable session day without running the schema', () => {
    expect(parseSessionDays('0, 14, fortnight')).toEqual({ error: '"fortnight" is not a number of days' });
    expect(parseSessionDays(' ')).toHaveProperty('error');
    const r = scenarioFromForm({ ...formFromScenario(newCourse(0)), mode: 'explicit', sessionDays: '0, x' });
    expect(r.ok ? null : r.errors.sessionDays).toMatch(/"x" is not a number/);
  });

  it('the form of a scenario gives the scenario back (presets of every shape)', () => {
    const regular = { ...newCourse(1), cohort: { patients: 30 } };
    const explicit = scenarioFromForm({ ...formFromScenario(newCourse(2)), mode: 'explicit', sessionDays: '0, 30, 90' });
    if (!explicit.ok) throw new Error('explicit');
    for (const s of [regular, explicit.scenario]) {
      const back = scenarioFromForm(formFromScenario(s), s);
      expect(back.ok && back.scenario).toEqual(s);
    }
  });

  it('flags an imported list whose sessions differ, so the editor can say it will make them uniform', () => {
    const s = { ...newCourse(0), protocol: undefined, sessions: [{ day: 0, needleMm: 1, passes: 10, pressure: 1 }, { day: 30, needleMm: 2, passes: 10, pressure: 1 }] };
    expect(formFromScenario(s).mixedSessions).toBe(true);
    expect(formFromScenario(newCourse(0)).mixedSessions).toBe(false);
  });
});
