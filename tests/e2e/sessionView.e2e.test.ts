import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPage, type AppPage } from './appPage';
import { launchBrowser } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let ui: AppPage;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  ui = appPage(page);
  await ui.open(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('time and undo (issue 10)', () => {
  it('"Step hour" moves the clock and the skin by exactly one hour', async () => {
    await ui.reset();
    await ui.button('Roll one pass').click();
    await ui.button('Step hour').click();
    await ui.settle();
    expect(await ui.day().textContent()).toBe('Day 0, 01:00');
    expect(await ui.hook(() => window.__skinsim!.hour())).toBe(1);
    await ui.button('Step hour').click();
    await ui.settle();
    expect(await ui.hook(() => window.__skinsim!.hour())).toBe(2);
  });

  it('"Undo" and Ctrl+Z take back the last pass while time has not moved on, exactly', async () => {
    await ui.reset();
    await ui.button('Roll one pass').click();
    await page.waitForFunction(() => window.__skinsim!.logLength() === 1);
    await ui.settled();
    const afterOne = await ui.stateHash();
    await ui.button('Roll one pass').click();
    await page.waitForFunction(() => window.__skinsim!.logLength() === 2);
    await ui.settled();
    expect(await ui.stateHash()).not.toBe(afterOne);
    await ui.button('Undo').click();
    await page.waitForFunction(() => window.__skinsim!.logLength() === 1);
    await ui.settled();
    expect(await ui.stateHash()).toBe(afterOne);
    expect(await ui.hook(() => window.__skinsim!.passesThisSession())).toBe(1);
    await ui.skin().focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__skinsim!.logLength() === 0);
    await ui.settled();
    expect(await ui.hook(() => window.__skinsim!.sessionsStarted())).toBe(0);
    expect(await ui.button('Undo').isDisabled()).toBe(true);
    // Once time moves on, the pass stays.
    await ui.button('Roll one pass').click();
    await ui.button('Step hour').click();
    await ui.settle();
    expect(await ui.button('Undo').isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(await ui.hook(() => window.__skinsim!.logLength())).toBe(2);
    await expect(page.locator('#announcer').textContent()).resolves.toMatch(/Nothing to undo: time has moved on/);
  });
});

describe('readouts that agree with each other and the picture (issue 10)', () => {
  it('labels the before/after split halves with the day of each', async () => {
    await ui.reset();
    await ui.button('Roll one pass').click();
    await ui.button('Step day').click();
    await ui.button('Step day').click();
    await ui.settle();
    await page.getByLabel('Before / after split').fill('50');
    const before = page.locator('#split-before');
    const after = page.locator('#split-after');
    expect(await before.isVisible()).toBe(true);
    expect(await after.isVisible()).toBe(true);
    expect(await before.textContent()).toBe('Before · day 0');
    expect(await after.textContent()).toBe('After · day 2');
    // Before on the left half, after on the right.
    const box = (await ui.skin().boundingBox())!;
    expect((await before.boundingBox())!.x + (await before.boundingBox())!.width).toBeLessThanOrEqual(box.x + box.width / 2 + 1);
    expect((await after.boundingBox())!.x).toBeGreaterThanOrEqual(box.x + box.width / 2);
    expect(await page.getByLabel('Before / after split').getAttribute('aria-valuetext')).toMatch(/before any session \(day 0\); the rest shows day 2/);
    await page.getByLabel('Before / after split').fill('0');
    expect(await before.isVisible()).toBe(false);
    expect(await after.isVisible()).toBe(false);
  });

  it('names acute capillary integrity and lasting telangiectasia, with the explanation one click away', async () => {
    await ui.button('About capillary integrity').click();
    await expect(page.locator('#about-capillary').textContent()).resolves.toMatch(/Acute: .*see Telangiectasia/);
    expect(await page.locator('#about-capillary').isVisible()).toBe(true);
    await ui.button('About telangiectasia').click();
    await expect(page.locator('#about-telangiectasia').textContent()).resolves.toMatch(/Lasting: .*do not fade when Capillary integrity recovers/);
    await ui.button('About capillary integrity').click();
    expect(await page.locator('#about-capillary').isVisible()).toBe(false);
  });

  it('with rosacea and no session, the vessels are pre-existing, not the user\'s doing', async () => {
    await ui.reset();
    await page.getByLabel('Rosacea').check();
    await page.getByLabel('Override and simulate anyway').check();
    await page.waitForFunction(() => window.__skinsim!.settings().skin.conditions.includes('rosacea'));
    await ui.button('Step day').click();
    await ui.settle();
    await page.waitForFunction(() => /pre-existing: rosacea/.test(document.getElementById('out-telangiectasia')!.textContent ?? ''), null, { timeout: 20_000 });
    expect(await page.locator('#warning-list li[data-code="telangiectasia-visible"]').count()).toBe(0);
    await ui.reset();
  });
});

describe('"Repeat as a course" (issue 7 hand-over)', () => {
  it('turns the rolled session into a scenario for Compare', async () => {
    await ui.reset();
    for (let k = 0; k < 3; k++) await ui.button('Roll one pass').click();
    await ui.settled();
    await ui.button('Repeat as a course').click();
    await expect(page.locator('#course-note').textContent()).resolves.toMatch(/Course ready for Compare: 1 session on day 0, read out on day 56/);
    // It lands in Compare as a course of its own, with what was rolled.
    await page.waitForFunction(() => document.getElementById('tab-compare')!.getAttribute('aria-selected') === 'true');
    await page.waitForFunction(() => (window.__skinsimCompare?.workspace().courses.length ?? 0) === 1, null, { timeout: 30_000 });
    const course = await page.evaluate(() => window.__skinsimCompare!.workspace().courses[0]!);
    expect(course.sessions).toEqual([{ day: 0, needleMm: 1.5, passes: 3, pressure: 1 }]);
    expect(course.skin).toEqual({ region: 'cheek', phototype: 3, conditions: [] });
    const card = page.getByRole('group', { name: course.name! });
    await expect(card.getByLabel('Passes').inputValue()).resolves.toBe('3');
    await page.getByRole('tab', { name: 'Session' }).click();
  });
});
