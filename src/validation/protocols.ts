/**
 * Builders and readers the validation targets share (docs/model.md §14): the reference skin (cheek,
 * phototype III, seed 42), the reference session (1.5 mm, 15 passes, whole patch), courses at a given
 * grid and parameter set, hourly traces. Pure: runs in Node (tests, sensitivity) and in a pool worker
 * (the app's "How good is the model?" panel) alike.
 */
import {
  injuryFactors,
  parseScenario,
  penetrationMm,
  saturatedDermalDose,
  HOURS_PER_DAY,
  runSinglePatient,
  SkinSimulation,
  type Condition,
  type InjuryFactors,
  type ModelParams,
  type Region,
  type ScenarioInput,
  type ScenarioResult,
  type SeriesName,
  type SeriesValues,
} from '../engine/index';

/** What a target run may vary: the grid (cells per side) and the whole parameter set. */
export interface TargetContext {
  readonly cells: number;
  readonly params: ModelParams;
  /**
   * Courses already run with these cells and parameters, by spec: rows that share a protocol (V8 and H1,
   * V3 and P1) run it once per table pass. Optional; a missing cache runs every course.
   */
  readonly courses?: Map<string, ScenarioResult>;
}

export const REFERENCE_SEED = 42;
/** 1.5 mm, 15 passes, normal pressure (docs/model.md §14). */
export const REFERENCE_SESSION = Object.freeze({ needleMm: 1.5, passes: 15, pressure: 1 });

export interface SkinChoice {
  region?: Region;
  phototype?: number;
  conditions?: Condition[];
}

export interface CourseSpec extends SkinChoice {
  needleMm?: number;
  passes?: number;
  intervalDays: number;
  sessions: number;
  days: number;
}

/** One regular course on the reference skin (or the given one), run at the context's grid and parameters. */
export function runCourse(ctx: TargetContext, spec: CourseSpec): ScenarioResult {
  const key = JSON.stringify(spec);
  const cached = ctx.courses?.get(key);
  if (cached) return cached;
  const input: ScenarioInput = {
    version: 1,
    seed: REFERENCE_SEED,
    skin: { region: spec.region ?? 'cheek', phototype: spec.phototype ?? 3, conditions: spec.conditions ?? [] },
    protocol: { needleMm: spec.needleMm ?? 1.5, passes: spec.passes ?? 15, intervalDays: spec.intervalDays, sessions: spec.sessions },
    days: spec.days,
    sampleEveryDays: 1,
    grid: { cells: ctx.cells },
  };
  const result = runSinglePatient(parseScenario(input), { params: ctx.params }).result;
  ctx.courses?.set(key, result);
  return result;
}

/** The day a course's last session falls on. */
export function lastSessionDay(intervalDays: number, sessions: number): number {
  return intervalDays * (sessions - 1);
}

/** A simulation on the reference skin for hour-by-hour targets. */
export function referenceSimulation(ctx: TargetContext, skin: SkinChoice = {}): SkinSimulation {
  return new SkinSimulation({
    seed: REFERENCE_SEED,
    region: skin.region ?? 'cheek',
    phototype: skin.phototype ?? 3,
    conditions: skin.conditions ?? [],
    grid: { cells: ctx.cells },
    params: ctx.params,
    logPunctures: false,
  });
}

/** Patch means at every hour from..to (inclusive), advancing exactly. */
export function hourlyMeans(sim: SkinSimulation, fromHour: number, toHour: number, read: (m: SeriesValues, hour: number) => void): void {
  for (let h = fromHour; h <= toHour; h++) {
    sim.advanceTo(h);
    read(sim.means(), h);
  }
}

/** A series' value on a sampled day; throws when the day was not sampled (a table bug, not a model one). */
export function valueAt(result: ScenarioResult, name: SeriesName, day: number): number {
  const t = result.days.indexOf(day);
  if (t < 0) throw new Error(`day ${day} was not sampled`);
  return result.series[name][t]!;
}

export function peakOf(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function lowestOf(values: readonly number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** V12's uniform reference: the sampled session's mean dose written into every cell (docs/model.md §14, V12). */
export function uniformTwin(ctx: TargetContext, sampled: SkinSimulation): SkinSimulation {
  const density = sampled.fields.sessionDensity;
  let sum = 0;
  for (let i = 0; i < density.length; i++) sum += density[i]!;
  const meanDensity = sum / density.length;
  const flat = referenceSimulation(ctx);
  const p = flat.params;
  const none: InjuryFactors = { epidermal: 0, dermal: 0, vascular: 0, bleeding: 0, subdermal: 0 };
  const f = injuryFactors(p, flat.anatomy, penetrationMm(p, REFERENCE_SESSION.needleMm, 1, 1, 0), none);
  const r = meanDensity / p.referenceDensityPerCm2;
  flat.fields.W.fill(r * (f.epidermal + f.dermal));
  flat.fields.D.fill(saturatedDermalDose(r * f.dermal, p.uSat));
  flat.fields.R.fill(p.kR * r * (f.epidermal + f.dermal));
  flat.fields.sessionDermal.fill(r * f.dermal);
  flat.fields.sessionVascular.fill(r * f.vascular);
  flat.fields.V.fill(Math.exp(-p.cV * r * f.vascular));
  flat.fields.sessionDensity.fill(meanDensity);
  flat.fieldsChanged();
  return flat;
}

/** Peak erythema, collagen at day 60 and peak telangiectasia, on the engine's post-injury ladder (1 h to day 3, 6 h to day 14). */
export function follow60(sim: SkinSimulation) {
  let peakErythema = 0;
  let peakT = 0;
  const look = (): void => {
    const m = sim.means();
    peakErythema = Math.max(peakErythema, m.erythema);
    peakT = Math.max(peakT, m.telangiectasia);
  };
  look();
  for (let h = 1; h <= 72; h++) {
    sim.advanceTo(h);
    look();
  }
  for (let h = 78; h <= 14 * HOURS_PER_DAY; h += 6) {
    sim.advanceTo(h);
    look();
  }
  sim.advanceTo(60 * HOURS_PER_DAY);
  look();
  return { peakErythema, peakT, collagen60: sim.means().collagenGain };
}
