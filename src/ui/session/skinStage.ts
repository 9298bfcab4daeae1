import { crossSectionLabels, legendFor } from '../../shading/index';
import { CrossSectionView } from '../../view/crossSectionView';
import { SkinView } from '../../view/skinView';
import { byId, setText } from '../dom';
import { renderLegend } from '../legendView';
import { computed } from '../store';
import type { SessionViewContext } from './context';
import { crossSectionText } from './crossSectionText';
import { HOURS_PER_DAY } from '../../engine/index';

/** Canvas and texture sizes of the skin view, px (the canvas is scaled by CSS to its column). */
export const CANVAS_PX = 640;
export const TEXTURE_PX = 640;
/** The depth view's height, px; its width follows its column (crossWidthPx). */
export const CROSS_H = 220;

/**
 * The depth view's width, px: the width it is shown at (at most 640), so its picture is drawn 1:1 and its
 * labels keep their size (issue 19: scaled from 640 px to a phone's 356, they were 5–6 px high).
 */
export function crossWidthPx(shownCssPx: number): number {
  return shownCssPx > 0 ? Math.max(280, Math.min(640, Math.round(shownCssPx))) : 640;
}

/** Split slider text: which part shows which day. */
export function splitText(split: number, day: number): string {
  if (split === 0) return 'off: the whole patch shows today';
  return `${split} % of the patch on the left shows the skin before any session (day 0); the rest shows day ${day}`;
}

/**
 * The play area's pictures: the skin view (Pixi: texture, day-0 half, cut line; DOM layers: roller, hover), the
 * depth view, the split labels, the legend and the texts that describe them. Everything follows the
 * store; the frame loop hands in the pixels.
 */
export interface StagePictures {
  /** The skin view's Pixi application (pixi.js stays below the UI: its type comes through SkinView). */
  skinApp: Awaited<ReturnType<typeof SkinView.createApp>>;
  cross: CrossSectionView;
}

/**
 * Starts the two WebGL views (context and shaders: 0.2–0.5 s under SwiftShader). They need no engine
 * setup, so the app starts them while the worker builds the skin, not after it (issue 17).
 */
export function createStagePictures(): Promise<StagePictures> {
  const crossHost = byId('cross-host');
  // Measured on the section around it: the host itself may be hidden (depth view off) and measure 0.
  const crossW = crossWidthPx((crossHost.parentElement?.clientWidth ?? 0) - 2);
  const pictures = Promise.all([SkinView.createApp(CANVAS_PX), CrossSectionView.create(crossHost, crossW, CROSS_H)]).then(([skinApp, cross]) => ({ skinApp, cross }));
  // Awaited by mountSkinStage; a failure surfaces there, not as an unhandled rejection meanwhile.
  pictures.catch(() => undefined);
  return pictures;
}

export async function mountSkinStage({ store }: SessionViewContext, pictures: Promise<StagePictures> = createStagePictures()): Promise<{ skin: SkinView; cross: CrossSectionView }> {
  const firstSetup = store.setup.get();
  if (firstSetup === null) throw new Error('the skin stage needs the engine setup first');
  const p = firstSetup.params;
  const { skinApp, cross } = await pictures;
  const skin = SkinView.on(skinApp, {
    host: byId('skin-canvas-host'),
    sizePx: CANVAS_PX,
    texturePx: TEXTURE_PX,
    patchMm: firstSetup.patchMm,
    drumWidthMm: p.drumWidthMm,
    drumDiameterMm: p.drumDiameterMm,
    needleRows: p.needleRows,
  });

  store.baselinePixels.watch((px) => {
    if (px) skin.showBaseline(px);
  });
  store.roller.watch((r) => skin.setRoller(r.xMm, r.yMm, r.heading, r.rolling, r.visible));
  store.hoverCell.watch((c) => {
    const pitch = store.setup.get()?.pitchMm ?? 0;
    skin.setHover(c ? (c.ix + 0.5) * pitch : null, c ? (c.iy + 0.5) * pitch : null);
  });

  const crossHost = byId('cross-host');
  const crossDesc = byId('cross-desc');
  const describeCross = (): void => {
    const info = store.setup.get();
    if (info) setText(crossDesc, crossSectionText(info, store.settings.get(), store.crossTip.get()));
  };
  const cutInput = byId<HTMLInputElement>('cross-row');
  store.setup.watch((info) => {
    if (info) {
      cross.setLabels(crossSectionLabels(info.anatomy, info.crossDepthMm));
      // The cut runs across the engine's patch; its size is the engine's, not a copy in the markup.
      cutInput.max = String(info.patchMm);
    }
    describeCross();
  });

  const legend = byId('legend');
  const blockedOverlay = byId('blocked-overlay');
  const rollPass = byId<HTMLButtonElement>('roll-pass');
  store.setup.watch((info) => {
    blockedOverlay.hidden = !(info?.blocked ?? false);
    rollPass.disabled = info?.blocked ?? false;
  });

  // Before/after split: the labels say which half is which, and the day of each.
  const labels = byId('split-labels');
  const before = byId('split-before');
  const after = byId('split-after');
  const splitInput = byId<HTMLInputElement>('split');
  const drawSplit = (): void => {
    const split = store.settings.get().split;
    const day = Math.floor((store.snapshot.get()?.hour ?? 0) / HOURS_PER_DAY);
    skin.setSplit(split / 100);
    labels.hidden = split === 0;
    before.hidden = split < 12;
    after.hidden = split > 88;
    before.style.maxWidth = `calc(${split}% - 12px)`;
    setText(before, `Before · day 0`);
    setText(after, `After · day ${day}`);
    splitInput.setAttribute('aria-valuetext', splitText(split, day));
  };

  computed([store.settings], (s) => s.layer).watch((layer) => renderLegend(legend, legendFor(layer)));
  computed([store.settings], (s) => (s.crossVisible ? s.crossRowMm : null)).watch((rowMm) => skin.setCutLine(rowMm));
  store.settings.watch((s) => {
    crossHost.hidden = !s.crossVisible;
    drawSplit();
    describeCross();
  });
  store.snapshot.subscribe(drawSplit);
  store.crossTip.subscribe(describeCross);

  // The screen-reader summary of the patch follows the roller and the session.
  const summary = byId('skin-summary');
  const describe = (): void => {
    const r = store.roller.get();
    const passes = store.snapshot.get()?.current?.meanPasses ?? 0;
    setText(summary, `Roller at ${r.xMm.toFixed(0)} mm across, ${r.yMm.toFixed(0)} mm down. ${passes.toFixed(1)} passes this session.`);
  };
  store.roller.subscribe(describe);
  store.snapshot.watch(describe);
  return { skin, cross };
}
