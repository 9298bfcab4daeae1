import { resolveAnatomy, type Anatomy } from './anatomy';
import { applyConditions, type Condition, type ModelWarning } from './conditions';
import { Dynamics } from './dynamics';
import { allocateFields, resetFields, STATE_FIELDS, type Precision, type SkinFields, type StateField } from './fields';
import { makeGrid, type Grid, type GridSpec } from './grid';
import { GRID_CELLS_MIN } from './limits';
import { RednessEpisodes, type RednessEpisode } from './episodes';
import { InjuryScratch } from './injury';
import { cascadeTransfer, inflammationAfter } from './integrator';
import {
  cellOutputs,
  gradeFlags,
  meansFromSums,
  patchSums,
  quietMeans,
  quietMoments,
  VISIBLE,
  zeroMoments,
  zeroSeries,
  zeroSums,
  type GradeFlags,
  type SeriesValues,
} from './outputs';
import { DEFAULT_PARAMS, type ModelParams, type Region } from './params';
import { PunctureLog } from './punctureLog';
import { FastRng } from './rng';
import { markCoverage, PunctureBuffer, sampleStrokePunctures, type PunctureReach, type Stroke } from './roller';
import { passStrokes, type PassSpec } from './session';
import { nextStepHours, shorterStep } from './stepping';
import { CourseWarnings, needleFacts } from './warnings';
import { HOURS_PER_DAY } from './units';

/** Per-patient variability of a cohort (docs/model.md §10); all 1 for the typical patient. */
export interface PatientVariation {
  /** Multiplier on the phototype's median φ (lognormal(0, 1) in a cohort). */
  phiFactor: number;
  /** Multiplier on f_pen (σ 15 %). */
  fPenFactor: number;
  /** Multiplier on dermis thickness (σ 10 %). */
  dermisFactor: number;
  /** Multiplier on s3, the collagen response (lognormal σ 0.25). */
  s3Factor: number;
}

export const TYPICAL_PATIENT: PatientVariation = Object.freeze({ phiFactor: 1, fPenFactor: 1, dermisFactor: 1, s3Factor: 1 });

export interface SimulationSetup {
  seed: number | string;
  region: Region;
  phototype: number;
  conditions: readonly Condition[];
  /** Vitamin A/C priming before the course (docs/model.md §9 hook, s3 × 1.5). */
  primed?: boolean;
  grid?: Partial<GridSpec>;
  params?: ModelParams;
  patient?: PatientVariation;
  precision?: Precision;
  /**
   * Whether to keep the puncture log (positions, depths and bleeding for rendering; default true).
   * A run that only reports patch means (the CLI, cohorts, the pool) turns it off: no 3 MB log per
   * patient and no bleeding per puncture. The state does not depend on it.
   */
  logPunctures?: boolean;
}

export interface TreatmentSession {
  /** 1-based session number. */
  index: number;
  startHour: number;
  endHour: number;
  strokes: number;
  /** Punctures that landed inside the patch. */
  punctures: number;
  /** Mean punctures per cm² over the patch. */
  densityPerCm2: number;
  /** Mean number of drum passes over the patch. */
  meanPasses: number;
  needleMm: number;
  pressure: number;
  /** Patch-mean capillary integrity when the session began (V⁻). */
  integrityBefore: number;
}

export type SimulationEvent =
  | { type: 'session-start'; index: number; hour: number; integrityBefore: number; needleMm: number; pressure: number }
  | { type: 'session-end'; summary: TreatmentSession }
  | { type: 'warning'; hour: number; warning: ModelWarning };

/** The state of one cell with units, for the inspector. */
export interface CellReport {
  ix: number;
  iy: number;
  xMm: number;
  yMm: number;
  state: Record<StateField, number>;
  outputs: SeriesValues;
  /** Drum passes over the cell in the current session. */
  passes: number;
  /** Punctures/cm² delivered in the current session. */
  sessionDensityPerCm2: number;
}

