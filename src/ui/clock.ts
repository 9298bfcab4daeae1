import { speedHoursPerSecond, type SpeedId } from './settings';

/** Real seconds longer than this between frames (a background tab) count as this much. */
const MAX_FRAME_SECONDS = 0.1;
/** Within this many simulated hours after an injury, play is slowed so bleeding and redness can be seen. */
export const SLOW_WINDOW_HOURS = 24;
export const SLOW_SPEED_HOURS_PER_SECOND = 6;

/**
 * The simulated clock of the app (PhET's time discipline): hours advance by speed × real time, the
 * real step is capped, and no speed setting rushes through the first day after a session — play
 * slows to 6 h/s there, so the user sees the bleeding crust over and the redness peak.
 */
export class SimClock {
  hours = 0;
  playing = false;
  speed: SpeedId = '1d';
  /** Simulated hour of the last injury (strokes), for the slow window. */
  lastInjuryHour = Number.NEGATIVE_INFINITY;

  /** Effective speed now, hours per real second, and whether it is slowed. */
  effectiveSpeed(): { hoursPerSecond: number; slowed: boolean } {
    const chosen = speedHoursPerSecond(this.speed);
    const inWindow = this.hours - this.lastInjuryHour < SLOW_WINDOW_HOURS;
    if (inWindow && chosen > SLOW_SPEED_HOURS_PER_SECOND) return { hoursPerSecond: SLOW_SPEED_HOURS_PER_SECOND, slowed: true };
    return { hoursPerSecond: chosen, slowed: false };
  }

  /** Advances by one frame of `realSeconds` while playing; returns the new time in hours. */
  tick(realSeconds: number): number {
    if (!this.playing) return this.hours;
    const dt = Math.min(Math.max(0, realSeconds), MAX_FRAME_SECONDS);
    let remaining = dt;
    // Integrate across the slow-window boundary so a long frame cannot jump over it.
    while (remaining > 1e-9) {
      const { hoursPerSecond, slowed } = this.effectiveSpeed();
      if (slowed) {
        const toEdge = this.lastInjuryHour + SLOW_WINDOW_HOURS - this.hours;
        const secondsToEdge = toEdge / hoursPerSecond;
        if (secondsToEdge < remaining) {
          this.hours += toEdge;
          remaining -= secondsToEdge;
          continue;
        }
      }
      this.hours += hoursPerSecond * remaining;
      remaining = 0;
    }
    return this.hours;
  }

  /** Whole simulated hour now (the engine's clock ticks in hours). */
  wholeHour(): number {
    return Math.floor(this.hours + 1e-9);
  }
}
