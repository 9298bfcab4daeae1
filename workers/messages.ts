import { z } from 'zod';
import { bounded, GRID_CELLS_MAX, GRID_CELLS_MIN, MAX_DAYS, MAX_STROKES_PER_MESSAGE, oneOf, StrokeSchema } from '../src/engine/index';
import { SkinSchema } from '../src/engine/scenario';
import { LAYERS } from '../src/shading/types';

/**
 * Every message from the UI into the worker, as zod schemas: the worker parses each one before it
 * touches the engine, so a bad value from a slider, a stored state or a script gets a clear error.
 * The schemas are the single source of the message types (z.infer).
 */

export const MAX_HOUR = MAX_DAYS * 24;
const hour = bounded(0, MAX_HOUR, 'hours', { int: true });

/** The patient and patch of an interactive session. */
export const SetupSchema = z
  .object({
    seed: bounded(0, 4294967295, '(a whole number)', { int: true }),
    skin: SkinSchema,
    /** The user has explicitly overridden a blocking contraindication (issue #4). */
    override: z.boolean({ error: 'must be true or false' }).default(false),
    gridCells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }).default(160),
    /** Texture pixels per side for the skin view. */
    texturePx: bounded(64, 1024, 'px', { int: true }).default(640),
  })
  .strict();
export type Setup = z.infer<typeof SetupSchema>;
export type SetupInput = z.input<typeof SetupSchema>;

/** At most this many strokes per message (a frame of dragging carries a handful); src/engine/limits.ts. */
export const MAX_STROKES_PER_BATCH = MAX_STROKES_PER_MESSAGE;

export const StrokeBatchSchema = z
  .object({
    /** Simulated hour at which the strokes happen; the engine is brought exactly there first. */
    atHour: hour,
    strokes: z
      .array(StrokeSchema)
      .min(1)
      .max(MAX_STROKES_PER_BATCH, { error: `too many strokes; the limit is ${MAX_STROKES_PER_BATCH} strokes per message` }),
  })
  .strict();
export type StrokeBatch = z.infer<typeof StrokeBatchSchema>;

export const AdvanceSchema = z
  .object({
    toHour: hour,
    /** Exact: land on the hour (Step day, pause). Not exact: stop before a step that would overshoot (frames). */
    exact: z.boolean(),
  })
  .strict();

export const PassSchema = z
  .object({
    atHour: hour,
    needleMm: StrokeSchema.shape.needleMm,
    pressure: StrokeSchema.shape.pressure,
    /** Which pass of the session this is (sets the direction →, ↓, ←, ↑). */
    passIndex: bounded(0, 1000, '', { int: true }),
  })
  .strict();

export const CrossSectionRequestSchema = z
  .object({
    /** Patch row (cell index) the depth view cuts along. */
    row: bounded(0, 511, 'cell', { int: true }),
    widthPx: bounded(16, 2048, 'px', { int: true }),
    heightPx: bounded(16, 1024, 'px', { int: true }),
  })
  .strict();

export const FrameRequestSchema = z
  .object({
    layer: oneOf(LAYERS),
    /** Advance (not exact) before drawing; omitted = draw the current state. */
    toHour: hour.optional(),
    crossSection: CrossSectionRequestSchema.optional(),
  })
  .strict();
export type FrameRequest = z.infer<typeof FrameRequestSchema>;

export const InspectSchema = z
  .object({ ix: bounded(0, 511, 'cell', { int: true }), iy: bounded(0, 511, 'cell', { int: true }) })
  .strict();

/**
 * One recorded operation of an interactive session. Replaying the log on the same setup rebuilds
 * the exact state (the engine's step sequence depends only on these events, see SkinSimulation).
 * Strokes are stored flat: [x0, y0, x1, y1, needleMm, pressure, trackOffsetMm] per stroke.
 */
export const LogOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('advance'), hour }).strict(),
  z
    .object({
      op: z.literal('strokes'),
      hour,
      flat: z.array(z.number().finite()).max(7 * MAX_STROKES_PER_BATCH * 10),
    })
    .strict(),
]);
export type LogOp = z.infer<typeof LogOpSchema>;

export const ReplaySchema = z
  .object({
    setup: SetupSchema,
    ops: z.array(LogOpSchema).max(200_000),
    /** Where the clock was (not exact) when the state was saved. */
    hour,
  })
  .strict();
export type ReplayInput = z.input<typeof ReplaySchema>;