/**
 * One patch of skin: the fields, the clock (integer simulated hours) and the ways to injure it.
 * Time advances in steps aligned to absolute multiples of their length, so the sequence of steps —
 * and therefore every bit of the state — depends only on the events (strokes, exact advances), not
 * on how often a caller asks to advance (frames, samples). That is what makes a reload replay exact.
 */
export class SkinSimulation {
  readonly grid: Grid;
  readonly fields: SkinFields;
  readonly anatomy: Anatomy;
  /** Parameters after condition hooks. */
  readonly params: ModelParams;
  readonly setupWarnings: readonly ModelWarning[];
  /** The most recent punctures for rendering; empty (capacity 1, never written) without `logPunctures`. */
  readonly punctureLog: PunctureLog;
  private readonly logPunctures: boolean;
  readonly bleedingFactor: number;
  private readonly t0: number;
  private readonly inflammationFactor: number;
  private readonly dynamics: Dynamics;
  private readonly scratch: InjuryScratch;
  private readonly punctures = new PunctureBuffer(4096);
  private readonly fPenFactor: number;
  private readonly grades: GradeFlags;
  /** Where a puncture's kernel can still touch the patch (InjuryScratch.deposit drops the rest). */
  private readonly reach: PunctureReach;
  // The state of the run: set by `freshRun()`, which the constructor and `startOver()` share, so a
  // start over cannot forget a field the constructor sets.
  private strokeRng!: FastRng;
  private hourNow!: number;
  private lastInjuryHour!: number;
  private sessionCount!: number;
  private passesInSession!: number;
  private open!: TreatmentSession | null;
  private pending!: SimulationEvent[];
  private redness!: RednessEpisodes;
  /** Injury since the last look at erythema: look before time moves on (the flare shows at once). */
  private erythemaStale!: boolean;
  /** Patch means of W, D, I and R now: with them, erythema has a closed form for every hour of a step. */
  private readonly eryMeans = { w: 0, d: 0, i: 0, r: 0 };
  /** Patch sums of the state at `sumsHour` (−1: none valid), so several looks in one hour cost one pass. */
  private readonly sums = zeroSums();
  private sumsHour!: number;
  /** Moments of a quiet patch for closed-form samples, taken at `momentsHour` (−1: none). */
  private readonly moments = zeroMoments();
  private momentsHour!: number;
  /** Passes of the session `applySession` is rolling, for the warnings; undefined for single passes and strokes. */
  private plannedPasses!: number | undefined;
  private tracker!: CourseWarnings;
  /** Integrator steps taken since construction (diagnostics and benchmarks). */
  stepCount = 0;

  constructor(readonly setup: SimulationSetup) {
    const base = setup.params ?? DEFAULT_PARAMS;
    const patient = setup.patient ?? TYPICAL_PATIENT;
    const effects = applyConditions(base, setup.conditions, setup.primed ?? false);
    this.params = effects.params;
    this.setupWarnings = effects.warnings;
    this.t0 = effects.t0;
    this.inflammationFactor = effects.inflammationFactor;
    this.bleedingFactor = effects.bleedingFactor;
    this.fPenFactor = patient.fPenFactor;
    this.logPunctures = setup.logPunctures ?? true;
    this.punctureLog = this.logPunctures ? new PunctureLog() : new PunctureLog(1);
    this.grid = makeGrid(setup.grid);
    this.anatomy = resolveAnatomy(this.params, setup.region, patient.dermisFactor);
    const precision = setup.precision ?? 'float32';
    this.fields = allocateFields(this.grid, precision);
    const phi = (this.params.phiByPhototype[setup.phototype - 1] ?? 1) * patient.phiFactor;
    this.dynamics = new Dynamics(
      this.grid,
      { params: this.params, phi, inflammationFactor: effects.inflammationFactor, s3Factor: patient.s3Factor, oedemaGain: this.anatomy.oedemaGain },
      precision,
    );
    this.scratch = new InjuryScratch(this.grid, this.params, this.anatomy);
    this.reach = punctureReach(this.params, this.grid.patchMm);
    this.grades = gradeFlags(setup.conditions);
    this.freshRun();
  }

