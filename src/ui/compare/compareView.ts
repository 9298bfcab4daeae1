import { MAX_DAYS, MAX_INPUT_BYTES, MAX_PASSES, type Scenario, type SeriesName } from '../../engine/index';
import { CHART_SERIES, chartAxis, chartColumns } from '../../compare/chartData';
import { compareToCsv } from '../../compare/compareCsv';
import { newCourse } from '../../compare/courseForm';
import { PRESETS as presets } from '../../compare/presets';
import { workspaceToJson } from '../../compare/jsonTransfer';
import { decodeShareFragment, encodeShareFragment } from '../../compare/shareLink';
import type { ShownRun } from '../../compare/shownRun';
import {
  courseKey,
  courseName,
  DOSE_MAP_MAX_SESSIONS,
  DoseMapSettingsSchema,
  emptyWorkspace,
  MAX_COURSES,
  TIME_UNITS,
  WorkspaceSchema,
  type TimeUnit,
  type Workspace,
} from '../../compare/workspace';
import { courseEvidence, doseMapInsideEnvelope, matchingTrials, publishedPoints } from '../../compare/publishedData';
import { CompareChart } from './compareChart';
import { CompareModel } from './compareModel';
import { loadPreviousWorkspace, loadWorkspace, savePreviousWorkspace, saveWorkspace } from '../storage/workspaceStorage';
import { CourseCard } from './courseCard';
import { createCompareRunners } from './courseRunner';
import { DoseMapModel } from './doseMapModel';
import { DoseMapView } from './doseMapView';
import { download, el } from '../dom';
import { SummaryTable } from './summaryTable';

/** The example comparison: the usual course, weekly and daily. */
const EXAMPLE_FILES = ['three-monthly.json', 'weekly-12.json', 'overdoing-daily.json'];

/** What end-to-end tests read instead of pixels. */
export interface CompareTestHook {
  workspace(): Workspace;
  statuses(): (string | null)[];
  chartData(series: SeriesName): { names: string[]; x: number[]; values: (number | null)[][]; published: string[] } | null;
  doseMap(): { status: string; done: number };
  /** The central series of course `index` as the engine gave them (not scaled for display), for hashing against the CLI. */
  resultSeries(index: number): { days: number[]; series: Record<string, number[]> } | null;
  /** True when no course is running and every course has a result. */
  settled(): boolean;
}

declare global {
  interface Window {
    __skinsimCompare?: CompareTestHook;
  }
}

/**
 * The Compare view: courses side by side (up to six), run in a worker pool, read as synced outcome
 * charts, a summary table and a dose map; exported, imported and shared. Mounted into `host` (a tab
 * panel); builds its own DOM so the session view's markup stays as it is.
 */
