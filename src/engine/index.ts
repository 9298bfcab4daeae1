/**
 * The engine's public face: everything outside src/engine (session, compare, shading, pool, workers,
 * view, ui, cli, validation, evidence) imports from here and nowhere else — limits, conditions,
 * guidance, series info, schemas, types and the runners. The boundary test
 * (tests/unit/architecture) enforces it; tests and benchmarks may still reach internals.
 */
export { resolveAnatomy, type Anatomy } from './anatomy';
export { bounded, formatIssues, oneOf } from './bounded';
export {
  aggregateCohort,
  COHORT_DEFAULT_CELLS,
  cohortGridCells,
  drawPatient,
  quantileSorted,
  runCohort,
  runCohortPatient,
  type Band,
  type CohortPatientRun,
  type CohortResult,
} from './cohort';
export {
  applyConditions,
  BLOCKING_CONDITIONS,
  blockingConditions,
  CONDITIONS,
  CONTRAINDICATIONS,
  INDICATIONS,
  sessionBlocked,
  type Condition,
  type Contraindication,
  type ModelWarning,
  type WarningSeverity,
} from './conditions';
export { STATE_FIELDS, type FieldArray, type Precision, type SkinFields, type StateField } from './fields';
export { GridSchema, makeGrid, type Grid, type GridSpec } from './grid';
export { RednessEpisodes, type RednessEpisode } from './episodes';
export {
  formatAbove,
  MAX_NEEDLE_MM_BY_REGION,
  MAX_USUAL_PASSES,
  MIN_INTERVAL_DAYS_DERMAL,
  needleWarning,
  phototypeWarning,
  visibleEffectWarnings,
} from './guidance';
export { bleedingOf, emptyInjuryFactors, injuryDoses, injuryFactors, logistic, saturatedDermalDose, type InjuryFactors } from './injury';
export {
  checkJsonValue,
  checkTextLength,
  checkTextSize,
  JsonInputError,
  readJsonText,
  RESERVED_KEYS,
  scanJson,
  type JsonReadOptions,
} from './jsonInput';
export {
  DEFAULT_GRID_CELLS,
  GRID_CELLS_MAX,
  GRID_CELLS_MIN,
  MAX_COURSES,
  MAX_INPUT_BYTES,
  MAX_JSON_DEPTH,
  MAX_SHARE_FRAGMENT_CHARS,
  MAX_STROKES_PER_MESSAGE,
} from './limits';
export { cascadeTransfer, decayWeights, type DecayWeights } from './integrator';
export {
  cellOutputs,
  gradeFlags,
  NO_INDICATIONS,
  patchMeans,
  plasticLookOf,
  SERIES,
  SERIES_INFO,
  VISIBLE,
  zeroSeries,
  type Evidence,
  type GradeFlags,
  type SeriesInfo,
  type SeriesName,
  type SeriesValues,
} from './outputs';
export { DEFAULT_PARAMS, ModelParamsSchema, parseParams, REGIONS, type ModelParams, type ModelParamsInput, type Region } from './params';
export { PunctureLog } from './punctureLog';
export { FastRng, Rng, Sampler } from './rng';
export {
  densityPerPassPerCm2,
  markCoverage,
  normalUpperTail,
  shareDeeperThan,
  NEEDLE_MM_MAX,
  NEEDLE_MM_MIN,
  penetrationMm,
  PRESSURE_MAX,
  PRESSURE_MIN,
  PunctureBuffer,
  sampleStrokePunctures,
  StrokeSchema,
  type PunctureReach,
  type Stroke,
} from './roller';
export {
  episodesInDays,
  roundValue,
  runGridCells,
  runSinglePatient,
  simulationFor,
  type RunOptions,
  type RunStats,
  type ScenarioResult,
  type TreatmentSessionReport,
} from './runScenario';
export {
  MAX_DAYS,
  MAX_PASSES,
  MAX_PATIENTS,
  MAX_SESSIONS,
  parseScenario,
  parseScenarioText,
  ProtocolSchema,
  SCENARIO_MAX_BYTES,
  ScenarioError,
  ScenarioSchema,
  scenarioSessions,
  SkinSchema,
  type Scenario,
  type ScenarioInput,
  type TreatmentSessionSpec,
} from './scenario';
export { parseScenarioList, parseScenarioListText } from './scenarioList';
export { plannedWarnings, sessionsAfterEndWarning } from './plannedWarnings';
export { passStrokes, strokeMarginMm, type PassSpec } from './session';
export {
  CourseWarnings,
  PROLONGED_ERYTHEMA_DAYS,
  type CourseSetup,
  type NeedleFacts,
  type TreatmentEndFacts,
  type TreatmentStartFacts,
} from './warnings';
export { csvText, parseCsv, writeCsv, type CsvBlock, type CsvTable } from './csv';
export { resultToCsv } from './resultCsv';
export { isCohortResult, simulateScenario, type SimulationResult } from './simulate';
export {
  punctureReach,
  SkinSimulation,
  TYPICAL_PATIENT,
  type CellReport,
  type PatientVariation,
  type TreatmentSession,
  type SimulationEvent,
  type SimulationSetup,
} from './simulation';
export { HOURS_PER_DAY } from './units';
export { warmUpEngine, warmUpFor, WARM_UP_FROM_CELLS } from './warmUp';
