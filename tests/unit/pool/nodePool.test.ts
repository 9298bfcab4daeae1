/**
 * The pool over real worker_threads (src/pool/nodePool.ts, workers run the TypeScript sources through
 * tsx): the same bytes as the in-process runners for pool sizes 1, 2 and 3, progress of a long job,
 * cancel of a running job, a crashing worker replaced, a bad job refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseScenario,
  runCohort,
  runSinglePatient,
  type CohortResult,
  type Scenario,
  type ScenarioResult,
} from '../../../src/engine/index';
import { VISIBLE } from '../../../src/engine/outputs';
import { hashSeries } from '../../../src/pool/hash';
import { toScenarioResult, type DoseCellResult } from '../../../src/pool/jobs';
import { createNodePool } from '../../../src/pool/nodePool';
import { doseCellScenario } from '../../../src/pool/runJob';
import { runCourseArrays, runScenarioInPool, type JobPool } from '../../../src/pool/scenarioJobs';

const base = parseScenario({
  version: 1,
  seed: 5,
  skin: { region: 'cheek', phototype: 5, conditions: [] },
  grid: { cells: 32 },
  protocol: { needleMm: 1.5, passes: 15, intervalDays: 4, sessions: 3 },
  days: 21,
});
const explicit = parseScenario({
  version: 1,
  seed: 77,
  name: 'explicit list',
  skin: { region: 'forehead', phototype: 2, conditions: ['rosacea'] },
  grid: { cells: 40 },
  sessions: [
    { day: 3, needleMm: 1, passes: 12 },
    { day: 0.5, needleMm: 0.5, passes: 8, pressure: 1.2 },
  ],
  days: 12,
  sampleEveryDays: 0.25,
});
const cohort: Scenario = { ...base, seed: 8, days: 14, cohort: { patients: 5 } };
const batch = [base, explicit, cohort];

/** `base` and `explicit` run in this thread, once for every test that compares with them. */
const direct = {} as { base: ScenarioResult; explicit: ScenarioResult };
beforeAll(() => {
  direct.base = runSinglePatient(base).result;
  direct.explicit = runSinglePatient(explicit).result;
});

describe('the Node pool gives the same bytes as one thread', () => {
  let expected: string[];
  beforeAll(() => {
    expected = [JSON.stringify(direct.base), JSON.stringify(direct.explicit), JSON.stringify(runCohort(cohort, 5))];
  });

  it.each([1, 2, 3])('with %i worker(s)', async (size) => {
    const pool = createNodePool({ size });
    try {
      const results = await Promise.all(batch.map((s) => runScenarioInPool(pool, s)));
      expect(results.map((r) => JSON.stringify(r))).toEqual(expected);
      expect(pool.workers).toBeLessThanOrEqual(size);
    } finally {
      pool.close();
    }
  });
});

