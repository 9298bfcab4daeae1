import type uPlot from 'uplot';
import { SERIES_INFO, type SeriesName } from '../../engine/index';
import type { ChartUnit } from '../../compare/chartData';
import { describePoint, type PublishedPoint } from '../../compare/publishedData';
import { formatInUnit } from '../../compare/timeAxis';
import type { TimeUnit } from '../../compare/workspace';
import { el } from '../dom';

/** Ink of the published points: dark, so they read as data against the courses' colours. */
const POINT_INK = '#17212b';

/**
 * "Show published data" on one Compare chart (docs/model.md §17): the mean as a diamond, its interval as
 * a whisker with caps, a one-sided bound as a whisker from the bound to the plot's edge with an
 * arrowhead; each labelled with its trial. Called from the chart's draw hook.
 */
export function drawPublishedPoints(u: uPlot, points: readonly PublishedPoint[]): void {
  if (points.length === 0) return;
  const ctx = u.ctx;
  const dpr = devicePixelRatio;
  const top = u.bbox.top;
  const bottom = u.bbox.top + u.bbox.height;
  ctx.save();
  ctx.strokeStyle = POINT_INK;
  ctx.fillStyle = POINT_INK;
  ctx.lineWidth = 1.5 * dpr;
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  for (const p of points) {
    const x = u.valToPos(p.x, 'x', true);
    const yLow = p.low === null ? bottom : u.valToPos(p.low, 'y', true);
    const yHigh = p.high === null ? top : u.valToPos(p.high, 'y', true);
    if (p.low !== null || p.high !== null) {
      ctx.beginPath();
      ctx.moveTo(x, yLow);
      ctx.lineTo(x, yHigh);
      for (const [end, open] of [
        [yLow, p.low === null],
        [yHigh, p.high === null],
      ] as const) {
        if (open) {
          // An open end: an arrowhead pointing away from the bound.
          const dir = end === top ? 1 : -1;
          ctx.moveTo(x - 4 * dpr, end + dir * 6 * dpr);
          ctx.lineTo(x, end);
          ctx.lineTo(x + 4 * dpr, end + dir * 6 * dpr);
        } else {
          ctx.moveTo(x - 4 * dpr, end);
          ctx.lineTo(x + 4 * dpr, end);
        }
      }
      ctx.stroke();
    }
    const yMean = p.y === null ? null : u.valToPos(p.y, 'y', true);
    if (yMean !== null) {
      const r = 5 * dpr;
      ctx.beginPath();
      ctx.moveTo(x, yMean - r);
      ctx.lineTo(x + r, yMean);
      ctx.lineTo(x, yMean + r);
      ctx.lineTo(x - r, yMean);
      ctx.closePath();
      ctx.fill();
    }
    const labelY = yMean ?? (p.low !== null ? yLow : yHigh);
    const right = x + 8 * dpr + ctx.measureText(p.trial).width < u.bbox.left + u.bbox.width;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(p.trial, right ? x + 8 * dpr : x - 8 * dpr, Math.max(top + 10 * dpr, labelY - 6 * dpr));
  }
  ctx.restore();
}

/** The legend's lines for the published points: trial, n, value with its interval, day. */
export function publishedLegendItems(points: readonly PublishedPoint[], unit: ChartUnit, timeUnit: TimeUnit): HTMLElement[] {
  return points.map((p) =>
    el('li', { className: 'legend-published' }, [
      el('span', { className: 'point-sample', attrs: { 'aria-hidden': 'true' }, text: '◆' }),
      el('span', { className: 'legend-name', text: `${p.trial} (n = ${p.n})` }),
      el('span', { className: 'legend-value', text: `${describePoint(p, unit)} · ${formatInUnit(p.x, timeUnit)} · published` }),
    ]),
  );
}

/** The published points of a chart as a table: trial, time, value with its interval, n and source. */
export function publishedTable(series: SeriesName, points: readonly PublishedPoint[], unit: ChartUnit, timeUnit: TimeUnit): HTMLTableElement {
  const table = el('table', { className: 'data-table published-table' });
  table.append(el('caption', { text: `Published data: ${SERIES_INFO[series].label}` }));
  const cols = ['Trial', timeUnit, 'Published value', 'n', 'Source'];
  table.append(el('thead', {}, [el('tr', {}, cols.map((c) => el('th', { text: c, attrs: { scope: 'col' } })))]));
  table.append(
    el(
      'tbody',
      {},
      points.map((p) =>
        el('tr', { attrs: { 'data-trial': p.id } }, [
          el('th', { text: p.trial, attrs: { scope: 'row' } }),
          el('td', { text: String(Number(p.x.toFixed(2))) }),
          el('td', { text: describePoint(p, unit) }),
          el('td', { text: String(p.n) }),
          el('td', { text: `${p.citation} ${p.note}` }),
        ]),
      ),
    ),
  );
  return table;
}
