import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { serveDist } from '../tests/e2e/staticServer';
import { gpuShadingProbe } from './gpuShadingProbe';
import type { BenchRow } from './timing';

/** Counts animation frames (main thread) and worker frames drawn (skin texture updates) over `ms`. */
async function measure(page: Page, during: () => Promise<void>): Promise<{ rafFps: number; skinFps: number }> {
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
  const f0 = await page.evaluate(() => window.__skinsim?.framesDrawn() ?? 0);
  const t0 = Date.now();
  await during();
  const elapsed = (Date.now() - t0) / 1000;
  const raf = await page.evaluate(() => {
    const w = window as unknown as { __raf: number; __rafOn: boolean };
    w.__rafOn = false;
    return w.__raf;
  });
  const f1 = await page.evaluate(() => window.__skinsim?.framesDrawn() ?? 0);
  return { rafFps: raf / elapsed, skinFps: (f1 - f0) / elapsed };
}

/**
 * Frame rates in headless Chromium (SwiftShader WebGL, 2 cores): dragging the roller, and playing at
 * the top speed (1 week/s), against the same browser's idle rAF rate on an empty page in the same run.
 */
export async function browserBenchmarks(): Promise<BenchRow[]> {
  // Under SwiftShader the display compositor redraws the whole viewport on every swap, so the frame
  // rate depends on the window size (trace: SkiaOutputSurfaceImplOnGpu::SwapBuffers ≈ 90 ms at 1400×1000).
  const rows: BenchRow[] = [];
  for (const viewport of [
    { width: 1400, height: 1000 },
    { width: 800, height: 600 },
  ]) {
    rows.push(...(await browserRun(viewport)));
  }
  return rows;
}

async function browserRun(viewport: { width: number; height: number }): Promise<BenchRow[]> {
  const server = await serveDist();
  const browser = await launchBrowser(viewport);
  const size = `${viewport.width}×${viewport.height}`;
  try {
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); page.evaluate
    // ships those functions as source text, so the page needs a no-op __name.
    const shim = 'globalThis.__name = (f) => f;';
    await browser.context.addInitScript({ content: shim });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto('about:blank');
    await page.evaluate(shim);
    const idle = await measure(page, () => page.waitForTimeout(3000));
    const gpu = await gpuShadingProbe(page);

    await page.goto(server.url);
    await page.waitForFunction(() => window.__skinsim?.ready === true, null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForTimeout(500);
    const skin = page.getByRole('application', { name: 'Skin patch' });
    await skin.scrollIntoViewIfNeeded();
    const box = (await skin.boundingBox())!;
    const drag = await measure(page, async () => {
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
      await page.mouse.up();
    });

    await page.getByRole('button', { name: 'Step day', exact: true }).click();
    await page.getByLabel('Speed').selectOption('1w');
    const play = await measure(page, async () => {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(4000);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    });
    const rows: BenchRow[] = [];
    for (const [name, m] of [
      ['dragging the roller', drag],
      ['playing at 1 week/s', play],
    ] as const) {
      rows.push({
        name: `browser ${size}: ${name}, page frames`,
        value: m.rafFps,
        unit: 'fps',
        baseline: 'idle empty page rAF',
        baselineValue: idle.rafFps,
        ratio: m.rafFps / idle.rafFps,
      });
      rows.push({
        name: `browser ${size}: ${name}, skin texture updates`,
        value: m.skinFps,
        unit: 'fps',
        baseline: 'idle empty page rAF',
        baselineValue: idle.rafFps,
        ratio: m.skinFps / idle.rafFps,
      });
    }
    if (viewport.width < 1000) return rows;
    rows.push({
      name: 'colour mapping in a fragment shader: field upload + shaded draw (render thread)',
      value: gpu.shaderMs,
      unit: 'ms / frame',
      baseline: 'worker-shaded RGBA: 640² upload + draw (render thread; the worker shading itself is the shadeSkin row)',
      baselineValue: gpu.uploadMs,
      ratio: gpu.shaderMs / gpu.uploadMs,
    });
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
