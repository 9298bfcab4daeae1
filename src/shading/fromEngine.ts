import type { SkinFields } from '../engine/index';
import type { ShadeFields } from './types';

/** The shader's view of the engine's fields (no copy: the same Float32Arrays). */
export function shadeFieldsFromEngine(f: SkinFields, cells: number): ShadeFields {
  return {
    cells,
    I: f.I as Float32Array,
    E: f.E as Float32Array,
    C3: f.C3 as Float32Array,
    C1: f.C1 as Float32Array,
    Ep: f.Ep as Float32Array,
    W: f.W as Float32Array,
    V: f.V as Float32Array,
    T: f.T as Float32Array,
    Pg: f.Pg as Float32Array,
    R: f.R as Float32Array,
    coverage: f.coverage,
  };
}
