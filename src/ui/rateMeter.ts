import { HOURS_PER_DAY } from '../engine/index';

/** Window over which the reached speed is measured, real seconds. */
const WINDOW_SECONDS = 1.5;
/** Below this share of the intended speed, the app says it is running slower. */
const BEHIND_SHARE = 0.8;

/**
 * Measures the speed play actually reaches (simulated hours per wall-clock second) over the last
 * 1.5 s, so the app can say "running at 3 d/s" when the engine cannot keep up (issue 8) instead of
 * slowing down in silence. Pure; unit-tested.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private readonly hours: number[] = [];

  /** Forgets the history (play started, paused, or the clock jumped). */
  reset(): void {
    this.times.length = 0;
    this.hours.length = 0;
  }

  /** Records the clock at a wall time (seconds). */
  sample(wallSeconds: number, clockHours: number): void {
    this.times.push(wallSeconds);
    this.hours.push(clockHours);
    while (this.times.length > 2 && wallSeconds - this.times[1]! >= WINDOW_SECONDS) {
      this.times.shift();
      this.hours.shift();
    }
  }

  /** Hours per second over the window; null until a full window was seen. */
  rate(): number | null {
    const n = this.times.length;
    if (n < 2) return null;
    const span = this.times[n - 1]! - this.times[0]!;
    if (span < WINDOW_SECONDS * 0.9) return null;
    return (this.hours[n - 1]! - this.hours[0]!) / span;
  }

  /** The reached speed when it is clearly below `intended` (hours per second), else null. */
  behind(intended: number): number | null {
    const r = this.rate();
    return r !== null && r < intended * BEHIND_SHARE ? r : null;
  }
}

/** A speed in words the speed menu uses: 0.5 → "0.5 h/s", 72 → "3 d/s", 168 → "1 week/s". */
export function speedText(hoursPerSecond: number): string {
  if (hoursPerSecond < HOURS_PER_DAY) return `${Number(hoursPerSecond.toPrecision(2))} h/s`;
  const days = hoursPerSecond / HOURS_PER_DAY;
  if (days >= 7 && Math.abs(days - 7) < 0.05) return '1 week/s';
  return `${Number(days.toPrecision(2))} d/s`;
}
