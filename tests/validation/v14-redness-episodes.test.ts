/**
 * V14 (docs/model.md §14): 1.5 mm sessions every 2 days × 10 keep the skin visibly red for weeks;
 * that is one prolonged-redness episode of ≥ 14 days, reported as the `prolonged-erythema` warning,
 * and a cohort counts it as an incidence above 0.5. One continuous episode of visible erythema is
 * one episode, whatever sessions fall inside it (docs/model.md §7).
 * 64-cell grid for the patient, 32 cells for the cohort: erythema is a near-linear patch mean (V1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCohort, runSinglePatient, type ScenarioResult } from '../../src/engine/index';
import { course } from '../fixtures/engine';

const length = (e: { startDay: number; endDay: number }): number => e.endDay - e.startDay;

describe('V14: sessions every 2 days make one long redness episode', () => {
  let everyTwoDays: ScenarioResult;
  let single: ScenarioResult;
  beforeAll(() => {
    everyTwoDays = runSinglePatient(course(2, 10, 40, 64)).result;
    single = runSinglePatient(course(30, 1, 10, 64)).result;
  });

  it('reports one redness episode of at least 14 days', () => {
    const longest = Math.max(...everyTwoDays.rednessEpisodes.map(length));
    expect(longest).toBeGreaterThanOrEqual(14);
    expect(everyTwoDays.rednessEpisodes.filter((e) => length(e) >= 14)).toHaveLength(1);
  });

  it('warns of prolonged redness, quoting the episode', () => {
    const w = everyTwoDays.warnings.find((x) => x.code === 'prolonged-erythema');
    expect(w).toBeDefined();
    const days = Number(/for ([\d.]+) days/.exec(w!.message)?.[1]);
    expect(days).toBeGreaterThanOrEqual(14);
  });

  it('one reference session makes one short episode and no warning', () => {
    expect(single.rednessEpisodes).toHaveLength(1);
    expect(length(single.rednessEpisodes[0]!)).toBeLessThanOrEqual(3);
    expect(single.warnings.map((x) => x.code)).not.toContain('prolonged-erythema');
  });

  it('a cohort on this course has a prolonged-redness incidence above 0.5', () => {
    const cohort = runCohort({ ...course(2, 10, 30), cohort: { patients: 6 } }, 6, { gridCells: 32 });
    expect(cohort.incidence.prolongedErythema).toBeGreaterThan(0.5);
  });
});
