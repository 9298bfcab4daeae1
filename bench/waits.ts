import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { doseCellJob, doseCellOrder } from '../src/compare/doseMap';
import { newCourse } from '../src/compare/courseForm';
import { pathToFileURL } from 'node:url';
import { createNodePool } from '../src/pool/nodePool';
import { builtPath, ensureBuilt } from '../scripts/buildNode.mjs';
import { appPage } from '../tests/e2e/appPage';
import type { Figure } from './figures';
import { log, spread } from './stats';

/**
 * The waits a user feels (issue 17), in the built app in headless Chromium, each beside what bounds
 * it in the same run:
 *  - `firstSkinMs`: navigation start → the first skin frame drawn (no saved state);
 *  - `restoreMs`: how much later the saved session is back on a reload (navigation start → the saved
 *    clock shown and a frame drawn), over `firstSkinMs`: the app draws no skin before the replay ends,
 *    so this is the time the user waits beyond a fresh start;
 *  - `compareExampleMs`: "Load the example comparison" → the three courses' curves drawn;
 *  - `compareEditMs`: a course's needle changed → its curves redrawn;
 *  - `doseMapMs`: "Compute dose map" → all 110 cells shown; `doseMapCliMs`: the same 110 cells through
 *    the CLI's pool (worker_threads, started fresh, as the CLI does), same run.
 */

/** The 1-minute load average now: other sessions share the machine, so each figure says what it ran beside. */
const loadNow = (): string => loadavg()[0]!.toFixed(2);

/**
 * Milliseconds since the page's navigation started when the skin is drawn (checked every animation
 * frame), and, with `day`, the day readout shows that text.
 */
