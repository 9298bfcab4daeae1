import {
  cohortGridCells,
  DEFAULT_PARAMS,
  runCohortPatient,
  runGridCells,
  runSinglePatient,
  type Scenario,
  scenarioSessions,
  VISIBLE,
  warmUpEngine,
  warmUpFor,
} from '../engine/index';
import { paramsWithScaled } from '../validation/parameterSpace';
import { runTargets } from '../validation/runTarget';
import { validationTarget } from '../validation/targets';
import { JobSchema, toSeriesArrays, type CohortPatientResult, type CourseResult, type DoseCellJob, type DoseCellResult, type JobResult } from './jobs';

/** Fraction of a job done, in [0, 1]. */
export type ProgressFn = (fraction: number) => void;

/**
 * Executes one job with the engine, in whatever thread calls it (a pool worker, or this thread).
 * Pure: the result depends only on the job, so a job gives the same bytes in any worker.
 * `job` is parsed here (JobSchema) because it may come from another thread.
 */
export function runJob(input: unknown, onProgress?: ProgressFn): JobResult {
  const job = JobSchema.parse(input);
  const progress = onProgress ? { onProgress } : {};
  switch (job.kind) {
    case 'course': {
      warmUpFor(runGridCells(job.scenario));
      const { result, stats } = runSinglePatient(job.scenario, progress);
      const course: CourseResult = {
        kind: 'course',
        ...result,
        days: Float64Array.from(result.days),
        series: toSeriesArrays(result.series),
        stats,
      };
      return course;
    }
    case 'cohort-patient': {
      warmUpFor(cohortGridCells(job.scenario));
      const run = runCohortPatient(job.scenario, job.index, progress);
      const patient: CohortPatientResult = {
        kind: 'cohort-patient',
        index: run.index,
        days: Float64Array.from(run.days),
        series: toSeriesArrays(run.series),
        warnings: [...run.warnings],
        stats: run.stats,
      };
      return patient;
    }
    case 'dose-cell':
      return runDoseCell(job, onProgress);
    case 'dose-cells': {
      const { cells, kind: _kind, ...shared } = job;
      const n = cells.length;
      return {
        kind: 'dose-cells',
        cells: cells.map((cell, k) =>
          runDoseCell({ kind: 'dose-cell', ...shared, ...cell }, onProgress ? (f) => onProgress((k + f) / n) : undefined),
        ),
      };
    }
    case 'warm-up':
      warmUpEngine();
      return { kind: 'warm-up' };
    case 'validation': {
      for (const id of job.ids) validationTarget(id);
      const params = job.scale ? paramsWithScaled(job.scale.path, job.scale.factor) : DEFAULT_PARAMS;
      return { kind: 'validation', outcomes: runTargets(job.ids, job.cells, params) };
    }
  }
}

/** The scenario a dose-map cell runs: the template's skin, seed and passes with the cell's course. */
export function doseCellScenario(job: Pick<DoseCellJob, 'scenario' | 'intervalDays' | 'needleMm' | 'sessions' | 'readoutDay'>): Scenario {
  const template = job.scenario;
  const first = scenarioSessions(template)[0]!;
  const { sessions: _list, cohort: _cohort, protocol: _protocol, ...rest } = template;
  return {
    ...rest,
    protocol: {
      needleMm: job.needleMm,
      passes: first.passes,
      intervalDays: job.intervalDays,
      sessions: job.sessions,
      startDay: first.day,
      pressure: first.pressure,
    },
    days: job.readoutDay,
    sampleEveryDays: 1,
  };
}

function runDoseCell(job: DoseCellJob, onProgress?: ProgressFn): DoseCellResult {
  const scenario = doseCellScenario(job);
  const gridCells = cohortGridCells(job.scenario, { gridCells: job.gridCells });
  warmUpFor(gridCells);
  const { result, stats } = runSinglePatient(scenario, { gridCells, ...(onProgress ? { onProgress } : {}) });
  const collagen = result.series.collagenGain;
  return {
    kind: 'dose-cell',
    intervalDays: job.intervalDays,
    needleMm: job.needleMm,
    sessions: job.sessions,
    readoutDay: job.readoutDay,
    collagenGain: collagen[collagen.length - 1]!,
    capillaryDamageVisible: stats.telangiectasiaPeak > VISIBLE.telangiectasia,
    warningCodes: result.warnings.map((w) => w.code),
  };
}
