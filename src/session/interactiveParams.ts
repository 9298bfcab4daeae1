import { type ModelParams, parseParams, HOURS_PER_DAY } from '../engine/index';

/**
 * Model parameters of the interactive session: the same model, stepped finer than a course run.
 * A course run (CLI, Compare) only needs its daily samples, so the engine's default ladder takes 6 h
 * steps on the injury day and up to 768 h once a patch is quiet (docs/model.md §8). A person watching
 * the skin needs more: frames show the state of the last step (the step sequence must not depend on
 * the frame rate, or a reload would not replay exactly), so the steps are the animation. Hourly steps
 * on the injury day show the flare (τ_R ≈ 3 h) and the bleeding crusting over; steps of at most a day
 * keep Play moving on a quiet patch. The results agree with the default stepping within 0.005 on every
 * output (tests/unit/engine/stepping.test.ts holds every ladder to 1-hour reference steps).
 */
export const INTERACTIVE_PARAMS: ModelParams = Object.freeze(
  parseParams({
    stepLadder: [
      { untilHours: 24, stepHours: 1 },
      { untilHours: 72, stepHours: 3 },
      { untilHours: 21 * HOURS_PER_DAY, stepHours: 6 },
    ],
    maxStepHours: 24,
    quietStepHours: 24,
  }),
) as ModelParams;
