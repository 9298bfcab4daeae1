import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartColumns } from './chartColumns';
import { AXIS_FONT, preciseTicks, yAxisSize } from './chartAxes';
import { LIVE_SERIES_ORDER, liveLine, seriesDisplay } from './seriesDisplay';

/**
 * The live chart under the outcome readouts (uPlot: tiny, fast, columnar data that arrays fill
 * directly). Collagen gain and capillary integrity in % on the left axis; erythema, oedema and
 * telangiectasia (indices) on the right; session days as vertical markers. Draws the columns it is
 * given (the store's), so the CSV export is exactly what it plots.
 */
export class LiveChart {
  private readonly plot: uPlot;
  private sessionDays: readonly number[] = [];

  constructor(
    host: HTMLElement,
    private readonly columns: ChartColumns,
    width: number,
    height: number,
  ) {
    const markers = (u: uPlot): void => {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = 'rgba(60, 60, 60, 0.6)';
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
    // Each line's label, scale and style from the one series display (seriesDisplay.ts): % on the left, indices on the right.
    const lines: uPlot.Series[] = LIVE_SERIES_ORDER.map((name) => {
      const d = seriesDisplay(name);
      const line = liveLine(name);
      return { label: d.chartLabel, scale: d.factor === 100 ? 'pct' : 'idx', stroke: line.stroke, dash: [...line.dash], width: line.width };
    });
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
          // The same tick labels as Compare's charts (the decimals the step needs: an index axis of 0.0002 steps does not read "0").
          { scale: 'pct', label: '%', size: 44, values: preciseTicks },
          { scale: 'idx', side: 1, label: 'index', size: yAxisSize, font: AXIS_FONT, values: preciseTicks, grid: { show: false } },
        ],
        series: [{ label: 'day' }, ...lines],
        hooks: { draw: [markers] },
      },
      [[], [], [], [], [], []],
      host,
    );
  }

  /** The legend's label of each line, in the chart's order (the legend is static: labels are not rewritten). */
  legendLabels(): HTMLElement[] {
    const rows = [...this.plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series .u-label')];
    // One row per line; an x-axis row, where uPlot draws one, comes first.
    return rows.slice(rows.length - (this.plot.series.length - 1));
  }

  /** Redraws from the columns (call when they changed; the view throttles). */
  redraw(sessionDays: readonly number[]): void {
    this.sessionDays = sessionDays;
    const c = this.columns;
    this.plot.setData([c.days, c.collagenPct, c.integrityPct, c.erythema, c.edema, c.telangiectasia]);
    // At least two weeks wide, so the first day after a session is not stretched over the whole chart.
    const last = c.days[c.days.length - 1] ?? 0;
    this.plot.setScale('x', { min: 0, max: Math.max(14, Math.ceil(last * 1.05)) });
  }

  resize(width: number, height: number): void {
    if (width !== this.plot.width || height !== this.plot.height) this.plot.setSize({ width, height });
  }
}
