import { runSinglePatient } from './runScenario';
import { parseScenario, type Scenario } from './scenario';

/**
 * Warming the JIT up before a large run (issue 17). This is about V8, not the model: no result
 * depends on it (the warm-up runs its own simulation; the step-weight cache it fills holds pure values).
 *
 * V8 compiles a hot loop with the type feedback it has gathered so far. A branch that first runs
 * later — the settled kernel weeks into a course, matrix breakdown after a re-injury, a sample of a
 * quiet patch — throws the compiled code away, and the rest of that pass over the patch runs
 * unoptimised until the loop is compiled again. On 160² cells that happened ≈ 50 times in a first
 * course (node --trace-deopt): a fresh thread took ≈ 0.7 s for the 240-day course that takes
 * ≈ 0.31 s once warm. Running one short course through every regime on the smallest grid first
 * (1 024 cells per pass instead of 25 600) gathers the feedback where a pass costs little; the first
 * course then takes ≈ 0.38 s, and later ones ≈ 4 % less than without it (code compiled from full
 * feedback is better). The bench measures it (`firstCourseMs`).
 */

/**
 * Grids from this many cells per side on pay for a warm-up in one run: measured through the CLI
 * (one 240-day course, whole process, median of 3): 32² +80 ms, 64² ±0, 96² −90 ms, 128² −120 ms,
 * 160² −180 ms (0.82 → 0.64 s).
 */
export const WARM_UP_FROM_CELLS = 96;

/**
 * The warm-up course: every regime of the engine on the smallest grid. Two deep sessions a day apart
 * (injury and re-injury: inflammation over I_crit and the PIH threshold, matrix breakdown, channels
 * below the dermis and purpura; phototype VI for pigment), an ordinary session a month later on a
 * settled patch, and time for the patch to become quiet, sampled daily as the runs it stands for.
 */
export function warmUpScenario(): Scenario {
  return parseScenario({
    version: 1,
    seed: 1,
    name: 'JIT warm-up',
    skin: { region: 'cheek', phototype: 6, conditions: [] },
    sessions: [
      { day: 0, needleMm: 2.5, passes: 20 },
      { day: 1, needleMm: 2.5, passes: 20 },
      { day: 30, needleMm: 1.5, passes: 15 },
    ],
    days: 100,
    grid: { cells: 32 },
  });
}

let warmed = false;

/** Warms this thread's engine up, once per thread: a pool worker does it when a view asks before the user's first run. */
export function warmUpEngine(): void {
  if (warmed) return;
  warmed = true;
  runSinglePatient(warmUpScenario());
}

/** Warms this thread's engine up (once) before a run on `gridCells` per side, if the run is large enough to gain from it. */
export function warmUpFor(gridCells: number): void {
  if (gridCells >= WARM_UP_FROM_CELLS) warmUpEngine();
}
