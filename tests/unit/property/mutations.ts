/**
 * Mutations of valid inputs that are invalid by construction, each with the field its error must name:
 * a value of the wrong kind (an array where an object goes, a string for a number, ...), a number out of
 * every range (1e300, 1e400 = Infinity in JSON; NaN, ±Infinity in structured clones), an extra field
 * (`__proto__`, `constructor`, `prototype`, unicode, near-misses), a nesting thousands of levels deep,
 * a unicode string where an enum goes, an over-long free text. Two modes: JSON text (files, Import, the
 * share link) and structured values (worker messages, IndexedDB).
 */
import fc from 'fast-check';
import { CONDITIONS, REGIONS } from '../../../src/engine/index';
import { LAYERS } from '../../../src/shading/types';

export type Path = (string | number)[];
export type Mode = 'json' | 'structured';

/** A mutated input and what its rejection must say. */
export interface Mutant {
  kind: string;
  /** The input: a JSON text (json mode) or a value (structured mode). */
  input: unknown;
  /** Formatted path a problem line must start with; null when the mutation is at the root and only `fragment` counts. */
  path: string | null;
  /** A fragment that line must contain, when the mutation implies one. */
  fragment?: string;
}

/** Strings that some schema accepts as an enum value; a random unicode string must differ from all of them. */
const KNOWN_STRINGS = new Set<string>([...REGIONS, ...CONDITIONS, ...LAYERS, '1h', '6h', '1d', '3d', '1w', 'advance', 'strokes']);
/** Free-text fields: any short string is valid there, so they get an over-long one instead. */
const FREE_TEXT = new Set(['name', 'description']);
const RESERVED = ['__proto__', 'constructor', 'prototype'];

/** Formats a path as formatIssues does ("sessions[1].needleMm", "(document)" for the root). */
export function formatPath(path: Path): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  return text === '' ? '(document)' : text;
}

type Kind = 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object';
const kindOf = (v: unknown): Kind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as 'number' | 'string' | 'boolean' | 'object');

/** Every node of a plain value with its path, the root first. */
export function nodesOf(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, k) => nodesOf(v, [...path, k], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) nodesOf(v, [...path, k], out);
  return out;
}

/** Defines an own enumerable property, also for `__proto__` (a plain assignment would set the prototype). */
function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with the node at `path` replaced (the root itself when the path is empty). */
function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  defineOwn(parent, path[path.length - 1]!, value);
  return copy;
}

function nested(depth: number, asObject: boolean, inner: unknown): unknown {
  let v = inner;
  for (let k = 0; k < depth; k++) v = asObject ? { a: v } : [v];
  return v;
}

/** Random ingredients of one mutation, drawn by fast-check; `mutate` turns them into a Mutant deterministically. */
export interface Ingredients {
  node: number;
  kind: 'wrongType' | 'outOfRange' | 'extraKey' | 'deep' | 'unicode';
  replacement: number;
  unicode: string;
  key: string;
  depth: number;
  deepObject: boolean;
  json: unknown;
}

export const ingredientsArb: fc.Arbitrary<Ingredients> = fc.record({
  node: fc.nat(),
  kind: fc.constantFrom('wrongType', 'outOfRange', 'extraKey', 'deep', 'unicode'),
  replacement: fc.nat(),
  unicode: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 24 })),
  key: fc.oneof(
    fc.constantFrom(...RESERVED),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
  ),
  depth: fc.integer({ min: 65, max: 6000 }),
  deepObject: fc.boolean(),
  json: fc.jsonValue({ maxDepth: 2 }),
});

/** Placeholders replaced in the JSON text by what JSON.stringify cannot write (1e400) or would recurse on (deep nesting). */
const PLACEHOLDER = '\u0000placeholder\u0000';

/**
 * Applies one mutation to `sample` (a valid input, as a plain value). Returns null when the drawn
 * mutation does not apply to the drawn node (e.g. an extra key on a number); fast-check then draws again.
 */
