import {
  type Band,
  type CohortResult,
  type ModelWarning,
  type ScenarioResult,
  SERIES,
  type SeriesName,
} from '../engine/index';

/**
 * What the Compare view shows of one finished course: the central value of every series (the run
 * itself, or a cohort's median) and, for a cohort, its 10–90 % band. Charts, the CSV export and the
 * summary table all read this one shape, so they cannot disagree.
 */
export interface ShownRun {
  readonly days: ArrayLike<number>;
  readonly value: Readonly<Record<SeriesName, ArrayLike<number>>>;
  readonly band: { readonly p10: Readonly<Record<SeriesName, ArrayLike<number>>>; readonly p90: Readonly<Record<SeriesName, ArrayLike<number>>> } | null;
  readonly warnings: readonly ModelWarning[];
  /** Cohort only: share of patients with a visible adverse effect (docs/model.md §10 definitions). */
  readonly incidence: { readonly pih: number; readonly telangiectasia: number; readonly prolongedErythema: number } | null;
  readonly patients: number | null;
  /** Cohort only: at each sample, the share of patients with a visible improvement (engine cohort.ts). */
  readonly improvedShare: ArrayLike<number> | null;
  readonly seed: number;
}

/**
 * One patient's run: as the engine gives it (ScenarioResult, plain arrays) or as it arrives from a pool
 * worker (CourseResult, the Float64Arrays the worker transferred), shown as it is without a copy.
 */
export type PatientRun = Pick<ScenarioResult, 'seed' | 'warnings'> & {
  readonly days: ArrayLike<number>;
  readonly series: Readonly<Record<SeriesName, ArrayLike<number>>>;
};

export function shownFromResult(r: PatientRun | CohortResult): ShownRun {
  if ('incidence' in r) {
    const pick = (k: keyof Band): Record<SeriesName, readonly number[]> => {
      const out = {} as Record<SeriesName, readonly number[]>;
      for (const name of SERIES) out[name] = r.series[name][k];
      return out;
    };
    return {
      days: r.days,
      value: pick('median'),
      band: { p10: pick('p10'), p90: pick('p90') },
      warnings: r.warnings,
      incidence: r.incidence,
      patients: r.patients,
      improvedShare: r.improvedShare,
      seed: r.seed,
    };
  }
  return { days: r.days, value: r.series, band: null, warnings: r.warnings, incidence: null, patients: null, improvedShare: null, seed: r.seed };
}

/**
 * Index of the last sample at or before `x` in sorted `xs` (a sample within 1e-9 after it counts as at
 * it); -1 when `xs` is empty or starts after `x`.
 */
export function indexAtOrBefore(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0 || xs[0]! > x) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x + 1e-9) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Value of a series at `day` (the last sample at or before it); NaN before the first sample. */
export function valueAtDay(days: ArrayLike<number>, values: ArrayLike<number>, day: number): number {
  const k = indexAtOrBefore(days, day);
  return k < 0 ? Number.NaN : values[k]!;
}
