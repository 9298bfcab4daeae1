/**
 * The live chart's columns (uPlot's columnar data), kept pure so the sampling rules are unit-tested:
 * times only move forward; at one time at most two points are kept, the value before a session's
 * strokes and the newest after them, which draws the session as a vertical step.
 */
export class ChartColumns {
  readonly days: number[] = [];
  readonly collagenPct: number[] = [];
  readonly integrityPct: number[] = [];
  readonly erythema: number[] = [];

  clear(): void {
    this.days.length = 0;
    this.collagenPct.length = 0;
    this.integrityPct.length = 0;
    this.erythema.length = 0;
  }

  /** Appends one sample (hours, fractions of baseline, erythema index). Returns false if it was dropped. */
  push(hour: number, collagenGain: number, integrity: number, erythema: number): boolean {
    const day = hour / 24;
    const n = this.days.length;
    const lastDay = n > 0 ? this.days[n - 1]! : Number.NEGATIVE_INFINITY;
    if (day < lastDay) return false;
    if (day === lastDay && n > 1 && this.days[n - 2] === day) {
      this.days.pop();
      this.collagenPct.pop();
      this.integrityPct.pop();
      this.erythema.pop();
    }
    this.days.push(day);
    this.collagenPct.push(collagenGain * 100);
    this.integrityPct.push(integrity * 100);
    this.erythema.push(erythema);
    return true;
  }

  toCsv(): string {
    const lines = ['day,collagenGainPercent,capillaryIntegrityPercent,erythemaIndex'];
    for (let k = 0; k < this.days.length; k++) {
      lines.push(`${this.days[k]!.toFixed(3)},${this.collagenPct[k]!.toFixed(3)},${this.integrityPct[k]!.toFixed(3)},${this.erythema[k]!.toFixed(4)}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
