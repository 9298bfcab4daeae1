import type { ModelWarning } from './conditions';
import { roundValue, SERIES, VISIBLE, type SeriesName } from './outputs';
import { Rng } from './rng';
import { runSinglePatient, type RunOptions, type RunStats } from './runScenario';
import type { Scenario } from './scenario';
import type { PatientVariation } from './simulation';
import { PROLONGED_ERYTHEMA_DAYS } from './warnings';

/** Cohort runs use a coarser grid by default: every patch mean stays within 1 % (or 0.005) of 160² (tests/unit/engine/cohort.test.ts) at 1/25 of the cells. */
export const COHORT_DEFAULT_CELLS = 32;

export interface Band {
  median: number[];
  p10: number[];
  p90: number[];
}

export interface CohortResult {
  version: 1;
  days: number[];
  series: Record<SeriesName, Band>;
  warnings: ModelWarning[];
  /** Fraction of patients with a visible adverse effect (docs/model.md §10). */
  incidence: { pih: number; telangiectasia: number; prolongedErythema: number };
  seed: number;
  /** Optional addition. */
  patients: number;
  /**
   * Optional addition: at each sampled day, the share of patients whose skin texture is visibly better,
   * i.e. at least VISIBLE_IMPROVEMENT_GRADES better on the clinical 0–4 scale (textureSeverity ≤ −1).
   */
  improvedShare: number[];
}

/**
 * A visible improvement: one grade better on a 0–4 clinical scale [I]. One grade is the smallest step a
 * grader records, so a change below it is not "visible"; texture is graded for every skin (docs/model.md,
 * indication grades calibrated to Ablon 2018).
 */
export const VISIBLE_IMPROVEMENT_GRADES = 1;

/**
 * Draws one virtual patient's variability (docs/model.md §10) from the scenario seed: φ ~ lognormal(0, 1) around the
 * phototype's median, f_pen jitter σ 15 %, dermis thickness σ 10 %, collagen response s3 ~ lognormal(0, 0.25).
 */
export function drawPatient(seed: number, index: number): PatientVariation {
  const rng = new Rng(seed, `patient-${index}`);
  return {
    phiFactor: rng.lognormal(0, 1),
    fPenFactor: Math.max(0.3, 1 + 0.15 * rng.normal()),
    dermisFactor: Math.max(0.5, 1 + 0.1 * rng.normal()),
    s3Factor: rng.lognormal(0, 0.25),
  };
}

/** Linear-interpolated quantile of a sorted array (q in [0, 1]). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** One cohort patient's run: what `aggregateCohort` needs. Series hold `roundValue`-rounded values. */
export interface CohortPatientRun {
  /** Patient number (0-based): the variability and the puncture stream are drawn from it. */
  index: number;
  days: ArrayLike<number>;
  series: Record<SeriesName, ArrayLike<number>>;
  warnings: readonly ModelWarning[];
  stats: RunStats;
}

/** The grid a cohort runs its patients on: the caller's, the scenario's, else the coarse cohort default. */
export function cohortGridCells(scenario: Scenario, options: RunOptions = {}): number {
  return options.gridCells ?? scenario.grid?.cells ?? COHORT_DEFAULT_CELLS;
}

/**
 * Runs patient `index` of a scenario's virtual cohort (docs/model.md §10). Independent of every other patient, so
 * patients can run anywhere (a worker pool, another machine) and be aggregated in index order.
 */
export function runCohortPatient(scenario: Scenario, index: number, options: RunOptions = {}): CohortPatientRun {
  const { result, stats } = runSinglePatient(scenario, {
    ...options,
    gridCells: cohortGridCells(scenario, options),
    patient: drawPatient(scenario.seed, index),
    seedSuffix: `patient-${index}`,
  });
  return { index, days: result.days, series: result.series, warnings: result.warnings, stats };
}

/**
 * The cohort result from every patient's run, `runs[k]` being patient k: bands (median, 10–90 %)
 * per series and sampled day, incidence of visible side effects, warnings in patient order.
 */
export function aggregateCohort(scenario: Scenario, runs: readonly CohortPatientRun[]): CohortResult {
  const patients = runs.length;
  const first = runs[0];
  if (first === undefined) throw new Error('a cohort needs at least one patient run');
  const samples = first.days.length;
  let pih = 0;
  let telangiectasia = 0;
  let prolonged = 0;
  const warnings = new Map<string, ModelWarning>();
  runs.forEach((run, p) => {
    if (run.index !== p) throw new Error(`cohort runs must be in patient order: position ${p} holds patient ${run.index}`);
    if (run.days.length !== samples) throw new Error(`patient ${p} has ${run.days.length} samples, patient 0 has ${samples}`);
    if (run.stats.pigmentPeak > VISIBLE.pigment) pih++;
    if (run.stats.telangiectasiaPeak > VISIBLE.telangiectasia) telangiectasia++;
    if (run.stats.longestErythemaDays > PROLONGED_ERYTHEMA_DAYS) prolonged++;
    for (const w of run.warnings) if (!warnings.has(w.code)) warnings.set(w.code, w);
  });
  const series = {} as Record<SeriesName, Band>;
  const column = new Float64Array(patients);
  for (const name of SERIES) {
    const band: Band = { median: [], p10: [], p90: [] };
    for (let t = 0; t < samples; t++) {
      for (let p = 0; p < patients; p++) column[p] = runs[p]!.series[name][t]!;
      column.sort();
      band.median.push(roundValue(quantileSorted(column, 0.5)));
      band.p10.push(roundValue(quantileSorted(column, 0.1)));
      band.p90.push(roundValue(quantileSorted(column, 0.9)));
    }
    series[name] = band;
  }
  const improvedShare: number[] = [];
  for (let t = 0; t < samples; t++) {
    let improved = 0;
    for (let p = 0; p < patients; p++) if (runs[p]!.series.textureSeverity[t]! <= -VISIBLE_IMPROVEMENT_GRADES) improved++;
    improvedShare.push(roundValue(improved / patients));
  }
  return {
    version: 1,
    days: Array.from(first.days),
    series,
    warnings: [...warnings.values()],
    incidence: {
      pih: roundValue(pih / patients),
      telangiectasia: roundValue(telangiectasia / patients),
      prolongedErythema: roundValue(prolonged / patients),
    },
    seed: scenario.seed,
    patients,
    improvedShare,
  };
}

/** A whole cohort in this thread: patients one after another (the pool runs them in parallel, same bytes). */
export function runCohort(scenario: Scenario, patients: number, options: RunOptions = {}): CohortResult {
  const runs: CohortPatientRun[] = [];
  for (let p = 0; p < patients; p++) runs.push(runCohortPatient(scenario, p, options));
  return aggregateCohort(scenario, runs);
}
