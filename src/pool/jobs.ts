import { z } from 'zod';
import {
  bounded,
  GRID_CELLS_MAX,
  GRID_CELLS_MIN,
  MAX_DAYS,
  MAX_PATIENTS,
  type ModelWarning,
  ProtocolSchema,
  type RunStats,
  type ScenarioResult,
  ScenarioSchema,
  SERIES,
  type SeriesName,
} from '../engine/index';
import { TargetOutcomeSchema } from '../validation/check';
import type { PoolResponse } from './taskPool';

/**
 * The units of work of the pool and what they give back, as zod schemas (the single source of their
 * types). Every job and every answer is parsed where it crosses a worker boundary.
 *
 * Numbers cross as one Float64Array per series (and one for the days), moved as Transferables. They
 * hold the values the CLI prints (rounded with `roundValue`), so a series hashes the same in the CLI,
 * the pool and the browser (hash.ts).
 */

const scenario = ScenarioSchema;

/** One typical patient through a scenario: what `npm run simulate` prints for a file without `cohort`. */
export const CourseJobSchema = z.object({ kind: z.literal('course'), scenario }).strict();

/** Patient `index` of the scenario's virtual cohort (the cohort's grid rules apply, see cohort.ts). */
export const CohortPatientJobSchema = z
  .object({
    kind: z.literal('cohort-patient'),
    scenario,
    index: bounded(0, MAX_PATIENTS - 1, '(patient number)', { int: true }),
  })
  .strict();

/**
 * One cell of a dose map: the scenario's skin, seed and passes with a regular course of `sessions`
 * sessions every `intervalDays` with `needleMm` needles, read out at `readoutDay`.
 */
export const DoseCellJobSchema = z
  .object({
    kind: z.literal('dose-cell'),
    scenario,
    // The cell's course is a protocol: its fields are checked as the scenario format checks them.
    intervalDays: ProtocolSchema.shape.intervalDays,
    needleMm: ProtocolSchema.shape.needleMm,
    sessions: ProtocolSchema.shape.sessions,
    readoutDay: bounded(1, MAX_DAYS, 'days', { int: true }),
    /** Grid of the cell's run; default the scenario's grid, else the coarse cohort grid (a map is an overview). */
    gridCells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }).optional(),
  })
  .strict();

/** Most cells in one batch (a whole dose map is 110). */
export const MAX_DOSE_CELLS_PER_JOB = 128;

/**
 * Several dose-map cells of one map in one job (issue 17): the cells share the scenario, the sessions and
 * the grid, so a worker runs a run of cells back to back and answers once, instead of one message, one
 * parse and one redraw per cell.
 */
export const DoseCellsJobSchema = z
  .object({
    kind: z.literal('dose-cells'),
    scenario,
    sessions: ProtocolSchema.shape.sessions,
    gridCells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }).optional(),
    cells: z
      .array(
        z
          .object({
            intervalDays: ProtocolSchema.shape.intervalDays,
            needleMm: ProtocolSchema.shape.needleMm,
            readoutDay: bounded(1, MAX_DAYS, 'days', { int: true }),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_DOSE_CELLS_PER_JOB),
  })
  .strict();
export type DoseCellsJob = z.infer<typeof DoseCellsJobSchema>;

/**
 * Validation targets (src/validation/targets.ts) run in one worker with one course cache, optionally with
 * one model parameter scaled (the sensitivity run, docs/model.md §18). Ids and paths are checked against
 * the table and the parameter list where the job is run.
 */
export const ValidationJobSchema = z
  .object({
    kind: z.literal('validation'),
    ids: z.array(z.string().max(8)).min(1).max(64),
    cells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }),
    scale: z.object({ path: z.string().max(80), factor: z.number().positive().finite() }).strict().optional(),
  })
  .strict();
export type ValidationJob = z.infer<typeof ValidationJobSchema>;

/** Warms the worker's engine up (engine/warmUp.ts): a view sends it to each worker before the user's first run. */
export const WarmUpJobSchema = z.object({ kind: z.literal('warm-up') }).strict();

export const JobSchema = z.discriminatedUnion('kind', [CourseJobSchema, CohortPatientJobSchema, DoseCellJobSchema, DoseCellsJobSchema, ValidationJobSchema, WarmUpJobSchema]);
export type Job = z.infer<typeof JobSchema>;
export type JobInput = z.input<typeof JobSchema>;
export type CourseJob = z.infer<typeof CourseJobSchema>;
export type CohortPatientJob = z.infer<typeof CohortPatientJobSchema>;
export type DoseCellJob = z.infer<typeof DoseCellJobSchema>;

const f64 = z.instanceof(Float64Array, { error: 'must be a Float64Array' });
const SeriesArraysSchema = z.record(z.enum(SERIES), f64);
/** Series as moved between threads: one Float64Array per series. */
export type SeriesArrays = Record<SeriesName, Float64Array>;

/*
 * Results are engine records (ModelWarning, TreatmentSessionReport, RunStats are defined by the engine, their
 * source of truth) with the series as Float64Arrays. The schemas below check their shape where they
 * cross a thread; loose objects let the engine add optional fields without a change here.
 */
const WarningSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['block', 'warning', 'info']).optional(),
  day: z.number().optional(),
});
const TreatmentSessionReportSchema = z.looseObject({ day: z.number(), needleMm: z.number(), passes: z.number() });
const RunStatsSchema = z.looseObject({
  pigmentPeak: z.number(),
  telangiectasiaPeak: z.number(),
  longestErythemaDays: z.number(),
});

