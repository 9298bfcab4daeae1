import {
  aggregateCohort,
  type CohortPatientRun,
  type CohortResult,
  type Scenario,
  type ScenarioResult,
  type SimulationResult,
} from '../engine/index';
import { toScenarioResult, type CohortPatientResult, type CourseResult, type JobInput, type JobResult } from './jobs';
import type { TaskPool } from './taskPool';

/**
 * Whole scenarios and cohorts on a pool (Node or browser alike): what the CLI and the Compare view
 * call (a dose-map cell is a single job: the Compare view submits it, src/ui/compare/courseRunner.ts).
 * Every function takes an optional `signal` (abort = cancel the outstanding jobs, the promise rejects
 * with PoolError kind 'cancelled') and `onProgress` (fraction of the work done).
 */
export type JobPool = TaskPool<JobInput, JobResult>;

export interface PoolRunOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function describeJob(job: JobInput): string {
  if (job.kind === 'warm-up') return 'engine warm-up';
  if (job.kind === 'validation') return `validation ${job.ids.join(', ')}${job.scale ? ` with ${job.scale.path} × ${job.scale.factor}` : ''}`;
  const seed = `seed ${job.scenario.seed}`;
  switch (job.kind) {
    case 'course':
      return `course${job.scenario.name ? ` "${job.scenario.name}"` : ''} (${seed})`;
    case 'cohort-patient':
      return `cohort patient ${job.index} (${seed})`;
    case 'dose-cells':
      return `${job.cells.length} dose-map cells (${seed})`;
    case 'dose-cell':
      return `dose-map cell ${job.intervalDays} d × ${job.needleMm} mm (${seed})`;
  }
}

function expectKind<K extends JobResult['kind']>(result: JobResult, kind: K): Extract<JobResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected a ${kind} result, got ${result.kind}`);
  return result as Extract<JobResult, { kind: K }>;
}

const submitOptions = (o: PoolRunOptions) => ({
  ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  ...(o.signal ? { signal: o.signal } : {}),
});

/** One typical patient, series as Float64Arrays (for charts: hand them to uPlot as they are). */
export async function runCourseArrays(pool: JobPool, scenario: Scenario, options: PoolRunOptions = {}): Promise<CourseResult> {
  const result = await pool.submit({ kind: 'course', scenario }, submitOptions(options)).promise;
  return expectKind(result, 'course');
}

/** One typical patient, exactly as `npm run simulate` prints it for a file without `cohort`. */
export async function runCourse(pool: JobPool, scenario: Scenario, options: PoolRunOptions = {}): Promise<ScenarioResult> {
  return toScenarioResult(await runCourseArrays(pool, scenario, options));
}

/**
 * A virtual cohort, one job per patient, aggregated in patient order: the same bytes as `runCohort`
 * in one thread. `patients` defaults to the scenario's cohort size.
 */
export async function runCohortInPool(
  pool: JobPool,
  scenario: Scenario,
  options: PoolRunOptions & { patients?: number } = {},
): Promise<CohortResult> {
  const patients = options.patients ?? scenario.cohort?.patients;
  if (patients === undefined || patients < 1) throw new Error('a cohort needs a number of patients (scenario.cohort.patients)');
  const done = new Float64Array(patients);
  let sum = 0;
  const jobs: JobInput[] = Array.from({ length: patients }, (_, index) => ({ kind: 'cohort-patient', scenario, index }));
  const results = await pool.map(jobs, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress
      ? {
          onProgress: (index: number, fraction: number) => {
            sum += fraction - done[index]!;
            done[index] = fraction;
            options.onProgress!(sum / patients);
          },
        }
      : {}),
  });
  const runs: CohortPatientRun[] = results.map((r) => {
    const p: CohortPatientResult = expectKind(r, 'cohort-patient');
    return { index: p.index, days: p.days, series: p.series, warnings: p.warnings, stats: p.stats };
  });
  return aggregateCohort(scenario, runs);
}

/** A scenario as the CLI runs it: its cohort if it has one, else one typical patient. */
export function runScenarioInPool(pool: JobPool, scenario: Scenario, options: PoolRunOptions = {}): Promise<SimulationResult> {
  return scenario.cohort !== undefined ? runCohortInPool(pool, scenario, options) : runCourse(pool, scenario, options);
}
