import type { Scenario } from '../../engine/index';
import { DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, doseBatches, doseCellOrder, doseCellsJob, type DoseCellsSpec } from '../../compare/doseMap';
import type { DoseMapSettings } from '../../compare/workspace';
import { atom, type Atom } from '../store';

/** What one dose-map cell shows. */
export interface DoseCellValue {
  collagenGain: number;
  damageVisible: boolean;
}

/** Runs a batch of cells (one pool job); the values in the batch's order. */
export interface DoseCellRunner {
  run(batch: DoseCellsSpec, signal: AbortSignal): Promise<DoseCellValue[]>;
}

export interface DoseMapState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** Row-major: row = needle index (DOSE_MAP_NEEDLES_MM), column = interval index. */
  cells: (DoseCellValue | null)[];
  done: number;
  error: string | null;
  /** What the map was computed for (shown in its caption). */
  basis: { name: string; sessions: number; passes: number } | null;
}

const COLS = DOSE_MAP_INTERVALS_DAYS.length;
const ROWS = DOSE_MAP_NEEDLES_MM.length;

/**
 * The dose map's computation: every cell a course of `sessions` sessions at the cell's interval and
 * needle, read 8 weeks after its last session, submitted coarse-to-fine to the pool in batches of a
 * few cells (one job each) so the picture fills in progressively; Cancel stops the remaining cells and
 * keeps those done.
 */
export class DoseMapModel {
  readonly state: Atom<DoseMapState> = atom<DoseMapState>({ status: 'idle', cells: new Array(COLS * ROWS).fill(null), done: 0, error: null, basis: null });
  private controller: AbortController | null = null;

  constructor(private readonly runner: DoseCellRunner) {}

  compute(base: Scenario, name: string, settings: DoseMapSettings): void {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    const cells: (DoseCellValue | null)[] = new Array(COLS * ROWS).fill(null);
    this.state.set({ status: 'running', cells, done: 0, error: null, basis: { name, sessions: settings.sessions, passes: settings.passes } });
    let done = 0;
    // Batches of consecutive cells of the coarse-to-fine order: the first batches hold the coarse lattice.
    const jobs = doseBatches(doseCellOrder()).map((batch) =>
      this.runner.run(doseCellsJob(base, settings, batch), controller.signal).then((values) => {
        if (this.controller !== controller) return;
        if (values.length !== batch.length) throw new Error(`a dose-map batch of ${batch.length} cells came back with ${values.length}`);
        const next = [...this.state.get().cells];
        batch.forEach(({ col, row }, k) => (next[row * COLS + col] = values[k]!));
        done += batch.length;
        this.state.set({ ...this.state.get(), cells: next, done, status: done === COLS * ROWS ? 'done' : 'running' });
      }),
    );
    Promise.all(jobs).catch((err: unknown) => {
      if (this.controller !== controller) return;
      this.controller = null;
      const s = this.state.get();
      if (controller.signal.aborted) this.state.set({ ...s, status: 'cancelled' });
      else {
        controller.abort();
        this.state.set({ ...s, status: 'error', error: (err as Error).message });
      }
    });
  }

  cancel(): void {
    const c = this.controller;
    if (!c) return;
    this.controller = null;
    c.abort();
    const s = this.state.get();
    if (s.status === 'running') this.state.set({ ...s, status: 'cancelled' });
  }
}