  /** The course's warnings: every rule of docs/model.md §9 in one place; each new one also becomes an event. */
  get warnings(): CourseWarnings {
    return this.tracker;
  }

  private newTracker(): CourseWarnings {
    return new CourseWarnings(
      { region: this.setup.region, phototype: this.setup.phototype, conditionWarnings: this.setupWarnings, preexistingTelangiectasia: this.t0 },
      (warning) => this.pending.push({ type: 'warning', hour: warning.day === undefined ? this.hourNow : Math.round(warning.day * HOURS_PER_DAY), warning }),
    );
  }

  get hour(): number {
    return this.hourNow;
  }

  get day(): number {
    return this.hourNow / HOURS_PER_DAY;
  }

  get sessionsStarted(): number {
    return this.sessionCount;
  }

  /** "Start over": fresh skin, same setup and seed (the same strokes give the same punctures). */
  startOver(): void {
    this.freshRun();
  }

  /** Fresh skin and a fresh clock: everything a run changes, back to how the constructor leaves it. */
  private freshRun(): void {
    resetFields(this.fields, this.t0);
    this.scratch.reset();
    this.dynamics.rest();
    this.punctureLog.clear();
    this.strokeRng = new FastRng(this.setup.seed, 'punctures');
    this.hourNow = 0;
    this.lastInjuryHour = Number.NEGATIVE_INFINITY;
    this.sessionCount = 0;
    this.passesInSession = 0;
    this.open = null;
    this.pending = [];
    this.redness = new RednessEpisodes();
    this.erythemaStale = false;
    this.sumsHour = -1;
    this.momentsHour = -1;
    this.plannedPasses = undefined;
    this.tracker = this.newTracker();
  }

  /** Length of the step the clock would take next, hours (docs/model.md §8). */
  stepCapHours(): number {
    return nextStepHours(this.params, this.hourNow, this.lastInjuryHour, this.dynamics.quiet);
  }

  /**
   * Advances the clock to `targetHour` (an integer). With `exact`, the clock lands on the target;
   * without, it stops before a step that would overshoot it (at most one step short), which lets a
   * frame loop ask for fractional progress without changing the step sequence.
   */
  advanceTo(targetHour: number, exact = true): void {
    const target = Math.floor(targetHour);
    if (this.erythemaStale) this.trackErythema();
    while (this.hourNow < target) {
      let dt = this.stepCapHours();
      if (this.hourNow + dt > target) {
        if (!exact) break;
        while (this.hourNow + dt > target) dt = shorterStep(dt);
      }
      this.dynamics.step(this.fields, dt / HOURS_PER_DAY);
      this.sumsHour = -1;
      this.momentsHour = -1;
      this.stepCount++;
      this.followErythema(dt);
      this.hourNow += dt;
      this.closeSessionIfQuiet();
    }
  }

  advanceDays(days: number): void {
    this.advanceTo(this.hourNow + Math.round(days * HOURS_PER_DAY), true);
  }

  /** Rolls the drum along one straight stroke at the current time. Returns the punctures inside the patch. */
  applyStroke(stroke: Stroke): number {
    const inside = this.rollStroke(stroke);
    this.applyJumps();
    return inside;
  }

  /** Samples and deposits one stroke's punctures; the jumps follow in `applyJumps` (they depend only on the hour's totals). */
  private rollStroke(stroke: Stroke): number {
    this.beginInjury(stroke);
    const p = this.params;
    this.tracker.needleUsed(needleFacts(p, this.anatomy, this.day, stroke, this.fPenFactor));
    const buffer = this.punctures;
    buffer.clear();
    sampleStrokePunctures(p, stroke, this.fPenFactor, this.strokeRng, buffer, this.reach);
    this.scratch.deposit(buffer, this.hourNow);
    markCoverage(p, stroke, this.grid.cells, this.grid.pitchMm, this.fields.coverage);
    const patch = this.grid.patchMm;
    const anatomy = this.anatomy;
    const log = this.logPunctures;
    let inside = 0;
    for (let k = 0; k < buffer.count; k++) {
      const x = buffer.xMm[k]!;
      const y = buffer.yMm[k]!;
      if (x < 0 || y < 0 || x >= patch || y >= patch) continue;
      inside++;
      if (!log) continue;
      const depth = buffer.depthMm[k]!;
      this.punctureLog.push(x, y, depth, this.hourNow);
    }
    const s = this.open!;
    s.strokes++;
    s.punctures += inside;
    s.needleMm = Math.max(s.needleMm, stroke.needleMm);
    s.pressure = stroke.pressure;
    return inside;
  }

