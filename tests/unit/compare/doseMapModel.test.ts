import { describe, expect, it } from 'vitest';
import { DOSE_CELLS_PER_JOB, DOSE_MAP_INTERVALS_DAYS, DOSE_MAP_NEEDLES_MM, doseBatches, doseCellOrder, doseCellsJob } from '../../../src/compare/doseMap';
import { newCourse } from '../../../src/compare/courseForm';
import { COHORT_DEFAULT_CELLS } from '../../../src/engine/cohort';
import { DoseCellsJobSchema } from '../../../src/pool/jobs';
import { DoseMapModel, type DoseCellRunner } from '../../../src/ui/compare/doseMapModel';
import type { DoseCellsSpec } from '../../../src/compare/doseMap';

const CELLS = DOSE_MAP_INTERVALS_DAYS.length * DOSE_MAP_NEEDLES_MM.length;

/** A runner that answers when told: collagen gain = needle × 0.1 + interval / 1000, so each value names its cell. */
function manualRunner() {
  const pending: { batch: DoseCellsSpec; resolve(): void }[] = [];
  const runner: DoseCellRunner = {
    run: (batch, signal) =>
      new Promise((ok, fail) => {
        signal.addEventListener('abort', () => fail(new Error('cancelled')));
        pending.push({ batch, resolve: () => ok(batch.cells.map((c) => ({ collagenGain: c.needleMm * 0.1 + c.intervalDays / 1000, damageVisible: c.intervalDays < 3 }))) });
      }),
  };
  return { runner, pending };
}

describe('dose map batches (issue 17)', () => {
  it('split the coarse-to-fine order into consecutive jobs that cover every cell once', () => {
    const order = doseCellOrder();
    const batches = doseBatches(order);
    expect(batches.flat()).toEqual(order);
    expect(Math.max(...batches.map((b) => b.length))).toBe(DOSE_CELLS_PER_JOB);
    expect(batches.length).toBe(Math.ceil(CELLS / DOSE_CELLS_PER_JOB));
  });

  it('a batch job runs at the cohort grid whatever grid the course names, and is a valid pool job', () => {
    const base = { ...newCourse(0), grid: { cells: 160 } };
    const job = doseCellsJob(base, { sessions: 3, passes: 12 }, [{ col: 0, row: 9 }, { col: 10, row: 0 }]);
    expect(job.gridCells).toBe(COHORT_DEFAULT_CELLS);
    expect(job.cells).toEqual([
      { intervalDays: 1, needleMm: 3, readoutDay: 2 + 56 },
      { intervalDays: 56, needleMm: 0.25, readoutDay: 112 + 56 },
    ]);
    expect(DoseCellsJobSchema.safeParse({ kind: 'dose-cells', ...job }).success).toBe(true);
  });

  it('the model fills each batch’s cells where they belong, counts them, and keeps them on cancel', async () => {
    const { runner, pending } = manualRunner();
    const model = new DoseMapModel(runner);
    model.compute(newCourse(0), 'Course 1', { sessions: 3, passes: 15 });
    expect(pending.length).toBe(Math.ceil(CELLS / DOSE_CELLS_PER_JOB));
    pending[0]!.resolve();
    pending[1]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const s = model.state.get();
    expect(s.done).toBe(2 * DOSE_CELLS_PER_JOB);
    for (const { col, row } of doseCellOrder().slice(0, 2 * DOSE_CELLS_PER_JOB)) {
      expect(s.cells[row * DOSE_MAP_INTERVALS_DAYS.length + col]!.collagenGain).toBeCloseTo(DOSE_MAP_NEEDLES_MM[row]! * 0.1 + DOSE_MAP_INTERVALS_DAYS[col]! / 1000, 12);
    }
    expect(s.cells.filter((c) => c !== null).length).toBe(2 * DOSE_CELLS_PER_JOB);
    model.cancel();
    expect(model.state.get().status).toBe('cancelled');
    expect(model.state.get().done).toBe(2 * DOSE_CELLS_PER_JOB);
  });

  it('finishes as done when every batch answered', async () => {
    const { runner, pending } = manualRunner();
    const model = new DoseMapModel(runner);
    model.compute(newCourse(0), 'Course 1', { sessions: 2, passes: 10 });
    for (const p of pending) p.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(model.state.get()).toMatchObject({ status: 'done', done: CELLS });
    expect(model.state.get().cells.every((c) => c !== null)).toBe(true);
  });
});
