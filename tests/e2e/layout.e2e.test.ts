import { copyFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage } from './appPage';
import { launchBrowser } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
});

afterAll(async () => {
  await server?.close();
});

/** Opens the app in a fresh browser at a viewport size, runs `fn`, closes. */
async function at(width: number, height: number, fn: (ui: ReturnType<typeof appPage>) => Promise<void>): Promise<void> {
  const browser = await launchBrowser({ width, height });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const ui = appPage(page);
    await ui.open(server.url);
    await fn(ui);
  } finally {
    await browser.close();
  }
}

const overflow = (ui: ReturnType<typeof appPage>) =>
  ui.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

describe('layout on a phone (issue 10)', () => {
  for (const [w, h] of [
    [390, 844],
    [320, 640],
  ] as const) {
    it(`${w}×${h}: no sideways scroll, the patch first at full width, controls below`, async () => {
      await at(w, h, async (ui) => {
        const { scroll, client } = await overflow(ui);
        expect(scroll).toBeLessThanOrEqual(client);
        const patch = (await ui.skin().boundingBox())!;
        expect(patch.width).toBeGreaterThanOrEqual(w * 0.85);
        const controls = (await ui.page.getByLabel('Needle length (mm)').boundingBox())!;
        const clock = (await ui.button('Play').boundingBox())!;
        expect(controls.y).toBeGreaterThan(patch.y + patch.height);
        expect(clock.y).toBeGreaterThan(patch.y + patch.height);
        // The disclaimer stays readable: as wide as the header, not a one-word column.
        const disclaimer = (await ui.page.locator('#disclaimer').boundingBox())!;
        expect(disclaimer.width).toBeGreaterThan(w * 0.7);
        // "Got it" closes the guide without scrolling the patch away (focus goes back to Help without a jump).
        const gotIt = ui.button('Got it');
        await gotIt.scrollIntoViewIfNeeded();
        const patchShown = () =>
          ui.skin().evaluate((el) => {
            const r = el.getBoundingClientRect();
            return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
          });
        const before = await patchShown();
        await gotIt.click();
        expect(await ui.page.locator('#guide').isVisible()).toBe(false);
        expect(await ui.page.evaluate(() => document.activeElement?.id)).toBe('help-button');
        expect(await patchShown()).toBeGreaterThanOrEqual(before - 1);
        // Still no sideways scroll after rolling (notices, labels, readouts grow).
        await ui.button('Roll one pass').click();
        await ui.settled();
        const after = await overflow(ui);
        expect(after.scroll).toBeLessThanOrEqual(after.client);
        if (w === 390) {
          mkdirSync('test-results', { recursive: true });
          await ui.page.evaluate(() => scrollTo(0, 0));
          await ui.page.screenshot({ path: 'test-results/app-phone.png' });
          if (process.env.SKINSIM_UPDATE_DOCS === '1') copyFileSync('test-results/app-phone.png', 'docs/screenshot-phone.png');
        }
      });
    });
  }
});

describe('the first screen on a desktop (issue 10)', () => {
  for (const [w, h] of [
    [1400, 1000],
    [1920, 1080],
  ] as const) {
    it(`${w}×${h}: the "what to try" guide is in the first screen, the phototype select is not cut off`, async () => {
      await at(w, h, async (ui) => {
        const guide = (await ui.page.locator('#guide').boundingBox())!;
        expect(guide.y).toBeGreaterThanOrEqual(0);
        expect(guide.y + guide.height).toBeLessThanOrEqual(h);
        const patch = (await ui.skin().boundingBox())!;
        expect(patch.y).toBeLessThan(h);
        const fits = await ui.page.getByLabel('Phototype').evaluate((el) => {
          const select = el as HTMLSelectElement;
          const ctx = document.createElement('canvas').getContext('2d')!;
          const style = getComputedStyle(select);
          ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const longest = Math.max(...[...select.options].map((o) => ctx.measureText(o.text).width));
          // Room for the text: the box minus padding, border and the arrow (≈ 24 px).
          return longest <= select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
        });
        expect(fits).toBe(true);
        const { scroll, client } = await overflow(ui);
        expect(scroll).toBeLessThanOrEqual(client);
      });
    });
  }
});
