/**
 * The browser job pool in real Chromium: a test page (tests/e2e/poolPage) built by vite like the app
 * (module workers, worker format es) runs presets in Web Workers; the results must equal what the
 * CLI prints for the same files, byte for byte and by series fingerprint (issue 9: same bytes in the
 * CLI, the pool and the browser). Cancel of a running course is checked too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERIES, type CohortResult, type ScenarioResult, type SeriesName } from '../../src/engine/index';
import { hashSeries } from '../../src/pool/hash';
import { launchBrowser } from './browser';
import { serveDist } from './staticServer';

const OUT = resolve('test-results/pool-page');
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let scratch: string;
const consoleErrors: string[] = [];

/** What the CLI prints for a scenario file (the built CLI, as `npm run simulate` runs it). */
function cli(path: string): string {
  const res = spawnSync(process.execPath, ['scripts/simulate.mjs', path], { encoding: 'utf8', timeout: 120_000 });
  if (res.status !== 0) throw new Error(`CLI exit ${res.status}: ${res.stderr}`);
  return res.stdout;
}

function readPreset(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve('public/scenarios', name), 'utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  await build({
    configFile: false,
    root: resolve('tests/e2e/poolPage'),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022' },
  });
  scratch = mkdtempSync(join(tmpdir(), 'skinsim-pool-e2e-'));
  server = await serveDist(OUT);
  browser = await launchBrowser({ width: 800, height: 600 });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__pool?.ready === true, null, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the browser pool', () => {
  it('is built by vite as a separate module worker', () => {
    const assets = readdirSync(join(OUT, 'assets'));
    const worker = assets.find((f) => /^pool\.worker-.*\.js$/.test(f));
    expect(worker, assets.join(', ')).toBeDefined();
    // Format es: the worker is an ES module (it imports or exports) and the page starts it as one.
    const main = assets.filter((f) => f.endsWith('.js') && f !== worker).map((f) => readFileSync(join(OUT, 'assets', f), 'utf8')).join('\n');
    expect(main).toMatch(/new Worker\([\s\S]{0,120}?pool\.worker-[\w-]+\.js[\s\S]{0,120}?type:\s*[`"']module[`"']/);
    expect(existsSync(join(OUT, 'index.html'))).toBe(true);
  });

  it('runs a preset course to the same bytes and series fingerprint as the CLI', async () => {
    const preset = readPreset('single-session.json');
    const path = join(scratch, 'single.json');
    writeFileSync(path, JSON.stringify({ ...preset, days: 90 }));
    const expected = cli(path);
    const got = await page.evaluate((s) => window.__pool!.run(s), { ...preset, days: 90 });
    expect(`${got.json}\n`).toBe(expected);
    const parsed = JSON.parse(expected) as ScenarioResult;
    expect(got.hash).toBe(hashSeries(parsed.days, parsed.series));
    expect(got.progress.length).toBeGreaterThan(1);
    expect(got.progress[got.progress.length - 1]).toBe(1);
  });

  it('runs a cohort (patients spread over the workers) to the same bytes as the CLI', async () => {
    const cohort = { ...readPreset('dogra-cohort.json'), days: 45, grid: { cells: 32 }, cohort: { patients: 6 } };
    const path = join(scratch, 'cohort.json');
    writeFileSync(path, JSON.stringify(cohort));
    const expected = cli(path);
    const got = await page.evaluate((s) => window.__pool!.run(s), cohort);
    expect(`${got.json}\n`).toBe(expected);
    const parsed = JSON.parse(expected) as CohortResult;
    const medians = Object.fromEntries(SERIES.map((n) => [n, parsed.series[n].median])) as Record<SeriesName, number[]>;
    expect(got.hash).toBe(hashSeries(parsed.days, medians));
    expect(await page.evaluate(() => window.__pool!.workers())).toBe(2);
  });

  it('cancels a running course and keeps computing the same numbers afterwards', async () => {
    const long = { ...readPreset('three-monthly.json'), days: 365 };
    const next = { ...readPreset('three-monthly.json'), grid: { cells: 48 }, days: 30 };
    const path = join(scratch, 'next.json');
    writeFileSync(path, JSON.stringify(next));
    const parsed = JSON.parse(cli(path)) as ScenarioResult;
    const got = await page.evaluate(([a, b]) => window.__pool!.cancelRunning(a, b), [long, next] as const);
    expect(got.kind).toBe('cancelled');
    expect(got.nextHash).toBe(hashSeries(parsed.days, parsed.series));
    expect(consoleErrors).toEqual([]);
  });
});
