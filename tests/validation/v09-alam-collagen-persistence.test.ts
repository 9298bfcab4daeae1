/**
 * V9 (docs/model.md §14): 1.5 mm, 3 sessions 2 weeks apart: collagen I at 6 months ≥ at 3 months
 * (Alam 2014 [V]). 64-cell grid (patch means within 3 % of 160 cells, cohort.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSinglePatient, type ScenarioResult } from '../../src/engine/index';
import { course, seriesAt } from '../fixtures/engine';

describe('V9: Alam 2014, three sessions two weeks apart', () => {
  let result: ScenarioResult;
  beforeAll(() => {
    result = runSinglePatient(course(14, 3, 180, 64)).result;
  });

  it('collagen I has formed by 3 months', () => {
    expect(seriesAt(result, 'collagen1', 90)).toBeGreaterThan(0);
  });

  it('collagen I at 6 months is at least its 3-month level', () => {
    expect(seriesAt(result, 'collagen1', 180)).toBeGreaterThanOrEqual(seriesAt(result, 'collagen1', 90));
  });
});