  /**
   * One pass of the drum over the whole patch (a few parallel strokes). The one pass policy of the
   * engine, used by the CLI and the app alike: the direction follows the pass's number within the
   * session (→, ↓, ←, ↑), counted here rather than by the caller, and the lanes start at an offset drawn
   * from the seeded puncture stream. The same seed therefore gives the same skin whether the passes
   * come from a scenario file or from a user pressing P, however fast. `passIndex` overrides the
   * direction (tests only).
   */
  applyPass(spec: PassSpec, passIndex?: number): number {
    const punctures = this.rollPass(spec, passIndex);
    this.applyJumps();
    return punctures;
  }

  /** One pass's strokes, deposited; the jumps wait for `applyJumps`. */
  private rollPass(spec: PassSpec, passIndex?: number): number {
    const opensSession = this.open === null || this.hourNow - this.lastInjuryHour >= this.params.sessionGapHours;
    const index = passIndex ?? (opensSession ? 0 : this.passesInSession);
    let total = 0;
    for (const stroke of passStrokes(this.grid, this.params, spec, index, this.strokeRng.uniform())) total += this.rollStroke(stroke);
    this.passesInSession = index + 1;
    return total;
  }

  /** Applies the jumps of this hour's strokes so far (the same bits however often it is called). */
  private applyJumps(): void {
    this.scratch.applyJumps(this.fields, this.hourNow, this.params);
    this.fieldsChanged();
  }

  /** Whole passes rolled by `applyPass` in the current session (0 when no session is open). */
  get passesThisSession(): number {
    return this.open === null ? 0 : this.passesInSession;
  }

  /**
   * A whole-patch session: `passes` passes in alternating directions (issue #3 §2), the same
   * punctures and the same bits as `passes` calls of `applyPass` at this hour, with the jumps applied
   * once at the end.
   */
  applySession(spec: PassSpec & { passes: number }): void {
    this.plannedPasses = spec.passes;
    try {
      for (let k = 0; k < spec.passes; k++) this.rollPass(spec);
    } finally {
      this.plannedPasses = undefined;
    }
    this.applyJumps();
  }

  /**
   * The fields changed outside the integrator (injury here; tests and tools that write `fields`
   * directly must call it too): the next step looks at every cell again, and patch means and the
   * erythema episodes are recomputed from the fields.
   */
  fieldsChanged(): void {
    this.dynamics.wake();
    this.sumsHour = -1;
    this.momentsHour = -1;
    this.erythemaStale = true;
  }

  /** Opens a new session if the last injury is at least the session gap ago. */
  private beginInjury(stroke: Stroke): void {
    if (this.open === null || this.hourNow - this.lastInjuryHour >= this.params.sessionGapHours) {
      this.closeSession();
      this.sessionCount++;
      this.passesInSession = 0;
      const integrityBefore = mean(this.fields.V);
      this.fields.coverage.fill(0);
      this.fields.sessionDensity.fill(0);
      this.open = {
        index: this.sessionCount,
        startHour: this.hourNow,
        endHour: this.hourNow,
        strokes: 0,
        punctures: 0,
        densityPerCm2: 0,
        meanPasses: 0,
        needleMm: stroke.needleMm,
        pressure: stroke.pressure,
        integrityBefore,
      };
      this.pending.push({
        type: 'session-start',
        index: this.sessionCount,
        hour: this.hourNow,
        integrityBefore,
        needleMm: stroke.needleMm,
        pressure: stroke.pressure,
      });
      this.tracker.sessionStarted({
        index: this.sessionCount,
        day: this.day,
        needleMm: stroke.needleMm,
        ...(this.plannedPasses === undefined ? {} : { passes: this.plannedPasses }),
        integrityBefore,
      });
    }
    this.lastInjuryHour = this.hourNow;
  }