async function skinDrawnAt(page: Page, day: string | null, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (want) => {
      const drawn = document.body.dataset.ready === 'true' && window.__skinsim !== undefined && window.__skinsim.framesDrawn() > 0;
      const dayOk = want === null || document.getElementById('day')?.textContent === want;
      return drawn && dayOk ? performance.now() : null;
    },
    day,
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function clearSavedState(context: BrowserContext, page: Page, origin: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  await cdp.detach();
}

export async function startupFigures(context: BrowserContext, page: Page, url: string, repeats = 3): Promise<Figure[]> {
  const origin = new URL(url).origin;
  const fresh: number[] = [];
  for (let k = 0; k < repeats; k++) {
    await page.goto('about:blank');
    await clearSavedState(context, page, origin);
    await page.goto(url);
    fresh.push(await skinDrawnAt(page, null));
  }
  // A saved session: a session of 15 passes, then a day and 5 hours later; saved at once by the Step.
  const ui = appPage(page);
  await ui.ready();
  await ui.reset();
  await ui.page.getByRole('button', { name: 'Roll one pass', exact: true }).click();
  await page.waitForFunction(() => window.__skinsim!.logLength() === 1);
  await ui.button('Step day').click();
  for (let k = 0; k < 5; k++) await ui.button('Step hour').click();
  await ui.settle();
  const shown = (await ui.day().textContent()) ?? '';
  await page.waitForTimeout(500);
  const restored: number[] = [];
  for (let k = 0; k < repeats; k++) {
    await page.reload();
    restored.push(await skinDrawnAt(page, shown));
  }
  await ui.ready();
  await ui.reset();
  const first = spread(fresh);
  const extra = restored.map((t) => t - first.median);
  log(`first skin ${first.median.toFixed(0)} ms; restored skin ${spread(restored).median.toFixed(0)} ms (load ${loadNow()})`);
  return [
    { key: 'firstSkinMs', label: 'open the built app until the skin is drawn (no saved state, 1400×1000)', unit: 'ms', value: first, goal: '≤ 1500 ms', note: `load ${loadNow()} at the end` },
    {
      key: 'restoreMs',
      label: `reload with a saved session: the saved state (${shown}, a session) on screen, later than a fresh first skin`,
      unit: 'ms',
      value: spread(extra),
      baseline: { label: 'the fresh first skin (firstSkinMs)', unit: 'ms', value: first },
      goal: '≤ 1000 ms',
      note: `navigation → restored skin: ${spread(restored).median.toFixed(0)} ms; the readouts say "Restoring…" until then`,
    },
  ];
}

/** Opens Compare and measures the example, three edits and the dose map (built app, same page). */
export async function compareFigures(page: Page, url: string, doseRepeats = 2): Promise<Figure[]> {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  await page.waitForFunction(() => window.__skinsimCompare !== undefined, null, { timeout: 60_000 });
  // A user reads the page for a moment before the first click.
  await page.waitForTimeout(1500);

  const example = await page.evaluate(async () => {
    const h = window.__skinsimCompare!;
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Load the example comparison')!;
    const t0 = performance.now();
    button.click();
    let shown = 0;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const d = h.chartData('collagenGain');
      if (!shown && d && d.names.length === 3 && d.values.every((v) => v.some((x) => x !== null))) shown = performance.now() - t0;
      if (shown && h.settled()) return { shown, settled: performance.now() - t0 };
      if (performance.now() - t0 > 60_000) throw new Error('the example comparison did not settle within 60 s');
    }
  });
  const exampleLoad = loadNow();

  const edits: number[] = [];
  const editSettled: number[] = [];
  for (const needle of ['1', '2', '1.25', '0.75', '1.5']) {
    const r = await page.evaluate(async (value) => {
      const h = window.__skinsimCompare!;
      const card = document.querySelector('[aria-label="Weekly × 12"]');
      const label = card ? [...card.querySelectorAll('label')].find((l) => l.textContent === 'Needle length (mm)') : undefined;
      const input = label?.control as HTMLInputElement | undefined;
      if (!input) throw new Error('no "Needle length (mm)" field on the Weekly × 12 course');
      const probe = (): string => {
        const v = h.chartData('collagenGain')?.values[1];
        return v ? `${v[60]}|${v[120]}|${v[200]}` : '';
      };
      const before = probe();
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      let shown = 0;
      for (;;) {
        await new Promise((res) => requestAnimationFrame(res));
        const now = probe();
        if (!shown && now !== '' && !now.includes('null') && now !== before) shown = performance.now() - t0;
        if (shown && h.settled()) return { shown, settled: performance.now() - t0 };
        if (performance.now() - t0 > 60_000) throw new Error('an edited course did not settle within 60 s');
      }
    }, needle);
    edits.push(r.shown);
    editSettled.push(r.settled);
  }
  const editLoad = loadNow();

  const dose: number[] = [];
  for (let k = 0; k < doseRepeats; k++) {
    dose.push(
      await page.evaluate(async () => {
        const h = window.__skinsimCompare!;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compute dose map')!;
        const t0 = performance.now();
        button.click();
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          if (h.doseMap().status === 'done') return performance.now() - t0;
          if (performance.now() - t0 > 180_000) throw new Error('the dose map did not finish within 180 s');
        }
      }),
    );
  }
  const doseLoad = loadNow();
  const cli = await doseMapInNodePool(doseRepeats);
  const doseMs = spread(dose);
  const cliMs = spread(cli);
  log(`dose map ${doseMs.median.toFixed(0)} ms (CLI pool ${cliMs.median.toFixed(0)} ms); example ${example.shown.toFixed(0)} ms; edit ${spread(edits).median.toFixed(0)} ms`);
  return [
    {
      key: 'doseMapMs',
      label: 'Compute dose map (110 courses, 3 sessions × 15 passes) in the app until every cell is shown',
      unit: 'ms',
      value: doseMs,
      baseline: { label: 'the same 110 courses through the CLI’s pool (doseMapCliMs)', unit: 'ms', value: cliMs },
      goal: '≤ 1.5 × doseMapCliMs',
      note: `${(doseMs.median / cliMs.median).toFixed(2)} × the CLI's pool; load ${doseLoad}`,
    },
    { key: 'doseMapCliMs', label: 'the dose map’s 110 courses through the CLI’s pool (worker_threads, started fresh)', unit: 'ms', value: cliMs, note: `load ${loadNow()}` },
    {
      key: 'compareExampleMs',
      label: '"Load the example comparison" until the three courses’ curves are drawn',
      unit: 'ms',
      value: spread([example.shown]),
      goal: '≤ 1000 ms',
      note: `curves from the quick runs at the cohort grid; the runs at 160² replace them at ${example.settled.toFixed(0)} ms; load ${exampleLoad}`,
    },
    {
      key: 'compareEditMs',
      label: 'a course’s needle edited until its curves are redrawn (Compare, 3 courses)',
      unit: 'ms',
      value: spread(edits),
      goal: '≤ 300 ms',
      note: `the run at 160² settles ${spread(editSettled).median.toFixed(0)} ms after the edit (median); load ${editLoad}`,
    },
  ];
}

/** The dose map's 110 cells (default course, 3 sessions × 15 passes) through a fresh Node pool, as the CLI runs. */
async function doseMapInNodePool(repeats: number): Promise<number[]> {
  const base = newCourse(0);
  const jobs = doseCellOrder().map((cell) => ({ kind: 'dose-cell' as const, ...doseCellJob(base, { sessions: 3, passes: 15 }, cell), gridCells: 32 }));
  const out: number[] = [];
  // The CLI's pool runs the built worker (dist-node/), not the TypeScript sources through tsx.
  await ensureBuilt();
  const workerUrl = pathToFileURL(builtPath('nodeWorker'));
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    const pool = createNodePool({ workerUrl });
    try {
      await Promise.all(jobs.map((job) => pool.submit(job).promise));
    } finally {
      pool.close();
    }
    out.push(performance.now() - t0);
  }
  return out;
}
