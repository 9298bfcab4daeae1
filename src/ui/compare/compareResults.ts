import { MAX_DAYS, type Scenario, type SeriesName } from '../../engine/index';
import { COMPARE_SERIES, chartAxis, chartColumns } from '../../compare/chartData';
import { matchingTrials, publishedPoints } from '../../compare/publishedData';
import { resultEvidence } from '../../evidence/seriesEvidence';
import type { ShownRun } from '../../compare/shownRun';
import { TIME_UNITS, WorkspaceSchema, type TimeUnit, type Workspace } from '../../compare/workspace';
import { el } from '../dom';
import { CompareChart } from './compareChart';
import type { CompareModel } from './compareModel';
import { SummaryTable } from './summaryTable';

/**
 * Compare's "Outcome curves" section: the time-axis, read-out and "Show published data" controls, one
 * synced chart per measure and the course summary. Charts and summary follow the model's workspace and
 * finished runs, redrawn at most once per animation frame and only when what they show changed.
 */
export class CompareResults {
  readonly root: HTMLElement;
  readonly charts = new Map<SeriesName, CompareChart>();
  private readonly grid = el('div', { className: 'chart-grid' });
  // Until a course has a result, one sentence instead of a wall of empty chart frames.
  private readonly empty = el('p', { className: 'hint charts-empty', text: 'The outcome charts appear here once a course has run: add a course and press Run.' });
  private readonly summary = new SummaryTable();
  private readonly unitSelect = el('select', { attrs: { id: 'compare-unit' } });
  private readonly readoutAuto = el('input', { attrs: { type: 'checkbox', id: 'compare-readout-auto' } });
  private readonly readoutDay = el('input', { attrs: { type: 'number', id: 'compare-readout', min: '0', max: String(MAX_DAYS), step: '1', inputmode: 'numeric' } });
  // "Show published data" (contract name): the trials' figures on the charts of their measures.
  private readonly publishedToggle = el('input', { attrs: { type: 'checkbox', id: 'compare-published' } });
  private readonly readoutError = el('p', { className: 'inline-warning', attrs: { id: 'compare-readout-error' } });
  private queued = false;
  /** What charts and summary were last drawn from (the workspace, each course's run): progress ticks change neither. */
  private drawn: { ws: Workspace; runs: (ShownRun | null)[]; published: boolean } | null = null;

  constructor(private readonly model: CompareModel) {
    for (const u of TIME_UNITS) this.unitSelect.append(new Option(u, u));
    this.readoutError.hidden = true;
    this.grid.hidden = true; // until the first result (redraw shows it)
    for (const s of COMPARE_SERIES) {
      const chart = new CompareChart(s);
      this.charts.set(s, chart);
      this.grid.append(chart.root);
    }
    this.root = el('section', { className: 'panel compare-results', attrs: { 'aria-labelledby': 'compare-results-title' } }, [
      el('h2', { text: 'Outcome curves', attrs: { id: 'compare-results-title' } }),
      el('div', { className: 'compare-toolbar' }, [
        el('label', { text: 'Time axis', attrs: { for: 'compare-unit' } }),
        this.unitSelect,
        el('label', { className: 'check' }, [this.readoutAuto, ' Read out 8 weeks after the last session']),
        el('label', { text: 'Read-out day', attrs: { for: 'compare-readout' } }),
        this.readoutDay,
        el('label', { className: 'check' }, [this.publishedToggle, ' Show published data']),
      ]),
      this.readoutError,
      el('p', { className: 'hint', text: 'Hover a chart to read every course at that time; triangles mark session days, a dot the read-out day. A shaded band is a virtual cohort’s 10–90 % range.' }),
      this.empty,
      this.grid,
      el('div', { className: 'table-scroll' }, [this.summary.root]),
    ]);
    this.bindControls();
    new ResizeObserver(() => {
      const first = this.grid.firstElementChild as HTMLElement | null;
      const w = (first?.clientWidth ?? 360) - 20;
      for (const c of this.charts.values()) c.resize(w);
    }).observe(this.grid);
  }

  /** True while a redraw waits for its animation frame. */
  get pending(): boolean {
    return this.queued;
  }

  /** The controls' values as the workspace holds them. */
  showSettings(ws: Workspace): void {
    this.unitSelect.value = ws.timeUnit;
    this.readoutAuto.checked = ws.readoutDay === null;
    this.readoutDay.disabled = ws.readoutDay === null;
    if (ws.readoutDay !== null) this.readoutDay.value = String(ws.readoutDay);
  }

  redraw(): void {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.draw();
    });
  }

  private draw(): void {
    const ws = this.model.workspace.get();
    const runs = ws.courses.map((_, index) => {
      // A finished run, or the quick run at the cohort grid while the full one runs (issue 17).
      const r = this.model.runOf(index);
      return (r?.status === 'done' || r?.status === 'running') && r.result ? r.result : null;
    });
    const published = this.publishedToggle.checked;
    const last = this.drawn;
    if (last && last.ws === ws && last.published === published && runs.every((run, k) => run === last.runs[k])) return;
    this.drawn = { ws, runs, published };
    const done: { index: number; course: Scenario; run: ShownRun }[] = [];
    ws.courses.forEach((course, index) => {
      const run = runs[index];
      if (run) done.push({ index, course, run });
    });
    this.grid.hidden = done.length === 0;
    this.empty.hidden = done.length > 0;
    const axis = chartAxis(done, ws.timeUnit, ws.readoutDay);
    // Per course once (not per chart): its evidence for every series and the trials it repeats.
    const about = done.map(({ course }) => ({ evidence: resultEvidence(course), matches: matchingTrials(course) }));
    for (const [s, chart] of this.charts) {
      const extras = { courses: about.map((c) => ({ evidence: c.evidence[s], matches: c.matches })), published: published ? publishedPoints(s, ws.timeUnit) : null };
      chart.show(chartColumns(s, axis), ws.timeUnit, extras);
    }
    this.summary.show(
      ws.courses.map((course, index) => ({ index, course, run: done.find((d) => d.index === index)?.run ?? null })),
      ws.readoutDay,
      ws.timeUnit,
    );
  }

  private bindControls(): void {
    const { model, readoutDay, readoutError, readoutAuto } = this;
    this.publishedToggle.addEventListener('change', () => this.redraw());
    this.unitSelect.addEventListener('change', () => model.setTimeUnit(this.unitSelect.value as TimeUnit));
    readoutAuto.addEventListener('change', () => {
      const last = Math.max(0, ...model.workspace.get().courses.map((c) => c.days));
      model.setReadoutDay(readoutAuto.checked ? null : Math.min(last, Number(readoutDay.value) || 56));
    });
    readoutDay.addEventListener('change', () => {
      const v = readoutDay.valueAsNumber;
      const ok = WorkspaceSchema.shape.readoutDay.safeParse(v).success;
      readoutError.hidden = ok;
      readoutError.textContent = ok ? '' : `${readoutDay.value || 'empty'} is not a day; allowed 0–${MAX_DAYS} days`;
      readoutDay.toggleAttribute('aria-invalid', !ok);
      if (ok) model.setReadoutDay(v);
    });
  }
}
