import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesName } from '../../engine/index';
import { formatChartValue, type ChartColumns } from '../../compare/chartData';
import { bandFill, courseStyle } from '../palette';
import { formatInUnit } from '../../compare/timeAxis';
import { describePoint, pointsRange, type PublishedPoint } from '../../compare/publishedData';
import { drawCourseMarkers, nearestIndex, saveChartPng } from './chartDrawing';
import { drawPublishedPoints, publishedLegendItems, publishedTable } from './publishedLayer';
import type { SeriesEvidence } from '../../evidence/seriesEvidence';
import type { TimeUnit } from '../../compare/workspace';
import { el, lineSample, nextId } from '../dom';
import { AXIS_FONT, chartHeightPx, preciseTicks, yAxisSize } from '../chartAxes';
import { evidenceTagClass, seriesDisplay } from '../seriesDisplay';

/**
 * What a chart shows beside the courses' curves: each course's evidence for this series (the tag the
 * CLI writes for its protocol) and the trials whose protocol it repeats, and the published points when
 * "Show published data" is on (null when off).
 */
export interface ChartExtras {
  /** One entry per course on the chart, in the chart's order (courses with a result). */
  courses: { evidence: SeriesEvidence; matches: string[] }[];
  published: PublishedPoint[] | null;
}

