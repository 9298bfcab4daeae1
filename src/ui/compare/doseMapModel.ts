import type { Scenario } from '../../engine/index';
import { DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, doseCellJob, doseCellOrder, type DoseCellSpec } from '../../compare/doseMap';
import type { DoseMapSettings } from '../../compare/workspace';
import { atom, type Atom } from '../store';

/** What one dose-map cell shows. */
export interface DoseCellValue {
  collagenGain: number;
  damageVisible: boolean;
}

export interface DoseCellRunner {
  run(cell: DoseCellSpec, signal: AbortSignal): Promise<DoseCellValue>;
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
 * needle, read 8 weeks after its last session, submitted coarse-to-fine to the pool so the picture
 * fills in progressively; Cancel stops the remaining cells and keeps those done.
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
    const jobs = doseCellOrder().map(({ col, row }) =>
      this.runner.run(doseCellJob(base, settings, { col, row }), controller.signal).then((value) => {
        if (this.controller !== controller) return;
        const next = [...this.state.get().cells];
        next[row * COLS + col] = value;
        done++;
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
