/**
 * V17 (docs/model.md §14): after one reference session the texture grade at day 7 has moved by
 * less than 25 % of its change at day 42: visible results lag the session by weeks (the seed
 * article's "best results 4–6 weeks after"), because the grades read mature collagen I and the
 * epidermis only (docs/model.md §7), not the fast collagen III. 64-cell grid (see V3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSinglePatient, type ScenarioResult } from '../../src/engine/index';
import { referenceScenario, seriesAt } from '../fixtures/engine';

describe('V17: visible results lag by weeks', () => {
  let result: ScenarioResult;
  beforeAll(() => {
    result = runSinglePatient(
      referenceScenario({
        skin: { region: 'cheek', phototype: 3, conditions: ['wrinkles', 'laxity'] },
        sessions: [{ day: 0, needleMm: 1.5, passes: 15 }],
        days: 42,
        cells: 64,
      }),
    ).result;
  });

  it('the texture grade improves by day 42', () => {
    expect(seriesAt(result, 'textureSeverity', 42)).toBeLessThan(-0.1);
  });

  it('at day 7 the texture grade has moved by less than 25 % of its day-42 change', () => {
    expect(Math.abs(seriesAt(result, 'textureSeverity', 7))).toBeLessThan(0.25 * Math.abs(seriesAt(result, 'textureSeverity', 42)));
  });

  it('so do the wrinkle and laxity grades', () => {
    for (const name of ['wrinkleSeverity', 'laxitySeverity'] as const) {
      expect(seriesAt(result, name, 42), name).toBeLessThan(0);
      expect(Math.abs(seriesAt(result, name, 7)), name).toBeLessThan(0.25 * Math.abs(seriesAt(result, name, 42)));
    }
  });
});
