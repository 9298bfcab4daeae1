/**
 * V10 (docs/model.md §14), the seed article's claims: oedema visible (patch-mean E > 0.1) within 1 day
 * and gone within 4 days of a reference session; collagenGain 4–6 weeks after a single session is
 * ≥ 60 % of its peak; ≥ 3 monthly sessions beat 1 session at 6 months.
 * 64-cell grid: patch means within 3 % of 160 cells (cohort.test.ts), and E is linear in the injury.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSinglePatient, VISIBLE, type ScenarioResult } from '../../src/engine/index';
import { course, max, referenceSim, REFERENCE_SESSION, sampleHourly, seriesAt } from '../fixtures/engine';

describe('V10: oedema, collagen timing and repeated sessions', () => {
  let edema: number[];
  let single: ScenarioResult;
  let threeMonthly: ScenarioResult;
  beforeAll(() => {
    const sim = referenceSim({ grid: { cells: 64 } });
    sim.applySession(REFERENCE_SESSION);
    edema = [];
    sampleHourly(sim, 0, 7 * 24, () => edema.push(sim.means().edema));
    single = runSinglePatient(course(30, 1, 365, 64)).result;
    threeMonthly = runSinglePatient(course(30, 3, 180, 64)).result;
  });

  it('oedema becomes visible within 1 day of a reference session', () => {
    expect(max(edema.slice(0, 25))).toBeGreaterThan(VISIBLE.edema);
  });

  it('oedema is gone within 4 days of a reference session', () => {
    expect(max(edema.slice(4 * 24))).toBeLessThanOrEqual(VISIBLE.edema);
  });

  it('collagen 4–6 weeks after a single session is at least 60 % of its peak', () => {
    const peak = max(single.series.collagenGain);
    expect(peak).toBeGreaterThan(0);
    for (let day = 28; day <= 42; day++) {
      expect(seriesAt(single, 'collagenGain', day), `day ${day}, peak ${peak}`).toBeGreaterThanOrEqual(0.6 * peak);
    }
  });

  it('three monthly sessions give more collagen at 6 months than one session', () => {
    expect(seriesAt(threeMonthly, 'collagenGain', 180)).toBeGreaterThan(seriesAt(single, 'collagenGain', 180));
  });
});
