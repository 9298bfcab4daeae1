import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SERIES_INFO, type SeriesName } from '../../engine/index';
import { axisTickLabels, formatChartValue, type ChartColumns } from '../../compare/chartData';
import { bandFill, courseStyle } from '../palette';
import { formatInUnit } from '../../compare/timeAxis';
import { indexAtOrBefore } from '../../compare/shownRun';
import type { TimeUnit } from '../../compare/workspace';
import { download, el, lineSample, nextId } from '../dom';

/** Cursor sync group of the Compare charts: hovering one moves the cursor on all (uPlot.sync). */
export const COMPARE_SYNC_KEY = 'skinsim-compare';

/**
 * One measure's chart in the Compare view: a region with a heading and the evidence tag, the uPlot
 * plot (labelled "<Measure> chart"), a legend with each course's value at the cursor, a data table for
 * screen-reader users (built when opened), and a PNG download. Rebuilt when its columns change.
 */
export class CompareChart {
  readonly root: HTMLElement;
  private readonly plotHost: HTMLElement;
  private readonly legend = el('ul', { className: 'compare-legend' });
  private readonly description: HTMLElement;
  private readonly tableBox: HTMLDetailsElement;
  private plot: uPlot | null = null;
  private columns: ChartColumns | null = null;
  private timeUnit: TimeUnit = 'days';
  private widthPx = 360;

  constructor(readonly series: SeriesName) {
    const info = SERIES_INFO[series];
    const headingId = nextId('chart-title');
    const descId = nextId('chart-desc');
    this.description = el('p', { className: 'visually-hidden', attrs: { id: descId } });
    this.plotHost = el('div', { className: 'compare-plot', attrs: { role: 'img', 'aria-label': `${info.label} chart`, 'aria-describedby': descId } });
    const tag = el('span', { className: `tag ${info.evidence === 'data' ? 'tag-data' : 'tag-hyp'}`, text: info.evidence, attrs: { title: info.source } });
    const png = el('button', { className: 'secondary small', text: 'Save PNG', attrs: { type: 'button' } });
    png.addEventListener('click', () => this.savePng());
    this.tableBox = el('details', { className: 'chart-table' }, [el('summary', { text: 'Data table' })]);
    this.tableBox.addEventListener('toggle', () => {
      if (this.tableBox.open) this.renderTable();
    });
    this.root = el('section', { className: 'chart-card', attrs: { 'aria-labelledby': headingId, 'data-series': series } }, [
      el('div', { className: 'chart-head' }, [el('h3', { text: info.label, attrs: { id: headingId } }), tag]),
      el('p', { className: 'chart-note', text: `${info.description}. Source: ${info.source}.` }),
      this.plotHost,
      this.description,
      this.legend,
      el('div', { className: 'chart-actions' }, [this.tableBox, png]),
    ]);
  }

  get data(): ChartColumns | null {
    return this.columns;
  }

  resize(widthPx: number): void {
    const w = Math.max(240, Math.floor(widthPx));
    if (w === this.widthPx) return;
    this.widthPx = w;
    this.plot?.setSize({ width: w, height: this.heightPx() });
  }

  private heightPx(): number {
    return Math.round(Math.min(260, Math.max(170, this.widthPx * 0.55)));
  }

