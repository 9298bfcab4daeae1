/**
 * Every model parameter as a path into ModelParams ("kT", "regions.periorbital.oedemaGain",
 * "phiByPhototype.3"), with the range its schema allows; and a parameter set with one of them scaled
 * and clamped to that range. The sensitivity run (docs/model.md §18) and the pool's validation jobs
 * name parameters by these paths.
 */
import { z } from 'zod';
import { DEFAULT_PARAMS, ModelParamsSchema, parseParams, type ModelParams } from '../engine/index';

export interface ParameterInfo {
  readonly path: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly int: boolean;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else return s;
  }
}

function collect(schema: z.ZodType, value: unknown, path: string, out: ParameterInfo[]): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(shape)) collect(shape[key]!, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
  } else if (s instanceof z.ZodTuple) {
    const items = s.def.items as z.ZodType[];
    items.forEach((item, i) => collect(item, (value as unknown[])[i], `${path}.${i}`, out));
  } else if (s instanceof z.ZodNumber && typeof value === 'number') {
    out.push({ path, value, min: s.minValue ?? Number.NEGATIVE_INFINITY, max: s.maxValue ?? Number.POSITIVE_INFINITY, int: s.isInt });
  }
  // Arrays (the step ladder), unions (fixed steps) and null anatomy depths (derived from the others) are not scaled.
}

/**
 * Settings of the integrator, not of the skin: step sizes must stay on the step ladder, and the flush
 * and diffusion floors are round-off guards. The integrator tests pin them (tests/unit/engine/
 * integrator.test.ts: adaptive vs fixed steps, RK4 against a fine reference), not the validation targets.
 */
export const NUMERICAL_SETTINGS: readonly string[] = ['sessionGapHours', 'maxStepHours', 'quietStepHours', 'diffusionFloor', 'flushBelow'];

let all: ParameterInfo[] | undefined;
/** Every numeric leaf of the default parameters with a finite value, in schema order, less the numerical settings. */
export function modelParameters(): readonly ParameterInfo[] {
  if (!all) {
    const out: ParameterInfo[] = [];
    collect(ModelParamsSchema, DEFAULT_PARAMS, '', out);
    all = out.filter((p) => !NUMERICAL_SETTINGS.includes(p.path));
  }
  return all;
}

export function parameterInfo(path: string): ParameterInfo {
  const p = modelParameters().find((x) => x.path === path);
  if (!p) throw new Error(`unknown model parameter "${path}"`);
  return p;
}

/** The value × factor, clamped to the schema's range (whole numbers rounded). */
export function scaledValue(info: ParameterInfo, factor: number): number {
  const raw = info.value * factor;
  const v = info.int ? Math.round(raw) : raw;
  return Math.min(info.max, Math.max(info.min, v));
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** The default parameters with `path` × `factor` (clamped), validated by the parameter schema. */
export function paramsWithScaled(path: string, factor: number, base: ModelParams = DEFAULT_PARAMS): ModelParams {
  const info = parameterInfo(path);
  const copy = plain(base) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = scaledValue(info, factor);
  return parseParams(copy);
}
