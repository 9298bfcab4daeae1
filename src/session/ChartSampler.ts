import type { SeriesValues } from '../engine/index';

/** Series the live chart plots. */
export const SAMPLED_SERIES = ['collagenGain', 'erythema', 'capillaryIntegrity', 'edema', 'telangiectasia'] as const;
export type ChartSeries = (typeof SAMPLED_SERIES)[number];

/** Chart points at most this often in simulated time, hours (finer points come only around injuries). */
export const SAMPLE_EVERY_HOURS = 6;

/** Chart points not yet handed to the UI; `epoch` changes whenever the history starts over. */
export interface ChartSamples {
  epoch: number;
  hours: number[];
  values: Record<ChartSeries, number[]>;
}

function emptyValues(): Record<ChartSeries, number[]> {
  return { collagenGain: [], erythema: [], capillaryIntegrity: [], edema: [], telangiectasia: [] };
}

/**
 * The chart's sampling rule: a point when at least SAMPLE_EVERY_HOURS passed since the last one, and
 * forced points just before and just after an injury (the session shows as a vertical step). Points
 * wait here until the next snapshot drains them; a new skin, a replay or an undo starts a new epoch,
 * and the UI replaces its history with the points of that epoch.
 */
/**
 * The last epoch given out in this thread. Epochs are counted across samplers, not per sampler: a new
 * skin or a replayed log is a new InteractiveSession with a new sampler, and its history must not be
 * taken for more points of the previous session's (which each sampler starting at 1 allowed).
 */
let lastEpoch = 0;

export class ChartSampler {
  private pending: ChartSamples = { epoch: 0, hours: [], values: emptyValues() };
  private lastHour = Number.NEGATIVE_INFINITY;

  /** Forgets every point and starts a new epoch. */
  restart(): void {
    this.pending = { epoch: ++lastEpoch, hours: [], values: emptyValues() };
    this.lastHour = Number.NEGATIVE_INFINITY;
  }

  /** Whether a regular point is due at `hour`. */
  due(hour: number): boolean {
    return hour - this.lastHour >= SAMPLE_EVERY_HOURS;
  }

  /**
   * Appends a point (a due one, or a forced one around an injury). At one hour at most two points
   * wait, the first and the newest (the chart keeps no more: ChartColumns), so the points waiting
   * stay few however many batches a drag sends between two snapshots.
   */
  push(hour: number, m: SeriesValues): void {
    const h = this.pending.hours;
    const n = h.length;
    if (n >= 2 && h[n - 1] === hour && h[n - 2] === hour) {
      for (const name of SAMPLED_SERIES) this.pending.values[name][n - 1] = m[name];
    } else {
      h.push(hour);
      for (const name of SAMPLED_SERIES) this.pending.values[name].push(m[name]);
    }
    this.lastHour = hour;
  }

  /** Hands over the points since the last call. */
  drain(): ChartSamples {
    const out = this.pending;
    this.pending = { epoch: out.epoch, hours: [], values: emptyValues() };
    return out;
  }
}
