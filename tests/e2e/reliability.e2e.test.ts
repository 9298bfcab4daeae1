import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, roundValue, runSinglePatient, SERIES } from '../../src/engine/index';
import { appPage, nodeSession, type AppPage } from './appPage';
import { launchBrowser } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let ui: AppPage;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  ui = appPage(page);
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  // A short deadline, so a killed worker is noticed within seconds (a query parameter of the app).
  await ui.open(`${server.url}?deadlineMs=5000`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fires `count` clicks on "Roll one pass" in one task: faster than any hand, nothing awaited in between. */
async function burstOfPasses(count: number): Promise<void> {
  await ui.button('Roll one pass').evaluate((b, n) => {
    for (let k = 0; k < n; k++) (b as HTMLButtonElement).click();
  }, count);
}

describe('no fast hand confuses it (issue 9)', () => {
  it('15 passes clicked in one burst give the skin of the CLI\'s single 15-pass session with the same seed', async () => {
    await ui.reset();
    await burstOfPasses(15);
    await page.waitForFunction(() => window.__skinsim!.logLength() === 15, null, { timeout: 60_000 });
    await ui.settled();
    const expected = nodeSession();
    for (let k = 0; k < 15; k++) expected.applyPass(0, 1.5, 1);
    expect(await ui.stateHash()).toBe(expected.stateHash());
    expect(await ui.hook(() => window.__skinsim!.passesThisSession())).toBe(15);
    // The means agree with the CLI runner's day-0 sample of the same session.
    const cli = runSinglePatient(
      parseScenario({ version: 1, seed: 42, skin: { region: 'cheek', phototype: 3 }, sessions: [{ day: 0, needleMm: 1.5, passes: 15 }], days: 1 }),
    ).result;
    const means = await ui.hook(() => window.__skinsim!.means());
    for (const name of SERIES) expect(roundValue(means![name]), name).toBe(cli.series[name][0]);
    expect(await ui.readout('Passes this session').textContent()).toMatch(/^1[45]\.\d passes$/);
  });

  it('15 presses of P on the patch as fast as the keyboard goes give the same skin', async () => {
    await ui.reset();
    await ui.skin().focus();
    for (let k = 0; k < 15; k++) await page.keyboard.press('p');
    await page.waitForFunction(() => window.__skinsim!.logLength() === 15, null, { timeout: 60_000 });
    const expected = nodeSession();
    for (let k = 0; k < 15; k++) expected.applyPass(0, 1.5, 1);
    expect(await ui.stateHash()).toBe(expected.stateHash());
  });
});

describe('no fault loses work (issue 9)', () => {
  it('a killed worker is noticed, the user is told, and the session is rebuilt: the same skin as without the fault', async () => {
    await ui.reset();
    for (let k = 0; k < 3; k++) await ui.button('Roll one pass').click();
    await ui.button('Step day').click();
    await page.waitForFunction(() => window.__skinsim!.logLength() === 4, null, { timeout: 60_000 });
    await ui.settle();
    await ui.hook(() => window.__skinsim!.crashWorker());
    // The next intents find no worker: after the deadline a new one is started and the log replayed.
    await ui.button('Roll one pass').click();
    await ui.button('Roll one pass').click();
    await page.waitForFunction(() => window.__skinsim!.recoveries() >= 1 && window.__skinsim!.logLength() === 6, null, { timeout: 90_000 });
    await ui.settle();
    const notice = page.locator('#notices .notice');
    await expect(notice.first().textContent()).resolves.toMatch(/engine stopped .* restarted; your session was rebuilt .* Nothing was lost/);
    expect(await notice.first().isVisible()).toBe(true);
    await expect(page.locator('#announcer').textContent()).resolves.toMatch(/simulation engine stopped/);

    const expected = nodeSession();
    for (let k = 0; k < 3; k++) expected.applyPass(0, 1.5, 1);
    expected.advance(24, true);
    for (let k = 0; k < 2; k++) expected.applyPass(24, 1.5, 1);
    expect(await ui.stateHash()).toBe(expected.stateHash());
    expect(await ui.hook(() => window.__skinsim!.hour())).toBe(24);
    expect(await ui.hook(() => window.__skinsim!.passesThisSession())).toBe(2);
    expect(await ui.hook(() => window.__skinsim!.workerStatus())).toBe('ready');
    expect(consoleErrors).toEqual([]);
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    expect(await page.locator('#notices .notice').count()).toBe(0);
  });
});

describe('a reload restores everything shown (issue 9)', () => {
  it('"Passes this session", the clock, the layer, the sessions list, the chart and the warnings come back', async () => {
    await ui.reset();
    await page.getByLabel('Phototype').selectOption('5');
    await burstOfPasses(15);
    await page.waitForFunction(() => window.__skinsim!.logLength() === 15, null, { timeout: 60_000 });
    await ui.button('Step hour').click();
    await page.getByLabel('Layer').selectOption('erythema');
    await ui.settle();
    const passesBefore = await ui.readout('Passes this session').textContent();
    expect(passesBefore).toMatch(/^1[45]\.\d passes$/);
    const hashBefore = await ui.stateHash();
    await page.waitForTimeout(800);
    await page.reload();
    await ui.ready();
    await ui.settle();
    expect(await ui.readout('Passes this session').textContent()).toBe(passesBefore);
    expect(await ui.day().textContent()).toBe('Day 0, 01:00');
    expect(await page.getByLabel('Layer').inputValue()).toBe('erythema');
    expect(await ui.stateHash()).toBe(hashBefore);
    expect(await page.locator('#warning-list li[data-code="pih-risk"]').count()).toBe(1);

    // A day later the session is over: the count goes back to 0, the session is listed; both survive a reload.
    await ui.button('Step day').click();
    await ui.settle();
    expect(await ui.readout('Passes this session').textContent()).toBe('0.0 passes');
    const sessionsBefore = await page.locator('#session-list').textContent();
    expect(sessionsBefore).toMatch(/Day 0, 00:00: 1[45] passes, 1\.5 mm/);
    await page.waitForFunction(() => document.getElementById('chart-desc')!.textContent !== '');
    await page.waitForTimeout(800);
    const chartBefore = await page.locator('#chart-desc').textContent();
    await page.reload();
    await ui.ready();
    await ui.settle();
    await page.waitForTimeout(600);
    expect(await page.locator('#session-list').textContent()).toBe(sessionsBefore);
    expect(await page.locator('#chart-desc').textContent()).toBe(chartBefore);
    expect(await ui.readout('Passes this session').textContent()).toBe('0.0 passes');
    await page.getByLabel('Phototype').selectOption('3');
    await page.getByLabel('Layer').selectOption('surface');
  });

  it('after Play then Pause, a reload at once brings back the clock shown, and says "Restoring…" (not "Day 0") until then (issue 17)', async () => {
    await ui.reset();
    await ui.button('Roll one pass').click();
    await page.waitForFunction(() => window.__skinsim!.logLength() === 1, null, { timeout: 30_000 });
    await ui.button('Play').click();
    // Play for longer than the autosave's once-a-second clock save, so a save during play is older than the pause.
    await page.waitForFunction(() => window.__skinsim!.clockHours() >= 10, null, { timeout: 30_000 });
    await page.waitForTimeout(400);
    await ui.button('Pause').click();
    const shown = await ui.day().textContent();
    expect(shown).toMatch(/^Day \d+, \d\d:00$/);
    await page.reload();
    // Until the app is ready, the clock says it is loading or restoring, never a day-0 figure.
    const seen = new Set<string>();
    while (!(await page.evaluate(() => document.body.dataset.ready === 'true'))) {
      seen.add((await ui.day().textContent().catch(() => '')) ?? '');
      await page.waitForTimeout(30);
    }
    seen.delete('');
    expect([...seen].filter((t) => t !== shown && t !== 'Loading…' && t !== 'Restoring…')).toEqual([]);
    expect(seen.has('Restoring…')).toBe(true);
    await ui.ready();
    await ui.settle();
    expect(await ui.day().textContent()).toBe(shown);
  });

  it('a saved state from a newer version is refused with a visible message, never half-loaded, and kept', async () => {
    await ui.reset();
    await page.waitForTimeout(800);
    await page.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('keyval-store');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            tx.objectStore('keyval').put({ version: 9, settings: { seed: 1 }, ops: [{ op: 'teleport' }], clockHours: 99 }, 'skinsim/state/v1');
            tx.oncomplete = () => {
              open.result.close();
              ok();
            };
          };
        }),
    );
    await page.reload();
    await ui.ready();
    await expect(page.locator('#notices').textContent()).resolves.toMatch(/format version 9, from a newer SkinSim .* not loaded and is kept as a backup/);
    expect(await ui.hook(() => window.__skinsim!.clockHours())).toBe(0);
    expect(await ui.hook(() => window.__skinsim!.logLength())).toBe(0);
  });

  it('unavailable browser storage falls back to memory with a visible notice, and the app works', async () => {
    const second = await browser.context.newPage();
    try {
      await second.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      });
      const other = appPage(second);
      await other.open(server.url);
      await expect(second.locator('#notices').textContent()).resolves.toMatch(/cannot be saved in this browser .* kept in memory only/);
      await other.button('Roll one pass').click();
      await second.waitForFunction(() => window.__skinsim!.logLength() === 1, null, { timeout: 30_000 });
      // Compare goes through the same storage check: it says so once, and keeps the comparison in memory.
      await second.getByRole('tab', { name: 'Compare' }).click();
      await expect(second.locator('.compare-notices').textContent()).resolves.toMatch(/cannot save the comparison .* stays in memory until the tab closes/);
    } finally {
      await second.close();
    }
  });
});
