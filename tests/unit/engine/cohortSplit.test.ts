/**
 * The cohort split (src/engine/cohort.ts): patients run independently (`runCohortPatient`, what a
 * pool worker does) and `aggregateCohort` gives exactly what the sequential `runCohort` gives; the
 * aggregation itself checked against a direct computation on synthetic patients.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateCohort,
  parseScenario,
  quantileSorted,
  runCohort,
  runCohortPatient,
  SERIES,
  VISIBLE,
  type CohortPatientRun,
  type SeriesName,
} from '../../../src/engine/index';

const scenario = parseScenario({
  version: 1,
  seed: 21,
  skin: { region: 'cheek', phototype: 5, conditions: [] },
  grid: { cells: 32 },
  protocol: { needleMm: 1.5, passes: 15, intervalDays: 4, sessions: 3 },
  days: 14,
  cohort: { patients: 4 },
});

describe('runCohortPatient + aggregateCohort', () => {
  /** The four patients computed out of order, then put in patient order. */
  let runs: CohortPatientRun[];
  beforeAll(() => {
    runs = [3, 1, 0, 2].map((k) => runCohortPatient(scenario, k));
    runs.sort((a, b) => a.index - b.index);
  });

  it('give the same bytes as runCohort, whatever order the patients were computed in', () => {
    expect(JSON.stringify(aggregateCohort(scenario, runs))).toBe(JSON.stringify(runCohort(scenario, 4)));
  });

  it('refuses runs out of patient order or of different lengths', () => {
    const [a, b] = runs as [CohortPatientRun, CohortPatientRun];
    expect(() => aggregateCohort(scenario, [b, a])).toThrow(/patient order/);
    expect(() => aggregateCohort(scenario, [a, { ...b, days: [0, 1] }])).toThrow(/samples/);
    expect(() => aggregateCohort(scenario, [])).toThrow(/at least one/);
  });
});

describe('aggregateCohort on synthetic patients', () => {
  // Seven patients with known series and peaks: patient p has value (p² mod 7) + t at sample t.
  const patients = 7;
  const days = [0, 1, 2];
  const runs: CohortPatientRun[] = Array.from({ length: patients }, (_, p) => {
    const series = {} as Record<SeriesName, number[]>;
    for (const name of SERIES) series[name] = days.map((t) => ((p * p) % 7) + t);
    return {
      index: p,
      days,
      series,
      warnings: [{ code: p % 2 === 0 ? 'even' : 'odd', severity: 'info', message: `from patient ${p}` }],
      stats: {
        pigmentPeak: p < 2 ? VISIBLE.pigment * 2 : 0,
        telangiectasiaPeak: p < 3 ? VISIBLE.telangiectasia * 2 : VISIBLE.telangiectasia,
        longestErythemaDays: p === 6 ? 3.5 : 3,
      },
    };
  });
  const result = aggregateCohort(scenario, runs);

  it('bands are the interpolated quantiles of the patients at each sample', () => {
    for (const t of days) {
      const column = runs.map((r) => r.series.collagenGain[t]!).sort((x, y) => x - y);
      // Values {0,1,4,2,2,4,1} + t, sorted 0 1 1 2 2 4 4: median 2, p10 at pos 0.6 → 0.6, p90 at pos 5.4 → 4.
      expect(result.series.collagenGain.median[t]).toBe(quantileSorted(column, 0.5));
      expect(result.series.collagenGain.median[t]).toBe(2 + t);
      expect(result.series.collagenGain.p10[t]).toBeCloseTo(0.6 + t, 12);
      expect(result.series.collagenGain.p90[t]).toBe(4 + t);
    }
  });

  it('counts incidence strictly above the visibility thresholds and over 3 days of redness', () => {
    expect(result.incidence.pih).toBeCloseTo(2 / 7, 5);
    expect(result.incidence.telangiectasia).toBeCloseTo(3 / 7, 5);
    expect(result.incidence.prolongedErythema).toBeCloseTo(1 / 7, 5);
    expect(result.patients).toBe(7);
  });

  it('keeps one warning per code, from the first patient that had it', () => {
    expect(result.warnings.map((w) => [w.code, w.message])).toEqual([
      ['even', 'from patient 0'],
      ['odd', 'from patient 1'],
    ]);
  });
});