export function mutate(sample: unknown, ing: Ingredients, mode: Mode): Mutant | null {
  const nodes = nodesOf(sample);
  const { path, value } = nodes[ing.node % nodes.length]!;
  const where = formatPath(path);
  const kind = kindOf(value);
  const key = path[path.length - 1];
  let replacement: unknown;
  let textPatch: string | null = null;
  let expectPath: string | null = where;
  let fragment: string | undefined;

  switch (ing.kind) {
    case 'wrongType': {
      const pool: unknown[] = [
        [value],
        [],
        {},
        'text',
        ing.unicode,
        0,
        -1,
        true,
        false,
        null,
        ...(mode === 'structured' ? [Number.NaN, 10n, new Date(0), new Map([[1, 2]]), new Uint8Array(3)] : []),
      ];
      const candidates = pool.filter((c) => kindOf(c) !== kind || (kind === 'object' && !isPlainObject(c)));
      replacement = candidates[ing.replacement % candidates.length];
      break;
    }
    case 'outOfRange': {
      if (kind !== 'number') return null;
      if (mode === 'json') {
        // Every numeric field of the JSON formats has a minimum ≥ 0 and a maximum ≤ 2³²; 1e400 parses as Infinity.
        textPatch = ['1e300', '-1e300', '1e400', '-1e400'][ing.replacement % 4]!;
      } else {
        replacement = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][ing.replacement % 3];
      }
      break;
    }
    case 'extraKey': {
      if (kind !== 'object' || value === null) return null;
      if (Object.hasOwn(value as object, ing.key)) return null;
      const copy = structuredClone(value) as object;
      defineOwn(copy, ing.key, ing.json);
      replacement = copy;
      fragment = 'unknown field';
      break;
    }
    case 'deep': {
      if (mode === 'json') {
        textPatch = ing.deepObject ? '{"a":'.repeat(ing.depth) + '1' + '}'.repeat(ing.depth) : `${'['.repeat(ing.depth)}1${']'.repeat(ing.depth)}`;
        fragment = 'nesting depth exceeds';
        if (path.length === 0) expectPath = null;
      } else {
        replacement = nested(ing.depth, ing.deepObject, 1);
      }
      break;
    }
    case 'unicode': {
      if (kind !== 'string') return null;
      if (typeof key === 'string' && FREE_TEXT.has(key)) {
        // zod counts code points, not UTF-16 units.
        const unit = ing.unicode || 'é';
        replacement = unit.repeat(Math.ceil(2001 / Array.from(unit).length));
      } else {
        if (KNOWN_STRINGS.has(ing.unicode)) return null;
        replacement = ing.unicode;
      }
      break;
    }
  }

  // An object-like value at the root (a Date, a Map, an object without the discriminator) is refused
  // through its missing fields: those lines name the fields, none names "(document)".
  if (path.length === 0 && ing.kind !== 'extraKey' && typeof replacement === 'object' && replacement !== null && !Array.isArray(replacement)) expectPath = null;
  if (mode === 'structured') return { kind: ing.kind, input: replaceAt(sample, path, replacement), path: expectPath, ...(fragment ? { fragment } : {}) };
  const mutated = replaceAt(sample, path, textPatch === null ? replacement : PLACEHOLDER);
  const text = JSON.stringify(mutated);
  return {
    kind: ing.kind,
    input: textPatch === null ? text : text.replace(JSON.stringify(PLACEHOLDER), textPatch),
    path: expectPath,
    ...(fragment ? { fragment } : {}),
  };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Checks a list of problem lines: each is one "path: message" line of bounded length with no
 * "[object Object]"; one starts with the mutated path and contains the fragment. Returns what is wrong, or null.
 */
export function judge(problems: readonly string[], mutant: Mutant): string | null {
  if (problems.length === 0) return 'no problem reported';
  for (const line of problems) {
    if (!/^[^\n]+?: [^\n]*\S/.test(line) || line.includes('\n')) return `not a "path: message" line: ${JSON.stringify(line)}`;
    if (line.length > 600) return `an over-long line (${line.length} characters)`;
    if (line.includes('[object Object]')) return `an unhelpful line: ${line}`;
  }
  const p = mutant.path;
  const found = problems.some(
    (line) =>
      (p === null || line.startsWith(`${p}:`) || line.startsWith(`${p}.`) || line.startsWith(`${p}[`) || line.startsWith(`${p}…`)) &&
      (mutant.fragment === undefined || line.includes(mutant.fragment)),
  );
  return found ? null : `no line names ${p ?? 'the problem'}${mutant.fragment ? ` with "${mutant.fragment}"` : ''}: ${JSON.stringify(problems)}`;
}