describe('the Node pool: progress, cancel, faults, cohorts', () => {
  let pool: JobPool;
  beforeAll(() => {
    pool = createNodePool({ size: 2 });
  });
  afterAll(() => pool.close());

  it('a course crosses as Float64Arrays whose hash equals the in-process result’s', async () => {
    const arrays = await runCourseArrays(pool, explicit);
    expect(arrays.days).toBeInstanceOf(Float64Array);
    expect(arrays.series.collagenGain).toBeInstanceOf(Float64Array);
    expect(hashSeries(arrays.days, arrays.series)).toBe(hashSeries(direct.explicit.days, direct.explicit.series));
    expect(toScenarioResult(arrays)).toEqual(direct.explicit);
    // Another scenario gives another fingerprint.
    expect(hashSeries(direct.base.days, direct.base.series)).not.toBe(hashSeries(direct.explicit.days, direct.explicit.series));
  });

  it('a long course reports rising progress and ends at 1', async () => {
    const seen: number[] = [];
    const long: Scenario = { ...base, grid: { cells: 96 }, days: 120 };
    await runScenarioInPool(pool, long, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, k) => f >= 0 && f <= 1 && (k === 0 || f >= seen[k - 1]!))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('cancelling a running course rejects it and leaves the pool working', async () => {
    const abort = new AbortController();
    const long: Scenario = { ...base, grid: { cells: 160 }, days: 365 };
    const started = performance.now();
    const running = runScenarioInPool(pool, long, { signal: abort.signal, onProgress: (f) => f > 0 && abort.abort() });
    await expect(running).rejects.toMatchObject({ name: 'PoolError', kind: 'cancelled' });
    // The year at 160² takes seconds; the cancel returns as soon as the job reports progress.
    expect(performance.now() - started).toBeLessThan(60_000);
    const after = (await runScenarioInPool(pool, base)) as ScenarioResult;
    expect(JSON.stringify(after)).toBe(JSON.stringify(direct.base));
  });

  it('a bad job fails with the field and its range; the next job runs', async () => {
    const bad = { ...base, days: -3 } as Scenario;
    await expect(pool.submit({ kind: 'course', scenario: bad }).promise).rejects.toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('scenario.days: -3 is below the minimum'),
    });
    const ok = await pool.submit({ kind: 'course', scenario: base }).promise;
    expect(ok.kind).toBe('course');
  });

  it('a warm-up job answers "warm-up", and courses after it give the same bytes as before', async () => {
    await expect(pool.submit({ kind: 'warm-up' }).promise).resolves.toEqual({ kind: 'warm-up' });
    const after = (await runScenarioInPool(pool, explicit)) as ScenarioResult;
    expect(JSON.stringify(after)).toBe(JSON.stringify(direct.explicit));
  });

  it('dose-map cells give what a direct run of each cell’s course gives', async () => {
    const spec = { scenario: base, sessions: 3, readoutDay: 30, gridCells: 32 };
    // map[n][i]: needle [0.5, 1.5][n] mm every [2, 14][i] days.
    const map = await Promise.all(
      [0.5, 1.5].map((needleMm) =>
        Promise.all([2, 14].map(async (intervalDays) => (await pool.submit({ kind: 'dose-cell', ...spec, needleMm, intervalDays }).promise) as DoseCellResult)),
      ),
    );
    expect(map.flat().map((c) => [c.kind, c.needleMm, c.intervalDays])).toEqual([
      ['dose-cell', 0.5, 2],
      ['dose-cell', 0.5, 14],
      ['dose-cell', 1.5, 2],
      ['dose-cell', 1.5, 14],
    ]);
    const cell = map[1]![0]!;
    expect(cell).toMatchObject({ needleMm: 1.5, intervalDays: 2, sessions: 3, readoutDay: 30 });
    const inThread = runSinglePatient(doseCellScenario({ ...spec, needleMm: 1.5, intervalDays: 2 }), { gridCells: 32 });
    expect(cell.collagenGain).toBe(inThread.result.series.collagenGain[30]);
    expect(cell.capillaryDamageVisible).toBe(inThread.stats.telangiectasiaPeak > VISIBLE.telangiectasia);
    expect(cell.warningCodes).toContain('interval-too-short');
    // Deeper needles gain more collagen at the same interval.
    expect(map[1]![1]!.collagenGain).toBeGreaterThan(map[0]![1]!.collagenGain);
  });

  it('a batch of dose-map cells (one job) gives each cell exactly as its own job does, in the batch order', async () => {
    const cells = [
      { needleMm: 1.5, intervalDays: 2, readoutDay: 30 },
      { needleMm: 0.5, intervalDays: 14, readoutDay: 44 },
      { needleMm: 2.5, intervalDays: 7, readoutDay: 40 },
    ];
    const progress: number[] = [];
    const batch = await pool.submit({ kind: 'dose-cells', scenario: base, sessions: 3, gridCells: 32, cells }, { onProgress: (f) => progress.push(f) }).promise;
    if (batch.kind !== 'dose-cells') throw new Error(`got ${batch.kind}`);
    const single = await Promise.all(cells.map((c) => pool.submit({ kind: 'dose-cell', scenario: base, sessions: 3, gridCells: 32, ...c }).promise));
    expect(batch.cells).toEqual(single);
    expect(batch.cells.map((c) => c.needleMm)).toEqual([1.5, 0.5, 2.5]);
    for (let k = 1; k < progress.length; k++) expect(progress[k]!).toBeGreaterThanOrEqual(progress[k - 1]!);
    // A batch is checked like any job: an empty one or a bad cell is refused with the field named.
    await expect(pool.submit({ kind: 'dose-cells', scenario: base, sessions: 3, cells: [] }).promise).rejects.toMatchObject({ kind: 'failed' });
    await expect(
      pool.submit({ kind: 'dose-cells', scenario: base, sessions: 3, cells: [{ needleMm: 9, intervalDays: 2, readoutDay: 30 }] }).promise,
    ).rejects.toMatchObject({ message: expect.stringContaining('cells[0].needleMm: 9 is above the maximum') });
  });

  it('a cohort without a grid (the coarse default) gives the same bytes as runCohort', async () => {
    const s: Scenario = { ...base, grid: undefined, days: 8, cohort: { patients: 3 } };
    const r = (await runScenarioInPool(pool, s)) as CohortResult;
    expect(JSON.stringify(r)).toBe(JSON.stringify(runCohort(s, 3)));
  });
});

describe('a crashing Node worker', () => {
  it('fails its job with a clear error, and a fresh worker runs the next job', async () => {
    const pool = createNodePool({ size: 1, workerUrl: new URL('../../fixtures/pool/crashingWorker.ts', import.meta.url) });
    try {
      const doomed = pool.submit({ kind: 'course', scenario: { ...base, seed: 666 } });
      const next = pool.submit({ kind: 'course', scenario: base });
      await expect(doomed.promise).rejects.toMatchObject({
        kind: 'crashed',
        message: expect.stringMatching(/^course \(seed 666\): the worker crashed \(simulated worker crash\); it was replaced$/),
      });
      const result = await next.promise;
      expect(result.kind).toBe('course');
    } finally {
      pool.close();
    }
  });
});