/** A course: the CLI's single-patient result with Float64Array series, plus the run's stats. */
export type CourseResult = Omit<ScenarioResult, 'days' | 'series'> & {
  kind: 'course';
  days: Float64Array;
  series: SeriesArrays;
  stats: RunStats;
};

export interface CohortPatientResult {
  kind: 'cohort-patient';
  index: number;
  days: Float64Array;
  series: SeriesArrays;
  warnings: ModelWarning[];
  stats: RunStats;
}

const CourseResultSchema = z.looseObject({
  kind: z.literal('course'),
  version: z.literal(1),
  seed: z.number(),
  days: f64,
  series: SeriesArraysSchema,
  warnings: z.array(WarningSchema),
  sessions: z.array(TreatmentSessionReportSchema),
  stats: RunStatsSchema,
});

const CohortPatientResultSchema = z
  .object({
    kind: z.literal('cohort-patient'),
    index: z.number().int().min(0),
    days: f64,
    series: SeriesArraysSchema,
    warnings: z.array(WarningSchema),
    stats: RunStatsSchema,
  })
  .strict();

export const DoseCellResultSchema = z
  .object({
    kind: z.literal('dose-cell'),
    intervalDays: z.number(),
    needleMm: z.number(),
    sessions: z.number(),
    readoutDay: z.number(),
    /** Patch-mean collagen gain at the read-out day (fraction, 0.5 = +50 %). */
    collagenGain: z.number(),
    /** Telangiectasia peak above the visibility threshold (VISIBLE.telangiectasia): outline this cell. */
    capillaryDamageVisible: z.boolean(),
    /** Codes of the course's warnings (e.g. interval-too-short, telangiectasia-visible). */
    warningCodes: z.array(z.string()),
  })
  .strict();
export type DoseCellResult = z.infer<typeof DoseCellResultSchema>;

/** The cells of a `dose-cells` job, in the job's order. */
export const DoseCellsResultSchema = z.object({ kind: z.literal('dose-cells'), cells: z.array(DoseCellResultSchema).max(MAX_DOSE_CELLS_PER_JOB) }).strict();
export type DoseCellsResult = z.infer<typeof DoseCellsResultSchema>;

export const ValidationResultSchema = z.object({ kind: z.literal('validation'), outcomes: z.array(TargetOutcomeSchema) }).strict();
export type ValidationResult = z.infer<typeof ValidationResultSchema>;

export const WarmUpResultSchema = z.object({ kind: z.literal('warm-up') }).strict();
export type WarmUpResult = z.infer<typeof WarmUpResultSchema>;

export type JobResult = CourseResult | CohortPatientResult | DoseCellResult | DoseCellsResult | ValidationResult | WarmUpResult;
const JobResultSchema = z.discriminatedUnion('kind', [CourseResultSchema, CohortPatientResultSchema, DoseCellResultSchema, DoseCellsResultSchema, ValidationResultSchema, WarmUpResultSchema]);

/** The pool's messages with these jobs and results (taskPool.ts), for parsing at the boundary. */
export const JobRequestSchema = z.object({ id: z.number().int().min(1), job: z.unknown() }).strict();

export const JobResponseSchema = z.discriminatedUnion('type', [
  z.object({ id: z.number().int(), type: z.literal('progress'), fraction: z.number().min(0).max(1) }).strict(),
  z.object({ id: z.number().int(), type: z.literal('result'), result: JobResultSchema }).strict(),
  z.object({ id: z.number().int(), type: z.literal('error'), message: z.string() }).strict(),
]);

/**
 * Checks a worker's answer (throws a ZodError naming the field if it is malformed) and returns it
 * unchanged: zod's output would list each object's keys in schema order, and the key order of
 * warnings and session reports is part of the byte-identical JSON the CLI prints. The result schemas
 * have no defaults or transforms, so the checked input is the value. This is also the one place the
 * checked shape is given the engine's record types.
 */
export function parseJobResponse(data: unknown): PoolResponse<JobResult> {
  JobResponseSchema.parse(data);
  return data as PoolResponse<JobResult>;
}

/** The buffers of a result, to move rather than copy them. */
export function resultTransferables(result: JobResult): ArrayBuffer[] {
  if (result.kind === 'dose-cell' || result.kind === 'dose-cells' || result.kind === 'validation' || result.kind === 'warm-up') return [];
  return [result.days.buffer as ArrayBuffer, ...SERIES.map((name) => result.series[name].buffer as ArrayBuffer)];
}

export function toSeriesArrays(series: Record<SeriesName, ArrayLike<number>>): SeriesArrays {
  const out = {} as SeriesArrays;
  for (const name of SERIES) out[name] = Float64Array.from(series[name]);
  return out;
}

/**
 * A course result as the CLI prints it: the same keys in the same order as `runSinglePatient`
 * gives them (version, seed, days, series, warnings, sessions, then any later addition), plain arrays.
 */
export function toScenarioResult(course: CourseResult): ScenarioResult {
  const { kind: _kind, stats: _stats, version, seed, days, series, warnings, sessions, ...additions } = course;
  const plain = {} as Record<SeriesName, number[]>;
  for (const name of SERIES) plain[name] = Array.from(series[name]);
  return { version, seed, days: Array.from(days), series: plain, warnings, sessions, ...additions };
}
