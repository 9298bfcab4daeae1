import { transfer } from 'comlink';
import type { z } from 'zod';
import {
  BLOCKING_CONDITIONS,
  formatIssues,
  passStrokes,
  SkinSimulation,
  type CellReport,
  type ModelWarning,
  type SeriesValues,
  type SessionSummary,
  type SimulationEvent,
  type Stroke,
} from '../src/engine/index';
import { shadeCrossSection, type CrossSectionInput } from '../src/shading/crossSection';
import { shadeFieldsFromEngine } from '../src/shading/fromEngine';
import { shadeSkin } from '../src/shading/shadeSkin';
import { makeSkinTexture, type SkinTexture } from '../src/shading/skinTexture';
import type { ShadeFields } from '../src/shading/types';
import {
  AdvanceSchema,
  FrameRequestSchema,
  InspectSchema,
  LogOpSchema,
  PassSchema,
  ReplaySchema,
  SetupSchema,
  StrokeBatchSchema,
  type LogOp,
  type Setup,
} from './messages';

/** Series the live chart plots, recorded at most every 6 simulated hours. */
export const CHART_SERIES = ['collagenGain', 'erythema', 'capillaryIntegrity', 'edema', 'telangiectasia'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];
const SAMPLE_EVERY_HOURS = 6;

export interface ChartSamples {
  hours: number[];
  values: Record<ChartSeries, number[]>;
}

export interface SetupInfo {
  cells: number;
  patchMm: number;
  pitchMm: number;
  texturePx: number;
  anatomy: { epidermisMm: number; capillaryLoopsMm: number; plexusMm: number; dermisMm: number };
  warnings: ModelWarning[];
  blocked: boolean;
  bleedingFactor: number;
  /** Depth shown by the cross-section, mm: the whole dermis and a little fat below it. */
  crossDepthMm: number;
}

/** The depth view reaches 0.5 mm below the dermis, so a 3 mm needle's 1.5 mm channel still fits on the cheek. */
export function crossDepthMm(a: { epidermisMm: number; dermisMm: number }): number {
  return Math.round((a.epidermisMm + a.dermisMm + 0.5) * 100) / 100;
}

export interface FrameResult {
  hour: number;
  pixels: Uint8Array;
  crossSection: Uint8Array | null;
  means: SeriesValues;
  session: SessionSummary | null;
  sessionsStarted: number;
  events: SimulationEvent[];
  samples: ChartSamples;
  /** Time the worker spent on this frame (advance + shading), ms, for the benchmarks. */
  workerMs: number;
}

export interface StrokeResult {
  accepted: boolean;
  reason?: string;
  punctures: number;
  hour: number;
}

/** Error whose message is meant for the user (names the field and the allowed range). */
export class MessageError extends Error {
  override name = 'MessageError';
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new MessageError(`${what}: ${formatIssues(result.error).join('; ')}`);
  return result.data;
}

/**
 * Stroke values are quantised to 0.01 (10 µm) before the engine sees them, so the log replays exactly.
 * Dividing by 100 gives the double nearest the decimal, the same value JSON gives back.
 */
function quantise(x: number): number {
  return Math.round(x * 100) / 100;
}

function quantiseStroke(st: Stroke): Stroke {
  return {
    x0Mm: quantise(st.x0Mm),
    y0Mm: quantise(st.y0Mm),
    x1Mm: quantise(st.x1Mm),
    y1Mm: quantise(st.y1Mm),
    needleMm: quantise(st.needleMm),
    pressure: quantise(st.pressure),
    trackOffsetMm: quantise(st.trackOffsetMm),
  };
}

function flattenStrokes(strokes: readonly Stroke[]): number[] {
  const flat: number[] = [];
  for (const s of strokes) flat.push(s.x0Mm, s.y0Mm, s.x1Mm, s.y1Mm, s.needleMm, s.pressure, s.trackOffsetMm);
  return flat;
}

