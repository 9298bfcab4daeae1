import { MAX_PASSES } from '../../engine/index';
import { newCourse } from '../../compare/courseForm';
import { doseMapInsideEnvelope } from '../../compare/publishedData';
import { courseName, DOSE_MAP_MAX_SESSIONS, DoseMapSettingsSchema, type Workspace } from '../../compare/workspace';
import { el } from '../dom';
import type { CompareModel } from './compareModel';
import type { DoseMapModel } from './doseMapModel';
import { DoseMapView } from './doseMapView';

/**
 * Compare's dose-map section: which skin, how many sessions and passes, Compute and Cancel, progress and
 * status, the map with its data table and PNG export. The settings live in the workspace; the map's
 * state in the DoseMapModel.
 */
export class DosePanel {
  readonly root: HTMLElement;
  private readonly view = new DoseMapView();
  private readonly sessions = el('input', { attrs: { type: 'number', id: 'dose-sessions', min: '1', max: String(DOSE_MAP_MAX_SESSIONS), step: '1' } });
  private readonly passes = el('input', { attrs: { type: 'number', id: 'dose-passes', min: '1', max: String(MAX_PASSES), step: '1' } });
  private readonly base = el('select', { attrs: { id: 'dose-base' } });
  private readonly progress = el('progress', { attrs: { max: '1', value: '0', 'aria-label': 'Dose map progress' } });
  private readonly status = el('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  private readonly cancel = el('button', { text: 'Cancel dose map', className: 'secondary', attrs: { type: 'button', disabled: '' } });

  constructor(
    private readonly model: CompareModel,
    private readonly doseMap: DoseMapModel,
  ) {
    const run = el('button', { text: 'Compute dose map', attrs: { type: 'button' } });
    const png = el('button', { text: 'Save dose map PNG', className: 'secondary small', attrs: { type: 'button' } });
    this.root = el('section', { className: 'panel compare-dose', attrs: { 'aria-labelledby': 'dose-title' } }, [
      el('h2', { text: 'Dose map: interval × needle length', attrs: { id: 'dose-title' } }),
      el('p', {
        text: 'Each cell is a course with the chosen number of sessions, read 8 weeks after its last session and coloured by collagen gain. The outline marks where capillary damage becomes visible — the "safe window" lies outside it. Capillary damage is a hypothesis of the model. The dashed amber frame holds the cells inside the published trials’ protocols (data); every other cell is extrapolation.',
      }),
      el('div', { className: 'compare-toolbar' }, [
        el('label', { text: 'Skin from', attrs: { for: 'dose-base' } }),
        this.base,
        el('label', { text: 'Sessions on the map', attrs: { for: 'dose-sessions' } }),
        this.sessions,
        el('label', { text: 'Passes on the map', attrs: { for: 'dose-passes' } }),
        this.passes,
        run,
        this.cancel,
        this.progress,
      ]),
      this.status,
      el('div', { className: 'dose-scroll' }, [this.view.canvas]),
      el('div', { className: 'chart-actions' }, [this.view.table, png]),
    ]);
    run.addEventListener('click', () => this.compute());
    this.cancel.addEventListener('click', () => doseMap.cancel());
    png.addEventListener('click', () => this.view.savePng());
    doseMap.state.watch(() => this.showState());
  }

  /** The map's width follows the view it sits in. */
  resize(hostWidthPx: number): void {
    this.view.resize(hostWidthPx - 60);
  }

  /** The settings and the skins to choose from, as the workspace holds them. */
  showWorkspace(ws: Workspace): void {
    this.sessions.value = String(ws.doseMap.sessions);
    this.passes.value = String(ws.doseMap.passes);
    this.base.replaceChildren(new Option('Cheek, phototype III (default)', ''), ...ws.courses.map((c, k) => new Option(courseName(c, k), String(k))));
  }

  private compute(): void {
    const ws = this.model.workspace.get();
    const settings = DoseMapSettingsSchema.safeParse({ sessions: this.sessions.valueAsNumber, passes: this.passes.valueAsNumber });
    if (!settings.success) {
      this.model.notify('error', 'dose-map', `Sessions on the map: whole numbers 1–${DOSE_MAP_MAX_SESSIONS}; passes: whole numbers 1–${MAX_PASSES}.`);
      return;
    }
    this.model.setDoseMap(settings.data);
    const k = this.base.value === '' ? -1 : Number(this.base.value);
    const base = ws.courses[k] ?? newCourse(0);
    this.view.setEvidence(doseMapInsideEnvelope(base, settings.data));
    this.doseMap.compute(base, k >= 0 ? courseName(base, k) : 'cheek, phototype III', settings.data);
  }

  private showState(): void {
    const s = this.doseMap.state.get();
    this.view.show(s);
    const total = s.cells.length;
    this.progress.value = s.done / total;
    this.cancel.disabled = s.status !== 'running';
    this.status.textContent =
      s.status === 'idle'
        ? 'Not computed yet.'
        : `${s.basis ? `${s.basis.sessions} sessions × ${s.basis.passes} passes, skin of ${s.basis.name}: ` : ''}${s.done} of ${total} cells${s.status === 'running' ? '…' : s.status === 'cancelled' ? ' (cancelled)' : s.status === 'error' ? ` (failed: ${s.error})` : ' — done.'}`;
  }
}
