/**
 * Issue 16 in the built app: "Show published data" on Compare's charts (points, data table, legend that
 * names a matching trial), extrapolation tags in charts, summary and the session view's readouts, and the
 * "How good is the model?" dialog running every validation target through the worker pool.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALIDATION_TARGETS } from '../../src/validation/targets';
import { appPage } from './appPage';
import { collectConsoleErrors, launchBrowser } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  collectConsoleErrors(page, consoleErrors);
  await appPage(page).open(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const button = (name: string) => page.getByRole('button', { name, exact: true });

describe('evidence in the app', () => {
  it('the session view’s data readouts turn to extrapolation once the sessions leave the trials’ protocols', async () => {
    const ui = appPage(page);
    const collagenTag = page.locator('#out-collagen + .tag');
    await expect(collagenTag.textContent()).resolves.toBe('data');
    for (let k = 0; k < 3; k++) await button('Roll one pass').click();
    await button('Step day').click();
    await ui.settle();
    // One session of 3 passes: the trials covered 3–6 sessions of 15 passes.
    await page.waitForFunction(() => document.querySelector('#out-collagen + .tag')?.textContent === 'extrapolation', null, { timeout: 30_000 });
    await expect(collagenTag.getAttribute('title')).resolves.toMatch(/sessions 1: trials covered 3–6/);
    // Screen readers get the reason too: the readout is described by it.
    await expect(page.locator('#out-collagen').getAttribute('aria-describedby')).resolves.toMatch(/out-collagen-evidence/);
    await expect(page.locator('#out-collagen-evidence').textContent()).resolves.toMatch(/sessions 1: trials covered 3–6/);
    // Hypotheses stay hypotheses.
    await expect(page.locator('#out-capillary + .tag').textContent()).resolves.toBe('hypothesis');
    // The live chart's legend carries the same tags, and its description says so.
    const legendTags = () => page.evaluate(() => [...document.querySelectorAll('#chart .u-legend .u-label')].map((l) => `${l.firstChild?.textContent?.trim()}: ${l.querySelector('.tag')?.textContent}`));
    await expect(legendTags()).resolves.toEqual([
      'Collagen gain %: extrapolation',
      'Capillary integrity % (acute): hypothesis',
      'Erythema: extrapolation',
      'Oedema: extrapolation',
      'Telangiectasia (lasting): hypothesis',
    ]);
    await page.waitForFunction(() => /Evidence of collagen, erythema and oedema: Outside the published trials' protocols: .*sessions 1/.test(document.getElementById('chart-desc')?.textContent ?? ''), null, { timeout: 10_000 });
  });

  it('Compare: "Show published data" draws the trials, lists them in the data table, and the legend names a matching trial', async () => {
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();
    await page.waitForFunction(() => window.__skinsimCompare !== undefined, null, { timeout: 30_000 });
    for (let n = await page.getByRole('button', { name: 'Remove course' }).count(); n > 0; n--) await page.getByRole('button', { name: 'Remove course' }).first().click();
    for (const label of ['Lotfi 2013: 5 sessions, monthly', 'Daily × 14 (overdoing it)']) {
      await page.getByLabel('Start from').selectOption({ label });
      await button('Add course').click();
    }
    await button('Run').click();
    await page.waitForFunction(() => window.__skinsimCompare!.settled(), null, { timeout: 60_000 });

    const toggle = page.getByRole('checkbox', { name: 'Show published data', exact: true });
    await expect(toggle.isChecked()).resolves.toBe(false);
    const published = () => page.evaluate(() => window.__skinsimCompare!.chartData('collagenGain')!.published);
    await expect(published()).resolves.toEqual([]);
    await toggle.check();
    await page.waitForFunction(() => window.__skinsimCompare!.chartData('collagenGain')!.published.length > 0);
    await expect(published()).resolves.toContain('lotfi-2013-collagen');
    // The grades' chart carries Ablon's three-figure record of texture.
    await expect(page.evaluate(() => window.__skinsimCompare!.chartData('textureSeverity')!.published)).resolves.toContain('ablon-2018-texture');

    const card = page.locator('section.chart-card[data-series="collagenGain"]');
    await card.getByText('Data table', { exact: true }).click();
    const table = card.getByRole('table', { name: 'Published data: Collagen gain' });
    await table.waitFor({ timeout: 10_000 });
    await expect(table.getByRole('row', { name: /Lotfi 2013/ }).count()).resolves.toBeGreaterThan(0);
    await expect(table.textContent()).resolves.toMatch(/\+53\.2 %/);

    const legend = card.locator('.compare-legend');
    await expect(legend.textContent()).resolves.toMatch(/protocol of Lotfi 2013/);
    await expect(legend.textContent()).resolves.toMatch(/extrapolation/);
    await expect(legend.textContent()).resolves.toMatch(/interval 1 d: trials covered 14–30 d/);
    await expect(card.locator('.chart-head .tag').textContent()).resolves.toBe('extrapolation');

    // The summary names the extrapolation and the caps behind each number.
    const summary = page.getByRole('table', { name: 'Course summary' });
    await expect(summary.getByRole('row', { name: /Daily × 14/ }).textContent()).resolves.toMatch(/Extrapolation \(interval 1 d/);
    await expect(summary.textContent()).resolves.toMatch(/C_max/);

    mkdirSync('test-results', { recursive: true });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test-results/compare-published-data.png' });
    if (process.env.SKINSIM_UPDATE_DOCS === '1') copyFileSync('test-results/compare-published-data.png', 'docs/screenshot-published-data.png');

    await toggle.uncheck();
    await page.waitForFunction(() => window.__skinsimCompare!.chartData('collagenGain')!.published.length === 0);
  });

  it('"How good is the model?" runs every validation target in the pool and shows each row passing', async () => {
    await button('How good is the model?').click();
    const dialog = page.getByRole('dialog', { name: 'How good is the model?' });
    // The panel's code loads on first use, then the dialog opens.
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const status = dialog.getByRole('status');
    await page.waitForFunction(() => /targets (pass|fail)/.test(document.querySelector('#model-dialog .model-status')?.textContent ?? ''), null, { timeout: 120_000 });
    await expect(status.textContent()).resolves.toMatch(new RegExp(`All ${VALIDATION_TARGETS.length} targets pass`));
    const rows = dialog.locator('table.model-table tbody tr');
    await expect(rows.count()).resolves.toBe(VALIDATION_TARGETS.length);
    const verdicts = await dialog.locator('td.model-verdict').allTextContents();
    expect(verdicts).toEqual(VALIDATION_TARGETS.map(() => 'passes'));
    // The row shows the published figure with its source and the model's own figure.
    const g1 = rows.filter({ hasText: 'Ablon 2018' }).first();
    await expect(g1.textContent()).resolves.toMatch(/1\.54/);
    await expect(g1.locator('td.model-figures').textContent()).resolves.toMatch(/\d/);
    expect(consoleErrors).toEqual([]);
  });
});
