import { emptyWorkspace } from '../../compare/workspace';
import { el } from '../dom';
import { CompareModel } from './compareModel';
import { ComparePersistence } from './comparePersistence';
import { CompareResults } from './compareResults';
import { installCompareTestHook } from './compareTestHook';
import { CompareToolbar } from './compareToolbar';
import { CourseList } from './courseList';
import { createCompareRunners } from './courseRunner';
import { DoseMapModel } from './doseMapModel';
import { DosePanel } from './dosePanel';

export type { CompareTestHook } from './compareTestHook';

/**
 * The Compare view: courses side by side (up to six), run in a worker pool, read as synced outcome
 * charts, a summary table and a dose map; exported, imported and shared. Mounted into `host` (a tab
 * panel); builds its own DOM so the session view's markup stays as it is. Each part is its own module:
 * the toolbar (presets, run, export, import, share, messages), the course cards, the outcome curves and
 * summary, the dose map, and where the comparison is kept (storage, previous comparison, share links).
 */
export async function startCompare(host: HTMLElement, options: { onOpen(): void }): Promise<CompareModel> {
  const runners = createCompareRunners();
  const model = new CompareModel(runners.course, emptyWorkspace());
  const doseMap = new DoseMapModel(runners.dose);

  let toolbar: CompareToolbar | null = null;
  const persistence = new ComparePersistence(model, { onOpen: options.onOpen, offerRestore: () => toolbar?.offerRestore() });
  toolbar = new CompareToolbar(model, persistence);
  const courses = new CourseList(model);
  const results = new CompareResults(model);
  const dose = new DosePanel(model, doseMap);
  host.append(toolbar.root, el('div', { className: 'compare-layout' }, [courses.root, results.root]), dose.root);
  new ResizeObserver(() => dose.resize(host.clientWidth)).observe(host);

  model.workspace.subscribe((ws) => {
    courses.show(ws);
    toolbar.showWorkspace(ws);
    results.showSettings(ws);
    dose.showWorkspace(ws);
    results.redraw();
    persistence.scheduleSave(ws);
  });
  model.runs.subscribe(() => {
    courses.showRuns();
    toolbar.showRunning(model.workspace.get().courses.some((_, k) => model.runOf(k)?.status === 'running'));
    results.redraw();
  });

  await persistence.restore();
  installCompareTestHook(model, results, doseMap);
  return model;
}
