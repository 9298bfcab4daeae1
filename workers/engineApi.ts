import { transfer } from 'comlink';
import type { z } from 'zod';
import { formatIssues, type CellReport } from '../src/engine/index';
import { InteractiveSession, SessionError, type LogOp, type OpResult, type SessionSnapshot, type Setup, type SetupInfo } from '../src/session/index';
import {
  makeSkinTexture,
  type PixelRect,
  shadeCrossSection,
  type ShadeFields,
  shadeSkin,
  type SkinTexture,
} from '../src/shading/index';
import {
  AdvanceSchema,
  FrameRequestSchema,
  InspectSchema,
  PassSchema,
  ReplaySchema,
  SetupSchema,
  StrokeBatchSchema,
} from './messages';
import { answeringTo, IdleWarmUp } from './idleWarmUp';
import { SkinFrames } from './skinFrames';

export type { OpResult, SessionSnapshot, SetupInfo } from '../src/session/index';

/**
 * One frame. The skin comes whole or as the rectangle that changed since the frame the caller holds
 * (`since` in the request): `full` says which, `rect` where (see SkinFrames).
 */
export interface FrameResult {
  /** This frame's number: send it back as `since` once the picture is applied, so the next may carry only what changed. */
  seq: number;
  /** true: `pixels` holds the whole sizePx² RGBA frame; false: its first w·h·4 bytes hold the rows of `rect`, packed. */
  full: boolean;
  /** Where the pixels go (half-open); empty (x0 = x1) when nothing changed. */
  rect: PixelRect;
  /** The buffer the caller sent (sizePx² RGBA), handed back as a Transferable. */
  pixels: Uint8Array;
  crossSection: CrossSectionFrame | null;
  snapshot: SessionSnapshot;
  /** Time the worker spent on this frame (advance + shading), ms, for the benchmarks. */
  workerMs: number;
}

/** The depth view and the needle tip drawn in it. */
export interface CrossSectionFrame {
  pixels: Uint8Array;
  /**
   * The dashed tip line's depth, mm: the engine's penetrationMm for the needle and pressure of the
   * request (null when the request named no needle). The UI describes the picture from this number.
   */
  needleTipMm: number | null;
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
export function createEngineApi(options: { warmUp?: (gridCells: number) => void; idleMs?: number } = {}) {
  let session: InteractiveSession | null = null;
  const idle = new IdleWarmUp(options.warmUp, options.idleMs);
  let texture: SkinTexture | null = null;
  let textureKey = '';
  let baselineFields: ShadeFields | null = null;
  const frames = new SkinFrames();

  const requireSession = (): InteractiveSession => {
    if (session === null) throw new MessageError('the engine has no setup yet: call init first');
    return session;
  };

  /** The skin texture depends on the seed, size, patch and conditions only: kept across replays and undos. */
  const adopt = (next: InteractiveSession): SetupInfo => {
    session = next;
    frames.invalidate();
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

  const api = {
    /** Starts a fresh patch for a setup. */
    init(input: unknown): SetupInfo {
      return adopt(InteractiveSession.create(parse(SetupSchema, input, 'setup')));
    },

    /** "Start over": same setup, fresh skin. */
    startOver(): SetupInfo {
      const s = requireSession();
      s.startOver();
      frames.invalidate();
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
      const s = requireSession();
      const r = s.applyStrokes(b.atHour, b.strokes, b.gesture);
      if (r.accepted) frames.touched(s, b.strokes);
      return r;
    },

    /** One whole pass over the patch ("Roll one pass", P). */
    applyPass(input: unknown): OpResult {
      const p = parse(PassSchema, input, 'pass');
      const r = requireSession().applyPass(p.atHour, p.needleMm, p.pressure);
      // A pass covers the whole patch: a full frame.
      if (r.accepted) frames.invalidate();
      return r;
    },

    advance(input: unknown): OpResult {
      const a = parse(AdvanceSchema, input, 'advance');
      return requireSession().advance(a.toHour, a.exact);
    },

    undo(): UndoResult {
      const r = requireSession().undo();
      if (r.undone) frames.invalidate();
      return r;
    },

    /**
     * Advances (not exact), shades what changed into the worker's frame and copies it into `pixels`
     * (the whole frame, or the dirty rectangle's rows when the caller holds frame `since`), hands the
     * buffer back as a Transferable with the snapshot; the depth view rides along when asked.
     */
    frame(input: unknown, pixels: Uint8Array, crossPixels?: Uint8Array): FrameResult {
      const started = performance.now();
      const req = parse(FrameRequestSchema, input, 'frame');
      const s = requireSession();
      if (req.toHour !== undefined) s.advance(req.toHour, false);
      const size = s.setup.texturePx;
      if (pixels.length !== size * size * 4) throw new MessageError(`frame: pixel buffer must hold ${size}×${size} RGBA`);
      const patch = frames.shade(s, texture!, req.layer, req.since, pixels);
      let cross: CrossSectionFrame | null = null;
      const c = req.crossSection;
      if (c && crossPixels && crossPixels.length === c.widthPx * c.heightPx * 4) {
        const slice = s.crossSection(c.row, c.needleMm === undefined ? undefined : { needleMm: c.needleMm, pressure: c.pressure });
        shadeCrossSection(slice, crossPixels, c.widthPx, c.heightPx);
        cross = { pixels: crossPixels, needleTipMm: slice.needleTipMm ?? null };
      }
      const result: FrameResult = { ...patch, pixels, crossSection: cross, snapshot: s.snapshot(), workerMs: performance.now() - started };
      const transfers: Transferable[] = [pixels.buffer as ArrayBuffer];
      if (cross) transfers.push(cross.pixels.buffer as ArrayBuffer);
      idle.frameShaded(s.setup.gridCells);
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
  // Once the first skin is out and the worker has been idle for a second, it warms the engine up.
  return answeringTo(api, idle);
}

export type EngineApi = ReturnType<typeof createEngineApi>;

function zeroShadeFields(cells: number): ShadeFields {
  const z = (): Float32Array => new Float32Array(cells * cells);
  const v = new Float32Array(cells * cells).fill(1);
  return { cells, I: z(), E: z(), C3: z(), C1: z(), Ep: z(), W: z(), V: v, T: z(), Pg: z(), R: z(), coverage: z() };
}
