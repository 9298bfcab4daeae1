import { z } from 'zod';
import {
  bounded,
  DEFAULT_GRID_CELLS,
  GRID_CELLS_MAX,
  GRID_CELLS_MIN,
  MAX_DAYS,
  MAX_STROKES_PER_MESSAGE,
  SkinSchema,
  StrokeSchema,
  HOURS_PER_DAY,
} from '../engine/index';
import { STROKE_STRIDE } from './quantise';

/**
 * The interactive session's own data, as zod schemas (the single source of their types): the setup of
 * a patch and the operation log that rebuilds it. The worker parses them on every message, the app on
 * every load from storage.
 */

export const MAX_HOUR = MAX_DAYS * HOURS_PER_DAY;
export const hourSchema = bounded(0, MAX_HOUR, 'hours', { int: true });

/** The patient and patch of an interactive session. */
export const SetupSchema = z
  .object({
    seed: bounded(0, 4294967295, '(a whole number)', { int: true }),
    skin: SkinSchema,
    /** The user has explicitly overridden a blocking contraindication (issue #4). */
    override: z.boolean({ error: 'must be true or false' }).default(false),
    gridCells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }).default(DEFAULT_GRID_CELLS),
    /** Texture pixels per side for the skin view. */
    texturePx: bounded(64, 1024, 'px', { int: true }).default(640),
  })
  .strict();
export type Setup = z.infer<typeof SetupSchema>;
export type SetupInput = z.input<typeof SetupSchema>;

/** At most this many strokes per batch (a frame of dragging carries a handful). */
export const MAX_STROKES_PER_BATCH = MAX_STROKES_PER_MESSAGE;
/** At most this many operations in a log (a 30-minute drag at 60 batches a second is ≈ 100 000). */
export const MAX_LOG_OPS = 200_000;

/**
 * One recorded operation of an interactive session. Replaying the log on the same setup rebuilds the
 * exact state: the engine's step sequence depends only on these events (see SkinSimulation).
 * - `advance`: an exact advance of the clock (Step, Pause) to `hour`.
 * - `strokes`: roller strokes at `hour`, flat [x0, y0, x1, y1, needleMm, pressure, trackOffsetMm] per
 *   stroke; `gesture` groups the batches of one drag so Undo takes back the whole drag.
 * - `pass`: one whole-patch pass at `hour`, replayed through the engine's own pass policy
 *   (SkinSimulation.applyPass), exactly as a scenario file's session is.
 */
export const LogOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('advance'), hour: hourSchema }).strict(),
  z
    .object({
      op: z.literal('strokes'),
      hour: hourSchema,
      flat: z
        .array(z.number().finite())
        .max(STROKE_STRIDE * MAX_STROKES_PER_BATCH)
        .refine((a) => a.length % STROKE_STRIDE === 0, { error: `a stroke record is truncated (${STROKE_STRIDE} numbers per stroke)` }),
      gesture: bounded(0, Number.MAX_SAFE_INTEGER, '', { int: true }).optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('pass'),
      hour: hourSchema,
      needleMm: StrokeSchema.shape.needleMm,
      pressure: StrokeSchema.shape.pressure,
    })
    .strict(),
]);
export type LogOp = z.infer<typeof LogOpSchema>;

export const LogSchema = z.array(LogOpSchema).max(MAX_LOG_OPS);

/** Operations that injure the skin (what Undo can take back). */
export function isInjury(op: LogOp): op is Extract<LogOp, { op: 'strokes' | 'pass' }> {
  return op.op !== 'advance';
}
