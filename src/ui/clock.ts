import { speedHoursPerSecond, type SpeedId } from './settings';

/**
 * Real seconds longer than this between frames count as this much: a tab that was in the background
 * (no animation frames) does not come back a week later. Ordinary slow frames (a loaded machine at
 * 5–10 fps) count in full, so the clock keeps the chosen speed in wall time (issue 8).
 */
export const MAX_FRAME_SECONDS = 0.5;
/** Within this many simulated hours after an injury, play is slowed so bleeding and redness can be seen. */
export const SLOW_WINDOW_HOURS = 24;
export const SLOW_SPEED_HOURS_PER_SECOND = 6;

/**
 * How far the clock may run ahead of the skin on screen, hours: one day-long engine step, or half a
 * second of play at the chosen speed. Beyond it the clock waits for the engine, and the rate meter
 * tells the user the speed actually reached instead of letting the day label run off.
 */
export function leadLimitHours(hoursPerSecond: number): number {
  return Math.max(24, hoursPerSecond * 0.5);
}

/**
 * The simulated clock of the app (PhET's time discipline): hours advance by speed × wall time; no
 * speed setting rushes through the first day after a session — play slows to 6 h/s there, so the
 * user sees the bleeding crust over and the redness peak; and the clock never runs further ahead of
 * the skin shown than `leadLimitHours`.
 */
export class SimClock {
  hours = 0;
  playing = false;
  speed: SpeedId = '1d';
  /** Simulated hour of the last injury (strokes), for the slow window. */
  lastInjuryHour = Number.NEGATIVE_INFINITY;
  /** The last tick was held back by the engine. */
  held = false;

  /** Effective speed now, hours per real second, and whether it is slowed. */
  effectiveSpeed(): { hoursPerSecond: number; slowed: boolean } {
    const chosen = speedHoursPerSecond(this.speed);
    const inWindow = this.hours - this.lastInjuryHour < SLOW_WINDOW_HOURS;
    if (inWindow && chosen > SLOW_SPEED_HOURS_PER_SECOND) return { hoursPerSecond: SLOW_SPEED_HOURS_PER_SECOND, slowed: true };
    return { hoursPerSecond: chosen, slowed: false };
  }

  /**
   * Advances by one frame of `realSeconds` while playing; `shownHour` is the engine hour on screen
   * (the clock waits for it). Returns the new time in hours.
   */
  tick(realSeconds: number, shownHour = Number.POSITIVE_INFINITY): number {
    this.held = false;
    if (!this.playing) return this.hours;
    const before = this.hours;
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
    const limit = shownHour + leadLimitHours(this.effectiveSpeed().hoursPerSecond);
    if (this.hours > limit) {
      // Wait, but never step back (a Step may have put the clock ahead of the last frame).
      this.hours = Math.max(limit, before);
      this.held = true;
    }
    return this.hours;
  }

  /** Whole simulated hour now (the engine's clock ticks in hours). */
  wholeHour(): number {
    return Math.floor(this.hours + 1e-9);
  }
}
