import { COHORT_DEFAULT_CELLS, type Scenario } from '../engine/index';
import { readoutAfter, type DoseMapSettings } from './workspace';

/**
 * The dose map: session interval (days) × needle length (mm) for a fixed number of sessions, each cell
 * one simulated course read 8 weeks after its last session. Pure: the axes, the job of a cell,
 * the order cells are computed in (coarse first, so the whole picture appears early and sharpens),
 * and the outline of the region where capillary damage becomes visible.
 */

/** Intervals from daily to two-monthly; the usual course is 28–42 days (Harris 2015). */
export const DOSE_MAP_INTERVALS_DAYS = [1, 2, 3, 5, 7, 10, 14, 21, 28, 42, 56] as const;
/** Needle lengths on sale, 0.25–3.0 mm (docs/model.md §1). */
export const DOSE_MAP_NEEDLES_MM = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

export interface DoseCell {
  /** Index into DOSE_MAP_INTERVALS_DAYS (columns) and DOSE_MAP_NEEDLES_MM (rows). */
  col: number;
  row: number;
}

/** What a dose-map cell job carries besides its kind (DoseCellJobSchema in src/pool/jobs.ts). */
export interface DoseCellSpec {
  scenario: Scenario;
  intervalDays: number;
  needleMm: number;
  sessions: number;
  readoutDay: number;
}

/**
 * The job of one cell. The pool builds the cell's course from it (doseCellScenario in src/pool/runJob.ts):
 * the skin, seed and grid of `scenario` and the passes, start day and pressure of its first session, with
 * `sessions` sessions at the cell's interval and needle, run up to the read-out day. So `scenario` is
 * `base` with `settings.passes` passes from day 0 at normal pressure, and the read-out day is 8 weeks
 * after the last session.
 */
export function doseCellJob(base: Scenario, settings: DoseMapSettings, cell: DoseCell): DoseCellSpec {
  const intervalDays = DOSE_MAP_INTERVALS_DAYS[cell.col]!;
  const needleMm = DOSE_MAP_NEEDLES_MM[cell.row]!;
  const { sessions: _list, cohort: _cohort, ...rest } = base;
  return {
    scenario: { ...rest, protocol: { needleMm, passes: settings.passes, intervalDays, sessions: settings.sessions, startDay: 0, pressure: 1 } },
    intervalDays,
    needleMm,
    sessions: settings.sessions,
    readoutDay: readoutAfter((settings.sessions - 1) * intervalDays),
  };
}

/** Cells per pool job: a few hundred ms of work at the cohort grid, so the map still fills in visibly. */
export const DOSE_CELLS_PER_JOB = 6;

/** What a batched dose-map job carries besides its kind (DoseCellsJobSchema in src/pool/jobs.ts). */
export interface DoseCellsSpec {
  scenario: Scenario;
  sessions: number;
  gridCells: number;
  cells: { intervalDays: number; needleMm: number; readoutDay: number }[];
}

/**
 * The job of several cells of one map: they share the scenario and the sessions. The map runs at the
 * cohort grid (32², within 1 % of 160² for patch means: tests/unit/engine/cohort.test.ts) whatever grid
 * the base course names: a map is an overview, and the CLI figure it is held to runs at that grid.
 */
export function doseCellsJob(base: Scenario, settings: DoseMapSettings, cells: readonly DoseCell[]): DoseCellsSpec {
  const specs = cells.map((cell) => doseCellJob(base, settings, cell));
  return {
    scenario: doseCellJob(base, settings, cells[0] ?? { col: 0, row: 0 }).scenario,
    sessions: settings.sessions,
    gridCells: COHORT_DEFAULT_CELLS,
    cells: specs.map(({ intervalDays, needleMm, readoutDay }) => ({ intervalDays, needleMm, readoutDay })),
  };
}

/** Splits cells (in their coarse-to-fine order) into consecutive batches of at most `size`. */
export function doseBatches<T>(cells: readonly T[], size = DOSE_CELLS_PER_JOB): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < cells.length; k += size) out.push(cells.slice(k, k + size));
  return out;
}

/**
 * Every cell once, coarse to fine: first a sparse lattice spread over the map, then the cells between,
 * so a cancelled or half-done map already shows the whole picture at low resolution.
 */
export function doseCellOrder(cols = DOSE_MAP_INTERVALS_DAYS.length, rows = DOSE_MAP_NEEDLES_MM.length): DoseCell[] {
  const seen = new Uint8Array(cols * rows);
  const order: DoseCell[] = [];
  for (let stride = 4; stride >= 1; stride >>= 1) {
    for (let row = 0; row < rows; row += stride) {
      for (let col = 0; col < cols; col += stride) {
        const i = row * cols + col;
        if (seen[i]) continue;
        seen[i] = 1;
        order.push({ col, row });
      }
    }
  }
  return order;
}

/**
 * The boundary between cells where `flag` is true (capillary damage visible) and cells where it is
 * false, as unit segments on the cell lattice: (x0, y0) → (x1, y1) in cell units, x along the columns,
 * y along the rows. Unknown cells (null) draw no boundary, so a partial map outlines only what it knows.
 */
export function outlineSegments(flags: readonly (boolean | null)[], cols: number, rows: number): [number, number, number, number][] {
  const at = (c: number, r: number): boolean | null => (c < 0 || r < 0 || c >= cols || r >= rows ? false : (flags[r * cols + c] ?? null));
  const out: [number, number, number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (at(c, r) !== true) continue;
      if (at(c - 1, r) === false) out.push([c, r, c, r + 1]);
      if (at(c + 1, r) === false) out.push([c + 1, r, c + 1, r + 1]);
      if (at(c, r - 1) === false) out.push([c, r, c + 1, r]);
      if (at(c, r + 1) === false) out.push([c, r + 1, c + 1, r + 1]);
    }
  }
  return out;
}