function unflattenStrokes(flat: readonly number[]): Stroke[] {
  const strokes: Stroke[] = [];
  for (let k = 0; k + 6 < flat.length; k += 7) {
    strokes.push({
      x0Mm: flat[k]!,
      y0Mm: flat[k + 1]!,
      x1Mm: flat[k + 2]!,
      y1Mm: flat[k + 3]!,
      needleMm: flat[k + 4]!,
      pressure: flat[k + 5]!,
      trackOffsetMm: flat[k + 6]!,
    });
  }
  return strokes;
}

/**
 * The engine as seen from the UI: a thin adapter that parses every message with zod, drives one
 * SkinSimulation, records the operations for exact replay, and shades frames into transferred buffers.
 * Lives outside the worker file so Node tests can drive it over a MessageChannel.
 */
export function createEngineApi() {
  let setup: Setup | null = null;
  let sim: SkinSimulation | null = null;
  let texture: SkinTexture | null = null;
  let log: LogOp[] = [];
  let samples: ChartSamples = emptySamples();
  let lastSampleHour = Number.NEGATIVE_INFINITY;
  let baselineFields: ShadeFields | null = null;

  const requireSim = (): SkinSimulation => {
    if (sim === null) throw new MessageError('the engine has no setup yet: call init first');
    return sim;
  };

  const isBlocked = (s: Setup): boolean => !s.override && s.skin.conditions.some((c) => BLOCKING_CONDITIONS.includes(c as never));

  /** The answer to any injury while a blocking contraindication is not overridden. */
  const blocked = (s: SkinSimulation): StrokeResult => ({
    accepted: false,
    reason: 'A contraindication blocks the session; tick the override to simulate it anyway.',
    punctures: 0,
    hour: s.hour,
  });

  const record = (force = false): void => {
    const s = requireSim();
    if (!force && s.hour - lastSampleHour < SAMPLE_EVERY_HOURS) return;
    if (s.hour === lastSampleHour) return;
    const m = s.means();
    samples.hours.push(s.hour);
    for (const name of CHART_SERIES) samples.values[name].push(m[name]);
    lastSampleHour = s.hour;
  };

  /** Advances in sample-sized, non-exact chunks (prefix-safe: never changes the step sequence). */
  const advance = (toHour: number, exact: boolean): void => {
    const s = requireSim();
    while (s.hour < toHour) {
      const before = s.hour;
      const next = Math.min(toHour, (Math.floor(s.hour / SAMPLE_EVERY_HOURS) + 1) * SAMPLE_EVERY_HOURS);
      s.advanceTo(next, false);
      record();
      if (s.hour === before) break;
    }
    if (exact && s.hour < toHour) {
      s.advanceTo(toHour, true);
      record();
    }
  };

  const applyStrokes = (atHour: number, strokes: Stroke[]): number => {
    const s = requireSim();
    if (atHour > s.hour) {
      advance(atHour, true);
      log.push({ op: 'advance', hour: s.hour });
    }
    let punctures = 0;
    for (const stroke of strokes) punctures += s.applyStroke(stroke);
    log.push({ op: 'strokes', hour: s.hour, flat: flattenStrokes(strokes) });
    record(true);
    return punctures;
  };

  const build = (next: Setup): SetupInfo => {
    setup = next;
    sim = new SkinSimulation({
      seed: next.seed,
      region: next.skin.region,
      phototype: next.skin.phototype,
      conditions: next.skin.conditions,
      primed: next.skin.primed ?? false,
      grid: { cells: next.gridCells },
    });
    texture = makeSkinTexture({
      seed: next.seed,
      sizePx: next.texturePx,
      patchMm: sim.grid.patchMm,
      conditions: next.skin.conditions,
      region: next.skin.region,
    });
    baselineFields = null;
    log = [];
    samples = emptySamples();
    lastSampleHour = Number.NEGATIVE_INFINITY;
    record(true);
    return info();
  };

  const info = (): SetupInfo => {
    const s = requireSim();
    return {
      cells: s.grid.cells,
      patchMm: s.grid.patchMm,
      pitchMm: s.grid.pitchMm,
      texturePx: setup!.texturePx,
      anatomy: {
        epidermisMm: s.anatomy.epidermisMm,
        capillaryLoopsMm: s.anatomy.capillaryLoopsMm,
        plexusMm: s.anatomy.plexusMm,
        dermisMm: s.anatomy.dermisMm,
      },
      warnings: [...s.setupWarnings],
      blocked: isBlocked(setup!),
      bleedingFactor: s.bleedingFactor,
      crossDepthMm: crossDepthMm(s.anatomy),
    };
  };

  const crossSectionInput = (s: SkinSimulation, row: number): CrossSectionInput => {
    const n = s.grid.cells;
    const r = Math.min(n - 1, row);
    const slice = (a: ArrayLike<number>): Float32Array => Float32Array.from({ length: n }, (_, x) => a[r * n + x]!);
    const f = s.fields;
    const yMm = (r + 0.5) * s.grid.pitchMm;
    const log = s.punctureLog;
    const xs: number[] = [];
    const depths: number[] = [];
    const hours: number[] = [];
    const bleeding: number[] = [];
    // Punctures within ±0.5 mm of the cut, newest first, from the last three days.
    for (let k = 0; k < log.size; k++) {
      const i = log.recent(k);
      if (s.hour - log.hour[i]! > 72) break;
      if (Math.abs(log.yMm[i]! - yMm) > 0.5) continue;
      xs.push(log.xMm[i]!);
      depths.push(log.depthMm[i]!);
      hours.push(log.hour[i]!);
      bleeding.push(log.bleeding[i]!);
    }
    return {
      anatomy: s.anatomy,
      phototype: setup!.skin.phototype,
      hour: s.hour,
      depthRangeMm: crossDepthMm(s.anatomy),
      patchMm: s.grid.patchMm,
      columns: {
        C3: slice(f.C3),
        C1: slice(f.C1),
        Ep: slice(f.Ep),
        I: slice(f.I),
        E: slice(f.E),
        V: slice(f.V),
        T: slice(f.T),
        W: slice(f.W),
      },
      punctures: {
        xMm: Float32Array.from(xs),
        depthMm: Float32Array.from(depths),
        hour: Float64Array.from(hours),
        bleeding: Float32Array.from(bleeding),
        count: xs.length,
      },
    };
  };

  return {
    /** Starts a fresh patch for a setup. */
    init(input: unknown): SetupInfo {
      return build(parse(SetupSchema, input, 'setup'));
    },

    /** "Start over": same setup, fresh skin. */
    startOver(): SetupInfo {
      const s = requireSim();
      s.startOver();
      log = [];
      samples = emptySamples();
      lastSampleHour = Number.NEGATIVE_INFINITY;
      record(true);
      return info();
    },

    /** Rebuilds a saved session exactly: the setup, every logged operation, then the clock. */
    replay(input: unknown): SetupInfo {
      const r = parse(ReplaySchema, input, 'saved session');
      build(r.setup);
      for (const op of r.ops) {
        if (op.op === 'advance') {
          advance(op.hour, true);
          log.push(op);
        } else {
          if (op.flat.length % 7 !== 0) throw new MessageError('saved session: a stroke record is truncated');
          const strokes = unflattenStrokes(op.flat);
          for (const st of strokes) parse(StrokeBatchSchema.shape.strokes.element, st, 'saved stroke');
          applyStrokes(op.hour, strokes);
        }
      }
      advance(r.hour, false);
      return info();
    },

    applyStrokes(input: unknown): StrokeResult {
      const batch = parse(StrokeBatchSchema, input, 'strokes');
      const s = requireSim();
      if (isBlocked(setup!)) return blocked(s);
      const strokes = batch.strokes.map(quantiseStroke);
      const punctures = applyStrokes(Math.max(batch.atHour, s.hour), strokes);
      return { accepted: true, punctures, hour: s.hour };
    },

    /** One full pass over the patch (keyboard and "Roll one pass" button), logged as its strokes. */
    rollPass(input: unknown): StrokeResult {
      const p = parse(PassSchema, input, 'pass');
      const s = requireSim();
      if (isBlocked(setup!)) return blocked(s);
      // Lane offsets step by the golden ratio so successive passes never share needle tracks; no RNG is
      // consumed, so a replay from the log (which stores the strokes themselves) stays exact.
      const offset = (p.passIndex * 0.6180339887498949) % 1;
      const spec = { needleMm: quantise(p.needleMm), pressure: quantise(p.pressure) };
      const strokes = passStrokes(s.grid, s.params, spec, p.passIndex, offset).map(quantiseStroke);
      const punctures = applyStrokes(Math.max(p.atHour, s.hour), strokes);
      return { accepted: true, punctures, hour: s.hour };
    },

    advance(input: unknown): number {
      const a = parse(AdvanceSchema, input, 'advance');
      const s = requireSim();
      advance(a.toHour, a.exact);
      if (a.exact) log.push({ op: 'advance', hour: s.hour });
      return s.hour;
    },

    /** Advances (not exact) and shades the skin into `pixels`, handed back as a Transferable. */
    frame(input: unknown, pixels: Uint8Array, crossPixels?: Uint8Array): FrameResult {
      const started = performance.now();
      const req = parse(FrameRequestSchema, input, 'frame');
      const s = requireSim();
      if (req.toHour !== undefined) advance(req.toHour, false);
      const size = setup!.texturePx;
      if (pixels.length !== size * size * 4) throw new MessageError(`frame: pixel buffer must hold ${size}×${size} RGBA`);
      shadeSkin(texture!, shadeFieldsFromEngine(s.fields, s.grid.cells), s.punctureLog, {
        layer: req.layer,
        phototype: setup!.skin.phototype,
        hour: s.hour,
        bleedingFactor: s.bleedingFactor,
        anatomy: s.anatomy,
      }, pixels);
      let cross: Uint8Array | null = null;
      if (req.crossSection && crossPixels && crossPixels.length === req.crossSection.widthPx * req.crossSection.heightPx * 4) {
        shadeCrossSection(crossSectionInput(s, req.crossSection.row), crossPixels, req.crossSection.widthPx, req.crossSection.heightPx);
        cross = crossPixels;
      }
      const newSamples = samples;
      samples = emptySamples();
      const result: FrameResult = {
        hour: s.hour,
        pixels,
        crossSection: cross,
        means: s.means(),
        session: s.currentSession(),
        sessionsStarted: s.sessionsStarted,
        events: s.drainEvents(),
        samples: newSamples,
        workerMs: performance.now() - started,
      };
      const transfers: Transferable[] = [pixels.buffer as ArrayBuffer];
      if (cross && crossPixels) transfers.push(crossPixels.buffer as ArrayBuffer);
      return transfer(result, transfers);
    },

    /** The untreated patch (day 0) for the before/after split. */
    baseline(pixels: Uint8Array): Uint8Array {
      const s = requireSim();
      baselineFields ??= zeroShadeFields(s.grid.cells);
      shadeSkin(texture!, baselineFields, null, { layer: 'surface', phototype: setup!.skin.phototype, hour: 0 }, pixels);
      return transfer(pixels, [pixels.buffer as ArrayBuffer]);
    },

    inspect(input: unknown): CellReport {
      const c = parse(InspectSchema, input, 'inspect');
      return requireSim().inspect(c.ix, c.iy);
    },

    /** The operation log for persistence. */
    getLog(): { ops: LogOp[]; hour: number } {
      return { ops: log.map((op) => LogOpSchema.parse(op)), hour: requireSim().hour };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;

function emptySamples(): ChartSamples {
  return { hours: [], values: { collagenGain: [], erythema: [], capillaryIntegrity: [], edema: [], telangiectasia: [] } };
}

function zeroShadeFields(cells: number): ShadeFields {
  const z = (): Float32Array => new Float32Array(cells * cells);
  const v = new Float32Array(cells * cells).fill(1);
  return { cells, I: z(), E: z(), C3: z(), C1: z(), Ep: z(), W: z(), V: v, T: z(), Pg: z(), R: z(), coverage: z() };
}
