import { copyFileSync, mkdirSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshApp, type AppPage } from './appPage';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
});

afterAll(async () => {
  await server?.close();
});

/** Opens the app in a fresh browser at a viewport size, runs `fn`, closes. */
const at = (width: number, height: number, fn: (ui: AppPage) => Promise<void>): Promise<void> => withFreshApp(server.url, { width, height }, {}, fn);

/**
 * Whether a select is as wide as the browser would draw it for its longest option: a clone beside it,
 * out of the flow and free to size itself to its content, gives the width the text and arrow need.
 */
function showsLongestOption(select: Locator): Promise<boolean> {
  return select.evaluate((el) => {
    const probe = el.cloneNode(true) as HTMLSelectElement;
    probe.removeAttribute('id');
    probe.style.cssText = 'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none;';
    el.after(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    return el.getBoundingClientRect().width >= needed - 0.5;
  });
}

const overflow = (ui: AppPage) =>
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
        expect(await showsLongestOption(ui.page.getByLabel('Phototype'))).toBe(true);
        // And every other select the session view shows (region, layer, …).
        for (const select of await ui.page.locator('select:visible').all()) {
          const label = await select.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent ?? el.id);
          expect({ label, fits: await showsLongestOption(select) }).toEqual({ label, fits: true });
        }
        const { scroll, client } = await overflow(ui);
        expect(scroll).toBeLessThanOrEqual(client);
      });
    });
  }
});

describe('the Compare course form', () => {
  for (const [w, h] of [
    [1400, 1000],
    [390, 844],
  ] as const) {
    it(`${w}×${h}: a course's selects and the time axis show their whole option text, no sideways scroll`, async () => {
      await at(w, h, async (ui) => {
        await ui.page.getByRole('tab', { name: 'Compare', exact: true }).click();
        await ui.button('Add course').click();
        const card = ui.page.locator('.course-card').first();
        // The course's own selects and the time axis. (A long preset name in "Start from" may be cut on
        // a phone while it is closed, as any select's; its open list shows the whole name.)
        const selects = [...(await card.locator('select').all()), ui.page.getByLabel('Time axis')];
        expect(selects.length).toBeGreaterThanOrEqual(4);
        for (const select of selects) {
          const label = await select.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent ?? el.id);
          expect({ label, fits: await showsLongestOption(select) }).toEqual({ label, fits: true });
        }
        const { scroll, client } = await overflow(ui);
        expect(scroll).toBeLessThanOrEqual(client);
      });
    });
  }
});
