import { describe, expect, it } from 'vitest';
import { MAX_PASSES, scenarioSessions, type TreatmentSession } from '../../../src/engine/index';
import { courseScenario, InteractiveSession, SetupSchema } from '../../../src/session/index';

const summary = (startHour: number, meanPasses: number, needleMm = 1.5, pressure = 1): TreatmentSession => ({
  index: 1,
  startHour,
  endHour: startHour,
  strokes: 10,
  punctures: 1000,
  densityPerCm2: 100,
  meanPasses,
  needleMm,
  pressure,
  integrityBefore: 1,
});

describe('"Repeat as a course": the rolled sessions as a scenario', () => {
  const setup = { seed: 99, skin: { region: 'forehead' as const, phototype: 2, conditions: ['wrinkles' as const] } };

  it('puts one session per rolled session on its day, with rounded passes, needle and pressure', () => {
    const s = courseScenario(setup, [summary(0, 14.6), summary(30 * 24 + 5, 15.4, 1, 1.2)], 40 * 24)!;
    expect(s.version).toBe(1);
    expect(s.seed).toBe(99);
    expect(s.skin).toEqual({ region: 'forehead', phototype: 2, conditions: ['wrinkles'] });
    expect(scenarioSessions(s)).toEqual([
      { day: 0, needleMm: 1.5, passes: 15, pressure: 1 },
      { day: 30 + 5 / 24, needleMm: 1, passes: 15, pressure: 1.2 },
    ]);
    // Read out 8 weeks after the last session.
    expect(s.days).toBe(Math.ceil(30 + 5 / 24 + 56));
  });

  it('keeps at least one pass, at most the format maximum, and runs at least until today', () => {
    const s = courseScenario(setup, [summary(0, 0.2), summary(24, 90)], 200 * 24)!;
    expect(scenarioSessions(s).map((x) => x.passes)).toEqual([1, MAX_PASSES]);
    expect(s.days).toBe(200);
  });

  it('has nothing to repeat before anything was rolled', () => {
    expect(courseScenario(setup, [], 0)).toBeNull();
  });

  it('turns a real session into a scenario the engine accepts', () => {
    const session = InteractiveSession.create(SetupSchema.parse({ ...setup, gridCells: 32, texturePx: 64 }));
    for (let k = 0; k < 4; k++) session.applyPass(0, 1.5, 1);
    session.advance(24, true);
    const snap = session.snapshot();
    const s = courseScenario(setup, snap.sessions, snap.hour)!;
    expect(scenarioSessions(s)).toEqual([{ day: 0, needleMm: 1.5, passes: 4, pressure: 1 }]);
  });
});
