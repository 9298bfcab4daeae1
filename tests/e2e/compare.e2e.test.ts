import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/engine/csv';
import { collectConsoleErrors, launchBrowser } from './browser';
import { serveDist } from './staticServer';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const dialogs: string[] = [];

/** Page object of the Compare view, driven by role and accessible name (the public contract of issue 7). */
const ui = {
  tab: () => page.getByRole('tab', { name: 'Compare', exact: true }),
  button: (name: string) => page.getByRole('button', { name, exact: true }),
  course: (name: string) => page.getByRole('group', { name, exact: true }),
  chart: (measure: string) => page.getByRole('img', { name: `${measure} chart`, exact: true }),
  summary: () => page.getByRole('table', { name: 'Course summary' }),
};

async function openCompare(url = server.url): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
  if ((await ui.tab().getAttribute('aria-selected')) !== 'true') await ui.tab().click();
  await page.waitForFunction(() => window.__skinsimCompare !== undefined, null, { timeout: 30_000 });
}

async function clearCourses(): Promise<void> {
  for (let n = await page.getByRole('button', { name: 'Remove course' }).count(); n > 0; n--) {
    await page.getByRole('button', { name: 'Remove course' }).first().click();
  }
}

async function addPreset(label: string): Promise<void> {
  await page.getByLabel('Start from').selectOption({ label });
  await ui.button('Add course').click();
}

async function runAndSettle(): Promise<void> {
  await ui.button('Run').click();
  await page.waitForFunction(() => window.__skinsimCompare!.settled(), null, { timeout: 60_000 });
}

