import { MAX_STROKES_PER_BATCH, type SessionSnapshot, type SetupInfo, type SetupInput } from '../../session/index';
import type { Stroke } from '../../engine/index';
import type { FrameResult, OpResult, UndoResult } from '../../../workers/engineApi';

/**
 * The vocabulary between the session view and its worker: the intents the user sends, the answers
 * and frames that come back, and the reports the transport gives its listener (the store adapter).
 */

/** A frame as the app engine (AppEngine) hands it to the view: the worker's answer and the worker it came from. */
export type EngineFrame = FrameResult & { generation: number };

/** What the user asks of the engine; each carries what it needs from the moment the user acted. */
export type Intent =
  | { kind: 'strokes'; atHour: number; strokes: Stroke[]; gesture: number }
  | { kind: 'pass'; atHour: number; needleMm: number; pressure: number }
  | { kind: 'advance'; toHour: number }
  | { kind: 'undo' }
  | { kind: 'start-over' }
  /**
   * A new setup: `keepHistory` replays the log on it up to `hour` (a new skin), else it starts fresh
   * (Reset).
   */
  | { kind: 'setup'; setup: SetupInput; keepHistory: boolean; hour: number };

/** The worker's answer to an intent the user should hear about. */
export type IntentAnswer = { kind: 'strokes' | 'pass'; result: OpResult } | { kind: 'undo'; result: UndoResult } | { kind: 'start-over' };

/**
 * What the transport reports, in the order it happens. It holds no text and no store: the store
 * adapter (storeAdapter.ts) turns these into atoms, announcements and notices.
 */
export interface TransportListener {
  /** Intents waiting or running. */
  queued(size: number): void;
  /** Length of the mirrored operation log. */
  logLength(length: number): void;
  answered(answer: IntentAnswer): void;
  /** A setup took effect (new, replayed, started over, rebuilt): its facts and the unrolled skin's picture. */
  adopted(info: SetupInfo, baseline: Uint8Array): void;
  /** An intent or a recovery changed the engine's state. */
  changed(): void;
  snapshot(snap: SessionSnapshot): void;
  /** The worker failed (`reason`); a new one is being started and the session rebuilt. */
  recovering(reason: string): void;
  /** The new worker holds the session again, rebuilt from `steps` recorded operations. */
  recovered(reason: string, steps: number): void;
  /** No new worker could take over. */
  failed(message: string): void;
}

/** Consecutive stroke batches of one drag at one hour travel as one message. */
export function mergeStrokes(tail: Intent, next: Intent): Intent | null {
  if (tail.kind !== 'strokes' || next.kind !== 'strokes') return null;
  if (tail.gesture !== next.gesture || tail.atHour !== next.atHour) return null;
  if (tail.strokes.length + next.strokes.length > MAX_STROKES_PER_BATCH) return null;
  return { ...tail, strokes: [...tail.strokes, ...next.strokes] };
}
