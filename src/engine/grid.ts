import { z } from 'zod';
import { bounded } from './bounded';
import { DEFAULT_GRID_CELLS, GRID_CELLS_MAX, GRID_CELLS_MIN } from './limits';

/**
 * The patch: a square of `cells` × `cells` over `patchMm` × `patchMm` of skin surface.
 * Cell (ix, iy) covers [ix·pitch, (ix+1)·pitch) × [iy·pitch, (iy+1)·pitch) mm; index = iy·cells + ix.
 * Default 160 cells over 40 mm: pitch 0.25 mm (docs/model.md §2).
 */
export const GridSchema = z
  .object({
    cells: bounded(GRID_CELLS_MIN, GRID_CELLS_MAX, 'cells per side', { int: true }).default(DEFAULT_GRID_CELLS),
    patchMm: bounded(10, 100, 'mm').default(40),
  })
  .strict();
export type GridSpec = z.infer<typeof GridSchema>;

export interface Grid {
  readonly cells: number;
  readonly count: number;
  readonly patchMm: number;
  readonly pitchMm: number;
  /** Area of one cell in cm² (densities are per cm², as in the literature). */
  readonly cellAreaCm2: number;
}

export function makeGrid(spec: Partial<GridSpec> = {}): Grid {
  const { cells, patchMm } = GridSchema.parse(spec);
  const pitchMm = patchMm / cells;
  return { cells, count: cells * cells, patchMm, pitchMm, cellAreaCm2: (pitchMm / 10) ** 2 };
}
