/**
 * Public surface of the job pool for the browser and shared code (the Compare view, tests). The
 * Node adapter (nodePool.ts: worker_threads) is imported directly by Node programs only.
 */
export { hashSeries } from './hash';
export {
  CohortPatientJobSchema,
  CourseJobSchema,
  DoseCellJobSchema,
  DoseCellResultSchema,
  JobSchema,
  parseJobResponse,
  toScenarioResult,
  type CohortPatientResult,
  type CourseResult,
  type DoseCellResult,
  type Job,
  type JobInput,
  type JobResult,
  type SeriesArrays,
} from './jobs';
export { doseCellScenario, runJob } from './runJob';
export {
  describeJob,
  runCohortInPool,
  runCourse,
  runCourseArrays,
  runDoseMap,
  runScenarioInPool,
  type DoseMapSpec,
  type JobPool,
  type PoolRunOptions,
} from './scenarioJobs';
export { PoolError, TaskPool, type JobHandle, type PoolErrorKind, type Settled } from './taskPool';
export { createWebPool, defaultWebPoolSize, type WebPoolOptions } from './webPool';
