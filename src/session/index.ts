/** The interactive session's rules (pure, Node-tested): what the worker adapts and the app's queue replays. */
export { SAMPLED_SERIES, ChartSampler, SAMPLE_EVERY_HOURS, type ChartSamples, type ChartSeries } from './ChartSampler';
export { courseScenario, READOUT_AFTER_LAST_SESSION_DAYS } from './courseScenario';
export { crossDepthMm, crossSectionSlice } from './crossSectionSlice';
export { InteractiveSession, needleTipMm, SessionError, type OpResult, type SessionSnapshot, type SetupInfo } from './InteractiveSession';
export { flattenStrokes, quantise, quantiseStroke, STROKE_STRIDE, unflattenStrokes } from './quantise';
export {
  hourSchema,
  isInjury,
  LogOpSchema,
  LogSchema,
  MAX_HOUR,
  MAX_LOG_OPS,
  MAX_STROKES_PER_BATCH,
  SetupSchema,
  type LogOp,
  type Setup,
  type SetupInput,
} from './schemas';
export { SessionLog, type LogDelta } from './SessionLog';
export { stateHash } from './stateHash';
