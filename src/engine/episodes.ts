/**
 * Episodes of visible redness (docs/model.md §7): one episode is one stretch of continuous visible
 * erythema (patch-mean I + R above the threshold), whatever sessions fall inside it. Sessions every
 * 2 days that keep the skin red for three weeks make one 3-week episode, not ten 2-day ones.
 */
export interface RednessEpisode {
  /** First observed hour with visible erythema. */
  startHour: number;
  /** Last observed hour with visible erythema (the episode is over after it). */
  endHour: number;
}

export class RednessEpisodes {
  private readonly closed: RednessEpisode[] = [];
  private open: RednessEpisode | null = null;
  private longest = 0;
  private lastVisible = Number.NEGATIVE_INFINITY;

  /** The state at `hour` shows (or not) visible erythema. Observations come in time order. */
  observe(hour: number, visible: boolean): void {
    if (visible) {
      if (this.open === null) this.open = { startHour: hour, endHour: hour };
      else if (hour > this.open.endHour) this.open.endHour = hour;
      this.lastVisible = hour;
      const length = this.open.endHour - this.open.startHour;
      if (length > this.longest) this.longest = length;
    } else if (this.open !== null && hour > this.open.endHour) {
      this.closed.push(this.open);
      this.open = null;
    }
  }

  /** Ends the open episode (nothing more is observed, e.g. erythema cannot be visible any more). */
  close(): void {
    if (this.open === null) return;
    this.closed.push(this.open);
    this.open = null;
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  /** Longest episode so far, hours (an open episode counts up to its last visible hour). */
  get longestHours(): number {
    return this.longest;
  }

  /** Last observed hour with visible erythema; −Infinity if never. */
  get lastVisibleHour(): number {
    return this.lastVisible;
  }

  /** Every episode so far, the open one last; copies. */
  list(): RednessEpisode[] {
    const all = this.closed.map((e) => ({ ...e }));
    if (this.open !== null) all.push({ ...this.open });
    return all;
  }
}
