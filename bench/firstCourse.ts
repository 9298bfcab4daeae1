import type { Figure } from './figures';
import { inFreshThread } from './freshThread';
import { log, spread } from './stats';

/**
 * `firstCourseMs`: what a fresh thread (the CLI's process, a pool worker) waits for its first 240-day
 * course at 160² — the engine's JIT warm-up (src/engine/warmUp.ts) and then the course — against the
 * same first course in a fresh thread without the warm-up; each pair alternated, every run in a new
 * worker thread. `courseMs` is the same course once warm.
 */
export async function firstCourseFigure(o: { repeats: number }): Promise<Figure> {
  const warmed: number[] = [];
  const warmUps: number[] = [];
  const coursesAfter: number[] = [];
  const cold: number[] = [];
  for (let r = 0; r < o.repeats; r++) {
    const a = await inFreshThread({ kind: 'first', warm: true });
    warmed.push(a.warmUpMs + a.courseMs);
    warmUps.push(a.warmUpMs);
    coursesAfter.push(a.courseMs);
    cold.push((await inFreshThread({ kind: 'first', warm: false })).courseMs);
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