export async function startCompare(host: HTMLElement, options: { onOpen(): void }): Promise<CompareModel> {
  const runners = createCompareRunners();
  const model = new CompareModel(runners.course, emptyWorkspace());
  const doseMap = new DoseMapModel(runners.dose);

  // ── Layout ──────────────────────────────────────────────────────────────────────────────
  const notices = el('div', { className: 'compare-notices', attrs: { role: 'status', 'aria-live': 'polite' } });
  const presetSelect = el('select', { attrs: { id: 'compare-preset' } });
  presetSelect.append(new Option('A new course (3 × monthly, 1.5 mm)', ''));
  for (const p of presets) presetSelect.append(new Option(p.scenario.name ?? p.file, p.file));
  const addButton = el('button', { text: 'Add course', attrs: { type: 'button' } });
  const runButton = el('button', { text: 'Run', attrs: { type: 'button' } });
  const exampleButton = el('button', { text: 'Load the example comparison', className: 'secondary', attrs: { type: 'button' } });
  const csvButton = el('button', { text: 'Export CSV', className: 'secondary', attrs: { type: 'button' } });
  const jsonButton = el('button', { text: 'Export JSON', className: 'secondary', attrs: { type: 'button' } });
  const importButton = el('button', { text: 'Import', className: 'secondary', attrs: { type: 'button' } });
  const importFile = el('input', { attrs: { type: 'file', accept: '.json,application/json', hidden: '', 'aria-hidden': 'true', tabindex: '-1' } });
  const shareButton = el('button', { text: 'Copy share link', className: 'secondary', attrs: { type: 'button' } });
  const restoreButton = el('button', { text: 'Restore my previous comparison', className: 'secondary small', attrs: { type: 'button' } });
  restoreButton.hidden = true;
  const unitSelect = el('select', { attrs: { id: 'compare-unit' } });
  for (const u of TIME_UNITS) unitSelect.append(new Option(u, u));
  const readoutAuto = el('input', { attrs: { type: 'checkbox', id: 'compare-readout-auto' } });
  const readoutDay = el('input', { attrs: { type: 'number', id: 'compare-readout', min: '0', max: String(MAX_DAYS), step: '1', inputmode: 'numeric' } });
  // "Show published data" (contract name): the trials' figures on the charts of their measures.
  const publishedToggle = el('input', { attrs: { type: 'checkbox', id: 'compare-published' } });
  const readoutError = el('p', { className: 'inline-warning', attrs: { id: 'compare-readout-error' } });
  readoutError.hidden = true;

  const courseList = el('div', { className: 'course-list' });
  const chartGrid = el('div', { className: 'chart-grid' });
  // Until a course has a result, one sentence instead of a wall of empty chart frames.
  const chartsEmpty = el('p', { className: 'hint charts-empty', text: 'The outcome charts appear here once a course has run: add a course and press Run.' });
  chartGrid.hidden = true; // until the first result (redraw shows it)
  const summary = new SummaryTable();
  const doseView = new DoseMapView();
  const doseSessions = el('input', { attrs: { type: 'number', id: 'dose-sessions', min: '1', max: String(DOSE_MAP_MAX_SESSIONS), step: '1' } });
  const dosePasses = el('input', { attrs: { type: 'number', id: 'dose-passes', min: '1', max: String(MAX_PASSES), step: '1' } });
  const doseBase = el('select', { attrs: { id: 'dose-base' } });
  const doseRun = el('button', { text: 'Compute dose map', attrs: { type: 'button' } });
  const doseCancel = el('button', { text: 'Cancel dose map', className: 'secondary', attrs: { type: 'button', disabled: '' } });
  const doseProgress = el('progress', { attrs: { max: '1', value: '0', 'aria-label': 'Dose map progress' } });
  const doseStatus = el('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  const dosePng = el('button', { text: 'Save dose map PNG', className: 'secondary small', attrs: { type: 'button' } });

  host.append(
    el('div', { className: 'compare-intro panel' }, [
      el('h2', { text: 'Compare courses' }),
      el('p', {
        text: 'How often, and how many? Add courses from the presets or build your own, press Run, and read their curves side by side. Try "3 × monthly", "Weekly × 12" and "Daily × 14": which keeps the capillaries intact, which gains more collagen?',
      }),
      el('div', { className: 'compare-toolbar' }, [
        el('label', { text: 'Start from', attrs: { for: 'compare-preset' } }),
        presetSelect,
        addButton,
        runButton,
        exampleButton,
      ]),
      el('div', { className: 'compare-toolbar' }, [csvButton, jsonButton, importButton, importFile, shareButton, restoreButton]),
      notices,
    ]),
    el('div', { className: 'compare-layout' }, [
      el('section', { className: 'panel compare-courses', attrs: { 'aria-labelledby': 'compare-courses-title' } }, [el('h2', { text: 'Courses', attrs: { id: 'compare-courses-title' } }), courseList]),
      el('section', { className: 'panel compare-results', attrs: { 'aria-labelledby': 'compare-results-title' } }, [
        el('h2', { text: 'Outcome curves', attrs: { id: 'compare-results-title' } }),
        el('div', { className: 'compare-toolbar' }, [
          el('label', { text: 'Time axis', attrs: { for: 'compare-unit' } }),
          unitSelect,
          el('label', { className: 'check' }, [readoutAuto, ' Read out 8 weeks after the last session']),
          el('label', { text: 'Read-out day', attrs: { for: 'compare-readout' } }),
          readoutDay,
          el('label', { className: 'check' }, [publishedToggle, ' Show published data']),
        ]),
        readoutError,
        el('p', { className: 'hint', text: 'Hover a chart to read every course at that time; triangles mark session days, a dot the read-out day. A shaded band is a virtual cohort’s 10–90 % range.' }),
        chartsEmpty,
        chartGrid,
        el('div', { className: 'table-scroll' }, [summary.root]),
      ]),
    ]),
    el('section', { className: 'panel compare-dose', attrs: { 'aria-labelledby': 'dose-title' } }, [
      el('h2', { text: 'Dose map: interval × needle length', attrs: { id: 'dose-title' } }),
      el('p', { text: 'Each cell is a course with the chosen number of sessions, read 8 weeks after its last session and coloured by collagen gain. The outline marks where capillary damage becomes visible — the "safe window" lies outside it. Capillary damage is a hypothesis of the model. The dashed amber frame holds the cells inside the published trials’ protocols (data); every other cell is extrapolation.' }),
      el('div', { className: 'compare-toolbar' }, [
        el('label', { text: 'Skin from', attrs: { for: 'dose-base' } }),
        doseBase,
        el('label', { text: 'Sessions on the map', attrs: { for: 'dose-sessions' } }),
        doseSessions,
        el('label', { text: 'Passes on the map', attrs: { for: 'dose-passes' } }),
        dosePasses,
        doseRun,
        doseCancel,
        doseProgress,
      ]),
      doseStatus,
      el('div', { className: 'dose-scroll' }, [doseView.canvas]),
      el('div', { className: 'chart-actions' }, [doseView.table, dosePng]),
    ]),
  );

  // ── Charts ─────────────────────────────────────────────────────────────────────────────
  const charts = new Map<SeriesName, CompareChart>();
  for (const s of CHART_SERIES) {
    const chart = new CompareChart(s);
    charts.set(s, chart);
    chartGrid.append(chart.root);
  }
  const chartWidth = (): number => {
    const first = chartGrid.firstElementChild as HTMLElement | null;
    return (first?.clientWidth ?? 360) - 20;
  };
  const resizeObserver = new ResizeObserver(() => {
    const w = chartWidth();
    for (const c of charts.values()) c.resize(w);
    doseView.resize(host.clientWidth - 60);
  });
  resizeObserver.observe(chartGrid);

  // ── Course cards ───────────────────────────────────────────────────────────────────────
  const cards: CourseCard[] = [];
  const cardEvents = {
    change: (index: number, course: Scenario) => model.replaceCourse(index, course),
    remove: (index: number) => model.removeCourse(index),
    cancel: (index: number) => model.cancel(index),
  };
  const renderCourses = (ws: Workspace): void => {
    while (cards.length > ws.courses.length) cards.pop()!.root.remove();
    ws.courses.forEach((course, index) => {
      let card = cards[index];
      if (!card) {
        card = new CourseCard(index, course, cardEvents);
        cards.push(card);
        courseList.append(card.root);
      } else if (card.shownKey !== courseKey(course)) card.show(index, course);
      card.showRun(model.runOf(index));
    });
    addButton.disabled = ws.courses.length >= MAX_COURSES;
    if (ws.courses.length === 0) courseList.replaceChildren(el('p', { className: 'hint', text: 'No course yet: choose a preset and press Add course.' }));
    else if (courseList.querySelector(':scope > p')) courseList.querySelector(':scope > p')!.remove();
    doseBase.replaceChildren(new Option('Cheek, phototype III (default)', ''), ...ws.courses.map((c, k) => new Option(courseName(c, k), String(k))));
  };

  // ── Results: charts and summary follow the runs ───────────────────────────────────────
  let redrawQueued = false;
  /** What charts and summary were last drawn from (the workspace, each course's finished run): progress ticks change neither. */
  let drawn: { ws: Workspace; runs: (ShownRun | null)[]; published: boolean } | null = null;
  const redraw = (): void => {
    if (redrawQueued) return;
    redrawQueued = true;
    requestAnimationFrame(() => {
      redrawQueued = false;
      const ws = model.workspace.get();
      const runs = ws.courses.map((_, index) => {
        // A finished run, or the quick run at the cohort grid while the full one runs (issue 17).
        const r = model.runOf(index);
        return (r?.status === 'done' || r?.status === 'running') && r.result ? r.result : null;
      });
      const last = drawn;
      if (last && last.ws === ws && last.published === publishedToggle.checked && runs.every((run, k) => run === last.runs[k])) return;
      drawn = { ws, runs, published: publishedToggle.checked };
      const done: { index: number; course: Scenario; run: ShownRun }[] = [];
      ws.courses.forEach((course, index) => {
        const run = runs[index];
        if (run) done.push({ index, course, run });
      });
      chartGrid.hidden = done.length === 0;
      chartsEmpty.hidden = done.length > 0;
      const axis = chartAxis(done, ws.timeUnit, ws.readoutDay);
      const showPublished = publishedToggle.checked;
      const matches = done.map(({ course }) => matchingTrials(course));
      for (const [s, chart] of charts) {
        const extras = { courses: done.map(({ course }, k) => ({ evidence: courseEvidence(course, s), matches: matches[k]! })), published: showPublished ? publishedPoints(s, ws.timeUnit) : null };
        chart.show(chartColumns(s, axis), ws.timeUnit, extras);
      }
      summary.show(
        ws.courses.map((course, index) => ({ index, course, run: done.find((d) => d.index === index)?.run ?? null })),
        ws.readoutDay,
        ws.timeUnit,
      );
    });
  };

  model.workspace.subscribe((ws) => {
    renderCourses(ws);
    unitSelect.value = ws.timeUnit;
    readoutAuto.checked = ws.readoutDay === null;
    readoutDay.disabled = ws.readoutDay === null;
    if (ws.readoutDay !== null) readoutDay.value = String(ws.readoutDay);
    doseSessions.value = String(ws.doseMap.sessions);
    dosePasses.value = String(ws.doseMap.passes);
    redraw();
    scheduleSave(ws);
  });
  model.runs.subscribe(() => {
    model.workspace.get().courses.forEach((_, index) => cards[index]?.showRun(model.runOf(index)));
    const running = model.workspace.get().courses.some((_, k) => model.runOf(k)?.status === 'running');
    runButton.setAttribute('aria-busy', String(running));
    redraw();
  });
  model.notices.subscribe((list) => {
    notices.replaceChildren(
      ...list.map((n) => {
        const close = el('button', { text: 'Dismiss', className: 'secondary small', attrs: { type: 'button' } });
        close.addEventListener('click', () => model.dismiss(n.id));
        return el('p', { className: n.kind === 'error' ? 'notice notice-error' : 'notice', attrs: { 'data-about': n.about } }, [n.text, ' ', close]);
      }),
    );
  });

  // ── Controls ───────────────────────────────────────────────────────────────────────────
  addButton.addEventListener('click', () => {
    const n = model.workspace.get().courses.length;
    const preset = presets.find((p) => p.file === presetSelect.value);
    model.addCourse(preset ? preset.scenario : newCourse(n));
  });
  runButton.addEventListener('click', () => model.run());
  // The question people come with: monthly, weekly or daily? Three presets, run at once.
  exampleButton.addEventListener('click', () => {
    const example = EXAMPLE_FILES.flatMap((f) => presets.filter((p) => p.file === f).map((p) => p.scenario));
    void replaceKeepingPrevious({ ...model.workspace.get(), courses: example }, 'Loaded the example comparison: 3 × monthly, Weekly × 12 and Daily × 14');
  });
  publishedToggle.addEventListener('change', () => redraw());
  unitSelect.addEventListener('change', () => model.setTimeUnit(unitSelect.value as TimeUnit));
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
  csvButton.addEventListener('click', () => {
    const ws = model.workspace.get();
    const items = ws.courses.flatMap((course, index) => {
      const r = model.runOf(index);
      return r?.status === 'done' && r.result ? [{ course, run: r.result }] : [];
    });
    if (items.length === 0) return model.notify('error', 'run', 'Nothing to export yet: press Run first.');
    download(new Blob([compareToCsv(items, CHART_SERIES)], { type: 'text/csv' }), 'skinsim-comparison.csv');
    model.clearErrors();
  });
  jsonButton.addEventListener('click', () => {
    download(new Blob([workspaceToJson(model.workspace.get())], { type: 'application/json' }), 'skinsim-comparison.json');
    model.clearErrors();
  });
  importButton.addEventListener('click', () => importFile.click());
  importFile.addEventListener('change', () => {
    const file = importFile.files?.[0];
    importFile.value = '';
    if (!file) return;
    // Refused before reading: a 1 GB file must not be loaded to be rejected (the reader checks the text again).
    if (file.size > MAX_INPUT_BYTES) return model.notify('error', 'import', `Import failed, nothing was changed: the file is ${(file.size / 1e6).toFixed(1)} MB; the size limit is ${MAX_INPUT_BYTES / 1e6} MB`);
    void file.text().then((text) => model.importText(text));
  });
  shareButton.addEventListener('click', () => {
    const enc = encodeShareFragment(model.workspace.get());
    if (!enc.ok) return model.notify('error', 'share', enc.problem);
    const url = `${location.origin}${location.pathname}${enc.fragment}`;
    history.replaceState(null, '', enc.fragment);
    navigator.clipboard
      ?.writeText(url)
      .then(() => model.notify('info', 'share', 'Share link copied: it holds the whole comparison.'))
      .catch(() => model.notify('info', 'share', `Copy this link: ${url}`)) ?? model.notify('info', 'share', `Copy this link: ${url}`);
  });
  restoreButton.addEventListener('click', () => {
    void loadPreviousWorkspace().then(({ workspace }) => {
      if (workspace) {
        model.load(workspace);
        restoreButton.hidden = true;
        model.notify('info', 'share', 'Your previous comparison is back.');
      }
    });
  });
  doseRun.addEventListener('click', () => {
    const ws = model.workspace.get();
    const settings = DoseMapSettingsSchema.safeParse({ sessions: doseSessions.valueAsNumber, passes: dosePasses.valueAsNumber });
    if (!settings.success) {
      return model.notify('error', 'dose-map', `Sessions on the map: whole numbers 1–${DOSE_MAP_MAX_SESSIONS}; passes: whole numbers 1–${MAX_PASSES}.`);
    }
    model.setDoseMap(settings.data);
    const k = doseBase.value === '' ? -1 : Number(doseBase.value);
    const base = ws.courses[k] ?? newCourse(0);
    doseView.setEvidence(doseMapInsideEnvelope(base, settings.data));
    doseMap.compute(base, k >= 0 ? courseName(base, k) : 'cheek, phototype III', settings.data);
  });
  doseCancel.addEventListener('click', () => doseMap.cancel());
  dosePng.addEventListener('click', () => doseView.savePng());
  doseMap.state.watch((s) => {
    doseView.show(s);
    const total = s.cells.length;
    doseProgress.value = s.done / total;
    doseCancel.disabled = s.status !== 'running';
    doseStatus.textContent =
      s.status === 'idle'
        ? 'Not computed yet.'
        : `${s.basis ? `${s.basis.sessions} sessions × ${s.basis.passes} passes, skin of ${s.basis.name}: ` : ''}${s.done} of ${total} cells${s.status === 'running' ? '…' : s.status === 'cancelled' ? ' (cancelled)' : s.status === 'error' ? ` (failed: ${s.error})` : ' — done.'}`;
  });

  // ── Persistence and share links ────────────────────────────────────────────────────────
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let storageWorks = true;
  function scheduleSave(ws: Workspace): void {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      saveWorkspace(ws).catch((err: unknown) => {
        if (storageWorks) model.notify('error', 'storage', `This browser cannot save the comparison (${(err as Error).message}); it stays in memory until the tab closes.`);
        storageWorks = false;
      });
    }, 300);
  }
  const saved = await loadWorkspace();
  if (saved.error) model.notify('error', 'storage', saved.error);
  if (saved.workspace) model.load(saved.workspace);
  else model.workspace.set({ ...model.workspace.get() });
  // Results are not stored, only courses: a restored comparison recomputes them at once (same seeds, same
  // numbers), so a reload shows the curves without pressing Run. A share link in the address runs its own.
  if (saved.workspace && saved.workspace.courses.length > 0 && decodeShareFragment(location.hash) === null) model.run();

  /** Replaces the comparison (a link, the example) without losing the user's own: it is kept as "previous". */
  async function replaceKeepingPrevious(next: Workspace, message: string): Promise<void> {
    const current = model.workspace.get();
    if (current.courses.length > 0) {
      await savePreviousWorkspace(current).catch(() => undefined);
      restoreButton.hidden = false;
    }
    model.load(next);
    model.notify('info', 'share', `${message}${current.courses.length > 0 ? '; your previous comparison is kept (Restore my previous comparison)' : ''}.`);
    model.run();
  }

  const openShared = async (hash: string): Promise<void> => {
    const dec = decodeShareFragment(hash);
    if (dec === null) return;
    options.onOpen();
    if (!dec.ok) return model.notify('error', 'share', `This share link could not be opened: ${dec.problem}. Your comparison is unchanged.`);
    await replaceKeepingPrevious(dec.workspace, `Opened a shared comparison of ${dec.workspace.courses.length} course${dec.workspace.courses.length === 1 ? '' : 's'}`);
  };
  await openShared(location.hash);
  window.addEventListener('hashchange', () => void openShared(location.hash));

  window.__skinsimCompare = {
    workspace: () => model.workspace.get(),
    statuses: () => model.workspace.get().courses.map((_, k) => model.runOf(k)?.status ?? null),
    chartData: (series) => {
      const d = charts.get(series)?.data;
      const chart = charts.get(series);
      return d && chart ? { names: d.courses.map((c) => c.name), x: d.x, values: d.courses.map((c) => c.values), published: chart.points.map((p) => p.id) } : null;
    },
    doseMap: () => ({ status: doseMap.state.get().status, done: doseMap.state.get().done }),
    resultSeries: (index) => {
      const r = model.runOf(index)?.result;
      if (!r) return null;
      const series: Record<string, number[]> = {};
      for (const [name, values] of Object.entries(r.value)) series[name] = Array.from(values as ArrayLike<number>);
      return { days: Array.from(r.days), series };
    },
    settled: () => model.workspace.get().courses.every((_, k) => model.runOf(k)?.status === 'done') && !redrawQueued,
  };
  return model;
}
