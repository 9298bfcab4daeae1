import { DEFAULT_GRID_CELLS } from '../../engine/index';
import { Controls } from '../controls';
import { byId } from '../dom';
import { DEFAULT_SETTINGS, setupOf, skinChanged, type Settings } from '../settings';
import { mountChart } from './chartView';
import type { SessionViewContext } from './context';
import { startFrameLoop } from './frameLoop';
import { mountInspector } from './inspectorView';
import { mountNotices } from './noticesView';
import { mountEvidenceTags } from './evidenceTags';
import { mountReadouts } from './readoutsView';
import { mountTreatmentList } from './treatmentListView';
import { mountSkinInput } from './skinInput';
import { mountSkinStage, TEXTURE_PX, type StagePictures } from './skinStage';
import { mountTimeControls } from './timeControls';

/** Engine grid cells per side for the interactive patch: the engine's default grid. */
export const GRID_CELLS = DEFAULT_GRID_CELLS;

/**
 * The session view: mounts every part on the markup of index.html (#session-view) and wires them to
 * the store and the engine. Each part subscribes to the atoms it shows and sends intents to the
 * engine; none reaches into another. Returns what the test hook reads.
 */
export async function mountSessionView(ctx: SessionViewContext, pictures?: Promise<StagePictures>) {
  const { store, engine } = ctx;

  const changeSettings = (next: Settings): void => {
    const before = store.settings.get();
    store.settings.set(next);
    if (skinChanged(before, next)) void engine.changeSkin(setupOf(next, GRID_CELLS, TEXTURE_PX));
  };
  const controls = new Controls(store.settings.get(), { onChange: changeSettings });
  store.settings.subscribe((s) => {
    if (s !== controls.current) controls.write(s);
  });

  byId('start-over').addEventListener('click', () => void engine.startOver());
  byId('reset').addEventListener('click', () => {
    store.settings.set(DEFAULT_SETTINGS);
    void engine.reset(setupOf(DEFAULT_SETTINGS, GRID_CELLS, TEXTURE_PX)).then(() => store.announce.emit('Reset: settings and skin back to defaults.'));
  });

  mountNotices(store);
  mountReadouts(store);
  const evidenceReason = mountEvidenceTags(store);
  mountTimeControls(ctx);
  mountChart(store, evidenceReason);
  mountTreatmentList(ctx);
  mountInspector(ctx);
  const { skin, cross } = await mountSkinStage(ctx, pictures);
  mountSkinInput(ctx, skin);
  const loop = startFrameLoop(ctx, skin, cross);
  return { skin, loop };
}
