import type uPlot from 'uplot';
import type { SeriesName } from '../../engine/index';
import type { ChartColumns } from '../../compare/chartData';
import { indexAtOrBefore } from '../../compare/shownRun';
import { download } from '../dom';
import { courseStyle } from '../palette';
import { seriesDisplay } from '../seriesDisplay';

/* Drawing helpers of a Compare chart (compareChart.ts): session and read-out markers, the y axis's
   width, the PNG export. */

/** Session days as small triangles under each course's colour; the read-out day as a dot on its line. */
export function drawCourseMarkers(u: uPlot, cols: ChartColumns, lineIndex: readonly number[]): void {
  const ctx = u.ctx;
  const dpr = devicePixelRatio;
  const bottom = u.bbox.top + u.bbox.height;
  ctx.save();
  cols.courses.forEach((c, k) => {
    const style = courseStyle(c.index);
    ctx.fillStyle = style.colour;
    const row = (k % 3) * 5 * dpr;
    for (const d of c.sessions) {
      const x = u.valToPos(d, 'x', true);
      if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) continue;
      ctx.beginPath();
      ctx.moveTo(x, bottom - row - 6 * dpr);
      ctx.lineTo(x - 3 * dpr, bottom - row);
      ctx.lineTo(x + 3 * dpr, bottom - row);
      ctx.closePath();
      ctx.fill();
    }
    const idx = nearestIndex(cols.x, c.readout);
    const v = idx === null ? null : (u.data[lineIndex[k]!]?.[idx] ?? null);
    if (v !== null && v !== undefined) {
      const x = u.valToPos(cols.x[idx!]!, 'x', true);
      const y = u.valToPos(v, 'y', true);
      ctx.beginPath();
      ctx.arc(x, y, 4 * dpr, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5 * dpr;
      ctx.stroke();
    }
  });
  ctx.restore();
}

/** A PNG of the chart with its title and legend, on white (the plot canvas alone has neither). */
export function saveChartPng(series: SeriesName, plot: uPlot, cols: ChartColumns): void {
  const src = plot.ctx.canvas;
  const dpr = devicePixelRatio;
  const legendRows = cols.courses.length;
  const pad = 12 * dpr;
  const canvas = document.createElement('canvas');
  canvas.width = src.width + 2 * pad;
  canvas.height = src.height + (40 + 20 * legendRows) * dpr + pad;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#17212b';
  ctx.font = `${15 * dpr}px system-ui, sans-serif`;
  const info = seriesDisplay(series);
  ctx.fillText(`${info.label} (${info.evidence}) — SkinSim, educational model`, pad, 22 * dpr);
  ctx.drawImage(src, pad, 32 * dpr);
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  cols.courses.forEach((c, k) => {
    const y = 32 * dpr + src.height + (14 + 20 * k) * dpr;
    const style = courseStyle(c.index);
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = 3 * dpr;
    ctx.setLineDash(style.dash.map((d) => d * dpr));
    ctx.beginPath();
    ctx.moveTo(pad, y - 4 * dpr);
    ctx.lineTo(pad + 30 * dpr, y - 4 * dpr);
    ctx.stroke();
    ctx.fillText(c.name, pad + 38 * dpr, y);
  });
  canvas.toBlob((blob) => {
    if (blob) download(blob, `skinsim-${series}.png`);
  }, 'image/png');
}

/** Index of the sample at or just before x (the x axis is sorted); the first sample for an x before it. */
export function nearestIndex(xs: readonly number[], x: number): number | null {
  return xs.length === 0 ? null : Math.max(0, indexAtOrBefore(xs, x));
}
