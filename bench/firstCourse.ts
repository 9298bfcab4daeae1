import { Worker } from 'node:worker_threads';
import type { Figure } from './figures';
import { log, spread } from './stats';

interface FirstCourse {
  warmUpMs: number;
  courseMs: number;
}

/** One fresh worker thread running bench/firstCourseWorker.ts (TypeScript through tsx, as the pool's tests do). */
function firstCourseInFreshThread(warm: boolean): Promise<FirstCourse> {
  const boot = new URL('../src/pool/tsxWorkerBoot.mjs', import.meta.url);
  const entry = new URL('./firstCourseWorker.ts', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { workerData: { skinsimEntry: entry.href, warm } });
    worker.once('message', (m: FirstCourse) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

/**
 * `firstCourseMs`: what a fresh thread (the CLI's process, a pool worker) waits for its first 240-day
 * course at 160² — the engine's JIT warm-up (src/engine/warmUp.ts) and then the course — against the
 * same first course in a fresh thread without the warm-up; each pair alternated, every run in a new
 * worker thread, timed after its modules are loaded. `courseMs` is the same course once warm.
 */
export async function firstCourseFigure(o: { repeats: number }): Promise<Figure> {
  const warmed: number[] = [];
  const warmUps: number[] = [];
  const coursesAfter: number[] = [];
  const cold: number[] = [];
  for (let r = 0; r < o.repeats; r++) {
    const a = await firstCourseInFreshThread(true);
    warmed.push(a.warmUpMs + a.courseMs);
    warmUps.push(a.warmUpMs);
    coursesAfter.push(a.courseMs);
    cold.push((await firstCourseInFreshThread(false)).courseMs);
  }
  log(`first course in a fresh thread: ${spread(warmed).median.toFixed(0)} ms with the warm-up, ${spread(cold).median.toFixed(0)} ms without`);
  return {
    key: 'firstCourseMs',
    label: 'first 240-day course at 160² in a fresh thread, JIT warm-up included (as the CLI and pool workers run it)',
    unit: 'ms',
    value: spread(warmed),
    baseline: { label: 'the same first course in a fresh thread without the warm-up', unit: 'ms', value: spread(cold) },
    note: `warm-up ${spread(warmUps).median.toFixed(0)} ms (32², 100 days), then the course ${spread(coursesAfter).median.toFixed(0)} ms`,
  };
}
