import { INTERACTIVE_PARAMS } from './interactiveParams';
import {
  penetrationMm,
  SkinSimulation,
  StrokeSchema,
  type CellReport,
  type ModelParams,
  type ModelWarning,
  type SeriesValues,
  type TreatmentSession,
  type SimulationEvent,
  type Stroke,
  sessionBlocked,
  TYPICAL_PATIENT,
  HOURS_PER_DAY,
} from '../engine/index';
import type { CrossSectionInput } from '../shading/index';
import { ChartSampler, SAMPLE_EVERY_HOURS, type ChartSamples } from './ChartSampler';
import { crossDepthMm, crossSectionSlice } from './crossSectionSlice';
import { flattenStrokes, quantise, quantiseStroke, unflattenStrokes } from './quantise';
import { MAX_HOUR, MAX_LOG_OPS, type LogOp, type Setup } from './schemas';
import { SessionLog, type LogDelta } from './SessionLog';
import { stateHash } from './stateHash';

/** What the UI needs to know about a patch once, when it is set up. */
export interface SetupInfo {
  cells: number;
  patchMm: number;
  pitchMm: number;
  texturePx: number;
  anatomy: { epidermisMm: number; capillaryLoopsMm: number; plexusMm: number; dermisMm: number };
  /**
   * The model parameters after the condition hooks: the UI takes the drum size from here and the
   * needle reach from the engine's penetrationMm with these, never from copies of its own.
   */
  params: ModelParams;
  /** The setup's own warnings (conditions); every warning of the session is in the snapshot. */
  warnings: ModelWarning[];
  blocked: boolean;
  bleedingFactor: number;
  /** Depth shown by the cross-section, mm: the whole dermis and a little fat below it. */
  crossDepthMm: number;
  /** Patch means of the untreated skin (day 0): what a condition brings along before any session. */
  baseline: SeriesValues;
}

/** Everything the UI shows about the session at one moment (handed over with each frame). */
export interface SessionSnapshot {
  hour: number;
  means: SeriesValues;
  /** The session in progress (within the session gap of the last injury), with its mean coverage passes. */
  current: TreatmentSession | null;
  /** Whole passes rolled by "Roll one pass" / P in the session in progress; 0 when none is open. */
  passesThisSession: number;
  sessionsStarted: number;
  /** Sessions that ended, in order. */
  sessions: TreatmentSession[];
  /** Every warning so far, one per code, first occurrence first. */
  warnings: ModelWarning[];
  /**
   * `sessions` or `warnings` may differ from the last snapshot's (they only change on events and on a
   * new skin, Start over, Undo); false: both are as they were, and the UI need not look at them.
   */
  listsChanged: boolean;
  /** Warnings added since the last snapshot (to announce), none after a replay. */
  newWarnings: ModelWarning[];
  /** Engine events since the last snapshot (to announce), none after a replay. */
  events: SimulationEvent[];
  /** Chart points since the last snapshot; a new epoch replaces the chart's history. */
  samples: ChartSamples;
  /** Undo would take something back now. */
  canUndo: boolean;
  logLength: number;
}

/** The answer to an injury or an advance. */
export interface OpResult {
  accepted: boolean;
  /** Why an injury was refused (for the user). */
  reason?: string;
  punctures: number;
  hour: number;
  /** Whole passes rolled by applyPass in the session in progress (for "Pass 3 rolled"). */
  passesThisSession: number;
  log: LogDelta;
}

/** Error whose message is meant for the user (names what is wrong). */
export class SessionError extends Error {
  override name = 'SessionError';
}

/**
 * Real depth of the needle tip for a needle and pressure, mm: the engine's penetrationMm
 * (docs/model.md §3) without the needle-to-needle jitter, for the typical patient the interactive
 * session simulates (f_pen factor 1). The one place the UI's tip line and its description get the number from.
 */
export function needleTipMm(params: ModelParams, needleMm: number, pressure: number): number {
  return penetrationMm(params, needleMm, pressure, TYPICAL_PATIENT.fPenFactor, 0);
}

