/**
 * Virtual cohorts (docs/model.md §10, src/engine/cohort.ts): quantiles, band ordering, and the claim that the
 * coarser default cohort grid (COHORT_DEFAULT_CELLS, 32²) keeps every patch mean of the cohort
 * protocol within 1 % (or 0.005 for series near zero) of 160 cells.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aggregateCohort,
  COHORT_DEFAULT_CELLS,
  drawPatient,
  parseScenario,
  quantileSorted,
  runCohort,
  runSinglePatient,
  SERIES,
  type CohortResult,
  type ScenarioResult,
  type SeriesName,
} from '../../../src/engine/index';
import { course, readRepoJson, seriesAt } from '../../fixtures/engine';

describe('quantileSorted (linear interpolation between order statistics)', () => {
  const sorted = [1, 1, 2, 3, 4, 5, 6, 9];

  it('matches hand-computed quantiles: pos = (n − 1)·q', () => {
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(9);
    expect(quantileSorted(sorted, 0.5)).toBeCloseTo(3.5, 12); // between 3 and 4
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(1, 12); // pos 0.7 between 1 and 1
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(6.9, 12); // pos 6.3 between 6 and 9
    expect(quantileSorted([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.1)).toBeCloseTo(10, 12);
    expect(quantileSorted([2, 4], 0.25)).toBeCloseTo(2.5, 12);
  });

  it('returns the value of a single sample and NaN for none', () => {
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('is non-decreasing in q and stays within the sample range', () => {
    const data = Float64Array.from([0.3, -2, 5.5, 5.5, 1e-3, 12, 7]).sort();
    let prev = Number.NEGATIVE_INFINITY;
    for (let q = 0; q <= 1.0000001; q += 0.01) {
      const v = quantileSorted(data, Math.min(1, q));
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(12);
      prev = v;
    }
  });
});

describe('patient draws', () => {
  it('each patient gets their own reproducible variability', () => {
    expect(drawPatient(7, 3)).toEqual(drawPatient(7, 3));
    expect(drawPatient(7, 3)).not.toEqual(drawPatient(7, 4));
    expect(drawPatient(7, 3)).not.toEqual(drawPatient(8, 3));
  });
});

describe('a small cohort', () => {
  let result: CohortResult;
  beforeAll(() => {
    const scenario = parseScenario({
      version: 1,
      seed: 11,
      skin: { region: 'cheek', phototype: 5, conditions: [] },
      protocol: { needleMm: 1.5, passes: 15, intervalDays: 7, sessions: 3 },
      days: 30,
      sampleEveryDays: 1,
    });
    result = runCohort(scenario, 5, { gridCells: 64 });
  });

  it('has p10 ≤ median ≤ p90 for every series on every day', () => {
    const bad: string[] = [];
    for (const name of SERIES) {
      const { p10, median, p90 } = result.series[name];
      result.days.forEach((day, t) => {
        if (!(p10[t]! <= median[t]! && median[t]! <= p90[t]!)) bad.push(`${name} day ${day}: ${p10[t]} / ${median[t]} / ${p90[t]}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('patients differ: the collagen band has width after the course', () => {
    const band = result.series.collagenGain;
    expect(band.p90[30]! - band.p10[30]!).toBeGreaterThan(0.01);
  });

  it('counts the patients whose texture is visibly better (≥ 1 grade) on each day, as a direct count does', () => {
    const textures = [
      [0, -0.5, -1.2],
      [0, -1, -0.9],
      [0, -0.2, -0.3],
      [0, -2, -2.5],
    ];
    const runs = textures.map((t, index) => {
      const series = {} as Record<SeriesName, number[]>;
      for (const name of SERIES) series[name] = [0, 0, 0];
      series.textureSeverity = t;
      return { index, days: [0, 1, 2], series, warnings: [], stats: { pigmentPeak: 0, telangiectasiaPeak: 0, longestErythemaDays: 0 } };
    });
    const direct = [0, 1, 2].map((d) => textures.filter((t) => t[d]! <= -1).length / textures.length);
    const scenario = parseScenario({ version: 1, seed: 3, skin: { region: 'cheek', phototype: 3 }, protocol: { needleMm: 1.5, passes: 15, intervalDays: 30, sessions: 1 }, days: 2 });
    expect(aggregateCohort(scenario, runs).improvedShare).toEqual(direct);
    expect(direct).toEqual([0, 0.5, 0.5]);
  });

  it('reports incidences as fractions of the 5 patients', () => {
    expect(result.patients).toBe(5);
    for (const v of Object.values(result.incidence)) {
      expect(Math.abs(v * 5 - Math.round(v * 5))).toBeLessThan(1e-6);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('the coarse default cohort grid', () => {
  let coarse: ScenarioResult;
  let medium: ScenarioResult;
  let fine: ScenarioResult;
  let coarsePatient: ScenarioResult;
  let finePatient: ScenarioResult;
  beforeAll(() => {
    const lotfi = parseScenario(readRepoJson('public/scenarios/lotfi-5-monthly.json'));
    const short = { ...lotfi, days: 176 };
    coarse = runSinglePatient(short, { gridCells: COHORT_DEFAULT_CELLS }).result;
    // The validation tests run this course family on 64 cells.
    medium = runSinglePatient(short, { gridCells: 64 }).result;
    fine = runSinglePatient(short, { gridCells: 160 }).result;
    // A cohort patient (shallower or deeper needles, thinner or thicker dermis) as runCohort draws them.
    const patient = { patient: drawPatient(lotfi.seed, 0), seedSuffix: 'patient-0' };
    coarsePatient = runSinglePatient(short, { ...patient, gridCells: COHORT_DEFAULT_CELLS }).result;
    finePatient = runSinglePatient(short, { ...patient, gridCells: 160 }).result;
  });

  it('is what a cohort without a grid runs its patients on', () => {
    const s = course(30, 1, 8);
    expect(s.grid).toBeUndefined();
    const viaCohort = runCohort(s, 1).series.erythema.median;
    const direct = runSinglePatient(s, { gridCells: COHORT_DEFAULT_CELLS, patient: drawPatient(s.seed, 0), seedSuffix: 'patient-0' });
    expect(viaCohort).toEqual(direct.result.series.erythema);
  });

  it.each(['collagenGain', 'collagen1', 'collagen3', 'epidermisGain'] as const)(
    'gives the Lotfi course %s at day 176 within 3 % of 160 cells, on the cohort grid and on 64 cells',
    (name) => {
      const reference = seriesAt(fine, name, 176);
      expect(reference).toBeGreaterThan(0);
      expect(Math.abs(seriesAt(coarse, name, 176) / reference - 1)).toBeLessThan(0.03);
      expect(Math.abs(seriesAt(medium, name, 176) / reference - 1)).toBeLessThan(0.03);
    },
  );

  it('gives a cohort patient’s collagen gain at day 176 within 3 % of 160 cells', () => {
    const reference = seriesAt(finePatient, 'collagenGain', 176);
    expect(Math.abs(seriesAt(coarsePatient, 'collagenGain', 176) / reference - 1)).toBeLessThan(0.03);
  });
});

describe('the cohort protocol on 32 cells against 160 cells', () => {
  it.each([
    ['the typical patient', undefined],
    ['cohort patient 0', 0],
    ['cohort patient 1', 1],
  ] as const)('%s: every series on every day within 1 % (or 0.005 near zero) of 160 cells', (_label, k) => {
    const dogra = parseScenario(readRepoJson('public/scenarios/dogra-cohort.json'));
    const options = k === undefined ? {} : { patient: drawPatient(dogra.seed, k), seedSuffix: `patient-${k}` };
    const fine = runSinglePatient(dogra, { ...options, gridCells: 160 }).result;
    const coarse = runSinglePatient(dogra, { ...options, gridCells: 32 }).result;
    const bad: string[] = [];
    for (const name of SERIES) {
      fine.series[name].forEach((b, t) => {
        const a = coarse.series[name][t]!;
        if (Math.abs(a - b) > Math.max(0.01 * Math.abs(b), 0.005)) bad.push(`${name} day ${fine.days[t]}: ${a} vs ${b}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
