import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { InteractiveSession, SetupSchema } from '../../src/session/index';

export const PATCH_MM = 40;

/**
 * Page object: the app driven by role and accessible name, as users and screen readers see it, plus
 * the test hook (window.__skinsim) for model state instead of pixels.
 */
export function appPage(page: Page) {
  const ui = {
    page,
    skin: () => page.getByRole('application', { name: 'Skin patch' }),
    button: (name: string) => page.getByRole('button', { name, exact: true }),
    day: () => page.getByRole('status', { name: 'Simulated day' }),
    readout: (name: string) => page.getByLabel(name, { exact: true }),

    async open(url: string): Promise<void> {
      await page.goto(url);
      await ui.ready();
    },

    async ready(): Promise<void> {
      await page.waitForFunction(() => document.body.dataset.ready === 'true' && window.__skinsim?.ready === true, null, { timeout: 60_000 });
      await ui.settled();
    },

    /** Waits until the view shows the current state (nothing queued or in flight, the last frame is current). */
    async settled(timeout = 30_000): Promise<void> {
      await page.waitForFunction(() => window.__skinsim!.settled(), null, { timeout });
      // One more animation frame so the compositor has put the last texture on screen.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    },

    /** Waits until the engine has caught up with the clock (after a step or pause) and the view shows it. */
    async settle(): Promise<void> {
      await page.waitForFunction(() => Math.floor(window.__skinsim!.clockHours()) === window.__skinsim!.hour(), null, { timeout: 30_000 });
      await ui.settled();
    },

    async dayNumber(): Promise<number> {
      const text = (await ui.day().textContent()) ?? '';
      const m = /Day (\d+)/.exec(text);
      if (!m) throw new Error(`no day number in "${text}"`);
      return Number(m[1]);
    },

    /** The first number of a readout; with `unit`, the first number followed by it (e.g. '%'). */
    async numberIn(name: string, unit?: string): Promise<number> {
      const text = ((await ui.readout(name).textContent()) ?? '').replace('−', '-').replace('±', '');
      const unitPattern = unit === undefined ? '' : `\\s*${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      const m = new RegExp(`([-+]?\\d+(?:\\.\\d+)?)${unitPattern}`).exec(text);
      if (!m) throw new Error(`no number${unit === undefined ? '' : ` in ${unit}`} in ${name}: "${text}"`);
      return Number(m[1]);
    },

    async mmToPage(xMm: number, yMm: number): Promise<{ x: number; y: number }> {
      const box = await ui.skin().boundingBox();
      if (box === null) throw new Error('skin patch not visible');
      return { x: box.x + (xMm / PATCH_MM) * box.width, y: box.y + (yMm / PATCH_MM) * box.height };
    },

    async reset(): Promise<void> {
      await ui.button('Reset').click();
      await page.waitForFunction(() => window.__skinsim!.clockHours() === 0 && window.__skinsim!.logLength() === 0 && window.__skinsim!.sessionsStarted() === 0);
      await ui.settled();
    },

    stateHash: () => page.evaluate(() => window.__skinsim!.stateHash()),
    hook: <T>(fn: () => T) => page.evaluate(fn),
  };
  return ui;
}
export type AppPage = ReturnType<typeof appPage>;

/** The app's default patch (seed 42, cheek, phototype III, 160² cells, 640 px texture) in Node: the expected skin. */
export function nodeSession(): InteractiveSession {
  return InteractiveSession.create(
    SetupSchema.parse({ seed: 42, skin: { region: 'cheek', phototype: 3, conditions: [] }, gridCells: 160, texturePx: 640 }),
  );
}

/** A fresh browser at a viewport size (and device), the app at `url` open and ready; closed after `fn`. */
export async function withFreshApp(
  url: string,
  viewport: { width: number; height: number },
  device: Parameters<typeof launchBrowser>[1],
  fn: (ui: AppPage) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser(viewport, device);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const ui = appPage(page);
    await ui.open(url);
    await fn(ui);
  } finally {
    await browser.close();
  }
}
