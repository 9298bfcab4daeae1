/**
 * One comparison of a validation target: a model figure against its accepted range (either end open).
 * The outcome schema is what a pool worker sends back for the "How good is the model?" panel, parsed at
 * the boundary like every other message.
 */
import { z } from 'zod';

export const CheckSchema = z
  .object({
    /** What is compared, in words ("collagen gain at day 176"). */
    label: z.string(),
    /** The model's figure; NaN or ±Infinity when the run produced none (which fails). */
    value: z.custom<number>((v) => typeof v === 'number', { message: 'must be a number' }),
    low: z.number().nullable(),
    high: z.number().nullable(),
    pass: z.boolean(),
  })
  .strict();
export type Check = z.infer<typeof CheckSchema>;

export const TargetOutcomeSchema = z
  .object({
    id: z.string(),
    pass: z.boolean(),
    checks: z.array(CheckSchema),
    /** Set when the run threw: the message, and the target fails. */
    error: z.string().optional(),
    ms: z.number().nonnegative(),
  })
  .strict();
export type TargetOutcome = z.infer<typeof TargetOutcomeSchema>;

/** A check that `value` lies in [low, high] (null = open end); a non-finite value always fails. */
export function within(label: string, value: number, low: number | null, high: number | null): Check {
  const pass = Number.isFinite(value) && (low === null || value >= low) && (high === null || value <= high);
  return { label, value, low, high, pass };
}

/** "0.532", "−1.23": the figure as the panel and the sensitivity table print it. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
  return text.replace('-', '−');
}

/** "0.38–0.68", "≥ 0", "≤ 0.02". */
export function formatRange(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return `${formatFigure(low)} to ${formatFigure(high)}`;
  if (low !== null) return `≥ ${formatFigure(low)}`;
  if (high !== null) return `≤ ${formatFigure(high)}`;
  return 'any';
}
