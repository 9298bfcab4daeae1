// First: no eval-based fast paths in zod under the CSP (must run before any schema is built).
import './zodJitless';
import './ui/styles.css';
import './ui/compare/compare.css';
import { startApp } from './ui/app';
import type { CompareModel } from './ui/compare/compareModel';
import { byId } from './ui/dom';
import { Tabs } from './ui/tabs';

/**
 * The page: two views as tabs over one header. The session view starts at once; Compare starts the
 * first time it is shown (its tab, a share link, "Repeat as a course"), so the session loads as fast
 * as before and an unused Compare costs nothing.
 */
function showFatal(prefix: string, err: unknown): void {
  const el = document.getElementById('fatal');
  if (el) {
    el.hidden = false;
    el.textContent = `${prefix}: ${(err as Error).message ?? String(err)}`;
  }
  console.error(err);
}

const tabs = new Tabs(
  { session: byId<HTMLButtonElement>('tab-session'), compare: byId<HTMLButtonElement>('tab-compare') },
  { session: byId('session-view'), compare: byId('compare-view') },
);

let compare: Promise<CompareModel | null> | null = null;
const startCompareOnce = (): Promise<CompareModel | null> =>
  (compare ??= import('./ui/compare/compareView')
    .then(({ startCompare }) => startCompare(byId('compare-view'), { onOpen: () => tabs.select('compare', false) }))
    .catch((err: unknown) => {
      showFatal('The Compare view could not start', err);
      return null;
    }));
if (location.hash.startsWith('#compare=')) tabs.select('compare', false);
// A share link pasted into a tab that already shows SkinSim changes only the fragment (no reload): open
// Compare, which reads the fragment when it starts (and listens for later changes itself once started).
window.addEventListener('hashchange', () => {
  if (compare !== null || !location.hash.startsWith('#compare=')) return;
  tabs.select('compare', false);
  void startCompareOnce();
});

// "How good is the model?": the validation panel loads (with its rows and pool) when first opened.
byId<HTMLButtonElement>('model-button').addEventListener(
  'click',
  () =>
    void import('./ui/model/modelPanel')
      .then(({ openModelDialog }) => openModelDialog(byId<HTMLDialogElement>('model-dialog'), byId('model-content'), byId<HTMLButtonElement>('model-button')))
      .catch((err: unknown) => showFatal('The validation panel could not start', err)),
);
tabs.onSelect((view) => {
  if (view === 'compare') void startCompareOnce();
});

startApp()
  .then(({ store }) => {
    // "Repeat as a course": what was just rolled becomes a course in Compare.
    store.courseRequests.subscribe((request) => {
      if (request === null) return;
      tabs.select('compare', true);
      void startCompareOnce().then((model) => {
        if (model?.addCourse(request.scenario)) model.notify('info', 'course', `Added "${request.scenario.name ?? 'your session'}" from the session view: press Run.`);
      });
    });
  })
  .catch((err: unknown) => showFatal('SkinSim could not start', err));
