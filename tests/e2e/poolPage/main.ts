import { parseScenario } from '../../../src/engine/scenario';
import { isCohortResult } from '../../../src/engine/simulate';
import { withEvidence } from '../../../src/evidence/seriesEvidence';
import { hashSeries } from '../../../src/pool/hash';
import { runCourseArrays, runScenarioInPool } from '../../../src/pool/scenarioJobs';
import { createWebPool } from '../../../src/pool/webPool';

/**
 * A page that only runs the browser pool, built by vite like the app (worker format es), so the end-to-end
 * test can compare what a browser worker computes with the CLI. What the test calls through page.evaluate.
 */
export interface PoolPageHook {
  ready: true;
  /** Runs a scenario (its cohort if any) in the pool; the CLI's JSON text, a series fingerprint, progress seen. */
  run(scenario: unknown): Promise<{ json: string; hash: string; progress: number[] }>;
  /** Starts a long course, cancels it at its first progress report; the error kind and whether a next job runs. */
  cancelRunning(scenario: unknown, next: unknown): Promise<{ kind: string; nextHash: string }>;
  workers(): number;
}

declare global {
  interface Window {
    __pool?: PoolPageHook;
  }
}

const pool = createWebPool({ size: 2 });

window.__pool = {
  ready: true,
  async run(input) {
    const scenario = parseScenario(input);
    const progress: number[] = [];
    const result = await runScenarioInPool(pool, scenario, { onProgress: (f) => progress.push(f) });
    const series = isCohortResult(result)
      ? (Object.fromEntries(Object.entries(result.series).map(([k, band]) => [k, band.median])) as Record<keyof typeof result.series, number[]>)
      : result.series;
    // The CLI's JSON carries the evidence tags (docs/scenario-format.md); the page adds them the same way.
    return { json: JSON.stringify(withEvidence(result, scenario)), hash: hashSeries(result.days, series), progress };
  },
  async cancelRunning(input, nextInput) {
    const abort = new AbortController();
    let kind = 'none';
    try {
      await runCourseArrays(pool, parseScenario(input), { signal: abort.signal, onProgress: (f) => f > 0 && abort.abort() });
    } catch (err) {
      kind = (err as { kind?: string }).kind ?? 'other';
    }
    const next = await runCourseArrays(pool, parseScenario(nextInput));
    return { kind, nextHash: hashSeries(next.days, next.series) };
  },
  workers: () => pool.workers,
};
