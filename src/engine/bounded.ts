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

/**
 * A short, single-line rendering of a bad input value for error messages (at most `max` characters).
 * It must never throw and never recurse without bound: the value is whatever a user, a link or a
 * stored state handed over, nested 5 000 levels deep or worse (issue 9). So it renders at most three
 * levels and stops as soon as the text is long enough, rather than calling JSON.stringify or String().
 */
export function shortJson(value: unknown, max = 40): string {
  let text: string;
  try {
    text = renderShort(value, 0, max + 1);
  } catch {
    text = '(a value that cannot be shown)';
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

const SHORT_DEPTH = 3;

function renderShort(value: unknown, depth: number, budget: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  // Structured clones can carry these; name them rather than list a typed array's million indices.
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.byteLength} bytes)`;
  if (value instanceof Map || value instanceof Set) return `${value.constructor.name}(${value.size})`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  const array = Array.isArray(value);
  if (depth >= SHORT_DEPTH) return array ? '[…]' : '{…}';
  let out = array ? '[' : '{';
  const keys = array ? null : Object.keys(value as object);
  const count = array ? (value as unknown[]).length : keys!.length;
  for (let k = 0; k < count && out.length < budget; k++) {
    if (k > 0) out += ',';
    if (array) out += renderShort((value as unknown[])[k], depth + 1, budget - out.length);
    else {
      const key = keys![k]!;
      out += `${JSON.stringify(key.length > budget ? key.slice(0, budget) : key)}:`;
      out += renderShort((value as Record<string, unknown>)[key], depth + 1, budget - out.length);
    }
  }
  return `${out}${array ? ']' : '}'}`;
}

/** An enum schema whose error lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      `${iss.input === undefined ? 'is required' : `${shortJson(iss.input)} is not allowed`}; allowed: ${values.join(' | ')}`,
  });
}

/**
 * Escapes what must never reach a terminal or a message line verbatim: control characters (a hostile
 * file could send terminal escape sequences to the CLI's stderr), line separators, and the bidirectional
 * overrides that can make text read differently from what it is. Every problem line passes through here.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
      // A hostile object can carry thousands of keys, each a megabyte long: name a few, shortened.
      const shown = issue.keys.slice(0, 5).map((k) => shortJson(k));
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more} (check the spelling; see docs/scenario-format.md)`;
    }
    return printable(`${path || '(document)'}: ${message}`);
  });
}
