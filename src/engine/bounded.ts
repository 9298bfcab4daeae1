import { z } from 'zod';

/**
 * A number schema whose every error names the allowed range and unit, so that a user who types
 * `"needleMm": 7` reads "7 is above the maximum; allowed 0.25–3 mm" rather than a zod default.
 * Used by the model parameters, the scenario format and the worker messages alike.
 */
export function bounded(min: number, max: number, unit = '', opts: { int?: boolean } = {}) {
  const allowed = `allowed ${opts.int ? 'whole numbers ' : ''}${min}–${max}${unit ? ` ${unit}` : ''}`;
  const describe = (input: unknown): string => {
    if (input === undefined) return `is required (${allowed})`;
    if (typeof input !== 'number') return `must be a number, got ${shortJson(input)} (${allowed})`;
    if (!Number.isFinite(input)) return `must be a finite number (${allowed})`;
    if (input < min) return `${input} is below the minimum; ${allowed}`;
    if (input > max) return `${input} is above the maximum; ${allowed}`;
    if (opts.int && !Number.isInteger(input)) return `${input} is not a whole number; ${allowed}`;
    return `is invalid (${allowed})`;
  };
  let schema = z.number({ error: (iss) => describe(iss.input) });
  if (opts.int) schema = schema.int({ error: (iss) => describe(iss.input) });
  return schema
    .min(min, { error: (iss) => describe(iss.input) })
    .max(max, { error: (iss) => describe(iss.input) });
}

/** A short, single-line rendering of a bad input value for error messages. */
export function shortJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** An enum schema whose error lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      `${iss.input === undefined ? 'is required' : `${shortJson(iss.input)} is not allowed`}; allowed: ${values.join(' | ')}`,
  });
}

/** Formats zod issues as "path: message" lines, the only error text users ever see. */
export function formatIssues(error: z.ZodError, root = ''): string[] {
  return error.issues.map((issue) => {
    const path = [root, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .filter((p) => p !== '')
      .join('.')
      .replace(/\.\[/g, '[');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/scenario-format.md)`;
    }
    return `${path || '(document)'}: ${message}`;
  });
}
