import { StaggeredArena, type ArenaPlan } from './arena';
import type { Grid } from './grid';

/**
 * The state fields of docs/model.md §6 in the order the docs list them, then the pools of the second
 * model revision: the flare R and the purpura (bruising) Pu of needles that pass the dermis (docs/model.md §5).
 */
export const STATE_FIELDS = ['W', 'D', 'I', 'E', 'G', 'F', 'C3', 'C1', 'Ep', 'V', 'T', 'Pg', 'R', 'Pu'] as const;
export type StateField = (typeof STATE_FIELDS)[number];

export type Precision = 'float32' | 'float64';
export type FieldArray = Float32Array | Float64Array;

/**
 * Struct-of-arrays state over the grid: one flat array per field, index iy·cells + ix.
 * Float32 is the engine's storage; Float64 exists only as the reference in the drift test (docs/model.md §8).
 */
export interface SkinFields {
  readonly precision: Precision;
  /** Open channels / barrier loss. */
  readonly W: FieldArray;
  /** Dermal damage and debris. */
  readonly D: FieldArray;
  /** Inflammation (erythema). */
  readonly I: FieldArray;
  /** Oedema. */
  readonly E: FieldArray;
  /** Growth factors / macrophages. */
  readonly G: FieldArray;
  /** Activated fibroblasts. */
  readonly F: FieldArray;
  /** New collagen III, fraction of baseline collagen. */
  readonly C3: FieldArray;
  /** New collagen I, fraction of baseline collagen. */
  readonly C1: FieldArray;
  /** Relative epidermal thickening. */
  readonly Ep: FieldArray;
  /** Capillary integrity, 1 = intact. */
  readonly V: FieldArray;
  /** Telangiectasia, 0–1. */
  readonly T: FieldArray;
  /** Post-inflammatory pigment. */
  readonly Pg: FieldArray;
  /** Flare: the fast erythema pool of the wheal-and-flare response (docs/model.md §5); erythema = I + R. */
  readonly R: FieldArray;
  /** Purpura: bruising from channels that pass the dermis (docs/model.md §5) [I]. */
  readonly Pu: FieldArray;
  /** V⁻: capillary integrity when the current session first reached the cell (docs/model.md §5). */
  readonly vSession: FieldArray;
  /** Simulated hour of the last injury to reach the cell; −Infinity if none. */
  readonly lastInjuryHour: Float64Array;
  /** Drum passes over the cell in the current session (coverage overlay). */
  readonly coverage: Float32Array;
  /** Punctures/cm² deposited in the current session (kernel density N of docs/model.md §4). */
  readonly sessionDensity: Float32Array;
  /** Raw dermal dose u_der of the cell's current session, reference doses: the saturation's running total (docs/model.md §5). */
  readonly sessionDermal: Float32Array;
  /** Vascular dose u_vas of the cell's current session, reference doses: compared with u_crit (docs/model.md §5). */
  readonly sessionVascular: Float32Array;
  /** e^(−u_der/u_sat) of the cell's current session: the growth-factor release still available (docs/model.md §5). */
  readonly growthCapacity: Float32Array;
}

/** Element sizes of the fields in `allocateFields`' order: the state and vSession at `precision`, then the bookkeeping. */
function fieldsPlan(precision: Precision): ArenaPlan {
  const state = precision === 'float64' ? 8 : 4;
  return [...STATE_FIELDS.map(() => state), state, 8, 4, 4, 4, 4, 4];
}

/** Every field of a patch, in one buffer with staggered starts (arena.ts: the kernels walk them in step). */
export function allocateFields(grid: Grid, precision: Precision): SkinFields {
  const arena = new StaggeredArena(grid.count, fieldsPlan(precision));
  const make = (): FieldArray => (precision === 'float64' ? arena.float64() : arena.float32());
  const fields: SkinFields = {
    precision,
    W: make(),
    D: make(),
    I: make(),
    E: make(),
    G: make(),
    F: make(),
    C3: make(),
    C1: make(),
    Ep: make(),
    V: make(),
    T: make(),
    Pg: make(),
    R: make(),
    Pu: make(),
    vSession: make(),
    lastInjuryHour: arena.float64(),
    coverage: arena.float32(),
    sessionDensity: arena.float32(),
    sessionDermal: arena.float32(),
    sessionVascular: arena.float32(),
    growthCapacity: arena.float32(),
  };
  resetFields(fields, 0);
  return fields;
}

/** Untreated baseline: everything 0 except intact capillaries; `t0` pre-existing telangiectasia. */
export function resetFields(f: SkinFields, t0: number): void {
  for (const name of STATE_FIELDS) f[name].fill(0);
  f.V.fill(1);
  f.vSession.fill(1);
  f.T.fill(t0);
  f.lastInjuryHour.fill(Number.NEGATIVE_INFINITY);
  f.coverage.fill(0);
  f.sessionDensity.fill(0);
  f.sessionDermal.fill(0);
  f.sessionVascular.fill(0);
  f.growthCapacity.fill(1);
}
