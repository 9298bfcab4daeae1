import { transfer } from 'comlink';
import type { z } from 'zod';
import { formatIssues, type CellReport } from '../src/engine/index';
import { InteractiveSession, SessionError, type LogOp, type OpResult, type SessionSnapshot, type Setup, type SetupInfo } from '../src/session/index';
import { shadeCrossSection } from '../src/shading/crossSection';
import { shadeFieldsFromEngine } from '../src/shading/fromEngine';
import { shadeSkin } from '../src/shading/shadeSkin';
import { makeSkinTexture, type SkinTexture } from '../src/shading/skinTexture';
import type { ShadeFields } from '../src/shading/types';
import {
  AdvanceSchema,
  FrameRequestSchema,
  InspectSchema,
  PassSchema,
  ReplaySchema,
  SetupSchema,
  StrokeBatchSchema,
} from './messages';

export type { OpResult, SessionSnapshot, SetupInfo } from '../src/session/index';

export interface FrameResult {
  pixels: Uint8Array;
  crossSection: Uint8Array | null;
  snapshot: SessionSnapshot;
  /** Time the worker spent on this frame (advance + shading), ms, for the benchmarks. */
  workerMs: number;
}

export interface UndoResult {
  undone: boolean;
  reason?: string;
  hour: number;
  log: { length: number; appended: LogOp[] };
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
 * The worker's API: a thin adapter. It parses every message with zod, calls the interactive session
 * (src/session: the rules), shades frames and hands pixel buffers back as Transferables. Lives outside
 * the worker file so Node tests can drive it over a MessageChannel.
 */
export function createEngineApi() {
  let session: InteractiveSession | null = null;
  let texture: SkinTexture | null = null;
  let textureKey = '';
  let baselineFields: ShadeFields | null = null;

  const requireSession = (): InteractiveSession => {
    if (session === null) throw new MessageError('the engine has no setup yet: call init first');
    return session;
  };

  /** The skin texture depends on the seed, size, patch and conditions only: kept across replays and undos. */
  const adopt = (next: InteractiveSession): SetupInfo => {
    session = next;
    const s = next.setup;
    const key = JSON.stringify([s.seed, s.texturePx, s.gridCells, s.skin.conditions, s.skin.region]);
    if (key !== textureKey || texture === null) {
      texture = makeSkinTexture({ seed: s.seed, sizePx: s.texturePx, patchMm: next.simulation.grid.patchMm, conditions: s.skin.conditions, region: s.skin.region });
      textureKey = key;
      baselineFields = null;
    }
    return next.info();
  };

  const rethrow = (err: unknown): never => {
    if (err instanceof SessionError) throw new MessageError(err.message);
    throw err;
  };

  return {
    /** Starts a fresh patch for a setup. */
    init(input: unknown): SetupInfo {
      return adopt(InteractiveSession.create(parse(SetupSchema, input, 'setup')));
    },

    /** "Start over": same setup, fresh skin. */
    startOver(): SetupInfo {
      const s = requireSession();
      s.startOver();
      return s.info();
    },

    /** Rebuilds a session exactly from its setup and log (a reload, a new skin, a restarted worker). */
    replay(input: unknown): SetupInfo {
      const r = parse(ReplaySchema, input, 'saved session');
      try {
        return adopt(InteractiveSession.replay(r.setup as Setup, r.ops, r.hour));
      } catch (err) {
        return rethrow(err);
      }
    },

    applyStrokes(input: unknown): OpResult {
      const b = parse(StrokeBatchSchema, input, 'strokes');
      return requireSession().applyStrokes(b.atHour, b.strokes, b.gesture);
    },

    /** One whole pass over the patch ("Roll one pass", P). */
    applyPass(input: unknown): OpResult {
      const p = parse(PassSchema, input, 'pass');
      return requireSession().applyPass(p.atHour, p.needleMm, p.pressure);
    },

    advance(input: unknown): OpResult {
      const a = parse(AdvanceSchema, input, 'advance');
      return requireSession().advance(a.toHour, a.exact);
    },

    undo(): UndoResult {
      return requireSession().undo();
    },

    /** Advances (not exact), shades the skin into `pixels` and hands it back as a Transferable with the snapshot. */
    frame(input: unknown, pixels: Uint8Array, crossPixels?: Uint8Array): FrameResult {
      const started = performance.now();
      const req = parse(FrameRequestSchema, input, 'frame');
      const s = requireSession();
      if (req.toHour !== undefined) s.advance(req.toHour, false);
      const size = s.setup.texturePx;
      if (pixels.length !== size * size * 4) throw new MessageError(`frame: pixel buffer must hold ${size}×${size} RGBA`);
      const sim = s.simulation;
      shadeSkin(texture!, shadeFieldsFromEngine(sim.fields, sim.grid.cells), sim.punctureLog, {
        layer: req.layer,
        phototype: s.setup.skin.phototype,
        hour: sim.hour,
        bleedingFactor: sim.bleedingFactor,
        anatomy: sim.anatomy,
      }, pixels);
      let cross: Uint8Array | null = null;
      const c = req.crossSection;
      if (c && crossPixels && crossPixels.length === c.widthPx * c.heightPx * 4) {
        shadeCrossSection(s.crossSection(c.row), crossPixels, c.widthPx, c.heightPx);
        cross = crossPixels;
      }
      const result: FrameResult = { pixels, crossSection: cross, snapshot: s.snapshot(), workerMs: performance.now() - started };
      const transfers: Transferable[] = [pixels.buffer as ArrayBuffer];
      if (cross) transfers.push(cross.buffer as ArrayBuffer);
      return transfer(result, transfers);
    },

    /** The untreated patch (day 0) for the before/after split. */
    baseline(pixels: Uint8Array): Uint8Array {
      const s = requireSession();
      const cells = s.simulation.grid.cells;
      baselineFields ??= zeroShadeFields(cells);
      shadeSkin(texture!, baselineFields, null, { layer: 'surface', phototype: s.setup.skin.phototype, hour: 0 }, pixels);
      return transfer(pixels, [pixels.buffer as ArrayBuffer]);
    },

    inspect(input: unknown): CellReport {
      const c = parse(InspectSchema, input, 'inspect');
      return requireSession().inspect(c.ix, c.iy);
    },

    /** The operation log (tests and diagnostics; the app mirrors it from each answer). */
    getLog(): { ops: LogOp[]; hour: number } {
      const s = requireSession();
      return { ops: [...s.ops], hour: s.hour };
    },

    /** Hash of the skin's state: equal hashes, equal skins (tests, crash recovery). */
    stateHash(): { hash: string; hour: number } {
      const s = requireSession();
      return { hash: s.stateHash(), hour: s.hour };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;

function zeroShadeFields(cells: number): ShadeFields {
  const z = (): Float32Array => new Float32Array(cells * cells);
  const v = new Float32Array(cells * cells).fill(1);
  return { cells, I: z(), E: z(), C3: z(), C1: z(), Ep: z(), W: z(), V: v, T: z(), Pg: z(), R: z(), coverage: z() };
}
