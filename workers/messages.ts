import { z } from 'zod';
import { bounded, oneOf, StrokeSchema } from '../src/engine/index';
import { hourSchema, LogSchema, MAX_STROKES_PER_BATCH, SetupSchema } from '../src/session/index';
import { LAYERS } from '../src/shading/index';

/**
 * Every message from the UI into the worker, as zod schemas: the worker parses each one before it
 * touches the session, so a bad value from a slider, a stored state or a script gets a clear error.
 * The schemas are the single source of the message types (z.infer). The setup and the log belong to
 * the session module (src/session/schemas.ts) and are re-exported here for the worker's callers.
 */
export { LogOpSchema, MAX_HOUR, MAX_STROKES_PER_BATCH, SetupSchema, type LogOp, type Setup, type SetupInput } from '../src/session/index';

export const StrokeBatchSchema = z
  .object({
    /** Simulated hour at which the strokes happen; the engine is brought exactly there first. */
    atHour: hourSchema,
    strokes: z
      .array(StrokeSchema)
      .min(1)
      .max(MAX_STROKES_PER_BATCH, { error: `too many strokes; the limit is ${MAX_STROKES_PER_BATCH} strokes per message` }),
    /** Groups the batches of one drag, so Undo takes the whole drag back. */
    gesture: bounded(0, Number.MAX_SAFE_INTEGER, '', { int: true }).optional(),
  })
  .strict();
export type StrokeBatch = z.input<typeof StrokeBatchSchema>;

/** One whole-patch pass; the engine picks its direction and lane offset (its own pass policy). */
export const PassSchema = z
  .object({
    atHour: hourSchema,
    needleMm: StrokeSchema.shape.needleMm,
    pressure: StrokeSchema.shape.pressure,
  })
  .strict();
export type PassRequest = z.input<typeof PassSchema>;

export const AdvanceSchema = z
  .object({
    toHour: hourSchema,
    /** Exact: land on the hour (Step, Pause). Not exact: stop before a step that would overshoot (frames). */
    exact: z.boolean({ error: 'must be true or false' }),
  })
  .strict();

export const CrossSectionRequestSchema = z
  .object({
    /** Patch row (cell index) the depth view cuts along. */
    row: bounded(0, 511, 'cell', { int: true }),
    widthPx: bounded(16, 2048, 'px', { int: true }),
    heightPx: bounded(16, 1024, 'px', { int: true }),
    /** The needle length chosen now: the depth view draws its tip (the engine's penetrationMm); omitted = no tip line. */
    needleMm: StrokeSchema.shape.needleMm.optional(),
    /** The pressure chosen now (default 1), for the tip depth. */
    pressure: StrokeSchema.shape.pressure,
  })
  .strict();

export const FrameRequestSchema = z
  .object({
    layer: oneOf(LAYERS),
    /** Advance (not exact) before drawing; omitted = draw the current state. */
    toHour: hourSchema.optional(),
    crossSection: CrossSectionRequestSchema.optional(),
    /**
     * The frame (its `seq`) whose picture the caller's buffer holds: the worker then sends only the
     * rectangle that changed since, when it can. Omitted = the caller holds nothing: a full frame.
     */
    since: bounded(0, Number.MAX_SAFE_INTEGER, '', { int: true }).optional(),
  })
  .strict();
export type FrameRequest = z.input<typeof FrameRequestSchema>;

export const InspectSchema = z
  .object({ ix: bounded(0, 511, 'cell', { int: true }), iy: bounded(0, 511, 'cell', { int: true }) })
  .strict();

export const ReplaySchema = z
  .object({
    setup: SetupSchema,
    ops: LogSchema,
    /** Where the clock was (not exact) when the state was saved. */
    hour: hourSchema,
  })
  .strict();
export type ReplayInput = z.input<typeof ReplaySchema>;
