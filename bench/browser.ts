import type { Page } from 'playwright-core';
import { appPage } from '../tests/e2e/appPage';
import { launchBrowser } from '../tests/e2e/browser';
import { serveDist } from '../tests/e2e/staticServer';
import type { Figure } from './figures';
import { gpuShadingProbe } from './gpuShadingProbe';
import { log, spread } from './stats';
import { compareFigures, startupFigures } from './waits';

/** Counts animation frames (main thread) over `during`. */
async function rafFps(page: Page, during: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __raf: number; __rafOn: boolean };
    w.__raf = 0;
    w.__rafOn = true;
    const tick = (): void => {
      if (!w.__rafOn) return;
      w.__raf++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await during();
  const elapsed = (Date.now() - t0) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __raf: number; __rafOn: boolean };
    w.__rafOn = false;
    return w.__raf;
  });
  return frames / elapsed;
}

/**
 * Headless Chromium (SwiftShader WebGL) on the built app (`npm run build` first), 1400×1000:
 *  - `playDaysPerSecondAtWeekSpeed`: after a rolled session and a Step day, Play at "1 week / s";
 *    the simulated clock (window.__skinsim.clockHours) read once a second for 6 s; the promise is 7 d/s;
 *  - frame rates while dragging and playing, against the idle rAF rate of an empty page (same browser);
 *  - the GPU-side cost of colour mapping in a shader vs uploading the worker's frame (gpuShadingProbe).
 */
export async function browserFigures(): Promise<Figure[]> {
  const server = await serveDist();
  const browser = await launchBrowser({ width: 1400, height: 1000 });
  try {
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); page.evaluate
    // ships those functions as source text, so the page needs a no-op __name.
    const shim = 'globalThis.__name = (f) => f;';
    await browser.context.addInitScript({ content: shim });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto('about:blank');
    await page.evaluate(shim);
    const idle = await rafFps(page, () => page.waitForTimeout(3000));
    const gpu = await gpuShadingProbe(page);

    const ui = appPage(page);
    await ui.open(server.url);
    await ui.reset();
    const skin = ui.skin();
    await skin.scrollIntoViewIfNeeded();
    const box = (await skin.boundingBox())!;
    // Three drags of 3 s (the first one on a fresh skin, as a user's), each over the idle rate; the median is quoted.
    const dragSkinRates: number[] = [];
    const dragFps: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const framesBefore = await page.evaluate(() => window.__skinsim!.framesDrawn());
      let dragSeconds = 0;
      let skinFramesDuringDrag = 0;
      const drag = await rafFps(page, async () => {
        await page.mouse.move(box.x + 10, box.y + box.height / 2);
        await page.mouse.down();
        const t0 = Date.now();
        let k = 0;
        while (Date.now() - t0 < 3000) {
          const phase = (k++ % 120) / 120;
          const x = box.x + 10 + (box.width - 20) * (phase < 0.5 ? phase * 2 : 2 - phase * 2);
          await page.mouse.move(x, box.y + box.height * (0.3 + 0.4 * phase));
          await page.waitForTimeout(8);
        }
        dragSeconds = (Date.now() - t0) / 1000;
        // Counted before the hand lifts: frames after it would hide a skin that waited for the drag to end.
        skinFramesDuringDrag = (await page.evaluate(() => window.__skinsim!.framesDrawn())) - framesBefore;
        await page.mouse.up();
      });
      dragFps.push(drag);
      dragSkinRates.push(skinFramesDuringDrag / dragSeconds);
      // The last drag's session stays: Play below runs after it.
      if (rep < 2) await ui.reset();
    }

    await ui.button('Step day').click();
    await page.getByLabel('Speed').selectOption('1w');
    const rates: number[] = [];
    const play = await rafFps(page, async () => {
      await ui.button('Play').click();
      let last = await page.evaluate(() => ({ h: window.__skinsim!.clockHours(), t: performance.now() }));
      for (let s = 0; s < 6; s++) {
        await page.waitForTimeout(1000);
        const now = await page.evaluate(() => ({ h: window.__skinsim!.clockHours(), t: performance.now() }));
        rates.push((now.h - last.h) / 24 / ((now.t - last.t) / 1000));
        last = now;
      }
      await ui.button('Pause').click();
    });
    log(`play at 1 week/s: ${spread(rates).median.toFixed(2)} d/s; fps drag ${dragFps.map((f) => f.toFixed(0)).join('/')}, play ${play.toFixed(0)}, idle ${idle.toFixed(0)}`);
    const idleBaseline = { label: 'idle empty page rAF, same browser', unit: 'fps', value: spread([idle]) };
    const waits = [...(await startupFigures(browser.context, page, server.url)), ...(await compareFigures(page, server.url))];
    return [
      ...waits,
      { key: 'dragFpsRatio', label: 'frame rate while dragging over the idle page’s (1400×1000, same browser)', unit: '×', value: spread(dragFps.map((fps) => fps / idle)), baseline: idleBaseline, goal: '≥ 0.5' },
      {
        key: 'dragSkinFps',
        label: 'skin frames shown per second while dragging (the skin keeps up with the roller, issue 17)',
        unit: 'fps',
        value: spread(dragSkinRates),
        goal: '≥ 10',
      },
      { key: 'playFpsRatio', label: 'frame rate while playing at 1 week/s over the idle page’s (same browser)', unit: '×', value: spread([play / idle]), baseline: idleBaseline, goal: '≥ 0.5' },
      {
        key: 'playDaysPerSecondAtWeekSpeed',
        label: 'Play at "1 week / s": simulated days per wall second (1400×1000, after a session)',
        unit: 'd/s',
        value: spread(rates),
        goal: '7 d/s',
      },
      { key: 'browserDragFps', label: 'frame rate while dragging the roller (1400×1000)', unit: 'fps', value: spread(dragFps), baseline: idleBaseline },
      { key: 'browserPlayFps', label: 'frame rate while playing at 1 week/s (1400×1000)', unit: 'fps', value: spread([play]), baseline: idleBaseline },
      {
        key: 'shaderColourMs',
        label: 'colour mapping in a fragment shader: field upload + shaded draw (render side)',
        unit: 'ms / frame',
        value: spread([gpu.shaderMs]),
        baseline: { label: 'uploading the worker-shaded 640² RGBA frame + draw', unit: 'ms / frame', value: spread([gpu.uploadMs]) },
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
