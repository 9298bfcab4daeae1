import './ui/styles.css';
import './ui/compare/compare.css';
import { startApp } from './ui/app';
import { byId } from './ui/dom';
import { Tabs } from './ui/tabs';

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

// Compare starts the first time it is shown (its tab, a share link), so the session view loads as fast as before.
let compareStarted: Promise<unknown> | null = null;
const startCompareOnce = (): Promise<unknown> =>
  (compareStarted ??= import('./ui/compare/compareView').then(({ startCompare }) =>
    startCompare(byId('compare-view'), { onOpen: () => tabs.select('compare', false) }),
  ).catch((err: unknown) => showFatal('The Compare view could not start', err)));
if (location.hash.startsWith('#compare=')) tabs.select('compare', false);
tabs.onSelect((view) => {
  if (view === 'compare') void startCompareOnce();
});

startApp().catch((err: unknown) => showFatal('SkinSim could not start', err));