const BLOCKED_REASON = 'A contraindication blocks the session; tick the override to simulate it anyway.';
const LOG_FULL_REASON =
  `This session's record is full: a saved session replays at most ${MAX_LOG_OPS} recorded steps, with room kept for stepping the clock. ` +
  'Everything rolled so far is kept; start over to keep rolling.';
/** Events kept for the UI between snapshots; older ones are dropped (only announcements use them). */
const MAX_PENDING_EVENTS = 200;
/** Warnings whose message the engine rewrites with the run's peak (CourseWarnings.list). */
const PEAK_QUOTING_CODES: ReadonlySet<string> = new Set(['prolonged-erythema', 'telangiectasia-visible', 'pih-visible']);

/**
 * The interactive session's rules, pure and Node-tested (no DOM, no worker): one SkinSimulation, the
 * log that replays it exactly, the quantisation of what the user did, the chart's sampling, the
 * sessions and warnings seen so far, Undo, and the cross-section slice. The worker only adapts it.
 *
 * Exactness: every operation that changes the state is logged (injuries, exact advances that move the
 * clock); non-exact advances (frames while playing) never change the engine's step sequence, so
 * replaying the log and advancing to the same hour rebuilds every bit of the state.
 */
export class InteractiveSession {
  private sim!: SkinSimulation;
  private log = new SessionLog();
  private sampler = new ChartSampler();
  /**
   * Every model warning so far, first occurrence first, stamped with its day. The engine's warnings
   * (src/engine/warnings.ts) give each code once per simulation and reach the session as events.
   */
  private warnings: ModelWarning[] = [];
  /** The warnings' text in the last snapshot: a message that grew (a longer redness episode) is a change to show. */
  private lastWording = '';
  private sessions: TreatmentSession[] = [];
  private events: SimulationEvent[] = [];
  private newWarnings: ModelWarning[] = [];
  /** `sessions` or `warnings` changed since the last snapshot. */
  private listsChanged = true;
  private baseline!: SeriesValues;
  /** The patch means of the state now (null: the state changed since they were taken). */
  private meansNow: SeriesValues | null = null;
  /** The chart already has a point of the state now (an injury's "before" point would repeat it). */
  private sampled = false;

  private constructor(
    readonly setup: Setup,
    private readonly maxLogOps: number,
  ) {
    this.rebuild();
  }

  /** A fresh patch for `setup` (`limits.maxLogOps`: tests of the full log only; default MAX_LOG_OPS). */
  static create(setup: Setup, limits: { maxLogOps?: number } = {}): InteractiveSession {
    return new InteractiveSession(setup, limits.maxLogOps ?? MAX_LOG_OPS);
  }

  /**
   * Rebuilds a session exactly: the setup, every logged operation (parsed by the caller with
   * LogSchema), then the clock (not exact, as the frames left it). Injuries in the log are replayed
   * even on a blocked setup: they are history, not new input.
   */
  static replay(setup: Setup, ops: readonly LogOp[], hour: number): InteractiveSession {
    const s = new InteractiveSession(setup, MAX_LOG_OPS);
    s.replayOps(ops, hour);
    return s;
  }

  get simulation(): SkinSimulation {
    return this.sim;
  }

  get hour(): number {
    return this.sim.hour;
  }

  get blocked(): boolean {
    return sessionBlocked(this.setup.skin.conditions, this.setup.override);
  }

  get ops(): readonly LogOp[] {
    return this.log.ops;
  }

  info(): SetupInfo {
    const s = this.sim;
    return {
      cells: s.grid.cells,
      patchMm: s.grid.patchMm,
      pitchMm: s.grid.pitchMm,
      texturePx: this.setup.texturePx,
      anatomy: {
        epidermisMm: s.anatomy.epidermisMm,
        capillaryLoopsMm: s.anatomy.capillaryLoopsMm,
        plexusMm: s.anatomy.plexusMm,
        dermisMm: s.anatomy.dermisMm,
      },
      params: s.params,
      warnings: [...s.setupWarnings],
      blocked: this.blocked,
      bleedingFactor: s.bleedingFactor,
      crossDepthMm: crossDepthMm(s.anatomy),
      baseline: { ...this.baseline },
    };
  }

