import type { CrossSectionInput } from './crossSectionInput';

/**
 * Per-pixel-column state of the cross-section: field values along the row (linear between cell
 * centres), the surface and epidermis depths, and fibre waves. Cached per picture size.
 */

/** Swelling drawn per unit E, mm (exaggerated ×3 so it can be seen at this scale) [D]. */
const SWELL_MM = 0.06;

export interface Scratch {
  width: number;
  height: number;
  /** Per pixel column: field values, mm position, surface and epidermis depths. */
  col: Float32Array[];
}
export const COL = { x: 0, C3: 1, C1: 2, Ep: 3, I: 4, E: 5, V: 6, T: 7, W: 8, top: 9, epi: 10, wave3: 11, wave1: 12 } as const;
const COLS = 13;
let scratch: Scratch | null = null;

export function scratchFor(width: number, height: number): Scratch {
  if (scratch !== null && scratch.width === width && scratch.height === height) return scratch;
  scratch = { width, height, col: Array.from({ length: COLS }, () => new Float32Array(width)) };
  return scratch;
}

/** Field values per pixel column (linear between cell centres) and the column's layer depths. */
export function sampleColumns(sc: Scratch, input: CrossSectionInput, xa: number, mmPerPx: number): void {
  const cols = input.columns;
  const n = cols.C3.length;
  const pitch = input.patchMm / n;
  const c = sc.col;
  const src = [cols.C3, cols.C1, cols.Ep, cols.I, cols.E, cols.V, cols.T, cols.W];
  const e = input.anatomy.epidermisMm;
  for (let px = 0; px < sc.width; px++) {
    const x = xa + (px + 0.5) * mmPerPx;
    c[COL.x]![px] = x;
    const u = x / pitch - 0.5;
    let i = Math.floor(u);
    let w = u - i;
    if (i < 0) {
      i = 0;
      w = 0;
    } else if (i >= n - 1) {
      i = n - 1;
      w = 0;
    }
    const j = i < n - 1 ? i + 1 : i;
    for (let k = 0; k < src.length; k++) {
      const s = src[k]!;
      c[k + 1]![px] = s[i]! + (s[j]! - s[i]!) * w;
    }
    const E = Math.max(0, c[COL.E]![px]!);
    c[COL.top]![px] = -SWELL_MM * Math.min(E, 1.5);
    // Rete ridges: the dermal–epidermal junction undulates (schematic period ≈ 10 px).
    const ridge = 0.22 * Math.sin(px * 0.63) * Math.sin(px * 0.11 + 1.3);
    c[COL.epi]![px] = e * (1 + Math.max(0, c[COL.Ep]![px]!)) * (1 + ridge);
    c[COL.wave3]![px] = 1.2 * Math.sin(px * 0.35) + 0.8 * Math.sin(px * 0.13 + 2);
    c[COL.wave1]![px] = 2.5 * Math.sin(px * 0.07 + 0.5);
  }
}

