/**
 * Inputs and outputs of the pure pixel mapping from engine snapshots to RGBA (runs in the worker,
 * in Node tests and benchmarks; no DOM, no Pixi).
 */

/** What the skin view shows. `surface` is what a mirror shows; the others are data layers with a legend. */
export const LAYERS = ['surface', 'erythema', 'edema', 'collagen', 'capillaries', 'pigment', 'coverage'] as const;
export type Layer = (typeof LAYERS)[number];

/** Per-cell fields the shader reads (Float32, length cells², index iy·cells + ix). */
export interface ShadeFields {
  readonly cells: number;
  /** Inflammation / erythema index. */
  readonly I: Float32Array;
  /** Oedema index. */
  readonly E: Float32Array;
  /** New collagen III and I, fractions of baseline. */
  readonly C3: Float32Array;
  readonly C1: Float32Array;
  /** Relative epidermal thickening. */
  readonly Ep: Float32Array;
  /** Open channels. */
  readonly W: Float32Array;
  /** Capillary integrity (1 intact). */
  readonly V: Float32Array;
  /** Telangiectasia 0–1. */
  readonly T: Float32Array;
  /** Post-inflammatory pigment. */
  readonly Pg: Float32Array;
  /** Flare (fast erythema pool); the redness seen is I + R. */
  readonly R: Float32Array;
  /** Drum passes in the current session. */
  readonly coverage: Float32Array;
}

/** The puncture log (ring buffer, see src/engine/punctureLog.ts); only the newest `count` entries are read. */
export interface PunctureView {
  readonly xMm: Float32Array;
  readonly yMm: Float32Array;
  readonly depthMm: Float32Array;
  readonly hour: Float64Array;
  /** Total ever written; write index = total % capacity. */
  readonly total: number;
  readonly capacity: number;
}

export interface Legend {
  readonly layer: Layer;
  readonly title: string;
  readonly unit: string;
  /** Colour stops from low to high: value (in `unit`) and CSS colour. */
  readonly stops: readonly { value: number; color: string }[];
  /** Short note, e.g. where the visible threshold lies or the evidence tag. */
  readonly note: string;
  /** Values worth a tick and a label (visible thresholds; the coverage target), in `unit`. */
  readonly marks?: readonly { value: number; label: string }[];
  /** What `stops` show when a layer has two ramps (collagen: the collagen I-rich end). */
  readonly primaryLabel?: string;
  /** A second ramp on the same value axis (collagen: the collagen III-rich end). */
  readonly secondary?: { readonly label: string; readonly stops: readonly { value: number; color: string }[] };
  /** Evidence behind the layer: published data or our hypothesis (docs/model.md §12). */
  readonly evidence?: 'data' | 'hypothesis';
}