  /** "Start over": fresh skin, same setup; the log and the history start again. */
  startOver(): void {
    this.rebuild();
  }

  /** Roller strokes at `atHour` (the engine is first brought exactly there). */
  applyStrokes(atHour: number, strokes: readonly Stroke[], gesture?: number): OpResult {
    const refusal = this.refusal();
    if (refusal) return refusal;
    const before = this.log.length;
    const q = strokes.map(quantiseStroke);
    const punctures = this.injure(atHour, () => this.applyEach(q));
    const gathered = this.log.append({ op: 'strokes', hour: this.sim.hour, flat: flattenStrokes(q), ...(gesture !== undefined ? { gesture } : {}) });
    // A batch gathered into the drag's last operation hands that operation back in full (the mirror replaces it).
    return this.result(true, punctures, gathered ? before - 1 : before);
  }

  /** One whole-patch pass at `atHour`, through the engine's own pass policy (as the CLI rolls them). */
  applyPass(atHour: number, needleMm: number, pressure: number): OpResult {
    const refusal = this.refusal();
    if (refusal) return refusal;
    const before = this.log.length;
    const spec = { needleMm: quantise(needleMm), pressure: quantise(pressure) };
    const punctures = this.injure(atHour, () => this.sim.applyPass(spec));
    this.log.append({ op: 'pass', hour: this.sim.hour, ...spec });
    return this.result(true, punctures, before);
  }

  /**
   * Advances the clock. Exact (Step, Pause): lands on `toHour` and is logged. Not exact (frames while
   * playing): stops before a step that would overshoot and is not logged, since it cannot change the
   * step sequence.
   */
  advance(toHour: number, exact: boolean): OpResult {
    const before = this.log.length;
    const from = this.sim.hour;
    this.advanceTo(toHour, exact);
    if (exact && this.sim.hour !== from) this.log.append({ op: 'advance', hour: this.sim.hour });
    return this.result(true, 0, before);
  }

  /** Undo is possible while the log ends with an injury at the engine's current hour. */
  canUndo(): boolean {
    return this.log.undoStart(this.sim.hour) !== null;
  }

  /**
   * Takes back the last pass or drag while time has not moved on: the session is rebuilt from the log
   * without it and brought back to the same hour, so the state is exactly as if it never happened
   * (the seeded puncture stream included).
   */
  undo(): { undone: boolean; reason?: string; hour: number; log: LogDelta } {
    const hour = this.sim.hour;
    const start = this.log.undoStart(hour);
    if (start === null) {
      const reason = this.log.length === 0 ? 'Nothing to undo.' : 'Nothing to undo: time has moved on since the last pass or stroke.';
      return { undone: false, reason, hour, log: this.log.since(this.log.length) };
    }
    const keep = this.log.ops.slice(0, start);
    this.rebuild();
    this.replayOps(keep, hour);
    return { undone: true, hour: this.sim.hour, log: this.log.since(this.log.length) };
  }

  /** Everything the UI shows now; hands over the events, new warnings and chart points since the last call. */
  snapshot(): SessionSnapshot {
    const means = { ...this.means() };
    this.observe(means);
    const events = this.events;
    const newWarnings = this.newWarnings;
    const warnings = this.currentWarnings();
    const wording = warnings.map((w) => w.message).join('\n');
    const listsChanged = this.listsChanged || wording !== this.lastWording;
    this.lastWording = wording;
    this.events = [];
    this.newWarnings = [];
    this.listsChanged = false;
    return {
      hour: this.sim.hour,
      means,
      current: this.sim.currentSession(),
      passesThisSession: this.sim.passesThisSession,
      sessionsStarted: this.sim.sessionsStarted,
      sessions: [...this.sessions],
      warnings,
      listsChanged,
      newWarnings,
      events,
      samples: this.sampler.drain(),
      canUndo: this.canUndo(),
      logLength: this.log.length,
    };
  }