  /** Last hour at which patch-mean erythema was visible (I + R > 0.15, docs/model.md §7); −Infinity if never. */
  get lastVisibleErythemaHour(): number {
    if (this.erythemaStale) this.trackErythema();
    return this.redness.lastVisibleHour;
  }

  /** Episodes of continuous visible redness so far (docs/model.md §7), the running one last. */
  rednessEpisodes(): RednessEpisode[] {
    if (this.erythemaStale) this.trackErythema();
    return this.redness.list();
  }

  /** Length of the longest redness episode so far, days. */
  get longestRednessDays(): number {
    if (this.erythemaStale) this.trackErythema();
    return this.redness.longestHours / HOURS_PER_DAY;
  }

  /** Looks at erythema now (after injuries): one pass for the patch means of W, D, I and R. */
  private trackErythema(): void {
    this.erythemaStale = false;
    const f = this.fields;
    const m = this.eryMeans;
    let w = 0;
    let d = 0;
    let inf = 0;
    let r = 0;
    for (let i = 0; i < f.I.length; i++) {
      w += f.W[i]!;
      d += f.D[i]!;
      inf += f.I[i]!;
      r += f.R[i]!;
    }
    const n = f.I.length;
    m.w = w / n;
    m.d = d / n;
    m.i = inf / n;
    m.r = r / n;
    this.observeErythema(this.hourNow, m.i + m.r);
  }

  /**
   * Follows patch-mean erythema hour by hour over a step of `dt` hours that starts now, from the
   * closed form of I and R (docs/model.md §7): W, D and R decay, I receives their exact transfer, and
   * lateral diffusion does not change the patch mean of I. The episodes therefore have hourly
   * resolution whatever the step length, and do not depend on how time was chunked.
   */
  private followErythema(dt: number): void {
    // Erythema never outlasts a week after the last injury (Chu 2021): nothing to follow after that.
    if (this.hourNow - this.lastInjuryHour > 7 * HOURS_PER_DAY) {
      this.redness.close();
      return;
    }
    const p = this.params;
    const m = this.eryMeans;
    const kIq = p.kI * this.inflammationFactor;
    const rW = 1 / p.tauW;
    const rD = 1 / p.tauD;
    const rI = 1 / p.tauI;
    for (let k = 1; k <= dt; k++) {
      const s = k / HOURS_PER_DAY;
      const inflammation = inflammationAfter(m.i, m.w, m.d, kIq, p.aW, Math.exp(-rI * s), cascadeTransfer(rW, rI, s), cascadeTransfer(rD, rI, s));
      this.observeErythema(this.hourNow + k, inflammation + m.r * Math.exp(-s / p.tauR));
    }
    // The whole step: the closed forms the integrator has just used (docs/model.md §8).
    const c = this.dynamics.weights(dt / HOURS_PER_DAY);
    m.i = inflammationAfter(m.i, m.w, m.d, kIq, p.aW, c.eI, c.wToI, c.dToI);
    m.w *= c.eW;
    m.d *= c.eD;
    m.r *= c.eR;
  }

  private observeErythema(hour: number, erythema: number): void {
    this.redness.observe(hour, erythema > VISIBLE.erythema);
    this.tracker.observeRedness(this.redness.longestHours / HOURS_PER_DAY);
  }

  private closeSessionIfQuiet(): void {
    if (this.open !== null && this.hourNow - this.lastInjuryHour >= this.params.sessionGapHours) this.closeSession();
  }

  private closeSession(): void {
    const s = this.open;
    if (s === null) return;
    s.endHour = this.lastInjuryHour;
    s.meanPasses = mean(this.fields.coverage);
    s.densityPerCm2 = s.punctures / (this.grid.patchMm / 10) ** 2;
    this.open = null;
    this.pending.push({ type: 'session-end', summary: s });
    this.tracker.sessionEnded({ index: s.index, day: s.endHour / HOURS_PER_DAY, meanPasses: s.meanPasses });
  }