async function seriesAt(measure: string, day: number): Promise<(number | null)[]> {
  return page.evaluate(
    ([m, d]) => {
      const data = window.__skinsimCompare!.chartData(m as never)!;
      const k = data.x.findIndex((x) => x >= (d as number));
      return data.values.map((v) => v[k] ?? null);
    },
    [measure, day] as const,
  );
}

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  collectConsoleErrors(page, consoleErrors);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openCompare();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Compare view in headless Chromium', () => {
  it('runs three presets side by side: monthly spares the capillaries, daily damages them and gains less than weekly', async () => {
    await clearCourses();
    await addPreset('3 × monthly');
    await addPreset('Weekly × 12');
    await addPreset('Daily × 14 (overdoing it)');
    await runAndSettle();
    const collagen = await page.evaluate(() => window.__skinsimCompare!.chartData('collagenGain'));
    expect(collagen?.names).toEqual(['3 × monthly', 'Weekly × 12', 'Daily × 14 (overdoing it)']);
    // The curves differ.
    expect(collagen!.values[0]).not.toEqual(collagen!.values[1]);
    const [, weekly180, daily180] = await seriesAt('collagenGain', 180);
    expect(daily180!).toBeLessThan(weekly180!);
    const telangiectasia = await seriesAt('telangiectasia', 180);
    expect(telangiectasia[0]!).toBeLessThan(0.02);
    expect(telangiectasia[2]!).toBeGreaterThan(0.1);
    await expect(ui.chart('Collagen gain').count()).resolves.toBe(1);
    // The summary table has a row per course, and says which numbers are hypotheses.
    await expect(ui.summary().getByRole('row').count()).resolves.toBe(4);
    await expect(ui.summary().textContent()).resolves.toMatch(/Telangiectasia/);
    expect(consoleErrors).toEqual([]);
    // The README's Compare screenshot comes from this run, not from a hand.
    mkdirSync('test-results', { recursive: true });
    await page.evaluate(() => document.querySelector('.compare-layout')!.scrollIntoView());
    await page.screenshot({ path: 'test-results/compare-three-presets.png' });
    if (process.env.SKINSIM_UPDATE_DOCS === '1') copyFileSync('test-results/compare-three-presets.png', 'docs/screenshot-compare.png');
  });

  it('Export CSV downloads the rows the charts show', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), ui.button('Export CSV').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const { header, rows } = parseCsv(text);
    const shown = await page.evaluate(() => window.__skinsimCompare!.resultSeries(1)!);
    const weekly = rows.filter((r) => r[header.indexOf('name')] === 'Weekly × 12');
    expect(weekly).toHaveLength(shown.days.length);
    const col = header.indexOf('telangiectasia');
    weekly.forEach((r, t) => expect(Number(r[col])).toBe(shown.series.telangiectasia![t]));
    expect(weekly[0]![header.indexOf('seed')]).toBe('42');
  });

  it('the same preset gives bit-identical series in the CLI and in the browser pool', async () => {
    const cli = JSON.parse(execFileSync('npm', ['run', '-s', 'simulate', '--', 'public/scenarios/weekly-12.json'], { encoding: 'utf8' })) as {
      days: number[];
      series: Record<string, number[]>;
    };
    const shown = await page.evaluate(() => window.__skinsimCompare!.resultSeries(1)!);
    expect(shown.days).toEqual(cli.days);
    for (const [name, values] of Object.entries(cli.series)) expect(shown.series[name], name).toEqual(values);
  });

  it('Cancel stops a running course', async () => {
    await clearCourses();
    await addPreset('Dogra 2014 cohort: 5 monthly sessions, phototypes IV–V');
    const course = ui.course('Dogra 2014 cohort: 5 monthly sessions, phototypes IV–V');
    await course.getByLabel('Cohort size').fill('200');
    await course.getByLabel('Cohort size').press('Tab');
    await ui.button('Run').click();
    await page.waitForFunction(() => window.__skinsimCompare!.statuses()[0] === 'running');
    await course.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForFunction(() => window.__skinsimCompare!.statuses()[0] === 'cancelled');
    await expect(course.textContent()).resolves.toMatch(/Cancelled/);
  });

  it('a malformed import shows the field and keeps the workspace', async () => {
    await clearCourses();
    await addPreset('3 × monthly');
    const before = await page.evaluate(() => window.__skinsimCompare!.workspace());
    const bad = JSON.stringify([{ ...before.courses[0], protocol: { ...before.courses[0]!.protocol, needleMm: 7 } }]);
    const chooser = page.waitForEvent('filechooser');
    await ui.button('Import').click();
    await (await chooser).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.getByText(/\[0\]\.protocol\.needleMm: 7 is above the maximum/).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => window.__skinsimCompare!.workspace())).toEqual(before);
  });

  it('a share link opened in a fresh browser restores the same courses, names as text', async () => {
    await clearCourses();
    await addPreset('3 × monthly');
    await addPreset('Daily × 14 (overdoing it)');
    const name = ui.course('3 × monthly').getByLabel('Course name');
    await name.fill('<img src=x onerror=alert(1)>');
    await name.press('Tab');
    await ui.button('Copy share link').click();
    await page.waitForFunction(() => location.hash.startsWith('#compare='));
    const link = page.url();
    const workspace = await page.evaluate(() => window.__skinsimCompare!.workspace());
    await ui.button('Run').click();
    await page.waitForFunction(() => window.__skinsimCompare!.settled(), null, { timeout: 60_000 });
    const series = await page.evaluate(() => [0, 1].map((k) => window.__skinsimCompare!.resultSeries(k)));
    const fresh = await launchBrowser();
    try {
      const p2 = fresh.context.pages()[0] ?? (await fresh.context.newPage());
      const errors: string[] = [];
      p2.on('pageerror', (e) => errors.push(String(e)));
      p2.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await p2.goto(link);
      await p2.waitForFunction(() => window.__skinsimCompare?.settled() === true, null, { timeout: 60_000 });
      expect(await p2.evaluate(() => window.__skinsimCompare!.workspace())).toEqual(workspace);
      // Determinism across the round trip: the same bytes in a fresh browser.
      expect(await p2.evaluate(() => [0, 1].map((k) => window.__skinsimCompare!.resultSeries(k)))).toEqual(series);
      const legend: Locator = p2.getByRole('group', { name: '<img src=x onerror=alert(1)>' });
      await expect(legend.count()).resolves.toBe(1);
      expect(await p2.locator('img[src="x"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
    expect(dialogs).toEqual([]);
  });

  it.each([
    [390, 844],
    [320, 640],
  ])('%i×%i: the Compare view with three courses, their charts and the summary never scrolls sideways', async (width, height) => {
    await page.setViewportSize({ width, height });
    try {
      await ui.button('Load the example comparison').click();
      await page.waitForFunction(() => window.__skinsimCompare!.settled(), null, { timeout: 60_000 });
      await page.waitForTimeout(300);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const box = await ui.chart('Collagen gain').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
});
