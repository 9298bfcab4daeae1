import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_PATIENTS, runCohort, runSinglePatient, type Scenario } from '../src/engine/index';
import { createNodePool, defaultPoolSize } from '../src/pool/nodePool';
import { runCohortInPool, runCourse, type JobPool } from '../src/pool/scenarioJobs';
import { builtPath, ensureBuilt } from '../scripts/buildNode.mjs';
import { cohortScenario, courseScenario } from './cases';
import type { Figure } from './figures';
import { log, spread, timeMs, timeMsAsync } from './stats';

/** CPU time of the whole process (every thread, so the workers too), ms. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

export interface PoolBenchOptions {
  repeats: number;
  quick: boolean;
}

/**
 * The pool as the CLI runs it: the built JavaScript worker (dist-node/nodeWorker.js), warmed up as
 * the thread it is compared with: that thread has run whole courses before (the course figures), so
 * each worker runs the six courses' work once too. A short course would leave the workers' JIT
 * without type feedback for the later regimes (settled, quiet patches), and the first measured run
 * would pay for the compiler — a first 160² course in a fresh thread takes ≈ 2.4 × a warm one.
 */
async function warmPool(): Promise<JobPool> {
  await ensureBuilt();
  const pool = createNodePool({ size: defaultPoolSize(), workerUrl: pathToFileURL(builtPath('nodeWorker')) });
  await Promise.all(sixCourses().map((s) => runCourse(pool, s)));
  return pool;
}

/**
 * How many cores this process really gets now: the CPU time of one spinning thread per core over
 * their wall time. On a shared machine (Linux shares CPU between sessions, sched_autogroup) it can
 * be well below the core count, and no pool can be faster than it.
 */
export async function parallelCapacity(threads: number, ms = 1500): Promise<number> {
  const spin = `const end = Date.now() + ${ms}; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1); require('node:worker_threads').parentPort.postMessage(x);`;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(spin, { eval: true });
          w.once('message', () => void w.terminate().then(() => resolve()));
          w.once('error', reject);
        }),
    ),
  );
  return cpuMs(process.cpuUsage(cpu0)) / (performance.now() - t0);
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
    const capacity: number[] = [];
    const courses = sixCourses();
    const seqTimes: number[] = [];
    const poolTimes: number[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let r = 0; r < o.repeats; r++) {
      let sequential: string[] = [];
      const cpuSeq0 = process.cpuUsage();
      const tSeq = timeMs(() => {
        sequential = courses.map((s) => JSON.stringify(runSinglePatient(s).result));
      });
      const cpuSeq = cpuMs(process.cpuUsage(cpuSeq0));
      let pooled: string[] = [];
      const cpuPool0 = process.cpuUsage();
      const tPool = await timeMsAsync(async () => {
        pooled = (await Promise.all(courses.map((s) => runCourse(pool, s)))).map((x) => JSON.stringify(x));
      });
      cpuRatios.push(cpuMs(process.cpuUsage(cpuPool0)) / cpuSeq);
      capacity.push(await parallelCapacity(pool.size));
      if (pooled.join() !== sequential.join()) throw new Error('the pool and one thread gave different results');
      seqTimes.push(tSeq);
      poolTimes.push(tPool);
      ratios.push(tSeq / tPool);
    }
    log(
      `pool ×${spread(ratios).median.toFixed(2)} (${pool.size} workers), CPU time ×${spread(cpuRatios).median.toFixed(2)} of one thread's, ${spread(capacity).median.toFixed(2)} cores available`,
    );

    const patients = o.quick ? 40 : 200;
    const cohort = cohortScenario(patients);
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
    // The largest cohort a scenario may ask for, in the pool only (one thread would take a minute):
    // the evidence for MAX_PATIENTS (docs/scenario-format.md).
    const large: Figure[] = [];
    if (!o.quick) {
      const cpu0 = process.cpuUsage();
      const t = await timeMsAsync(() => runCohortInPool(pool, cohortScenario(MAX_PATIENTS)));
      const cpu = cpuMs(process.cpuUsage(cpu0));
      log(`cohort of ${MAX_PATIENTS}: pool ${t.toFixed(0)} ms`);
      large.push({
        key: 'cohortMaxMs',
        label: `cohort of ${MAX_PATIENTS} patients (the largest allowed), 180 days, default cohort grid, in the pool (${pool.size} workers)`,
        unit: 'ms',
        value: spread([t]),
        goal: '≤ 20000 ms',
        note: `${(t / MAX_PATIENTS).toFixed(1)} ms wall and ${(cpu / MAX_PATIENTS).toFixed(1)} ms CPU (all threads) per patient`,
      });
    }
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
        key: 'poolCpuCost',
        label: 'CPU time of the 6 courses in the pool (all threads) over their CPU time in one thread',
        unit: '×',
        value: spread(cpuRatios),
        note: '1 = no overhead; above 1, the workers slow each other down (shared core resources, other load)',
      },
      {
        key: 'parallelCapacity',
        label: `cores this process got: CPU time of ${pool.size} spinning threads per wall second (measured beside each pool run)`,
        unit: 'cores',
        value: spread(capacity),
        note: 'the pool speed-up cannot exceed this ÷ poolCpuCost; below the core count, other sessions hold the machine',
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
      ...large,
    ];
  } finally {
    pool.close();
  }
}