  /**
   * The depth view along `row`; with the needle and pressure chosen now, the tip depth it draws
   * (needleTipMm: the engine's own penetration rule, see needleTipMm).
   */
  crossSection(row: number, needle?: { needleMm: number; pressure: number }): CrossSectionInput {
    const slice = crossSectionSlice(this.sim, row, this.setup.skin.phototype);
    return needle === undefined ? slice : { ...slice, needleTipMm: needleTipMm(this.sim.params, needle.needleMm, needle.pressure) };
  }

  inspect(ix: number, iy: number): CellReport {
    return this.sim.inspect(ix, iy);
  }

  /** Hash of the skin's state (tests, crash-recovery checks). */
  stateHash(): string {
    return stateHash(this.sim.fields);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private rebuild(): void {
    const s = this.setup;
    this.sim = new SkinSimulation({
      seed: s.seed,
      region: s.skin.region,
      phototype: s.skin.phototype,
      conditions: s.skin.conditions,
      primed: s.skin.primed ?? false,
      grid: { cells: s.gridCells },
      params: INTERACTIVE_PARAMS,
    });
    this.stateChanged();
    this.baseline = this.sim.means();
    this.log = new SessionLog();
    this.sampler.restart();
    this.warnings = [];
    this.sessions = [];
    this.listsChanged = true;
    // The setup's warnings (conditions, phototype) arrive as the engine's first events: listed, not announced.
    this.collectEvents();
    this.events = [];
    this.newWarnings = [];
    this.sampler.push(0, this.baseline);
    this.sampled = true;
  }

  private replayOps(ops: readonly LogOp[], hour: number): void {
    ops.forEach((op, k) => {
      if (op.hour < this.sim.hour) throw new SessionError(`saved session: ops[${k}]: hour ${op.hour} is before the hour the log had reached (${this.sim.hour})`);
      if (op.op === 'advance') {
        this.advanceTo(op.hour, true);
        this.log.push(op);
        return;
      }
      if (op.op === 'pass') {
        this.injure(op.hour, () => this.sim.applyPass({ needleMm: op.needleMm, pressure: op.pressure }));
      } else {
        const strokes = unflattenStrokes(op.flat);
        if (strokes === null) throw new SessionError(`saved session: ops[${k}]: a stroke record is truncated`);
        if (!strokes.every((st) => StrokeSchema.safeParse(st).success)) throw new SessionError(`saved session: ops[${k}]: a stroke is out of range`);
        this.injure(op.hour, () => this.applyEach(strokes));
      }
      // As given: a replayed log stays operation for operation the log the caller holds (its mirror).
      this.log.push(op);
    });
    this.advanceTo(hour, false);
    // The history was already seen: the first snapshot lists it but announces nothing.
    this.events = [];
    this.newWarnings = [];
  }

  /** Why a new injury is refused now (a blocking contraindication, a full log), as the answer; null if it is not. */
  private refusal(): OpResult | null {
    const reason = this.blocked ? BLOCKED_REASON : this.logFull() ? LOG_FULL_REASON : null;
    return reason === null ? null : { ...this.result(false, 0, this.log.length), reason };
  }

  /**
   * An injury at `hour`: the engine brought exactly there, the chart's point before it, the injury
   * (`apply`, returning its punctures), then its events and the point after it. The caller logs it.
   */
  private injure(hour: number, apply: () => number): number {
    this.bringTo(hour);
    this.sampleNow();
    const punctures = apply();
    this.afterInjury();
    return punctures;
  }

  private applyEach(strokes: readonly Stroke[]): number {
    let punctures = 0;
    for (const st of strokes) punctures += this.sim.applyStroke(st);
    return punctures;
  }

  /**
   * The log must stay replayable: a saved session holds at most `maxLogOps` operations (the saved
   * state's and the worker's schema refuse more). Every exact advance moves the clock by an hour or
   * more, so at most MAX_HOUR − hour advances can still come: an injury (up to two operations: the
   * advance that brings the engine to its hour, and itself) is refused once it would eat into their room.
   */
  private logFull(): boolean {
    return this.log.length + 2 > this.maxLogOps - (MAX_HOUR - this.sim.hour);
  }

  private result(accepted: boolean, punctures: number, logBefore: number): OpResult {
    return { accepted, punctures, hour: this.sim.hour, passesThisSession: this.sim.passesThisSession, log: this.log.since(logBefore) };
  }

  /** Brings the engine exactly to `atHour` before an injury (logged, so a replay lands there too). */
  private bringTo(atHour: number): void {
    if (atHour <= this.sim.hour) return;
    this.advanceTo(atHour, true);
    this.log.append({ op: 'advance', hour: this.sim.hour });
  }

  /**
   * Advances in sample-sized, non-exact chunks, then (if `exact`) lands on the hour. A chunk that
   * cannot move (the next step is longer than the sampling interval: 24-h steps far from any injury)
   * is widened, first to a day, then to the whole way; the engine picks its steps from the events
   * alone, so how the way is chunked never changes the state.
   */
  private advanceTo(toHour: number, exact: boolean): void {
    const s = this.sim;
    while (s.hour < toHour) {
      const before = s.hour;
      for (const target of [Math.floor(before / SAMPLE_EVERY_HOURS) * SAMPLE_EVERY_HOURS + SAMPLE_EVERY_HOURS, before + HOURS_PER_DAY, toHour]) {
        s.advanceTo(Math.min(toHour, target), false);
        if (s.hour !== before) break;
      }
      if (s.hour === before) break;
      this.afterTime();
    }
    if (exact && s.hour < toHour) {
      s.advanceTo(toHour, true);
      this.afterTime();
    }
  }

  private afterTime(): void {
    this.stateChanged();
    this.collectEvents();
    if (this.sampler.due(this.sim.hour)) {
      const m = this.means();
      this.sampler.push(this.sim.hour, m);
      this.sampled = true;
      this.observe(m);
    }
  }

  private afterInjury(): void {
    this.stateChanged();
    this.collectEvents();
    this.sampleNow();
  }

  /** A forced chart point now (before and after an injury). */
  private sampleNow(): void {
    // The batches of a drag come one after another at one hour: the point after one is the point
    // before the next. Skipping it changes nothing drawn (the chart keeps two points per time) and
    // spares a pass over the grid per batch.
    if (this.sampled) return;
    const m = this.means();
    this.sampler.push(this.sim.hour, m);
    this.sampled = true;
    this.observe(m);
  }

  /** Patch means of the state now, taken once per state (a pass over every cell). */
  private means(): SeriesValues {
    return (this.meansNow ??= this.sim.means());
  }

  /** The engine's state changed (time, an injury, a new skin): means and chart point are due again. */
  private stateChanged(): void {
    this.meansNow = null;
    this.sampled = false;
  }

  /** Shows patch means to the engine's warnings (visible effects); the warnings they raise arrive as events. */
  private observe(m: SeriesValues): void {
    this.sim.warnings.observeMeans(m);
    this.collectEvents();
  }

  /**
   * The warnings so far, those that quote a peak in the engine's wording of now (issue 19): the redness
   * warning is raised when the episode passes 3 days and said "visible for 3.0 days" for the rest of a
   * daily course that kept the skin red for 16; the engine's list quotes the longest episode so far.
   */
  private currentWarnings(): ModelWarning[] {
    const latest = new Map(
      this.sim.warnings
        .list()
        .filter((w) => PEAK_QUOTING_CODES.has(w.code))
        .map((w) => [w.code, w.message] as const),
    );
    return this.warnings.map((w) => {
      const message = latest.get(w.code);
      return message !== undefined && message !== w.message ? { ...w, message } : w;
    });
  }

  private collectEvents(): void {
    for (const ev of this.sim.drainEvents()) {
      if (ev.type === 'session-end') {
        this.sessions.push(ev.summary);
        this.listsChanged = true;
      } else if (ev.type === 'warning') {
        const stamped = { ...ev.warning, day: ev.hour / HOURS_PER_DAY };
        this.warnings.push(stamped);
        this.newWarnings.push(stamped);
        this.listsChanged = true;
      }
      this.events.push(ev);
    }
    if (this.events.length > MAX_PENDING_EVENTS) this.events.splice(0, this.events.length - MAX_PENDING_EVENTS);
  }
}
