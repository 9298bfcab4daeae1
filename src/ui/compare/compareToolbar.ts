import { MAX_INPUT_BYTES } from '../../engine/index';
import { COMPARE_SERIES } from '../../compare/chartData';
import { compareToCsv } from '../../compare/compareCsv';
import { newCourse } from '../../compare/courseForm';
import { workspaceToJson } from '../../compare/jsonTransfer';
import { PRESETS as presets } from '../../compare/presets';
import { encodeShareFragment } from '../../compare/shareLink';
import { MAX_COURSES, type Workspace } from '../../compare/workspace';
import { download, el } from '../dom';
import { mountNoticeList } from '../notices';
import type { CompareModel } from './compareModel';

/** The example comparison: the usual course, weekly and daily. */
const EXAMPLE_FILES = ['three-monthly.json', 'weekly-12.json', 'overdoing-daily.json'];

/** What the toolbar asks of the persistence layer: replace the comparison keeping the user's own, restore it. */
export interface ToolbarPersistence {
  replaceKeepingPrevious(next: Workspace, message: string): Promise<void>;
  restorePrevious(): Promise<boolean>;
}

/**
 * Compare's intro panel: the presets, Add course, Run, the example comparison; Export CSV and JSON,
 * Import, Copy share link, Restore my previous comparison; and the one message line (role status).
 */
export class CompareToolbar {
  readonly root: HTMLElement;
  private readonly addButton = el('button', { text: 'Add course', attrs: { type: 'button' } });
  private readonly runButton = el('button', { text: 'Run', attrs: { type: 'button' } });
  private readonly restoreButton = el('button', { text: 'Restore my previous comparison', className: 'secondary small', attrs: { type: 'button' } });
  private readonly notices = el('div', { className: 'compare-notices', attrs: { role: 'status', 'aria-live': 'polite' } });

  constructor(
    private readonly model: CompareModel,
    private readonly persistence: ToolbarPersistence,
  ) {
    const presetSelect = el('select', { attrs: { id: 'compare-preset' } });
    presetSelect.append(new Option('A new course (3 × monthly, 1.5 mm)', ''));
    for (const p of presets) presetSelect.append(new Option(p.scenario.name ?? p.file, p.file));
    const exampleButton = el('button', { text: 'Load the example comparison', className: 'secondary', attrs: { type: 'button' } });
    const csvButton = el('button', { text: 'Export CSV', className: 'secondary', attrs: { type: 'button' } });
    const jsonButton = el('button', { text: 'Export JSON', className: 'secondary', attrs: { type: 'button' } });
    const importButton = el('button', { text: 'Import', className: 'secondary', attrs: { type: 'button' } });
    const importFile = el('input', { attrs: { type: 'file', accept: '.json,application/json', hidden: '', 'aria-hidden': 'true', tabindex: '-1' } });
    const shareButton = el('button', { text: 'Copy share link', className: 'secondary', attrs: { type: 'button' } });
    this.restoreButton.hidden = true;
    this.root = el('div', { className: 'compare-intro panel' }, [
      el('h2', { text: 'Compare courses' }),
      el('p', {
        text: 'How often, and how many? Add courses from the presets or build your own, press Run, and read their curves side by side. Try "3 × monthly", "Weekly × 12" and "Daily × 14": which keeps the capillaries intact, which gains more collagen?',
      }),
      el('div', { className: 'compare-toolbar' }, [el('label', { text: 'Start from', attrs: { for: 'compare-preset' } }), presetSelect, this.addButton, this.runButton, exampleButton]),
      el('div', { className: 'compare-toolbar' }, [csvButton, jsonButton, importButton, importFile, shareButton, this.restoreButton]),
      this.notices,
    ]);

    this.addButton.addEventListener('click', () => {
      const preset = presets.find((p) => p.file === presetSelect.value);
      model.addCourse(preset ? preset.scenario : newCourse(model.workspace.get().courses.length));
    });
    this.runButton.addEventListener('click', () => model.run());
    // The question people come with: monthly, weekly or daily? Three presets, run at once.
    exampleButton.addEventListener('click', () => {
      const example = EXAMPLE_FILES.flatMap((f) => presets.filter((p) => p.file === f).map((p) => p.scenario));
      void persistence.replaceKeepingPrevious({ ...model.workspace.get(), courses: example }, 'Loaded the example comparison: 3 × monthly, Weekly × 12 and Daily × 14');
    });
    csvButton.addEventListener('click', () => this.exportCsv());
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
    shareButton.addEventListener('click', () => this.share());
    this.restoreButton.addEventListener('click', () => {
      void persistence.restorePrevious().then((back) => {
        if (back) this.restoreButton.hidden = true;
      });
    });
    mountNoticeList(this.notices, model.notices, (key) => model.dismiss(key));
  }

  /** The user's own comparison is kept as "previous": offer it back. */
  offerRestore(): void {
    this.restoreButton.hidden = false;
  }

  showWorkspace(ws: Workspace): void {
    this.addButton.disabled = ws.courses.length >= MAX_COURSES;
  }

  showRunning(running: boolean): void {
    this.runButton.setAttribute('aria-busy', String(running));
  }

  private exportCsv(): void {
    const { model } = this;
    const items = model.workspace.get().courses.flatMap((course, index) => {
      const r = model.runOf(index);
      return r?.status === 'done' && r.result ? [{ course, run: r.result }] : [];
    });
    if (items.length === 0) return model.notify('error', 'run', 'Nothing to export yet: press Run first.');
    download(new Blob([compareToCsv(items, COMPARE_SERIES)], { type: 'text/csv' }), 'skinsim-comparison.csv');
    model.clearErrors();
  }

  private share(): void {
    const { model } = this;
    const enc = encodeShareFragment(model.workspace.get());
    if (!enc.ok) return model.notify('error', 'share', enc.problem);
    const url = `${location.origin}${location.pathname}${enc.fragment}`;
    history.replaceState(null, '', enc.fragment);
    navigator.clipboard
      ?.writeText(url)
      .then(() => model.notify('info', 'share', 'Share link copied: it holds the whole comparison.'))
      .catch(() => model.notify('info', 'share', `Copy this link: ${url}`)) ?? model.notify('info', 'share', `Copy this link: ${url}`);
  }
}
