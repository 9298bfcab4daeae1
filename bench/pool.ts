import { pathToFileURL } from 'node:url';
import { runCohort, runSinglePatient, type Scenario } from '../src/engine/index';
import { createNodePool, defaultPoolSize } from '../src/pool/nodePool';
import { runCohortInPool, runCourse, type JobPool } from '../src/pool/scenarioJobs';
import { builtPath, ensureBuilt } from '../scripts/buildNode.mjs';
import { courseScenario } from './cases';
import type { Figure } from './figures';
import { log, spread, timeMs, timeMsAsync } from './stats';

export interface PoolBenchOptions {
  repeats: number;
  quick: boolean;
}

/** The pool as the CLI runs it: the built JavaScript worker (dist-node/nodeWorker.js), warmed up. */
async function warmPool(): Promise<JobPool> {
  await ensureBuilt();
  const pool = createNodePool({ size: defaultPoolSize(), workerUrl: pathToFileURL(builtPath('nodeWorker')) });
  const tiny = courseScenario({ days: 2, grid: { cells: 32 } });
  await Promise.all(Array.from({ length: pool.size }, () => runCourse(pool, tiny)));
  return pool;
}

/** Six different 240-day courses (5 sessions, 160²): what a Compare view runs. */
export function sixCourses(): Scenario[] {
  return [7, 14, 21, 30, 45, 60].map((intervalDays) => {
    const base = courseScenario();
    return { ...base, protocol: { ...base.protocol!, intervalDays } };
  });
}

/**
 * `poolSpeedup`: the six courses in the pool (wall) against the same six one after another in this
 * thread; `cohort200Ms`: a 200-patient, 180-day cohort in the pool against `runCohort` in this thread,
 * both measured (same bytes checked). Alternated per repeat so load changes hit both.
 */
export async function poolFigures(o: PoolBenchOptions): Promise<Figure[]> {
  const pool = await warmPool();
  try {
    const courses = sixCourses();
    const seqTimes: number[] = [];
    const poolTimes: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < o.repeats; r++) {
      let sequential: string[] = [];
      const tSeq = timeMs(() => {
        sequential = courses.map((s) => JSON.stringify(runSinglePatient(s).result));
      });
      let pooled: string[] = [];
      const tPool = await timeMsAsync(async () => {
        pooled = (await Promise.all(courses.map((s) => runCourse(pool, s)))).map((x) => JSON.stringify(x));
      });
      if (pooled.join() !== sequential.join()) throw new Error('the pool and one thread gave different results');
      seqTimes.push(tSeq);
      poolTimes.push(tPool);
      ratios.push(tSeq / tPool);
    }
    log(`pool ×${spread(ratios).median.toFixed(2)} (${pool.size} workers)`);

    const patients = o.quick ? 40 : 200;
    const cohort = courseScenario({ days: 180, cohort: { patients } });
    let inPool = '';
    const tCohortPool = await timeMsAsync(async () => {
      inPool = JSON.stringify(await runCohortInPool(pool, cohort));
    });
    let inThread = '';
    const tCohortSeq = timeMs(() => {
      inThread = JSON.stringify(runCohort(cohort, patients));
    });
    if (inPool !== inThread) throw new Error('the cohort in the pool and in one thread differ');
    log(`cohort of ${patients}: pool ${tCohortPool.toFixed(0)} ms, one thread ${tCohortSeq.toFixed(0)} ms`);
    return [
      {
        key: 'poolSpeedup',
        label: `6 courses of 240 days in the pool (${pool.size} workers) vs one after another`,
        unit: '×',
        value: spread(ratios),
        baseline: { label: 'the 6 courses one after another in one thread', unit: 'ms', value: spread(seqTimes) },
        goal: '≥ 1.8×',
        note: `pool ${spread(poolTimes).median.toFixed(0)} ms wall`,
      },
      {
        key: 'cohort200Ms',
        label: `cohort of ${patients} patients, 180 days, 5 sessions, default cohort grid, in the pool (${pool.size} workers)`,
        unit: 'ms',
        value: spread([tCohortPool]),
        baseline: { label: `the same cohort in one thread (runCohort), measured`, unit: 'ms', value: spread([tCohortSeq]) },
        goal: '≤ 4000 ms',
        note: `${(tCohortPool / patients).toFixed(0)} ms wall per patient; one thread ${(tCohortSeq / patients).toFixed(0)} ms per patient`,
      },
    ];
  } finally {
    pool.close();
  }
}
