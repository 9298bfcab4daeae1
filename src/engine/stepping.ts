/**
 * The step policy (docs/model.md §8): how long the next integrator step is. Steps are aligned to
 * absolute multiples of their own length and every length divides the longer ones, so the sequence
 * of steps — and every bit of the state — depends only on the events (injury times, exact stops),
 * never on how often a caller asks to advance.
 */

/** Allowed step lengths, hours, longest first; each divides the one before. */
export const STEP_HOURS = [768, 384, 192, 96, 48, 24, 12, 6, 3, 1] as const;

export interface StepPolicy {
  stepLadder: readonly { untilHours: number; stepHours: number }[];
  maxStepHours: number;
  quietStepHours: number;
  fixedStepHours: number;
}

/**
 * Longest step the policy allows now: the ladder's cap for the time since the last injury, aligned;
 * a quiet patch (every fast pool zero, a linear system stepped exactly) may take `quietStepHours`.
 */
export function nextStepHours(policy: StepPolicy, hourNow: number, lastInjuryHour: number, quiet = false): number {
  let cap = policy.fixedStepHours > 0 ? policy.fixedStepHours : quiet ? Math.max(policy.maxStepHours, policy.quietStepHours) : policy.maxStepHours;
  if (policy.fixedStepHours === 0 && !quiet) {
    const since = hourNow - lastInjuryHour;
    for (const rung of policy.stepLadder) {
      if (since < rung.untilHours) {
        cap = Math.min(cap, rung.stepHours);
        break;
      }
    }
  }
  for (const h of STEP_HOURS) if (h <= cap && hourNow % h === 0) return h;
  return 1;
}

/** The next shorter step length (still aligned wherever the longer one was). */
export function shorterStep(hours: number): number {
  for (const h of STEP_HOURS) if (h < hours) return h;
  return 1;
}