  /** The session in progress (strokes within the session gap), if any; a copy. */
  currentSession(): TreatmentSession | null {
    if (this.open === null) return null;
    return {
      ...this.open,
      meanPasses: mean(this.fields.coverage),
      densityPerCm2: this.open.punctures / (this.grid.patchMm / 10) ** 2,
    };
  }

  /** Hands over and forgets the events since the last call. */
  drainEvents(): SimulationEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  means(out: SeriesValues = zeroSeries()): SeriesValues {
    if (this.sumsHour !== this.hourNow) {
      patchSums(this.fields, this.params, this.sums, !this.dynamics.inflamed);
      this.sumsHour = this.hourNow;
    }
    return meansFromSums(this.sums, this.grid.count, this.params, out, this.grades);
  }

  /**
   * Patch means at `hour` (≥ now) for a caller that samples: time advances to the last step boundary
   * at or before `hour` without splitting a step; if that is short of `hour`, a quiet, mature patch
   * (docs/model.md §8) gives its exact means there in closed form, and any other patch advances
   * exactly (an exact stop, i.e. an event). The means are shown to the warnings as by `observeMeans`.
   */
  sampleMeans(hour: number, out: SeriesValues = zeroSeries()): SeriesValues {
    const target = Math.floor(hour);
    this.advanceTo(target, false);
    if (this.hourNow < target && this.dynamics.quiet && this.params.fixedStepHours === 0) {
      if (this.momentsHour !== this.hourNow) {
        quietMoments(this.fields, this.moments);
        this.momentsHour = this.hourNow;
      }
      if (this.moments.mature) {
        quietMeans(this.moments, this.grid.count, this.dynamics.quietWeights((target - this.hourNow) / HOURS_PER_DAY), this.params, out, this.grades);
        this.tracker.observeMeans(out);
        return out;
      }
    }
    this.advanceTo(target, true);
    return this.observeMeans(out);
  }

  /** Patch means, also shown to the course's warnings (visible telangiectasia and pigment, docs/model.md §9). */
  observeMeans(out: SeriesValues = zeroSeries()): SeriesValues {
    this.means(out);
    this.tracker.observeMeans(out);
    return out;
  }

  inspect(ix: number, iy: number): CellReport {
    const cells = this.grid.cells;
    const x = Math.min(cells - 1, Math.max(0, Math.floor(ix)));
    const y = Math.min(cells - 1, Math.max(0, Math.floor(iy)));
    const i = y * cells + x;
    const state = {} as Record<StateField, number>;
    for (const name of STATE_FIELDS) state[name] = this.fields[name][i]!;
    const outputs = cellOutputs(this.fields, i, this.params, zeroSeries(), this.grades);
    return {
      ix: x,
      iy: y,
      xMm: (x + 0.5) * this.grid.pitchMm,
      yMm: (y + 0.5) * this.grid.pitchMm,
      state,
      outputs,
      passes: this.fields.coverage[i]!,
      sessionDensityPerCm2: this.fields.sessionDensity[i]!,
    };
  }
}

/**
 * Where a puncture can still touch the patch, whatever the grid: a puncture's kernel window reaches
 * r·pitch < 3σ_inj + pitch beyond it (r = ⌈3σ_inj/pitch⌉, InjuryScratch.radiusCells), and the pitch is
 * at most patch/GRID_CELLS_MIN. Not depending on the grid keeps the punctures of a seed the same on
 * every grid (a cohort's 32² and the app's 160² see the same needles).
 */
export function punctureReach(params: ModelParams, patchMm: number): PunctureReach {
  const reachMm = 3 * params.injurySigmaMm + patchMm / GRID_CELLS_MIN;
  return { loMm: -reachMm, hiMm: patchMm + reachMm };
}

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return a.length > 0 ? s / a.length : 0;
}