const NO_EXTRAS: ChartExtras = { courses: [], published: null };

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
  private extras: ChartExtras = NO_EXTRAS;
  private readonly tag: HTMLElement;

  constructor(readonly series: SeriesName) {
    const info = seriesDisplay(series);
    const headingId = nextId('chart-title');
    const descId = nextId('chart-desc');
    this.description = el('p', { className: 'visually-hidden', attrs: { id: descId } });
    this.plotHost = el('div', { className: 'compare-plot', attrs: { role: 'img', 'aria-label': `${info.label} chart`, 'aria-describedby': descId } });
    const tag = el('span', { className: `tag ${evidenceTagClass(info.evidence)}`, text: info.evidence, attrs: { title: info.source } });
    this.tag = tag;
    const png = el('button', { className: 'secondary small', text: 'Save PNG', attrs: { type: 'button' } });
    png.addEventListener('click', () => {
      if (this.plot && this.columns) saveChartPng(this.series, this.plot, this.columns);
    });
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
    return chartHeightPx(this.widthPx, { minPx: 170, maxPx: 260 });
  }

  /** The published points shown (empty when "Show published data" is off). */
  get points(): readonly PublishedPoint[] {
    return this.extras.published ?? [];
  }

  show(columns: ChartColumns, timeUnit: TimeUnit, extras: ChartExtras = NO_EXTRAS): void {
    this.columns = columns;
    this.timeUnit = timeUnit;
    this.extras = extras;
    this.showTag();
    this.plot?.destroy();
    this.plot = null;
    this.plotHost.replaceChildren();
    const info = seriesDisplay(this.series);
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
    const markers = (u: uPlot): void => {
      if (this.columns) drawCourseMarkers(u, this.columns, lineIndex);
      drawPublishedPoints(u, this.points);
    };
    const points = this.points;
    const yPoints = pointsRange(points);
    const xPoints = points.length === 0 ? null : { min: Math.min(...points.map((p) => p.x)), max: Math.max(...points.map((p) => p.x)) };
    // The scales reach the published points too, so that a trial at day 176 shows on a 90-day course's chart.
    const widen =
      (extra: { min: number; max: number } | null, pad: number): uPlot.Range.Function =>
      (_u, dataMin, dataMax) => {
        const lo = Math.min(...[dataMin, extra?.min].filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v)));
        const hi = Math.max(...[dataMax, extra?.max].filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v)));
        if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
        return uPlot.rangeNum(lo, hi, pad, true);
      };
    const opts: uPlot.Options = {
      width: this.widthPx,
      height: this.heightPx(),
      legend: { show: false },
      cursor: { sync: { key: COMPARE_SYNC_KEY }, drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, ...(xPoints ? { range: widen(xPoints, 0.02) } : {}) }, ...(yPoints ? { y: { range: widen(yPoints, 0.1) } } : {}) },
      axes: [
        { label: timeUnit, size: 36, labelSize: 16 },
        {
          label: columns.unit === '' ? 'index' : columns.unit === 'grade' ? 'grade change' : '%',
          size: yAxisSize,
          font: AXIS_FONT,
          labelSize: 16,
          values: preciseTicks,
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
          '. Open the data table for every value.' +
          (points.length === 0 ? '' : ` Published data: ${points.map((p) => `${p.trial} at ${formatInUnit(p.x, timeUnit)}: ${describePoint(p, columns.unit)}`).join('; ')}.`);
    if (this.tableBox.open) this.renderTable();
  }

  /** The heading's tag: the series' own basis, or "extrapolation" when a course lies outside the trials' envelope. */
  private showTag(): void {
    const info = seriesDisplay(this.series);
    const outside = this.extras.courses.flatMap((c, k) => (c.evidence.tag === 'extrapolation' ? [`${this.columns?.courses[k]?.name ?? `course ${k + 1}`}: ${c.evidence.reason}`] : []));
    const tag = info.evidence === 'hypothesis' ? 'hypothesis' : outside.length > 0 ? 'extrapolation' : 'data';
    this.tag.className = `tag ${evidenceTagClass(tag)}`;
    this.tag.textContent = tag;
    this.tag.title = tag === 'extrapolation' ? `Outside the published trials' protocols — ${outside.join('; ')}. ${info.source}` : info.source;
  }

  /** The legend: each course's name, line sample and value at the cursor (at its read-out day when no cursor). */
  private showLegend(idx: number | null): void {
    const cols = this.columns;
    if (!cols) return;
    const items = cols.courses.map((c, k) => {
      const at = idx ?? nearestIndex(cols.x, c.readout);
      const value = at === null ? null : c.values[at];
      const where = idx === null ? `read-out, ${formatInUnit(c.readout, this.timeUnit)}` : formatInUnit(cols.x[idx] ?? 0, this.timeUnit);
      const band = at !== null && c.p10 && c.p90 ? ` (10–90 %: ${formatChartValue(c.p10[at], cols.unit)} to ${formatChartValue(c.p90[at], cols.unit)})` : '';
      const style = courseStyle(c.index);
      // extras.courses lines up with the chart's courses (the ones with a result), not with the workspace.
      const extra = this.extras.courses[k];
      const evidence = extra
        ? [el('span', { className: `tag ${evidenceTagClass(extra.evidence.tag)}`, text: extra.evidence.tag, attrs: { title: extra.evidence.reason } }), extra.evidence.tag === 'extrapolation' ? el('span', { className: 'legend-note', text: extra.evidence.reason }) : null]
        : [];
      const matches = extra && extra.matches.length > 0 ? [el('span', { className: 'legend-note', text: `protocol of ${extra.matches.join(', ')}` })] : [];
      return el('li', {}, [
        lineSample(style.colour, style.dash),
        el('span', { className: 'legend-name', text: c.name }),
        el('span', { className: 'legend-value', text: `${formatChartValue(value, cols.unit)}${band} · ${where}` }),
        ...evidence.filter((e): e is HTMLElement => e !== null),
        ...matches,
      ]);
    });
    this.legend.replaceChildren(...items, ...publishedLegendItems(this.points, cols.unit, this.timeUnit));
  }

  private renderTable(): void {
    const cols = this.columns;
    for (const old of this.tableBox.querySelectorAll('table, p')) old.remove();
    if (this.points.length > 0) this.tableBox.append(publishedTable(this.series, this.points, cols?.unit ?? '', this.timeUnit));
    if (!cols || cols.courses.length === 0) {
      this.tableBox.append(el('p', { text: 'No data yet.' }));
      return;
    }
    // At most ~400 rows: a long course is thinned, and says so (Export CSV holds every sample).
    const stride = Math.max(1, Math.ceil(cols.x.length / 400));
    const table = el('table', { className: 'data-table' });
    const info = seriesDisplay(this.series);
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

  destroy(): void {
    this.plot?.destroy();
  }
}

function lastValue(values: (number | null)[]): number | null {
  for (let k = values.length - 1; k >= 0; k--) if (values[k] !== null) return values[k]!;
  return null;
}
