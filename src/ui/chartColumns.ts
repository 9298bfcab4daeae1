import type { ChartSamples } from '../session/index';
import { HOURS_PER_DAY, writeCsv } from '../engine/index';
import { seriesDisplay } from './seriesDisplay';

/** The display scale of the two percent columns (the one rule: seriesDisplay). */
const COLLAGEN_FACTOR = seriesDisplay('collagenGain').factor;
const INTEGRITY_FACTOR = seriesDisplay('capillaryIntegrity').factor;

/**
 * The live chart's columns (uPlot's columnar data), kept pure so the sampling rules are unit-tested:
 * times only move forward; at one time at most two points are kept, the value before a session's
 * strokes and the newest after them, which draws the session as a vertical step. A new epoch from the
 * session (a new skin, a replay, an undo) replaces the whole history.
 */
export class ChartColumns {
  readonly days: number[] = [];
  readonly collagenPct: number[] = [];
  readonly integrityPct: number[] = [];
  readonly erythema: number[] = [];
  readonly edema: number[] = [];
  readonly telangiectasia: number[] = [];
  private epochNow = -1;

  get length(): number {
    return this.days.length;
  }

  private get columns(): number[][] {
    return [this.days, this.collagenPct, this.integrityPct, this.erythema, this.edema, this.telangiectasia];
  }

  clear(epoch = this.epochNow): void {
    for (const c of this.columns) c.length = 0;
    this.epochNow = epoch;
  }

  /** Appends one sample (hours, fractions of baseline, indices). Returns false if it was dropped. */
  push(hour: number, collagenGain: number, integrity: number, erythema: number, edema = 0, telangiectasia = 0): boolean {
    const day = hour / HOURS_PER_DAY;
    const n = this.days.length;
    const lastDay = n > 0 ? this.days[n - 1]! : Number.NEGATIVE_INFINITY;
    if (day < lastDay) return false;
    if (day === lastDay && n > 1 && this.days[n - 2] === day) for (const c of this.columns) c.pop();
    this.days.push(day);
    this.collagenPct.push(collagenGain * COLLAGEN_FACTOR);
    this.integrityPct.push(integrity * INTEGRITY_FACTOR);
    this.erythema.push(erythema);
    this.edema.push(edema);
    this.telangiectasia.push(telangiectasia);
    return true;
  }

  /** Takes the points of a snapshot; a new epoch first clears the history. Returns whether anything changed. */
  append(samples: ChartSamples): boolean {
    let changed = false;
    if (samples.epoch !== this.epochNow) {
      this.clear(samples.epoch);
      changed = true;
    }
    const v = samples.values;
    for (let k = 0; k < samples.hours.length; k++) {
      if (this.push(samples.hours[k]!, v.collagenGain[k]!, v.capillaryIntegrity[k]!, v.erythema[k]!, v.edema[k]!, v.telangiectasia[k]!)) changed = true;
    }
    return changed;
  }

  /** What the chart plots, as CSV (the one CSV writer; days and % to 3 decimals, indices to 4). */
  toCsv(): string {
    return writeCsv({
      header: ['day', 'collagenGainPercent', 'capillaryIntegrityPercent', 'erythemaIndex', 'edemaIndex', 'telangiectasiaIndex'],
      blocks: [{ days: this.days, columns: [this.collagenPct, this.integrityPct, this.erythema, this.edema, this.telangiectasia] }],
      format: (value, k) => value.toFixed(k < 3 ? 3 : 4),
    });
  }
}
