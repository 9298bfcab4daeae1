import { speedHoursPerSecond, type SpeedId } from './settings';
import { atom, type Atom, type ReadonlyAtom } from './store';

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
 * The atoms the clock is made of. In the app they are the store's (`clockHours`, `playing`) and the
 * settings' speed, so the clock has one home: whoever sets `clock.hours` or `clock.playing` has set
 * what the views show.
 */
export interface ClockAtoms {
  hours: Atom<number>;
  playing: Atom<boolean>;
  /** The chosen speed (in the app: follows the settings, so it cannot be set on the clock). */
  speed: ReadonlyAtom<SpeedId> | Atom<SpeedId>;
}

/**
 * The simulated clock of the app (PhET's time discipline): hours advance by speed × wall time; no
 * speed setting rushes through the first day after a session — play slows to 6 h/s there, so the
 * user sees the bleeding crust over and the redness peak; and the clock never runs further ahead of
 * the skin shown than `leadLimitHours`. Its state lives in atoms (`ClockAtoms`); the rules live here.
 */
export class SimClock {
  /** Simulated hour of the last injury (strokes), for the slow window. */
  lastInjuryHour = Number.NEGATIVE_INFINITY;
  /** The last tick was held back by the engine. */
  held = false;

  constructor(private readonly atoms: ClockAtoms = { hours: atom(0), playing: atom(false), speed: atom<SpeedId>('1d') }) {}

  get hours(): number {
    return this.atoms.hours.get();
  }

  set hours(value: number) {
    this.atoms.hours.set(value);
  }

  get playing(): boolean {
    return this.atoms.playing.get();
  }

  set playing(value: boolean) {
    this.atoms.playing.set(value);
  }

  get speed(): SpeedId {
    return this.atoms.speed.get();
  }

  set speed(value: SpeedId) {
    const speed = this.atoms.speed;
    if (!('set' in speed)) throw new Error('this clock follows the settings\' speed: change the settings');
    speed.set(value);
  }

  /** Effective speed now, hours per real second, and whether it is slowed. */
  effectiveSpeed(): { hoursPerSecond: number; slowed: boolean } {
    return this.speedAt(this.hours);
  }

  /**
   * Advances by one frame of `realSeconds` while playing; `shownHour` is the engine hour on screen
   * (the clock waits for it). Returns the new time in hours; the atom is set once, at the end.
   */
  tick(realSeconds: number, shownHour = Number.POSITIVE_INFINITY): number {
    this.held = false;
    if (!this.playing) return this.hours;
    const before = this.hours;
    let hours = before;
    const dt = Math.min(Math.max(0, realSeconds), MAX_FRAME_SECONDS);
    let remaining = dt;
    // Integrate across the slow-window boundary so a long frame cannot jump over it.
    while (remaining > 1e-9) {
      const { hoursPerSecond, slowed } = this.speedAt(hours);
      if (slowed) {
        const toEdge = this.lastInjuryHour + SLOW_WINDOW_HOURS - hours;
        const secondsToEdge = toEdge / hoursPerSecond;
        if (secondsToEdge < remaining) {
          hours += toEdge;
          remaining -= secondsToEdge;
          continue;
        }
      }
      hours += hoursPerSecond * remaining;
      remaining = 0;
    }
    const limit = shownHour + leadLimitHours(this.speedAt(hours).hoursPerSecond);
    if (hours > limit) {
      // Wait, but never step back (a Step may have put the clock ahead of the last frame).
      hours = Math.max(limit, before);
      this.held = true;
    }
    this.hours = hours;
    return hours;
  }

  private speedAt(hours: number): { hoursPerSecond: number; slowed: boolean } {
    const chosen = speedHoursPerSecond(this.speed);
    const inWindow = hours - this.lastInjuryHour < SLOW_WINDOW_HOURS;
    if (inWindow && chosen > SLOW_SPEED_HOURS_PER_SECOND) return { hoursPerSecond: SLOW_SPEED_HOURS_PER_SECOND, slowed: true };
    return { hoursPerSecond: chosen, slowed: false };
  }

  /** Whole simulated hour now (the engine's clock ticks in hours). */
  wholeHour(): number {
    return wholeHourOf(this.hours);
  }
}

/** The whole simulated hour at `hours` (the engine's clock ticks in hours; 1e-9 absorbs float sums like 0.1 × 10). */
export function wholeHourOf(hours: number): number {
  return Math.floor(hours + 1e-9);
}