  show(columns: ChartColumns, timeUnit: TimeUnit): void {
    this.columns = columns;
    this.timeUnit = timeUnit;
    this.plot?.destroy();
    this.plot = null;
    this.plotHost.replaceChildren();
    const info = SERIES_INFO[this.series];
    const data: (number | null)[][] = [columns.x];
    const series: uPlot.Series[] = [{ label: timeUnit }];
    const bands: uPlot.Band[] = [];
    /** uPlot series index of each course's central line. */
    const lineIndex: number[] = [];
    for (const c of columns.courses) {
      const style = courseStyle(c.index);
      lineIndex.push(data.length);
      data.push(c.values);
      series.push({ label: c.name, stroke: style.colour, dash: [...style.dash], width: 2, points: { show: false }, spanGaps: false });
      if (c.p10 && c.p90) {
        const hi = data.length;
        data.push(c.p90);
        series.push({ label: `${c.name} 90th percentile`, stroke: 'transparent', width: 0, points: { show: false } });
        data.push(c.p10);
        series.push({ label: `${c.name} 10th percentile`, stroke: 'transparent', width: 0, points: { show: false } });
        bands.push({ series: [hi, hi + 1], fill: bandFill(style.colour) });
      }
    }
    const markers = (u: uPlot): void => this.drawMarkers(u, lineIndex);
    const opts: uPlot.Options = {
      width: this.widthPx,
      height: this.heightPx(),
      legend: { show: false },
      cursor: { sync: { key: COMPARE_SYNC_KEY }, drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false } },
      axes: [
        { label: timeUnit, size: 36, labelSize: 16 },
        {
          label: columns.unit === '' ? 'index' : columns.unit === 'grade' ? 'grade change' : '%',
          size: yAxisSize,
          font: AXIS_FONT,
          labelSize: 16,
          values: (_u, splits, _axis, _space, stepSize) => axisTickLabels(splits, stepSize),
        },
      ],
      series,
      bands,
      hooks: {
        draw: [markers],
        setCursor: [(u) => this.showLegend(u.cursor.idx ?? null)],
      },
    };
    this.plot = new uPlot(opts, data as uPlot.AlignedData, this.plotHost);
    this.showLegend(null);
    const last = columns.x.length - 1;
    this.description.textContent =
      columns.courses.length === 0
        ? `${info.label}: no course has run yet.`
        : `${info.label} over ${formatInUnit(columns.x[last] ?? 0, timeUnit)} for ${columns.courses.length} course${columns.courses.length === 1 ? '' : 's'}: ` +
          columns.courses.map((c) => `${c.name} ends at ${formatChartValue(lastValue(c.values), columns.unit)}`).join('; ') +
          '. Open the data table for every value.';
    if (this.tableBox.open) this.renderTable();
  }

  /** Session days as small triangles under each course's colour; the read-out day as a dot on its line. */
  private drawMarkers(u: uPlot, lineIndex: number[]): void {
    const cols = this.columns;
    if (!cols) return;
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

  /** The legend: each course's name, line sample and value at the cursor (at its read-out day when no cursor). */
  private showLegend(idx: number | null): void {
    const cols = this.columns;
    if (!cols) return;
    const items = cols.courses.map((c) => {
      const at = idx ?? nearestIndex(cols.x, c.readout);
      const value = at === null ? null : c.values[at];
      const where = idx === null ? `read-out, ${formatInUnit(c.readout, this.timeUnit)}` : formatInUnit(cols.x[idx] ?? 0, this.timeUnit);
      const band = at !== null && c.p10 && c.p90 ? ` (10–90 %: ${formatChartValue(c.p10[at], cols.unit)} to ${formatChartValue(c.p90[at], cols.unit)})` : '';
      const style = courseStyle(c.index);
      return el('li', {}, [lineSample(style.colour, style.dash), el('span', { className: 'legend-name', text: c.name }), el('span', { className: 'legend-value', text: `${formatChartValue(value, cols.unit)}${band} · ${where}` })]);
    });
    this.legend.replaceChildren(...items);
  }

  private renderTable(): void {
    const cols = this.columns;
    const old = this.tableBox.querySelector('table, p');
    old?.remove();
    if (!cols || cols.courses.length === 0) {
      this.tableBox.append(el('p', { text: 'No data yet.' }));
      return;
    }
    // At most ~400 rows: a long course is thinned, and says so (Export CSV holds every sample).
    const stride = Math.max(1, Math.ceil(cols.x.length / 400));
    const table = el('table', { className: 'data-table' });
    const info = SERIES_INFO[this.series];
    const unitText = { '%': ' (% change)', '% level': ' (%)', grade: ' (grades, negative = better)', '': '' }[cols.unit];
    table.append(el('caption', { text: `${info.label}${unitText}${stride > 1 ? `, every ${stride}th sample` : ''}` }));
    const head = el('tr', {}, [el('th', { text: this.timeUnit, attrs: { scope: 'col' } }), ...cols.courses.map((c) => el('th', { text: c.name, attrs: { scope: 'col' } }))]);
    const body = el('tbody');
    for (let t = 0; t < cols.x.length; t += stride) {
      body.append(el('tr', {}, [el('th', { text: String(Number(cols.x[t]!.toFixed(3))), attrs: { scope: 'row' } }), ...cols.courses.map((c) => el('td', { text: formatChartValue(c.values[t], cols.unit) }))]));
    }
    table.append(el('thead', {}, [head]), body);
    this.tableBox.append(table);
  }

  /** A PNG of the chart with its title and legend, on white (the plot canvas alone has neither). */
  private savePng(): void {
    const plot = this.plot;
    const cols = this.columns;
    if (!plot || !cols) return;
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
    const info = SERIES_INFO[this.series];
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
      if (blob) download(blob, `skinsim-${this.series}.png`);
    }, 'image/png');
  }

  destroy(): void {
    this.plot?.destroy();
  }
}

/** The y axis's tick font, set on the axis so that its labels can be measured. */
const AXIS_FONT = '12px system-ui, sans-serif';
let axisMeasure: CanvasRenderingContext2D | null = null;

/**
 * Width of the y axis for its longest tick label (uPlot's auto-size recipe, measured in CSS px), at
 * least the 48 px of short labels: "0.0005" must not run into the axis title.
 */
function yAxisSize(_u: uPlot, values: string[] | null): number {
  const longest = (values ?? []).reduce((acc, v) => (v.length > acc.length ? v : acc), '');
  if (longest === '') return 48;
  axisMeasure ??= document.createElement('canvas').getContext('2d');
  if (!axisMeasure) return 48;
  axisMeasure.font = AXIS_FONT;
  // Tick length (10) and gap (5) are uPlot's defaults, plus a little air.
  return Math.max(48, Math.ceil(axisMeasure.measureText(longest).width + 10 + 5 + 4));
}

function lastValue(values: (number | null)[]): number | null {
  for (let k = values.length - 1; k >= 0; k--) if (values[k] !== null) return values[k]!;
  return null;
}

/** Index of the sample at or just before x (the x axis is sorted); the first sample for an x before it. */
function nearestIndex(xs: readonly number[], x: number): number | null {
  return xs.length === 0 ? null : Math.max(0, indexAtOrBefore(xs, x));
}
