import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ChartColumns } from './chartColumns';

/**
 * The small live chart under the skin (uPlot: tiny, fast, columnar data that arrays fill directly).
 * Collagen gain and capillary integrity in % on the left axis, erythema index on the right, session
 * days as vertical markers. Keeps its own columns; the CSV export is exactly what it plots.
 */
export class LiveChart {
  private readonly plot: uPlot;
  private readonly columns = new ChartColumns();
  private sessionDays: number[] = [];
  private dirty = false;

  constructor(host: HTMLElement, width: number, height: number) {
    const markers = (u: uPlot): void => {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = 'rgba(80, 60, 160, 0.55)';
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1 * devicePixelRatio;
      for (const d of this.sessionDays) {
        const x = Math.round(u.valToPos(d, 'x', true));
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
      }
      ctx.restore();
    };
    this.plot = new uPlot(
      {
        width,
        height,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false },
          pct: { range: (_u, min, max) => [Math.min(-10, min), Math.max(110, max)] },
          idx: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          { label: 'day', size: 34 },
          { scale: 'pct', label: '%', size: 44 },
          { scale: 'idx', side: 1, label: 'erythema', size: 44, grid: { show: false } },
        ],
        series: [
          { label: 'day' },
          { label: 'Collagen gain %', scale: 'pct', stroke: '#b5651d', width: 2 },
          { label: 'Capillary integrity %', scale: 'pct', stroke: '#2a6fb0', width: 2, dash: [6, 3] },
          { label: 'Erythema', scale: 'idx', stroke: '#c0392b', width: 1.5 },
        ],
        hooks: { draw: [markers] },
      },
      [[], [], [], []],
      host,
    );
  }

  clear(): void {
    this.columns.clear();
    this.sessionDays = [];
    this.dirty = true;
  }

  push(hours: readonly number[], collagenGain: readonly number[], integrity: readonly number[], erythema: readonly number[]): void {
    for (let k = 0; k < hours.length; k++) {
      if (this.columns.push(hours[k]!, collagenGain[k]!, integrity[k]!, erythema[k]!)) this.dirty = true;
    }
  }

  markSession(day: number): void {
    if (!this.sessionDays.includes(day)) this.sessionDays.push(day);
    this.dirty = true;
  }

  /** Redraws if anything changed; call at most a few times per second. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const c = this.columns;
    this.plot.setData([c.days, c.collagenPct, c.integrityPct, c.erythema]);
    // At least two weeks wide, so the first day after a session is not stretched over the whole chart.
    const last = c.days[c.days.length - 1] ?? 0;
    this.plot.setScale('x', { min: 0, max: Math.max(14, Math.ceil(last * 1.05)) });
  }

  resize(width: number): void {
    this.plot.setSize({ width, height: this.plot.height });
  }

  /** Latest point, for the text alternative of the chart. */
  latest(): { day: number; collagenPct: number; integrityPct: number; erythema: number } | null {
    const c = this.columns;
    const n = c.days.length;
    if (n === 0) return null;
    return { day: c.days[n - 1]!, collagenPct: c.collagenPct[n - 1]!, integrityPct: c.integrityPct[n - 1]!, erythema: c.erythema[n - 1]! };
  }

  toCsv(): string {
    return this.columns.toCsv();
  }

  get sessions(): readonly number[] {
    return this.sessionDays;
  }
}
